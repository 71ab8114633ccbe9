"""The comparison table on tiny generators trained in the test (a DCGAN and a VAE on a folder of 80 toy scans)."""

import json

import pytest

from medcore.imaging import table as tbl


@pytest.fixture
def tiny_models(settings, tmp_path):
    from tests.imaging.conftest import write_folder

    tiny_folder = write_folder(tmp_path / "scans", n_per_class=40)  # enough held-out scans for k-NN (k=3)
    from medcore.imaging.classifier import get_classifier
    from medcore.imaging.train import TrainConfig, train_image
    from medcore.jobs import ConsoleReporter

    quiet = ConsoleReporter(every_s=999)
    gan = train_image(TrainConfig(model="gan", dataset=str(tiny_folder), size=16, steps=2, batch_size=4, gan_width=16,
                                  preview_every=0, name="tgan"), settings, quiet)
    vae = train_image(TrainConfig(model="vae", dataset=str(tiny_folder), size=16, steps=2, batch_size=4,
                                  vae_channels=(4, 8, 8), latent_channels=2, preview_every=0, name="tvae"),
                      settings, quiet)
    get_classifier(settings, str(tiny_folder), 16)
    return gan["out_dir"], vae["out_dir"]


def test_table_scores_every_row_and_a_real_baseline(settings, tiny_models, tmp_path):
    gan, vae = tiny_models
    t = tbl.image_table(settings, models=(("gan", gan), ("gone", str(tmp_path / "missing"))),
                        dp_models=(("vae", vae),), n_per_class=3, steps=2)
    row = t["rows"][0]
    assert row["model"] == "gan" and row["generated"] == 6 and row["fid"] is not None
    assert 0 <= row["precision"] <= 1 and 0 <= row["recall"] <= 1 and row["seconds_16"] >= 0
    assert 0 <= row["copies_flagged"] <= 6 and row["cas"] is not None and row["privacy"] == "not differentially private"
    assert t["rows"][1]["missing"] is True
    assert t["dp_rows"][0]["kind"] == "vae" and t["dp_rows"][0]["cas"] is None
    base = t["baselines"][0]
    assert base["kind"] == "real" and base["size"] == 16 and base["fid"] is not None
    md = tbl.markdown(t)
    assert md.count("\n") == 3 and "| gan |" in md and "gone" not in md
    json.dumps(t)  # JSON-ready
    # a committed table never names one machine's folders: outside the working folder, only the checkpoint's name
    assert row["checkpoint"] == tbl._shown_path(gan) and not row["checkpoint"].startswith("/")


def test_cli_pairs_must_name_a_checkpoint():
    from medcore.imaging.commands import _pairs

    assert _pairs(["a b=x/y"]) == (("a b", "x/y"),)
    with pytest.raises(ValueError):
        _pairs(["no-separator"])
