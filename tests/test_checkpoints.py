"""Checkpoints: no pickle is ever executed on resume, and a corrupt newest checkpoint falls back."""

from __future__ import annotations

import os
import pickle

import pytest
import torch

from medcore import checkpoints
from medcore.checkpoints import CheckpointError
from medcore.demo_training import DemoConfig, train_demo


class Recorder:
    def __init__(self):
        self.lines = []

    def progress(self, *a, **k):
        pass

    def should_cancel(self):
        return False

    def log(self, m):
        self.lines.append(m)


class _Payload:
    """A pickle that, when loaded by an unrestricted unpickler, creates a marker file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _plant(path, marker):
    with open(path, "wb") as fh:
        pickle.dump({"state": {}, "param_groups": [_Payload(marker)]}, fh)


def _model_and_opt():
    torch.manual_seed(0)
    model = torch.nn.Linear(3, 2)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2)
    model(torch.randn(4, 3)).sum().backward()
    opt.step()
    return model, opt


def test_optimizer_state_round_trips_without_pickle(tmp_path):
    model, opt = _model_and_opt()
    ck = checkpoints.save(tmp_path, 1, model.state_dict(), {"a": 1}, optimizer_state=opt.state_dict())
    assert not (ck / "optim.pt").exists() and (ck / "optim.safetensors").exists()
    tensors, state, optim = checkpoints.load(ck)
    fresh = torch.optim.AdamW(model.parameters(), lr=1e-2)
    fresh.load_state_dict(optim)
    ref = opt.state_dict()
    assert optim["param_groups"] == ref["param_groups"]
    for k, v in ref["state"][0].items():
        assert torch.equal(optim["state"][0][k], v)
    assert state["step"] == 1 and torch.equal(tensors["weight"], model.weight)


def test_a_planted_pickle_is_not_executed_and_the_checkpoint_is_skipped(tmp_path):
    model, opt = _model_and_opt()
    good = checkpoints.save(tmp_path, 1, model.state_dict(), {}, optimizer_state=opt.state_dict(), keep=5)
    bad = checkpoints.save(tmp_path, 2, model.state_dict(), {}, keep=5)
    (bad / "manifest.json").unlink()  # an attacker rewrites the folder as they like
    marker = tmp_path / "pwned"
    _plant(bad / "optim.pt", marker)
    with pytest.raises(CheckpointError, match="refused"):
        checkpoints.load(bad)
    assert checkpoints.latest(tmp_path) == good
    assert not marker.exists()


def test_lora_resume_reads_optimizer_state_without_unpickling():
    # records/lora.py resumes through the same reader; no weights_only=False anywhere in medcore
    import pathlib

    root = pathlib.Path(checkpoints.__file__).parent
    offenders = [str(p) for p in root.rglob("*.py") if "weights_only=False" in p.read_text()]
    assert offenders == []


@pytest.mark.parametrize("damage", ["truncate", "flip", "state", "missing"])
def test_resume_falls_back_to_the_previous_valid_checkpoint(tmp_path, damage):
    out = tmp_path / "run"
    train_demo(DemoConfig(steps=30, ckpt_every=10, preview_every=1000), out, Recorder())
    newest = checkpoints.list_checkpoints(out)[-1]
    assert newest.name == "ckpt-00000030"
    weights = newest / "model.safetensors"
    if damage == "truncate":
        data = weights.read_bytes()
        weights.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        data = bytearray(weights.read_bytes())
        data[-3] ^= 0xFF
        weights.write_bytes(bytes(data))
    elif damage == "state":
        (newest / "state.json").write_text("{not json")
    else:
        os.remove(weights)
    assert checkpoints.latest(out).name == "ckpt-00000020"
    rec = Recorder()
    result = train_demo(DemoConfig(steps=40, ckpt_every=10, preview_every=1000), out, rec, resume=True)
    assert result["final_step"] == 40
    assert any("skipped an unusable checkpoint" in line and "ckpt-00000030" in line for line in rec.lines)
    assert any("resumed from ckpt-00000020" in line for line in rec.lines)


def test_legacy_optim_pt_with_plain_tensors_still_loads(tmp_path):
    model, opt = _model_and_opt()
    ck = checkpoints.save(tmp_path, 1, model.state_dict(), {})
    (ck / "manifest.json").unlink()
    torch.save(opt.state_dict(), ck / "optim.pt")
    _, _, optim = checkpoints.load(ck)
    assert optim["param_groups"][0]["lr"] == 1e-2
