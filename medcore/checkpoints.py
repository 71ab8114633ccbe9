"""Checkpoints as folders: weights in safetensors, the rest as JSON, optimizer state as torch.

Layout: OUT/ckpt-00000120/{model.safetensors, state.json, optim.pt}. Only the
newest `keep` are kept. A half-written checkpoint is never picked up, because
it becomes visible through an atomic rename only when complete.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any


def save(out_dir: str | Path, step: int, tensors: dict[str, Any], state: dict[str, Any], *,
         optimizer_state: Any = None, keep: int = 3, name: str = "model.safetensors") -> Path:
    import torch
    from safetensors.torch import save_file

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / f"ckpt-{step:08d}"
    tmp = out_dir / f".tmp-ckpt-{step:08d}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    save_file({k: v.detach().contiguous().cpu() for k, v in tensors.items()}, str(tmp / name))
    (tmp / "state.json").write_text(json.dumps({**state, "step": step}, indent=2, default=str))
    if optimizer_state is not None:
        torch.save(optimizer_state, tmp / "optim.pt")
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    for old in list_checkpoints(out_dir)[:-keep] if keep > 0 else []:
        shutil.rmtree(old, ignore_errors=True)
    return final


def list_checkpoints(out_dir: str | Path) -> list[Path]:
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return []
    return sorted(p for p in out_dir.glob("ckpt-*") if p.is_dir() and (p / "state.json").exists())


def latest(out_dir: str | Path) -> Path | None:
    found = list_checkpoints(out_dir)
    return found[-1] if found else None


def load(ckpt_dir: str | Path, *, name: str = "model.safetensors", map_location: str = "cpu"):
    """Returns (tensors, state, optimizer_state or None)."""
    import torch
    from safetensors.torch import load_file

    ckpt_dir = Path(ckpt_dir)
    tensors = load_file(str(ckpt_dir / name), device=map_location)
    state = json.loads((ckpt_dir / "state.json").read_text())
    optim_path = ckpt_dir / "optim.pt"
    optim = torch.load(optim_path, map_location=map_location, weights_only=False) if optim_path.exists() else None
    return tensors, state, optim
