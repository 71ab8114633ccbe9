"""The VAE's learned latent prior: fit, sample, save and load (safetensors), use in generation, DP refusal, CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest

from medcore import checkpoints
from medcore.imaging.latent_prior import PriorError, fit_latent_prior, load_prior, sample_latents, save_prior
from medcore.imaging.latent_prior_fit import fit_for_checkpoint
from medcore.imaging.train import TrainConfig, train_image
from medcore.jobs import ConsoleReporter
from tests.imaging.test_latent import TINY_VAE


def _two_clusters(n=200, seed=0):
    """Latents of two classes far apart, each a tight Gaussian around its own centre."""
    rng = np.random.default_rng(seed)
    y = np.repeat([0, 1], n // 2)
    centre = np.where(y[:, None] == 0, -3.0, 3.0)
    z = centre + 0.1 * rng.standard_normal((n, 2 * 4 * 4))
    return z.reshape(n, 2, 4, 4), y


def test_samples_follow_each_class_not_the_standard_normal():
    z, y = _two_clusters()
    prior = fit_latent_prior(z, y, dims=4, components=2)
    a = sample_latents(prior, 50, [0] * 50, seed=1)
    b = sample_latents(prior, 50, [1] * 50, seed=1)
    assert a.shape == (50, 2, 4, 4) and a.dtype == np.float32
    # N(0, I) would centre both classes on 0 with unit spread
    assert a.mean() == pytest.approx(-3.0, abs=0.1) and b.mean() == pytest.approx(3.0, abs=0.1)
    assert a.std() < 0.5 and b.std() < 0.5
    assert np.array_equal(sample_latents(prior, 5, [0] * 5, seed=7), sample_latents(prior, 5, [0] * 5, seed=7))


def test_save_and_load_round_trip_without_pickle(tmp_path):
    z, y = _two_clusters()
    prior = fit_latent_prior(z, y, dims=4, components=2)
    path = save_prior(prior, tmp_path)
    assert path.read_bytes()[8:9] == b"{"  # a safetensors header, not a pickle stream
    back = load_prior(tmp_path)
    assert back.shape == prior.shape and back.dims == 4 and len(back.classes) == 2
    assert back.classes[1].n_fit == 100
    np.testing.assert_allclose(sample_latents(back, 8, [1] * 8, seed=3), sample_latents(prior, 8, [1] * 8, seed=3),
                               atol=1e-4)
    assert load_prior(tmp_path / "none") is None


def test_bad_input_is_refused_with_a_message():
    z, y = _two_clusters()
    with pytest.raises(PriorError, match="shape"):
        fit_latent_prior(z.reshape(len(z), -1), y)
    prior = fit_latent_prior(z, y, dims=4, components=2)
    with pytest.raises(PriorError, match="out of range"):
        sample_latents(prior, 2, [0, 5])
    with pytest.raises(PriorError, match="labels"):
        sample_latents(prior, 3, [0, 1])


@pytest.fixture
def tiny_vae_run(settings, tiny_folder):
    cfg = TrainConfig(model="vae", dataset=str(tiny_folder), steps=2, name="tvae-prior", **TINY_VAE)
    train_image(cfg, settings, ConsoleReporter(every_s=999))
    return checkpoints.latest(cfg.resolved_out_dir(settings))


def test_fitted_on_a_checkpoint_it_is_used_by_generation_and_kept_in_the_manifest(settings, tiny_vae_run):
    from medcore.imaging.sample import SampleRequest, generate, load_model

    before = generate(load_model(tiny_vae_run), SampleRequest(n=4, class_name="tumour", seed=0))
    report = fit_for_checkpoint(settings, tiny_vae_run, dims=4, components=2)
    assert report["fitted_on"] and sum(report["fitted_on"]) == report["train_scans"]
    model = load_model(tiny_vae_run)
    assert model.prior is not None and model.prior.dims == 4
    after = generate(model, SampleRequest(n=4, class_name="tumour", seed=0))
    assert after.images.shape == before.images.shape and not np.array_equal(after.images, before.images)
    assert "latent_prior.safetensors" in json.loads((tiny_vae_run / checkpoints.MANIFEST).read_text())
    checkpoints.validate(tiny_vae_run)  # the manifest still matches every file


def test_a_dp_checkpoint_refuses_a_prior(settings, tiny_vae_run):
    state = json.loads((tiny_vae_run / "state.json").read_text())
    state["dp"] = {"epsilon": 8.0, "delta": 1e-5, "max_grad_norm": 1.0}
    (tiny_vae_run / "state.json").write_text(json.dumps(state))
    with pytest.raises(PriorError, match="differentially private"):
        fit_for_checkpoint(settings, tiny_vae_run, dims=4, components=2)


def test_cli_fits_and_reports(settings, tiny_vae_run, capsys):
    from medcore.cli import main

    assert main(["train", "image-prior", str(tiny_vae_run), "--dims", "3", "--components", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dims"] == 3 and out["file"].endswith("latent_prior.safetensors")
    assert main(["train", "image-prior", str(tiny_vae_run), "--dims", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err
