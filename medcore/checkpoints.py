"""Checkpoints as folders: weights and optimizer state in safetensors, the rest as JSON. No pickle.

Layout: OUT/ckpt-00000120/{model.safetensors, state.json, optim.safetensors, optim.json, manifest.json}.
Only the newest `keep` are kept. A half-written checkpoint is never picked up, because it becomes
visible through an atomic rename only when complete. A checkpoint that fails validation (truncated,
corrupt, a pickle planted where optimizer state belongs) is skipped, and resume falls back to the
newest one that validates, saying so in the log.

Optimizer state is nested dicts and lists of tensors and plain values. It used to be written with
torch.save and read back with the unrestricted unpickler, which runs any pickle placed in the run folder. It is
now split into tensors (safetensors) and a JSON skeleton; an older optim.pt is read with
weights_only=True only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path
from typing import Any

from medcore.errors import DomainError

log = logging.getLogger(__name__)

OPTIM_TENSORS = "optim.safetensors"
OPTIM_JSON = "optim.json"
LEGACY_OPTIM = "optim.pt"
MANIFEST = "manifest.json"


class CheckpointError(DomainError):
    """A checkpoint that cannot be used; the message says which file and why."""


# ---- optimizer state without pickle ---------------------------------------------------------------
def _flatten(obj: Any, tensors: dict[str, Any]) -> Any:
    import torch

    if isinstance(obj, torch.Tensor):
        key = f"t{len(tensors)}"
        tensors[key] = obj.detach().contiguous().cpu()
        return {"__tensor__": key}
    if isinstance(obj, dict):
        return {"__dict__": [[_flatten(k, tensors), _flatten(v, tensors)] for k, v in obj.items()]}
    if isinstance(obj, tuple):
        return {"__tuple__": [_flatten(v, tensors) for v in obj]}
    if isinstance(obj, list):
        return [_flatten(v, tensors) for v in obj]
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    raise CheckpointError(f"optimizer state holds a {type(obj).__name__}, which a checkpoint cannot store")


def _unflatten(obj: Any, tensors: dict[str, Any]) -> Any:
    if isinstance(obj, dict):
        if set(obj) == {"__tensor__"}:
            if obj["__tensor__"] not in tensors:
                raise CheckpointError(f"optimizer state names a missing tensor {obj['__tensor__']!r}")
            return tensors[obj["__tensor__"]]
        if set(obj) == {"__dict__"}:
            return {_unflatten(k, tensors): _unflatten(v, tensors) for k, v in obj["__dict__"]}
        if set(obj) == {"__tuple__"}:
            return tuple(_unflatten(v, tensors) for v in obj["__tuple__"])
        raise CheckpointError("optimizer state is not in the expected format")
    if isinstance(obj, list):
        return [_unflatten(v, tensors) for v in obj]
    return obj


def save_optimizer(folder: str | Path, optimizer_state: Any) -> None:
    from safetensors.torch import save_file

    folder = Path(folder)
    tensors: dict[str, Any] = {}
    skeleton = _flatten(optimizer_state, tensors)
    save_file(tensors, str(folder / OPTIM_TENSORS))
    (folder / OPTIM_JSON).write_text(json.dumps(skeleton))


def load_optimizer(folder: str | Path, map_location: str = "cpu") -> Any:
    """The optimizer state in `folder`, or None when it has none. Never unpickles arbitrary objects."""
    folder = Path(folder)
    if (folder / OPTIM_JSON).exists():
        from safetensors.torch import load_file

        try:
            tensors = load_file(str(folder / OPTIM_TENSORS), device=str(map_location))
            skeleton = json.loads((folder / OPTIM_JSON).read_text())
        except Exception as exc:  # noqa: BLE001 - safetensors' own error type derives from Exception only
            raise CheckpointError(f"{folder.name}: optimizer state is unreadable ({exc})") from exc
        return _unflatten(skeleton, tensors)
    legacy = folder / LEGACY_OPTIM
    if legacy.exists():
        import pickle

        import torch

        try:
            return torch.load(legacy, map_location=map_location, weights_only=True)
        except (pickle.UnpicklingError, RuntimeError, EOFError, OSError, ValueError, AttributeError) as exc:
            raise CheckpointError(f"{folder.name}: {LEGACY_OPTIM} was refused: it is not plain tensor data "
                                  f"({type(exc).__name__}); it may have been tampered with") from exc
    return None


# ---- checkpoints ------------------------------------------------------------------------------------
def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def save(out_dir: str | Path, step: int, tensors: dict[str, Any], state: dict[str, Any], *,
         optimizer_state: Any = None, keep: int = 3, name: str = "model.safetensors") -> Path:
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
        save_optimizer(tmp, optimizer_state)
    # Hashes of every file, so a checkpoint corrupted later (a bad disk, a partial copy) is detected.
    (tmp / MANIFEST).write_text(json.dumps({p.name: _sha256(p) for p in sorted(tmp.iterdir()) if p.is_file()}))
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    for old in list_checkpoints(out_dir)[:-keep] if keep > 0 else []:
        shutil.rmtree(old, ignore_errors=True)
    return final


def record_file(ckpt_dir: str | Path, path: str | Path) -> None:
    """Add a file written into a finished checkpoint later (a VAE's latent prior) to its manifest, if it has one."""
    manifest = Path(ckpt_dir) / MANIFEST
    if manifest.exists():
        entries = json.loads(manifest.read_text())
        entries[Path(path).name] = _sha256(Path(path))
        manifest.write_text(json.dumps(entries))


def list_checkpoints(out_dir: str | Path) -> list[Path]:
    """Every complete-looking checkpoint folder, oldest first (not validated)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return []
    return sorted(p for p in out_dir.glob("ckpt-*") if p.is_dir() and (p / "state.json").exists())


def validate(ckpt_dir: str | Path) -> None:
    """Raise CheckpointError unless the folder's state, weights and optimizer state all read cleanly."""
    from safetensors import safe_open

    ckpt_dir = Path(ckpt_dir)
    manifest = ckpt_dir / MANIFEST
    if manifest.exists():
        try:
            expected = json.loads(manifest.read_text())
        except (OSError, ValueError) as exc:
            raise CheckpointError(f"{ckpt_dir.name}: {MANIFEST} is unreadable ({exc})") from exc
        for fname, digest in expected.items():
            path = ckpt_dir / fname
            if not path.is_file() or _sha256(path) != digest:
                raise CheckpointError(f"{ckpt_dir.name}: {fname} is missing or does not match its recorded hash")
    try:
        state = json.loads((ckpt_dir / "state.json").read_text())
    except (OSError, ValueError) as exc:
        raise CheckpointError(f"{ckpt_dir.name}: state.json is unreadable ({exc})") from exc
    if not isinstance(state, dict):
        raise CheckpointError(f"{ckpt_dir.name}: state.json does not hold an object")
    weights = [p for p in ckpt_dir.glob("*.safetensors") if p.name != OPTIM_TENSORS]
    if not weights:
        raise CheckpointError(f"{ckpt_dir.name}: no weights file")
    for path in weights:
        try:
            with safe_open(str(path), framework="numpy") as fh:  # reading shapes needs no torch import
                for key in fh.keys():
                    fh.get_slice(key).get_shape()
            expected_end = _safetensors_end(path)
        except Exception as exc:  # noqa: BLE001 - safetensors raises its own error types for a bad file
            raise CheckpointError(f"{ckpt_dir.name}: {path.name} is unreadable ({exc})") from exc
        if expected_end != path.stat().st_size:
            raise CheckpointError(f"{ckpt_dir.name}: {path.name} is truncated or padded")
    load_optimizer(ckpt_dir)


def _safetensors_end(path: Path) -> int:
    """Where the file should end according to its header: catches truncation that safe_open misses."""
    with open(path, "rb") as fh:
        n = int.from_bytes(fh.read(8), "little")
        header = json.loads(fh.read(n))
    ends = [v["data_offsets"][1] for k, v in header.items() if k != "__metadata__"]
    return 8 + n + max(ends, default=0)


def latest_valid(out_dir: str | Path) -> tuple[Path | None, list[str]]:
    """The newest checkpoint that validates, and a line for each newer one that was skipped."""
    skipped: list[str] = []
    for ckpt in reversed(list_checkpoints(out_dir)):
        try:
            validate(ckpt)
        except CheckpointError as exc:
            log.warning("skipping checkpoint: %s", exc)
            skipped.append(str(exc))
            continue
        if skipped:
            log.warning("falling back to %s", ckpt)
        return ckpt, skipped
    return None, skipped


def latest(out_dir: str | Path) -> Path | None:
    """The newest checkpoint that validates (a corrupt newer one is skipped and logged)."""
    return latest_valid(out_dir)[0]


def load(ckpt_dir: str | Path, *, name: str = "model.safetensors", map_location: str = "cpu"):
    """Returns (tensors, state, optimizer_state or None); CheckpointError when any part is unusable."""
    from safetensors.torch import load_file

    ckpt_dir = Path(ckpt_dir)
    try:
        tensors = load_file(str(ckpt_dir / name), device=str(map_location))
        state = json.loads((ckpt_dir / "state.json").read_text())
    except Exception as exc:  # noqa: BLE001 - safetensors' error type is not an OSError/ValueError
        raise CheckpointError(f"{ckpt_dir.name}: cannot be read ({exc})") from exc
    return tensors, state, load_optimizer(ckpt_dir, map_location)
