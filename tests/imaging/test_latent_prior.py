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
    assert main(["train", "image-prior", str(tiny_vae_run), "--dims", "2,3", "--components", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dims"] == [2, 3] and [u["dims"] for u in out["used"]] == [2, 3]


def _structured(n=400, seed=0):
    """Class 0: two clusters in a 3-dim subspace; class 1: one Gaussian spread over a 6-dim subspace; both with a
    little isotropic noise in all 32 latent dimensions."""
    rng = np.random.default_rng(seed)
    basis = np.linalg.qr(rng.standard_normal((32, 32)))[0].T  # orthonormal rows
    half = n // 2
    sign = np.where(rng.random(half) < 0.5, -4.0, 4.0)
    a = np.stack([sign, np.zeros(half), np.zeros(half)], 1) + 0.5 * rng.standard_normal((half, 3))
    z0 = a @ basis[:3] + 0.05 * rng.standard_normal((half, 32))
    z1 = (2.0 * rng.standard_normal((half, 6))) @ basis[3:9] + 0.05 * rng.standard_normal((half, 32))
    return np.concatenate([z0, z1]).reshape(n, 2, 4, 4), np.repeat([0, 1], half)


def test_full_space_likelihood_is_the_probabilistic_pca_density():
    from scipy.stats import multivariate_normal

    from medcore.imaging.latent_prior_select import full_space_loglik, residual_variance

    z, y = _structured()
    flat = z.reshape(len(z), -1)[y == 1]
    cp = fit_latent_prior(z[y == 1], None, dims=4, components=1).classes[0]
    var = residual_variance(cp, flat)
    cov_k = cp.chol[0] @ cp.chol[0].T
    b = cp.basis
    cov = b.T @ cov_k @ b + var * (np.eye(32) - b.T @ b)
    want = multivariate_normal(cp.mean + cp.centres[0] @ b, cov).logpdf(flat[:5])
    np.testing.assert_allclose(full_space_loglik(cp, var, flat[:5]), want, rtol=1e-6)


def test_selection_finds_each_class_structure_on_held_out_latents():
    from medcore.imaging.latent_prior_select import select_prior_settings, validation_split

    z, y = _structured()
    fit, val = validation_split(y, 0.25, seed=3)
    assert not set(fit) & set(val) and len(val) == 100 and (y[val] == 0).sum() == 50
    assert np.array_equal(validation_split(y, 0.25, seed=3)[1], val)
    out = select_prior_settings(z, y, dims_grid=(1, 3, 6), components_grid=(1, 2), val_frac=0.25)
    chosen = out["chosen"]
    # two clusters need two components and at least their 3 dims; the 6-dim Gaussian needs all 6 dims
    assert chosen["components"][0] == 2 and chosen["dims"][0] >= 3
    assert chosen["dims"][1] == 6
    assert len(out["candidates"]) <= 12 and out["fitted_on"] == [200, 200]


def test_per_class_settings_fit_save_and_load(tmp_path):
    z, y = _structured()
    prior = fit_latent_prior(z, y, dims=[3, 6], components=[2, 1])
    assert [c.basis.shape[0] for c in prior.classes] == [3, 6] and [len(c.weights) for c in prior.classes] == [2, 1]
    save_prior(prior, tmp_path)
    back = load_prior(tmp_path)
    assert back.dims == [3, 6] and back.components == [2, 1]
    assert sample_latents(back, 4, [1, 0, 1, 0], seed=0).shape == (4, 2, 4, 4)
    with pytest.raises(PriorError, match="one per class"):
        fit_latent_prior(z, y, dims=[3, 6, 9])


def test_bench_selection_script_runs_on_cached_latents(tmp_path):
    import importlib.util
    from pathlib import Path

    z, y = _structured()
    np.savez(tmp_path / "latents.npz", z=z, y=y)
    path = Path(__file__).resolve().parents[2] / "bench" / "latent_prior_select.py"
    spec = importlib.util.spec_from_file_location("latent_prior_select_bench", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = tmp_path / "sel.json"
    assert bench.main(["unused-ckpt", "--cache", str(tmp_path / "latents.npz"), "--dims", "1,3,6",
                       "--components", "1,2", "--val-frac", "0.25", "--split-seeds", "0,1", "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["chosen"]["dims"][1] == 6 and report["split_seeds"] == [0, 1]


def _mass_in_one_class(n=300, seed=0):
    """Two classes sharing a background; only class 1 varies along one extra direction (its 'mass'), weakly enough
    that a per-class PCA of class 0 would never see it and a pooled PCA with few dims may miss it."""
    rng = np.random.default_rng(seed)
    d = 2 * 4 * 4
    y = np.repeat([0, 1], n // 2)
    z = rng.standard_normal((n, d)) * np.linspace(2.0, 0.5, d)
    mass = np.zeros(d)
    mass[-1] = 1.0  # the least varying coordinate of the background
    z[y == 1] += np.outer(rng.standard_normal((y == 1).sum()) * 0.4 + 1.5, mass)
    return z.reshape(n, 2, 4, 4), y, mass


def test_a_pooled_basis_is_shared_and_keeps_the_class_difference(tmp_path):
    z, y, mass = _mass_in_one_class()
    pooled = fit_latent_prior(z, y, dims=4, components=1, basis="pooled")
    assert np.array_equal(pooled.classes[0].basis, pooled.classes[1].basis)  # one PCA for both classes
    # 4 pooled dims miss the weak mass direction; the class-mean direction appended to them keeps it
    assert np.abs(pooled.classes[0].basis @ mass).max() < 0.5
    both = fit_latent_prior(z, y, dims=4, components=1, basis="pooled+class")
    assert both.classes[0].basis.shape == (5, z[0].size)
    np.testing.assert_allclose(both.classes[0].basis @ both.classes[0].basis.T, np.eye(5), atol=1e-8)
    a = sample_latents(both, 400, [0] * 400, seed=1).reshape(400, -1) @ mass
    b = sample_latents(both, 400, [1] * 400, seed=1).reshape(400, -1) @ mass
    assert b.mean() - a.mean() == pytest.approx(1.5, abs=0.2)  # the class difference survives sampling
    save_prior(both, tmp_path)
    back = load_prior(tmp_path)
    assert back.basis_kind == "pooled+class" and back.describe()["basis"] == "pooled+class"
    assert fit_latent_prior(z, y, dims=4, components=1).basis_kind == "per-class"


def test_a_pooled_basis_refuses_one_dims_per_class_and_unknown_kinds():
    z, y, _ = _mass_in_one_class()
    with pytest.raises(PriorError, match="one number of dims"):
        fit_latent_prior(z, y, dims=[4, 8], components=1, basis="pooled")
    with pytest.raises(PriorError, match="basis must be"):
        fit_latent_prior(z, y, dims=4, basis="lda")
