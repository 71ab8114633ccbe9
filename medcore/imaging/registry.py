"""Which checkpoint to use: an explicit path, the registry's active model, or the shipped one."""

from __future__ import annotations

from pathlib import Path

from medcore.config import Settings

SHIPPED = "br35h-ddpm-32px"  # the default image model
# Also shipped and registered, but never made active on their own: the DDPM is the better teaching model
# (the trajectory view needs a diffusion model), the DCGAN is there to compare against.
SHIPPED_EXTRA = ("br35h-gan-32px",)


def shipped_names() -> tuple[str, ...]:
    return (SHIPPED, *SHIPPED_EXTRA)


def shipped_checkpoint(settings: Settings, name: str = SHIPPED) -> Path:
    return settings.assets_dir / "checkpoints" / name


def shipped_available(settings: Settings, name: str = SHIPPED) -> bool:
    p = shipped_checkpoint(settings, name)
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


def shipped_card(settings: Settings, name: str = SHIPPED) -> dict:
    """The JSON beside a shipped checkpoint: command, steps, wall time, device, metrics."""
    import json

    p = shipped_checkpoint(settings, name).with_suffix(".json")
    return json.loads(p.read_text()) if p.exists() else {}


def ensure_shipped_registered(settings: Settings, store) -> int | None:
    """Put the shipped checkpoints in the model registry once, so they can be made active again later.

    The default one becomes active only when no other image model is, so a user's choice is never
    overridden. Returns the default one's id.
    """
    registered = {m.path: m for m in store.list_models("imaging")}
    default_id = None
    for name in shipped_names():
        if not shipped_available(settings, name):
            continue
        path = str(shipped_checkpoint(settings, name))
        card = shipped_card(settings, name)
        config, metrics = card.get("train_config", {}), card.get("metrics", {})
        rec = registered.get(path)
        if rec is None:
            model_id = store.register_model(
                "imaging", f"shipped: {name}", path, config=config, metrics=metrics,
                activate=name == SHIPPED and store.active_model("imaging") is None)
        else:
            model_id = rec.id
            if (rec.config, rec.metrics) != (config, metrics):
                # An update shipped new weights under the same path: the registry must not show the old numbers.
                store.update_model(rec.id, config=config, metrics=metrics)
        if name == SHIPPED:
            default_id = model_id
    return default_id
