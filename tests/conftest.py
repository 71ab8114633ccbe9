"""Shared fixtures: every test gets its own data dir and SQLite database, the template LLM,
and no network (hub downloads would fail offline anyway; failing fast keeps tests quick)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def settings(data_dir, monkeypatch):
    """Settings for tests; also exported as env vars so subprocesses and AppTest pages see the same.
    The knowledge layer's built terminology (ICD-10-CM, HPO, our KBs; seconds to build) is cached across
    runs in the repo's ignored .data/ folder; its folder name is a digest of every input, so it is never stale."""
    from medcore.config import Settings

    monkeypatch.setenv("MEDCORE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("MEDCORE_KNOWLEDGE_CACHE_DIR", str(REPO / ".data" / "test-knowledge-cache"))
    monkeypatch.setenv("MEDCORE_LLM_BACKEND", "template")
    monkeypatch.setenv("MEDCORE_DATABASE_URL", f"sqlite:///{data_dir / 'test.db'}")
    return Settings.load(secrets={})


@pytest.fixture
def store(settings):
    from medcore.store import Store

    s = Store.open(settings)
    yield s
    s.engine.dispose()


@pytest.fixture(autouse=True)
def _local_mode():
    """AppTest runs no server, so server.address is unset, which means every interface: shared mode,
    which would need sign-in. Tests run as the README's local app does, bound to 127.0.0.1."""
    from streamlit import config

    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", before)



@pytest.fixture(autouse=True)
def _ui_errors_raise(monkeypatch):
    """The pages' error boundary re-raises an unexpected error in tests (after showing the same message), so a
    page test that checks `not at.exception` sees a broken page. A test that triggers one on purpose, to check
    what the person sees, takes the `ui_errors_shown` fixture instead."""
    monkeypatch.setenv("MEDCORE_RAISE_UI_ERRORS", "1")


@pytest.fixture
def ui_errors_shown(monkeypatch):
    """The boundary as in the app: the friendly message only, no exception."""
    monkeypatch.delenv("MEDCORE_RAISE_UI_ERRORS", raising=False)


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by mark
def pytest_collection_modifyitems(config, items):
    from tests.serial import SERIAL_FILES

    for item in items:
        if item.path.resolve().relative_to(REPO).as_posix() in SERIAL_FILES:
            item.add_marker(pytest.mark.serial)
