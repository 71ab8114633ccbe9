import numpy as np
import pytest

from medcore.jobs import JobCancelled
from medcore.records import scorer


class Rep:
    def __init__(self, cancel_at=None):
        self.rows, self.cancel_at = [], cancel_at

    def progress(self, step, total, loss=None, *, metrics=None, preview_path=None):
        self.rows.append((step, loss, metrics))

    def should_cancel(self):
        return self.cancel_at is not None and len(self.rows) >= self.cancel_at

    def log(self, message):
        pass


def tiny_data(n=200, seed=0):
    rng = np.random.default_rng(seed)
    x = (0.05 * rng.normal(size=(n, 384 + scorer.N_FEATURES))).astype(np.float32)
    x[:, :2] = rng.normal(size=(n, 2))  # the signal lives in two dimensions
    y = (x[:, 0] + x[:, 1] > 0).astype(np.float32)
    return x, y, np.arange(n) % 10, 10


def test_training_learns_and_checkpoints(settings, tmp_path):
    rep = Rep()
    res = scorer.train(settings, rep, out_dir=tmp_path, epochs=25, data=tiny_data())
    losses = [r[1] for r in rep.rows]
    assert losses[-1] < losses[0] * 0.7
    assert res["val_auc"] > 0.8
    s = scorer.load_scorer(res["checkpoint"])
    x = tiny_data(20, seed=1)[0]
    p = s.predict(x[:, :384], x[:, 384:])
    assert p.shape == (20,) and ((p >= 0) & (p <= 1)).all()
    # the NumPy scorer (no torch import) gives the trained torch network's own probabilities
    import torch

    from medcore.checkpoints import load

    tensors, state, _ = load(res["checkpoint"])
    net = scorer.build_model(int(state.get("hidden", 64)))
    net.load_state_dict(tensors)
    net.eval()
    with torch.no_grad():
        ref = torch.sigmoid(net(torch.from_numpy(x))).squeeze(1).numpy()
    assert np.abs(p - ref).max() < 1e-5


def test_cancel_saves_and_resume_continues(settings, tmp_path):
    with pytest.raises(JobCancelled):
        scorer.train(settings, Rep(cancel_at=3), out_dir=tmp_path, epochs=10, data=tiny_data())
    from medcore import checkpoints

    assert checkpoints.latest(tmp_path).name == "ckpt-00000003"
    rep = Rep()
    scorer.train(settings, rep, out_dir=tmp_path, epochs=10, resume=True, data=tiny_data())
    assert rep.rows[0][0] == 4 and rep.rows[-1][0] == 10


def test_training_pairs_use_dev_notes_and_corrections(settings, store):
    store.add_feedback("records", "correction", data={"note": "HPI: cough. Plan: rest.", "summary": "Cough."})
    pairs = scorer.training_pairs(settings, store)
    origins = [o for _, _, o in pairs]
    assert any(o.startswith("reference:") for o in origins) and any(o.startswith("correction:") for o in origins)
    from medcore.records.corpus import annotated_notes

    held = {n.id for n in annotated_notes(settings, "heldout")}
    assert not any(o.split(":")[1] in held for o in origins)


def test_label_sentences(settings, kb):
    from medcore.records.pipeline import analyze

    a = analyze("He has chest pain today. The weather was nice.", kb)
    y = scorer.label_sentences(a, [0, 1], "chest pain today was noted")
    assert list(y) == [1.0, 0.0]


def test_train_cli_as_job(settings, store, fast_embed, monkeypatch):
    """The Model lab path: a job row, progress rows, a registered and active model."""
    from medcore import jobs
    from medcore.cli import main

    job_id = jobs.create_job(store, "records-scorer", "test", ["train", "records", "--epochs", "3"])
    assert main(["train", "records", "--epochs", "3", "--out", str(settings.data_dir / "run"),
                 "--job-id", str(job_id)]) == 0
    job = jobs.get_job(store, job_id)
    assert job.status == "done" and job.result["pairs"] >= 16
    assert jobs.progress(store, job_id)
    assert store.active_model(scorer.MODEL_KIND) is not None
    assert scorer.active_scorer(store) is not None
