"""DP-SGD beyond the VAE: the DCGAN's discriminator and the in-domain classifier."""

from __future__ import annotations

import numpy as np
import pytest

from medcore.imaging.train import TrainConfig, TrainError, train_image
from medcore.jobs import ConsoleReporter
from tests.imaging.conftest import TINY

GAN = dict(gan_width=16, **{k: v for k, v in TINY.items() if k not in ("channels", "attention")})


def _quiet():
    return ConsoleReporter(every_s=999)


def test_private_discriminator_gets_clipped_noisy_per_scan_gradients():
    import torch

    from medcore.imaging.gan import GANConfig, build_discriminator, build_generator
    from medcore.imaging.privacy import DPRun
    from medcore.imaging.train_gan import private_gan_step

    torch.manual_seed(0)
    gcfg = GANConfig(size=16, width=16, spectral_norm=False)
    G, D = build_generator(gcfg), build_discriminator(gcfg)
    assert not any("weight_orig" in n for n, _ in D.named_parameters())  # no spectral norm when private
    opt_d, opt_g = torch.optim.SGD(D.parameters(), lr=0.0), torch.optim.SGD(G.parameters(), lr=0.1)
    private = DPRun(D, opt_d, target_epsilon=8.0, delta=1e-3, max_grad_norm=0.5, batch_size=4, n_train=40,
                    steps=10)
    x, y = torch.randn(4, 1, 16, 16), torch.tensor([0, 1, 0, 1])
    g_before = [p.detach().clone() for p in G.parameters()]
    seen = {}

    def spy(*_):  # the gradient DP-SGD hands the optimiser: clipped per scan, then noised
        seen["grads"] = [p.grad.clone() for p in D.parameters()]
        seen["per_scan"] = [p.grad_sample.clone() for p in D.parameters()]

    opt_d.register_step_pre_hook(spy)
    d_loss, g_loss = private_gan_step(G, D, private, opt_g, gcfg, x, y, torch.Generator().manual_seed(1))
    assert torch.isfinite(d_loss) and torch.isfinite(g_loss)
    assert seen["per_scan"][0].shape[0] == 8  # 4 real + 4 generated rows, each with its own gradient
    assert all(p.grad is None or not p.grad.abs().sum() for p in D.parameters())  # generator pass left no trace
    assert any(not torch.equal(a, b) for a, b in zip(g_before, G.parameters()))  # the generator learned
    assert all(getattr(p, "grad_sample", None) is None for p in D.parameters())


def test_dp_gan_trains_resumes_and_states_its_epsilon(settings, tiny_folder):
    from medcore.imaging.sample import SampleRequest, generate, load_model

    cfg = TrainConfig(model="gan", dataset=str(tiny_folder), steps=3, name="dpgan", dp_epsilon=8.0, dp_delta=1e-3,
                      **GAN)
    first = train_image(cfg, settings, _quiet())
    dp = first["dp"]
    assert 0 < dp["epsilon"] < 8.0 and dp["noise_multiplier"] > 0
    cfg.steps = 5
    second = train_image(cfg, settings, _quiet(), resume=True)
    assert second["dp"]["noise_multiplier"] == dp["noise_multiplier"] and second["dp"]["epsilon"] > dp["epsilon"]
    model = load_model(cfg.resolved_out_dir(settings))
    batch = generate(model, SampleRequest(None, 2, 0))
    assert f"epsilon={second['dp']['epsilon']:.2f} at delta=0.001" in batch.metadata(0)["medcore:privacy"]
    # a private run cannot be resumed without DP, nor a plain one with it
    cfg.dp_epsilon, cfg.steps = 0.0, 6
    with pytest.raises(TrainError, match="switch differential privacy"):
        train_image(cfg, settings, _quiet(), resume=True)


def test_plain_gan_keeps_spectral_norm(settings, tiny_folder):
    from medcore.imaging.sample import load_model

    cfg = TrainConfig(model="gan", dataset=str(tiny_folder), steps=1, name="plaingan", **GAN)
    r = train_image(cfg, settings, _quiet())
    assert "dp" not in r
    model = load_model(r["out_dir"])
    assert model.state["model_config"]["spectral_norm"] is True


def test_dp_classifier_uses_groupnorm_and_reports_epsilon(settings, tiny_folder):
    from torch import nn

    from medcore.imaging.classifier import ClassifierRecipe, _load, get_classifier

    dest = settings.data_dir / "clf-dp"
    recipe = ClassifierRecipe(epochs=2, width=8, batch=8, dp_epsilon=4.0, dp_delta=1e-3)
    clf = get_classifier(settings, str(tiny_folder), 16, retrain=True, save_to=dest, recipe=recipe)
    assert clf.metrics["norm"] == "group" and 0 < clf.metrics["dp"]["epsilon"] <= 4.0
    assert "--dp-epsilon 4" in clf.metrics["command"]
    assert not any(isinstance(m, nn.BatchNorm2d) for m in clf.net.modules())
    again = _load(dest)  # the saved card rebuilds the same network
    assert again is not None and again.metrics["norm"] == "group"
    x = np.zeros((3, 16, 16), np.uint8)
    assert np.allclose(again.probs(x), clf.probs(x), atol=1e-6)
    with pytest.raises(TrainError, match="1/N"):
        get_classifier(settings, str(tiny_folder), 16, retrain=True, save_to=dest,
                       recipe=ClassifierRecipe(epochs=1, width=8, dp_epsilon=4.0, dp_delta=0.5))


def test_cli_trains_a_private_classifier(settings, tiny_folder, tmp_path, capsys):
    import json

    from medcore.cli import main

    dest = tmp_path / "c"
    assert main(["eval", "image-classifier", "--dataset", str(tiny_folder), "--size", "16", "--epochs", "1",
                 "--width", "8", "--dp-epsilon", "4", "--dp-delta", "0.001", "--save-to", str(dest)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dp"]["epsilon"] > 0 and out["width"] == 8
    assert main(["eval", "image-classifier", "--dataset", str(tiny_folder), "--size", "16", "--epochs", "1",
                 "--dp-epsilon", "4", "--dp-delta", "0.9", "--save-to", str(dest)]) == 2
    assert "1/N" in capsys.readouterr().err
