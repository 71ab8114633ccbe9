"""Tool status for Home: the reader's rules (headings, cues), its role classifier and the sample paper."""

from __future__ import annotations

import importlib.util

from pathlib import Path

from medcore.status import Component


def sample_path(settings) -> Path:
    return Path(settings.assets_dir) / "literature" / "sample_abstract.txt"


def check(settings) -> list[Component]:
    from medcore.literature.kb import LiteratureKBError, load

    out = []
    for name in ("headings", "cues"):
        try:
            load(settings, name)
            out.append(Component(f"literature {name} rules", "knowledge base", True))
        except (LiteratureKBError, OSError) as exc:
            out.append(Component(f"literature {name} rules", "knowledge base", False, str(exc)))
    out.append(Component("reader service", "package", _service_present(), "" if _service_present()
                         else "medcore/literature/service.py is not built yet"))
    return out


def _service_present() -> bool:
    return importlib.util.find_spec("medcore.literature.service") is not None


def engine_ready(settings) -> bool:
    return _service_present() and all(c.ok for c in check(settings))


def demo_payload(settings) -> dict:
    """An invented abstract (assets/literature/sample_abstract.txt), so the demo reads no real paper."""
    return {"text": sample_path(settings).read_text(encoding="utf-8")}
