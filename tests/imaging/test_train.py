import json
import time

import pytest

from medcore import checkpoints
from medcore.imaging.train import TrainConfig, TrainError, train_image
from medcore.jobs import ConsoleReporter
from tests.imaging.conftest import TINY


class StopAt(ConsoleReporter):
    """Asks the loop to stop once it reaches a step, like the Cancel button."""

    def __init__(self, step):
        super().__init__(every_s=999)
        self.stop_after, self.calls, self.rows = step, 0, []

    def progress(self, step, total, loss=None, *, metrics=None, preview_path=None):
        self.rows.append((step, loss, preview_path))

    def should_cancel(self):
        self.calls += 1  # the loop asks once per step
        return self.calls >= self.stop_after


def test_ddpm_trains_checkpoints_cancels_and_resumes(settings, tiny_folder):
    cfg = TrainConfig(model="ddpm", dataset=str(tiny_folder), steps=8, name="r", **{**TINY, "preview_every": 4})
    first = train_image(cfg, settings, StopAt(5))
    assert first["cancelled"] and first["steps"] == 5
    out = cfg.resolved_out_dir(settings)
    assert [p.name for p in checkpoints.list_checkpoints(out)] == ["ckpt-00000003", "ckpt-00000005"]
    tensors, state, optim = checkpoints.load(checkpoints.latest(out))
    assert any(k.startswith("ema.") for k in tensors) and any(k.startswith("model.") for k in tensors)
    assert state["kind"] == "ddpm" and state["class_names"] == ["no tumour", "tumour"] and optim
    with pytest.raises(TrainError, match="--resume"):
        train_image(cfg, settings, ConsoleReporter(every_s=999))
    rep = StopAt(10**9)
    second = train_image(cfg, settings, rep, resume=True)
    assert not second["cancelled"] and second["steps"] == 8
    assert rep.rows[0][0] > 5  # continued, did not start over
    assert any(p for _, _, p in rep.rows)  # a preview grid was written
    final = json.loads((checkpoints.latest(out) / "state.json").read_text())
    assert final["finished"] and final["step"] == 8 and final["images_seen"] == 8 * TINY["batch_size"]


def test_gan_trains_and_resumes(settings, tiny_folder):
    cfg = TrainConfig(model="gan", dataset=str(tiny_folder), steps=4, name="g", gan_width=16,
                      **{k: v for k, v in TINY.items() if k not in ("channels", "attention")})
    r = train_image(cfg, settings, ConsoleReporter(every_s=999))
    assert r["steps"] == 4 and r["final_loss"] is not None
    cfg.steps = 6
    r2 = train_image(cfg, settings, ConsoleReporter(every_s=999), resume=True)
    assert r2["steps"] == 6


def test_single_class_trains_unconditionally(tmp_path, settings, tiny_folder):
    from medcore.imaging.sample import SampleRequest, generate, load_model

    only = tmp_path / "only"
    only.mkdir()
    for p in (tiny_folder / "tumour").iterdir():
        (only / p.name).write_bytes(p.read_bytes())
    cfg = TrainConfig(model="ddpm", dataset=str(only), steps=2, name="u", **TINY)
    r = train_image(cfg, settings, ConsoleReporter(every_s=999))
    model = load_model(r["out_dir"])
    assert not model.conditional and model.net.class_embedding is None
    assert generate(model, SampleRequest(None, 2, 0, "ddim", 3)).images.shape == (2, 16, 16)


def test_bad_config_is_a_clear_error():
    with pytest.raises(TrainError, match="choose one of"):
        TrainConfig(model="vqgan")
    with pytest.raises(TrainError, match="--vae"):
        TrainConfig(model="ldm")


def test_checkpoint_loads_quickly(tiny_run):
    from medcore.imaging.sample import load_model

    _, run = tiny_run
    load_model(run)  # first call pays the one-off diffusers import
    t0 = time.perf_counter()
    model = load_model(run)
    assert time.perf_counter() - t0 < 2.0 and model.load_s < 2.0


def test_v_prediction_model_trains_saves_its_target_and_samples_deterministically(settings, tiny_folder):
    import torch

    from medcore.imaging.ddpm import DDPMConfig, sampler_scheduler, train_scheduler
    from medcore.imaging.sample import SampleRequest, generate, load_model

    cfg = TrainConfig(model="ddpm", dataset=str(tiny_folder), steps=3, name="v", prediction="v_prediction", **TINY)
    result = train_image(cfg, settings, ConsoleReporter(every_s=999))
    assert not result["cancelled"]
    state = json.loads((checkpoints.latest(cfg.resolved_out_dir(settings)) / "state.json").read_text())
    assert state["model_config"]["prediction"] == "v_prediction"
    model = load_model(cfg.resolved_out_dir(settings))
    for sampler in ("ddim", "dpm++", "ddpm"):
        assert sampler_scheduler(model.config, sampler).config.prediction_type == "v_prediction"
    req = SampleRequest(class_name="tumour", n=2, seed=3, sampler="ddim", steps=4)
    a, b = generate(model, req), generate(model, req)
    assert all(torch.equal(torch.as_tensor(x), torch.as_tensor(y)) for x, y in zip(a.images, b.images))
    # Old checkpoints have no "prediction" in their config: they are epsilon models.
    assert DDPMConfig.from_dict({"size": 8}).prediction == "epsilon"
    assert train_scheduler(DDPMConfig(size=8)).config.prediction_type == "epsilon"
    with pytest.raises(ValueError, match="prediction"):
        DDPMConfig(prediction="x0")
