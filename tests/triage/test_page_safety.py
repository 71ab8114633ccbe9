"""AppTest: what the symptom-chat page shows in the unsafe situations of issue 12."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "symptom_chat.py")


def _texts(at):
    return [m.markdown[0].value for m in at.chat_message if m.markdown]


def _boxes(at):
    return [b.value for b in (*at.info, *at.warning, *at.error)]


def test_tired_then_show_result_now_on_the_page(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.chat_input(key="tri_input").set_value("I feel tired all the time").run()
    for _ in range(3):
        at.button(key="tri_no").click().run()
        assert not at.exception
    at.button(key="tri_finish").click().run()
    assert not at.exception and not at.error
    result = _texts(at)[-1]
    assert result.startswith("**Routine") and "too early to rank" in result
    assert "aspirin" not in result.lower() and "most likely" not in result
    heading = [b for b in _boxes(at) if "Routine" in b]
    assert heading and "Heart attack" not in heading[0]
    # no "About" panel naming an emergency condition under a routine heading
    assert not any("heart attack" in e.label.lower() for e in at.expander)


def test_age_and_sex_boxes_show_the_current_patient(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.chat_input(key="tri_input").set_value("I'm a 40 year old man with a cough for 3 days").run()
    assert at.number_input(key="tri_age").value == 40 and at.selectbox(key="tri_sex").value == "Male"
    at.button(key="tri_restart").click().run()
    assert at.number_input(key="tri_age").value is None and at.selectbox(key="tri_sex").value is None
    at.chat_input(key="tri_input").set_value("25 year old woman, burning when I pee").run()
    assert not at.exception
    assert at.number_input(key="tri_age").value == 25 and at.selectbox(key="tri_sex").value == "Female"


def test_gibberish_gets_no_triage_level(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.chat_input(key="tri_input").set_value("blorf snarg wibble toast").run()
    assert not at.exception
    last = _texts(at)[-1]
    assert "emergency number" in last and ("describe" in last.lower() or "say what" in last.lower())
    assert not any(lvl in b for b in _boxes(at) for lvl in ("Emergency:", "Urgent:", "Routine:", "Self-care:"))


def test_contradiction_is_asked_on_the_page(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.chat_input(key="tri_input").set_value("40-year-old man, 30 weeks pregnant").run()
    assert not at.exception
    assert "do not usually go together" in _texts(at)[-1]
