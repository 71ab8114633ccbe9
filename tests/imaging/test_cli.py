"""The CLI commands, and the Train button's path: a background job that registers its model."""

import json

import pydicom

from medcore import jobs
from medcore.cli import main


def test_generate_command_writes_marked_pngs_and_dicom(tiny_run, tmp_path, capsys):
    _, run = tiny_run
    out = tmp_path / "out"
    rc = main(["generate", "image", "--checkpoint", str(run), "--class", "tumour", "--n", "3", "--steps", "3",
               "--out", str(out), "--dicom", "--zip"])
    assert rc == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == 7 and report["labels"] == ["tumour"] * 3
    dcm = sorted(out.glob("*.dcm"))
    assert len(dcm) == 3 and pydicom.dcmread(dcm[0]).ConversionType == "SYN"
    assert len(list(out.glob("*.png"))) == 3 and (out / "batch.zip").exists()
    assert main(["generate", "image", "--checkpoint", str(run), "--class", "fracture", "--out", str(out)]) == 2


def test_eval_command_prints_all_metrics(tiny_run, tmp_path, capsys, monkeypatch):
    settings, run = tiny_run
    monkeypatch.setenv("MEDCORE_DATA_DIR", str(settings.data_dir))
    rc = main(["eval", "image", "--checkpoint", str(run), "--n", "4", "--steps", "3"])
    assert rc == 0
    r = json.loads(capsys.readouterr().out)
    for key in ("class_agreement", "mean_confidence", "cas", "fid_generated", "fid_real_baseline", "copy_check",
                "intensity", "classifier"):
        assert key in r, key
    assert r["generated"] == 8 and r["copy_check"]["checked"] == 8


def test_train_button_path_runs_a_job_and_registers_the_model(settings, store, tiny_folder):
    argv = ["train", "image", "--dataset", str(tiny_folder), "--size", "16", "--steps", "4", "--batch-size", "4",
            "--channels", "8,16", "--no-attention", "--preview-every", "2", "--checkpoint-every", "2",
            "--name", "jobrun"]
    job_id = jobs.start_job(store, settings, "imaging", "tiny", argv)
    job = jobs.wait(store, job_id, timeout_s=120)
    assert job.status == "done", open(job.log_path).read()[-2000:]
    rows = jobs.progress(store, job_id)
    assert rows[-1].step == 4 and any(r.preview_path for r in rows)
    (model,) = store.list_models("imaging")
    assert model.job_id == job_id and model.active and model.metrics["steps"] == 4
    assert job.result["model_id"] == model.id
    bad = jobs.start_job(store, settings, "imaging", "bad", ["train", "image", "--dataset", str(tiny_folder / "nope")])
    assert jobs.wait(store, bad, timeout_s=120).status == "failed"
