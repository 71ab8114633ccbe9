"""The whole app (app.py, with its navigation) across pages: summarize a note and keep it, make a plan and keep it,
then open the same workspace in a new session (a reload through its URL) and find both. On the test's SQLite
store here; tests/test_store_postgres.py runs the same flow on PostgreSQL through MEDCORE_DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "app.py")
NOTE = ("HPI: 71-year-old woman with palpitations for a week, no chest pain.\nMedications: sertraline 50 mg daily.\n"
        "Allergies: penicillin (hives).\nAssessment: atrial fibrillation.\nPlan: review in 1 week.\n")


def _ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _text(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown).replace("\\", "")  # note text is shown escaped


def test_a_summary_and_a_plan_saved_on_their_pages_come_back_in_a_reloaded_workspace(settings, store, monkeypatch):
    import medcore.embeddings
    from tests.records.conftest import fake_embed

    monkeypatch.setattr(medcore.embeddings, "embed", fake_embed)  # the narrative's sentence ranking, without a model
    at = _ok(AppTest.from_file(APP, default_timeout=180).run())
    _ok(at.switch_page("pages/record_summarizer.py").run())
    at.text_area(key="rec_input").set_value(NOTE)
    next(b for b in at.button if b.label == "Summarize pasted note").click()
    _ok(at.run())
    assert "71-year-old woman" in _text(at)
    summaries = store.list_work(kind="summary")
    assert len(summaries) == 1 and "palpitations" in summaries[0].data["note"]
    ws = at.query_params["ws"]  # the workspace a tool page put in the URL
    ws = ws[0] if isinstance(ws, list) else ws

    _ok(at.switch_page("pages/treatment_planner.py").run())
    at.number_input(key="tp_age").set_value(84)
    at.number_input(key="tp_weight").set_value(58)
    at.number_input(key="tp_scr").set_value(1.2)
    at.text_area(key="tp_medications").set_value("sertraline")
    at.selectbox(key="tp_cond").set_value("af_anticoagulation")
    next(b for b in at.button if b.label == "Make plan").click()
    _ok(at.run())
    assert "apixaban 2.5 mg twice daily" in _text(at)
    plans = store.list_work(kind="plan")
    assert len(plans) == 1 and "apixaban" in str(plans[0].data["plan"])

    # a new session on the same workspace URL: Home, then each page shows the saved work
    again = AppTest.from_file(APP, default_timeout=180)
    again.query_params["ws"] = ws
    _ok(again.run())
    _ok(again.switch_page("pages/record_summarizer.py").run())
    assert "71-year-old woman" in _text(again)
    _ok(again.switch_page("pages/treatment_planner.py").run())
    assert "apixaban 2.5 mg twice daily" in _text(again)

    stranger = AppTest.from_file(APP, default_timeout=180)  # another workspace sees neither
    _ok(stranger.run())
    _ok(stranger.switch_page("pages/treatment_planner.py").run())
    assert "apixaban" not in _text(stranger)
