"""Session 27: since session 26b a service's `user` is required and `check_tool` refuses None, so any caller outside
the pages (the CLI, workers, evals under docs/evals/, benches, medcore itself) that leaves the user out fails at
run time. tests/test_service_user_required_s26.py reads the pages and ui; this reads everything else, and runs the
triage evaluation with no user anywhere (tests/triage/test_eval_no_user_s27.py)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO
from tests.test_service_user_required_s26 import _calls, _entry_points

# The required user by position (after these many positional arguments), for the entry points that take it so.
_POSITIONAL_USER = {"store_import": 3, "list_imports": 1, "dataset_choices": 1}


def _sources() -> list[Path]:
    roots = [REPO / "medcore", REPO / "docs" / "evals", REPO / "bench", REPO / "scripts"]
    out = [p for root in roots if root.is_dir() for p in sorted(root.rglob("*.py"))]
    return [p for p in out if "blind" not in p.parent.name]  # never read a held-out set's folder


def _imports_service(tree: ast.AST, name: str) -> bool:
    """Whether the file can mean our entry point by `name` (a bare `make` is any other make elsewhere)."""
    mods = {"make": "medcore.therapy"}
    want = mods.get(name)
    return want is None or any(isinstance(n, ast.ImportFrom) and (n.module or "").startswith(want)
                               and any(a.name in ("service", name) for a in n.names) for n in ast.walk(tree))


def test_every_caller_outside_the_pages_passes_a_user():
    entry = _entry_points()
    missing, seen = [], set()
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        if not any(name + "(" in text for name in entry):
            continue
        tree = ast.parse(text)
        for node, name, owner, _ in _calls(path):
            if name not in entry or (name == "make" and owner != "service") or not _imports_service(tree, name):
                continue
            seen.add(name)
            by_keyword = any(k.arg == "user" or k.arg is None for k in node.keywords)  # **kwargs may carry it
            by_position = name in _POSITIONAL_USER and len(node.args) > _POSITIONAL_USER[name]
            none_given = any(k.arg == "user" and isinstance(k.value, ast.Constant) and k.value.value is None
                             for k in node.keywords)
            if not (by_keyword or by_position) or none_given:
                missing.append(f"{path.relative_to(REPO)}:{node.lineno} {name}(...)")
    assert not missing, "these calls fail with the required user (pass medcore.auth.SYSTEM): " + ", ".join(missing)
    # the scan reads the real call sites: it fails if they move away, not only when one is wrong
    assert {"summarize_input", "make"} <= seen, seen
