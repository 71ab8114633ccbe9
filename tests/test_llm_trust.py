"""An endpoint an admin marks trusted (MEDCORE_LLM_TRUSTED) gets text as it is only once that choice is in the
audit log: in the app (ui/loaders.py) and on every other path that sends text, the CLI included (issue 14)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from medcore.llm.factory import reset_backends
from medcore.store import Store
from tests.test_llm import FakeOpenAI, fake_server  # noqa: F401 - the fixture is used by name

NOTE = "Patient Margarethe Quillfeather seen today. Cough and fever for three days. Takes paracetamol 500 mg."


@pytest.fixture
def trusted_endpoint(settings, monkeypatch, fake_server):  # noqa: F811 - the imported fixture
    monkeypatch.setenv("MEDCORE_LLM_BACKEND", "openai")
    monkeypatch.setenv("MEDCORE_LLM_BASE_URL", fake_server)
    monkeypatch.setenv("MEDCORE_LLM_MODEL", "m")
    monkeypatch.setenv("MEDCORE_LLM_TRUSTED", "1")
    reset_backends()
    yield fake_server
    reset_backends()


def _trust_rows(url: str) -> list[dict]:
    s = Store(url)
    try:
        return [e for e in s.audit_events(tool="llm") if e["action"] == "llm_endpoint_trusted"]
    finally:
        s.engine.dispose()


def _cli_backend():
    """The backend the CLI run built and used (backends are shared per configuration in a process)."""
    from medcore.config import Settings
    from medcore.llm import get_backend

    return get_backend(Settings.load(secrets={}))


def _store_page():
    from ui.loaders import get_store

    get_store()


def test_the_app_writes_the_trust_row_when_it_opens_its_store(trusted_endpoint, settings):
    from ui.loaders import _store

    _store.clear()  # a fresh store for this database, as at the app's start
    at = AppTest.from_function(_store_page, default_timeout=60).run()
    assert not at.exception
    rows = _trust_rows(settings.resolved_database_url)
    assert [(r["user"], r["object_type"], r["detail"]["page"], r["detail"]["backend"]) for r in rows] == [
        ("local", "llm_endpoint", "app", "openai")]
    assert rows[0]["object_id"] == trusted_endpoint.split("//", 1)[1].split("/", 1)[0]


def test_the_cli_writes_the_trust_row_before_sending_text_as_it_is(trusted_endpoint, settings, tmp_path, capsys):
    from medcore.cli import main

    (tmp_path / "n.txt").write_text(NOTE)
    assert main(["summarize", str(tmp_path / "n.txt"), "--json"]) == 0, capsys.readouterr().err
    assert FakeOpenAI.received and _cli_backend().trusted  # text sent as it is ...
    rows = _trust_rows(settings.resolved_database_url)
    assert [(r["detail"]["page"], r["detail"]["model"]) for r in rows] == [("engine", "m")]  # ... and audited


def test_when_the_trust_cannot_be_recorded_the_cli_sends_de_identified_text(trusted_endpoint, settings, tmp_path,
                                                                           monkeypatch, capsys):
    from medcore.cli import main

    path = tmp_path / "ro.db"
    Store(f"sqlite:///{path}").engine.dispose()
    monkeypatch.setenv("MEDCORE_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    (tmp_path / "n.txt").write_text(NOTE)
    assert main(["summarize", str(tmp_path / "n.txt"), "--json"]) == 0, capsys.readouterr().err
    assert FakeOpenAI.received and not _cli_backend().trusted  # de-identified, as for any endpoint
    assert _trust_rows(f"sqlite:///{path}") == []


def test_an_untrusted_endpoint_writes_no_row_and_gets_de_identified_text(trusted_endpoint, settings, tmp_path,
                                                                         monkeypatch, capsys):
    from medcore.cli import main

    monkeypatch.setenv("MEDCORE_LLM_TRUSTED", "0")
    reset_backends()
    (tmp_path / "n.txt").write_text(NOTE)
    assert main(["summarize", str(tmp_path / "n.txt"), "--json"]) == 0, capsys.readouterr().err
    assert FakeOpenAI.received and not _cli_backend().trusted
    assert _trust_rows(settings.resolved_database_url) == []
