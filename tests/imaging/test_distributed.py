"""Image training under `accelerate launch` on 2 CPU processes (gloo): the handler's prepare hook wraps the
net and its optimiser, both processes train in step, and only the main one writes checkpoints."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ACCELERATE = shutil.which("accelerate", path=str(Path(sys.executable).parent)) or shutil.which("accelerate")

pytestmark = [pytest.mark.distributed, pytest.mark.timeout(120),
              pytest.mark.skipif(ACCELERATE is None, reason="accelerate is not installed")]


def _launch(tmp_path, folder, out, steps, *extra):
    env = dict(os.environ, MEDCORE_DATA_DIR=str(tmp_path / "data"), MEDCORE_LLM_BACKEND="template",
               MEDCORE_DATABASE_URL=f"sqlite:///{tmp_path / 'data' / 'app.db'}", OMP_NUM_THREADS="1",
               ACCELERATE_USE_CPU="true")  # accelerate's --cpu alone starts one process (MPI aside)
    cmd = [ACCELERATE, "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1", "--mixed_precision", "no",
           "--dynamo_backend", "no", "--main_process_port", "0", "-m", "medcore", "train", "image",
           "--model", "ddpm", "--dataset", str(folder), "--size", "16", "--channels", "8,16", "--batch-size", "4",
           "--no-attention", "--preview-every", "0", "--checkpoint-every", "3", "--keep", "2",
           "--steps", str(steps), "--out-dir", str(out), *extra]
    return subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=110)


def test_two_cpu_processes_train_in_step_and_only_the_main_one_saves(tmp_path, tiny_folder):
    out = tmp_path / "run"
    proc = _launch(tmp_path, tiny_folder, out, 6)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    assert "training on 2 processes (MULTI_CPU" in log
    assert log.count("resumed from step") == 0
    ckpts = sorted(p.name for p in out.iterdir() if p.is_dir() and p.name.startswith("ckpt-"))
    assert len(ckpts) == 2  # steps 3 and 6, keep=2: one writer, no doubled or torn folders
    state = json.loads((out / ckpts[-1] / "state.json").read_text())
    assert state["step"] == 6 and state["finished"]
    assert log.count('"model_id": 1') == 1 and '"model_id": 2' not in log  # registered once, by the main one


@pytest.mark.parametrize("model,extra", [
    ("gan", ("--gan-width", "16")),
    ("vae", ("--vae-channels", "4,8,8", "--latent-channels", "2", "--disc-weight", "0.1", "--disc-start", "1")),
])
def test_gan_and_vae_train_on_two_processes(tmp_path, tiny_folder, model, extra):
    out = tmp_path / "run"
    proc = _launch(tmp_path, tiny_folder, out, 3, "--model", model, "--no-register", *extra)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    assert "training on 2 processes (MULTI_CPU" in log
    state = json.loads((out / "ckpt-00000003" / "state.json").read_text())
    assert state["kind"] == model and state["step"] == 3 and state["finished"]


def test_dp_training_refuses_several_processes(tmp_path, tiny_folder):
    proc = _launch(tmp_path, tiny_folder, tmp_path / "run", 2, "--model", "gan", "--gan-width", "16",
                   "--dp-epsilon", "8", "--dp-delta", "0.001", "--no-register")
    assert proc.returncode != 0 and "DP training runs on one process" in proc.stdout + proc.stderr
