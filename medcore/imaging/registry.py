"""Which checkpoint to use: an explicit path, the registry's active model, or the shipped one."""

from __future__ import annotations

from pathlib import Path

from medcore.config import Settings

SHIPPED = "br35h-ddpm-32px"


def shipped_checkpoint(settings: Settings) -> Path:
    return settings.assets_dir / "checkpoints" / SHIPPED


def shipped_available(settings: Settings) -> bool:
    p = shipped_checkpoint(settings)
    return (p / "model.safetensors").exists() and (p / "state.json").exists()


def resolve_model_path(settings: Settings, explicit: str = "", store=None) -> Path:
    if explicit:
        p = Path(explicit).expanduser()
        if not p.exists():
            raise FileNotFoundError(f"no checkpoint at {p}")
        return p
    try:
        active = _active(settings, store)
    except Exception:  # noqa: BLE001 - a missing or locked database must not block the shipped model
        active = None
    if active and Path(active).exists():
        return Path(active)
    if shipped_available(settings):
        return shipped_checkpoint(settings)
    raise FileNotFoundError("no image model: train one (python -m medcore train image) or restore "
                            f"the shipped checkpoint at {shipped_checkpoint(settings)}")


def _active(settings: Settings, store=None) -> str | None:
    if store is None:
        from medcore.store import Store

        store = Store.open(settings)
        try:
            rec = store.active_model("imaging")
        finally:
            store.engine.dispose()
    else:
        rec = store.active_model("imaging")
    return rec.path if rec else None


def shipped_card(settings: Settings) -> dict:
    """The JSON beside the shipped checkpoint: command, steps, wall time, device, metrics."""
    import json

    p = shipped_checkpoint(settings).with_suffix(".json")
    return json.loads(p.read_text()) if p.exists() else {}


def ensure_shipped_registered(settings: Settings, store) -> int | None:
    """Put the shipped checkpoint in the model registry once, so it can be made active again later.

    It becomes active only when no other image model is, so a user's choice is never overridden.
    """
    if not shipped_available(settings):
        return None
    path = str(shipped_checkpoint(settings))
    for m in store.list_models("imaging"):
        if m.path == path:
            return m.id
    card = shipped_card(settings)
    return store.register_model("imaging", f"shipped: {SHIPPED}", path, config=card.get("train_config", {}),
                                metrics=card.get("metrics", {}), activate=store.active_model("imaging") is None)
