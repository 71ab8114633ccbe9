"""Tool status for the Home page: datasets, the shipped checkpoint, packages."""

from __future__ import annotations

import importlib.util
import json

from medcore.config import Settings
from medcore.status import Component


def check(settings: Settings) -> list[Component]:
    from medcore.imaging.builtin import BUILTIN_SETS, available
    from medcore.imaging.registry import shipped_available, shipped_checkpoint, shipped_names

    out = []
    for pkg in ("torch", "diffusers", "pydicom"):
        ok = importlib.util.find_spec(pkg) is not None
        out.append(Component(pkg, "package", ok, "installed" if ok else f"pip install {pkg}"))
    for key, bset in BUILTIN_SETS.items():
        ok, detail = available(key)
        out.append(Component(bset.label, "optional dataset" if bset.optional else "dataset", ok, detail))
    for name in shipped_names():
        ship, ok = shipped_checkpoint(settings, name), shipped_available(settings, name)
        detail = "missing"
        if ok:
            state = json.loads((ship / "state.json").read_text())
            detail = f"{state.get('kind', '?').upper()}, {state.get('step', '?')} steps, {ship.name}"
        out.append(Component(f"shipped checkpoint {name}", "checkpoint", ok, detail))
    return out


def engine_ready(settings: Settings) -> bool:
    """Usable when the packages are there and there is some model or some data to train one on."""
    from medcore.imaging.builtin import BUILTIN_SETS, available
    from medcore.imaging.registry import shipped_available

    if any(importlib.util.find_spec(p) is None for p in ("torch", "diffusers")):
        return False
    return shipped_available(settings) or any(available(key)[0] for key in BUILTIN_SETS)


def demo_payload(settings: Settings) -> dict:
    return {"class": "tumour", "n": 8, "seed": 7, "sampler": "dpm++", "steps": 20, "guidance": 2.5,
            "trajectory": True}
