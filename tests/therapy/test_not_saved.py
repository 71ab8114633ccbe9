"""A read-only database: the plan is still made and shown (by the same service code), with a clear "not saved" and
never a claim that it was saved (issue 13, platform14's finding)."""

from medcore.auth import SYSTEM
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from medcore.store import Store
from medcore.therapy import service

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "treatment_planner.py")
PATIENT = {"age": 70, "sex": "female", "weight_kg": 62, "scr_mg_dl": 1.0}


@pytest.fixture
def read_only(tmp_path, settings, monkeypatch):
    path = tmp_path / "ro.db"
    Store(f"sqlite:///{path}").engine.dispose()
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    monkeypatch.setenv("MEDCORE_DATABASE_URL", url)
    return url


def test_service_returns_the_plan_and_says_why_it_was_not_audited(read_only, kb, settings):
    res = service.make(settings, PATIENT, "afib", kb=kb, store=Store(read_only), user=SYSTEM)
    assert res.plan.chosen == "apixaban"
    assert res.not_saved == "Not saved: the database is read-only"


def test_service_on_a_writable_store_has_nothing_to_report(kb, settings, store):
    assert service.make(settings, PATIENT, "afib", kb=kb, store=store, user=SYSTEM).not_saved is None


def test_cli_plan_on_a_read_only_database_prints_the_plan_and_not_saved(read_only, tmp_path, capsys):
    from medcore.cli import main

    pt = tmp_path / "p.json"
    pt.write_text(json.dumps(PATIENT))
    rc = main(["plan", str(pt), "--condition", "afib", "--json"])
    out, err = capsys.readouterr()
    d = json.loads(out)
    assert rc == 0 and d["chosen"] == "apixaban" and d["not_saved"] == "Not saved: the database is read-only"
    assert "Not saved: the database is read-only" in err and "audit record was not written" in err
    rc = main(["plan", str(pt), "--condition", "afib"])
    out, err = capsys.readouterr()
    assert rc == 0 and "apixaban" in out.lower() and "Not saved" in err and "saved" not in out.lower()


def test_page_on_a_read_only_database_shows_the_plan_and_not_saved(read_only):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.number_input(key="tp_age").set_value(70)
    at.number_input(key="tp_weight").set_value(62)
    at.selectbox(key="tp_cond").set_value("af_anticoagulation")
    next(b for b in at.button if b.label == "Make plan").click()
    at.run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error).replace("\\", "")  # messages are markdown-escaped
    assert "Not saved: the database is read-only" in errors and "neither it nor its audit record" in errors
    assert at.session_state.tp_plan["chosen"] == "apixaban" and at.subheader  # the plan itself is on the page
    assert "apixaban" in " ".join(m.value for m in at.markdown).lower()
    assert not any("saved" in s.value.lower() for s in at.success)
