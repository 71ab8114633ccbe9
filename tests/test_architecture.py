"""The import-linter contracts in .importlinter (layers pages -> ui -> medcore tools -> knowledge -> foundation,
and no import cycles) hold, and they can fail: the same check on a copy with an upward import or a cycle
added reports the contract broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess:
    if not LINT.exists():
        pytest.skip("import-linter is not installed (requirements.txt pins it)")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT), "--no-cache", "--config", str(root / ".importlinter")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


def test_import_contracts_are_kept():
    r = _lint(REPO)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 broken" in r.stdout


def _copy(tmp_path: Path) -> Path:
    for name in ("medcore", "ui", "pages"):
        shutil.copytree(REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(REPO / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


@pytest.mark.parametrize("module,line,broken", [
    # knowledge sits below every tool
    ("medcore/knowledge/__init__.py", "from medcore.triage import kb  # noqa\n", "Inside medcore"),
    # medcore never imports the app side
    ("medcore/config.py", "import ui.errors  # noqa\n", "Pages over ui"),
    # a cycle inside a tool: the engine importing the chat that imports it
    ("medcore/triage/engine.py", "from medcore.triage import chat  # noqa\n", "No import cycles"),
])
def test_a_broken_contract_is_reported(tmp_path, module, line, broken):
    root = _copy(tmp_path)
    path = root / module
    path.write_text(path.read_text() + "\n" + line)
    r = _lint(root)
    assert r.returncode != 0
    assert f"{broken}" in r.stdout and "BROKEN" in r.stdout, r.stdout


def test_no_page_writes_a_bare_expression():
    """.streamlit/config.toml turns Streamlit's magic off (its AST rewrite cost every first render 0.2 s), so a bare
    expression in a page or ui helper would silently show nothing: write it with an st call."""
    import ast
    import tomllib

    assert tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())["runner"]["magicEnabled"] is False
    bare = []
    for path in [REPO / "app.py", *sorted((REPO / "pages").glob("*.py")), *sorted((REPO / "ui").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Expr) and not isinstance(node.value, (ast.Call, ast.Await, ast.Yield)) \
                    and not (isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                bare.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not bare, f"bare expressions that magic used to show: {bare}"
