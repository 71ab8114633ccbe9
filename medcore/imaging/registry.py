"""Which checkpoint to use: an explicit path, the registry's active model, or the shipped one."""

from __future__ import annotations

import logging
from pathlib import Path

from medcore.config import Settings

log = logging.getLogger(__name__)

SHIPPED = "br35h-ddpm-32px"  # the default image model
# Also shipped and registered, but never made active on their own: the DDPM is the better teaching model
# (the trajectory view needs a diffusion model), the DCGAN is there to compare against, and the 128 px VAE and
# latent DDPM are selectable at full size while their samples are still rougher (their cards say how much).
SHIPPED_EXTRA = ("br35h-gan-32px", "br35h-vae-128px", "br35h-ldm-128px")


def shipped_names() -> tuple[str, ...]:
    return (SHIPPED, *SHIPPED_EXTRA)


def shipped_checkpoint(settings: Settings, name: str = SHIPPED) -> Path:
    return settings.assets_dir / "checkpoints" / name


def shipped_available(settings: Settings, name: str = SHIPPED) -> bool:
    p = shipped_checkpoint(settings, name)
    return (p / "model.safetensors").exists() and (p / "state.json").exists()


def checkpoint_kind(path: str | Path) -> str:
    """The model kind (ddpm, gan, vae, ldm) written in a run, checkpoint or exported folder's state.json."""
    import json

    p = Path(path)
    if not (p / "state.json").exists():
        from medcore import checkpoints

        p = checkpoints.latest(p) or p
    try:
        return str(json.loads((p / "state.json").read_text()).get("kind", ""))
    except (OSError, ValueError):
        return ""


def resolve_model_of_kind(settings: Settings, kind: str, explicit: str = "", store=None) -> Path:
    """A checkpoint of one kind: the explicit one (which must be of that kind), else the active model if it is,
    else the newest registered one, else a shipped one. Never changes which model is active."""
    if explicit:
        p = resolve_model_path(settings, explicit)
        found = checkpoint_kind(p)
        if found != kind:
            raise FileNotFoundError(f"{p} holds a {found or 'unknown'} model, not a {kind}")
        return p
    candidates: list[str] = []
    try:
        active = _active(settings, store)
        candidates = ([active] if active else []) + _registered_paths(settings, store)
    except Exception as exc:  # noqa: BLE001 - a missing or locked database must not block the shipped models
        log.warning("model registry unavailable (%s); looking at shipped checkpoints only", exc)
    shipped = sorted((settings.assets_dir / "checkpoints").glob("br35h-*"))
    candidates += [str(p) for p in shipped if p.is_dir()]
    for c in candidates:
        if Path(c).exists() and checkpoint_kind(c) == kind:
            return Path(c)
    raise FileNotFoundError(f"no {kind} image model: train one (python -m medcore train image --model {kind})")


def _registered_paths(settings: Settings, store=None) -> list[str]:
    if store is None:
        from medcore.store import Store

        store = Store.open(settings)
        try:
            return [m.path for m in store.list_models("imaging")]  # newest first
        finally:
            store.engine.dispose()
    return [m.path for m in store.list_models("imaging")]  # newest first


def resolve_model_path(settings: Settings, explicit: str = "", store=None) -> Path:
    if explicit:
        p = Path(explicit).expanduser()
        if not p.exists():
            raise FileNotFoundError(f"no checkpoint at {p}")
        return p
    try:
        active = _active(settings, store)
    except Exception:  # noqa: BLE001 - a missing or locked database must not block the shipped model
        log.debug("no active imaging model from the store; the shipped one is used", exc_info=True)
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
