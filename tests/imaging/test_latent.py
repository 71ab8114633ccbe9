"""The VAE and latent diffusion with tiny models built in code: train, resume, sample, decode, mark."""

from __future__ import annotations

import json

import pytest

from medcore import checkpoints
from medcore.imaging.train import TrainConfig, train_image
from medcore.jobs import ConsoleReporter
from tests.imaging.conftest import TINY

TINY_VAE = dict(size=16, vae_channels=(4, 8, 8), latent_channels=2, batch_size=4, kl_anneal_steps=2,
                preview_every=2, checkpoint_every=2, keep=2)


def _quiet():
    return ConsoleReporter(every_s=999)


@pytest.fixture
def tiny_vae(settings, tiny_folder):
    cfg = TrainConfig(model="vae", dataset=str(tiny_folder), steps=4, name="tvae", disc_weight=0.1, disc_start=2,
                      **TINY_VAE)
    return cfg, train_image(cfg, settings, _quiet())


def test_ssim_and_psnr_behave():
    import torch

    from medcore.imaging.vae import psnr, ssim

    g = torch.Generator().manual_seed(0)
    x = torch.rand((2, 1, 32, 32), generator=g) * 2 - 1
    noisy = (x + 0.2 * torch.randn(x.shape, generator=g)).clamp(-1, 1)
    assert float(ssim(x, x)) == pytest.approx(1.0, abs=1e-4)
    assert float(ssim(x, noisy)) < 0.9
    assert float(psnr(x, noisy).mean()) == pytest.approx(10 * torch.log10(4 / ((x - noisy) ** 2).mean()).item(), rel=1e-3)


def test_vae_downsamples_by_four_and_kl_is_annealed():
    import torch

    from medcore.imaging.vae import VAEConfig, build_vae, kl_weight_at

    cfg = VAEConfig(size=16, channels=(4, 8, 8), latent_channels=3)
    mean, logvar = build_vae(cfg).encode(torch.zeros(2, 1, 16, 16), torch.tensor([0, 1]))
    assert mean.shape == logvar.shape == (2, 3, 4, 4) and cfg.factor == 4
    assert kl_weight_at(cfg, 0) == 0 and kl_weight_at(cfg, cfg.kl_anneal_steps // 2) == pytest.approx(cfg.kl_weight / 2)
    assert kl_weight_at(cfg, 10 * cfg.kl_anneal_steps) == cfg.kl_weight


def test_vae_trains_with_discriminator_measures_holdout_resumes_and_samples(settings, tiny_vae):
    from medcore.imaging.sample import SampleRequest, generate, load_model, marked_pngs

    cfg, result = tiny_vae
    assert result["steps"] == 4 and result["eval"]["n"] > 0 and "psnr_db" in result["eval"]
    out = cfg.resolved_out_dir(settings)
    tensors, state, optim = checkpoints.load(checkpoints.latest(out))
    assert state["kind"] == "vae" and [s for s, _ in state["evals"]] == [2, 4]
    assert any(k.startswith("disc.") for k in tensors) and set(optim) == {"vae", "disc"}
    assert sorted(p.name for p in (out / "previews").iterdir()) == ["step-00000002.png", "step-00000004.png"]
    cfg.steps = 9
    (out / "STOP").touch()  # how a background run is stopped at a checkpoint
    stopped = train_image(cfg, settings, _quiet(), resume=True)
    assert stopped["cancelled"] and stopped["steps"] == 5 and not (out / "STOP").exists()
    assert checkpoints.latest(out).name == "ckpt-00000005"
    model = load_model(out)
    assert model.kind == "vae" and model.size == 16
    batch = generate(model, SampleRequest("tumour", 3, 0))
    assert batch.images.shape == (3, 16, 16) and batch.labels == [1, 1, 1]
    assert batch.metadata(0)["medcore:sampler"] == "generator"
    assert len(marked_pngs(batch)) == 3


def test_latent_ddpm_end_to_end(settings, tiny_folder, tiny_vae):
    import numpy as np
    from safetensors.torch import load_file

    from medcore.imaging.export import export_checkpoint
    from medcore.imaging.sample import SampleRequest, generate, load_model, mark_synthetic, marked_pngs

    vae_cfg, _ = tiny_vae
    vae_dir = vae_cfg.resolved_out_dir(settings)
    cfg = TrainConfig(model="ldm", dataset=str(tiny_folder), steps=4, name="tldm", vae=str(vae_dir),
                      **{**TINY, "channels": (8, 16), "preview_every": 2})
    assert cfg.prediction == "v_prediction"
    first = train_image(cfg, settings, _quiet())
    out = cfg.resolved_out_dir(settings)
    tensors, state, _ = checkpoints.load(checkpoints.latest(out))
    scale = state["vae_config"]["latent_scale"]
    assert state["kind"] == "ldm" and scale > 0 and scale != 1.0
    assert state["model_config"]["in_channels"] == 2 and state["model_config"]["size"] == 4
    assert not state["model_config"]["clip_sample"] and first["steps"] == 4
    assert (out / "previews" / "step-00000004.png").exists()
    # the VAE run trains on; the latent run keeps decoding with the VAE it was trained with
    vae_cfg.steps = 7
    train_image(vae_cfg, settings, _quiet(), resume=True)
    cfg.steps = 6
    assert train_image(cfg, settings, _quiet(), resume=True)["steps"] == 6
    t2, s2, _ = checkpoints.load(checkpoints.latest(out))
    assert s2["vae_config"]["latent_scale"] == scale
    assert all((t2[k] == v).all() for k, v in tensors.items() if k.startswith("vae."))
    model = load_model(out)
    assert model.kind == "ldm" and model.size == 16
    for sampler in ("dpm++", "ddim"):
        batch = generate(model, SampleRequest("no tumour", 2, 3, sampler, 4, 2.0))
        assert batch.images.shape == (2, 16, 16) and batch.images.dtype == np.uint8
        assert batch.metadata(0)["medcore:sampler"] == sampler
    again = generate(model, SampleRequest("no tumour", 2, 3, "ddim", 4, 2.0))
    assert (again.images == batch.images).all()
    name, png = marked_pngs(batch)[0]
    assert b"SYNTHETIC" in png and mark_synthetic(batch.images[0]).shape == (256, 256)
    traj = generate(model, SampleRequest(None, 1, 0, "ddim", 3, 1.0, trajectory=True)).trajectory
    assert len(traj) == 4 and traj[-1][1].shape == (1, 16, 16)
    exported = export_checkpoint(checkpoints.latest(out), settings.data_dir / "ldm-export", half=True)
    keys = load_file(str(exported / "model.safetensors")).keys()
    assert {k.split(".")[0] for k in keys} == {"ema", "vae"}
    assert generate(load_model(exported), SampleRequest(None, 2, 0, "dpm++", 3)).images.shape == (2, 16, 16)
    assert json.loads((exported / "state.json").read_text())["kind"] == "ldm"
    # a resumable export, copied into a fresh run folder, resumes even when the VAE run is gone
    import shutil

    full = export_checkpoint(checkpoints.latest(out), settings.data_dir / "ldm-full", resumable=True)
    assert {k.split(".")[0] for k in load_file(str(full / "model.safetensors"))} == {"model", "ema", "vae"}
    shutil.copytree(full, settings.data_dir / "again" / "ckpt-00000006")
    cfg2 = TrainConfig(**{**cfg.to_dict(), "vae": "/nonexistent", "steps": 7, "name": "",
                          "out_dir": str(settings.data_dir / "again")})
    assert train_image(cfg2, settings, _quiet(), resume=True)["steps"] == 7
    bench = _bench_module()
    speed = bench._latent_speed(str(exported), pixel_dpm_s=1.0, n=2)
    assert speed["size"] == 16 and speed["vae_decode_16_s"] > 0 and "within_10s_budget" in speed


def _bench_module():
    import importlib.util

    from medcore.config import REPO_ROOT

    spec = importlib.util.spec_from_file_location("bench_imaging", REPO_ROOT / "bench" / "bench_imaging.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_ldm_refuses_a_non_vae_checkpoint(settings, tiny_folder, tiny_run):
    from medcore.imaging.train import TrainError

    _, ddpm_run = tiny_run
    cfg = TrainConfig(model="ldm", dataset=str(tiny_folder), steps=2, name="bad", vae=str(ddpm_run), **TINY)
    with pytest.raises(TrainError, match="not a VAE"):
        train_image(cfg, settings, _quiet())


def test_cli_trains_vae_then_ldm_and_generates_by_kind(settings, tiny_folder, tmp_path, capsys):
    from medcore.cli import main

    base = ["--dataset", str(tiny_folder), "--size", "16", "--steps", "2", "--batch-size", "4", "--preview-every", "0",
            "--checkpoint-every", "2", "--no-register"]
    vae_dir, ldm_dir = tmp_path / "vae", tmp_path / "ldm"
    assert main(["train", "image", "--model", "vae", "--vae-channels", "4,8,8", "--latent-channels", "2",
                 "--out-dir", str(vae_dir), *base]) == 0
    assert main(["train", "image", "--model", "ldm", "--vae", str(vae_dir), "--channels", "8,16", "--no-attention",
                 "--out-dir", str(ldm_dir), *base]) == 0
    capsys.readouterr()
    out = tmp_path / "png"
    assert main(["generate", "image", "--model", "ldm", "--checkpoint", str(ldm_dir), "--n", "2", "--steps", "3",
                 "--out", str(out), "--dicom"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == 4 and len(list(out.glob("*.png"))) == 2
    assert main(["generate", "image", "--model", "gan", "--checkpoint", str(vae_dir), "--out", str(out)]) == 2
    assert "not a gan" in capsys.readouterr().err
    assert main(["eval", "image", "--checkpoint", str(vae_dir), "--reconstruction"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["model"] == "vae" and rec["n"] >= 1 and rec["psnr_db"] > 0 and -1 <= rec["ssim"] <= 1
    assert main(["eval", "image", "--checkpoint", str(ldm_dir), "--reconstruction"]) == 2


def test_vae_trains_with_dp_sgd_and_every_image_states_its_epsilon(settings, tiny_folder):
    from medcore.imaging.sample import SampleRequest, generate, load_model
    from medcore.imaging.train import TrainError

    cfg = TrainConfig(model="vae", dataset=str(tiny_folder), steps=3, name="dp", dp_epsilon=8.0, dp_delta=1e-3,
                      **{**TINY_VAE, "preview_every": 0, "checkpoint_every": 0})
    first = train_image(cfg, settings, _quiet())
    dp = first["dp"]
    assert 0 < dp["epsilon"] < 8.0 and dp["noise_multiplier"] > 0 and dp["delta"] == 1e-3
    cfg.steps = 4
    second = train_image(cfg, settings, _quiet(), resume=True)
    assert second["dp"]["noise_multiplier"] == dp["noise_multiplier"]  # the noise planned for 3 steps holds
    assert second["dp"]["epsilon"] > dp["epsilon"]  # a longer run spends more than it planned for
    batch = generate(load_model(cfg.resolved_out_dir(settings)), SampleRequest(None, 2, 0))
    assert f"epsilon={second['dp']['epsilon']:.2f} at delta=0.001" in batch.metadata(1)["medcore:privacy"]
    with pytest.raises(TrainError, match="discriminator"):
        train_image(TrainConfig(model="vae", dataset=str(tiny_folder), steps=1, name="dpd", dp_epsilon=8.0,
                                dp_delta=1e-3, disc_weight=0.1, **TINY_VAE), settings, _quiet())
    with pytest.raises(TrainError, match="not --model ldm"):
        TrainConfig(model="ldm", vae="x", dp_epsilon=1.0)
