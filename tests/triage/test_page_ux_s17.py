"""AppTest of the symptom chat's level box while the interview is still asking (session 17 UX pass)."""

from streamlit.testing.v1 import AppTest

from tests.triage.test_page_safety import PAGE, _boxes


def test_the_level_is_marked_provisional_until_the_interview_ends(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.chat_input(key="tri_input").set_value("it burns when I pee").run()
    assert not at.exception and not at.error
    level = [b for b in _boxes(at) if "Routine" in b or "Urgent" in b or "Self-care" in b]
    assert level and level[0].startswith("**So far: ")  # a question is still open: not the final advice
    assert any("Provisional" in c.value for c in at.caption)
    at.button(key="tri_finish").click().run()
    for _ in range(6):  # "Show result now" may still ask a safety question (pregnancy) first
        if at.session_state.tri_state.get("finished"):
            break
        at.button(key="tri_no").click().run()
    assert not at.exception and at.session_state.tri_state.get("finished")
    final = [b for b in _boxes(at) if "Routine" in b or "Urgent" in b or "Self-care" in b]
    assert final and not final[0].startswith("**So far")
    assert not any("Provisional" in c.value for c in at.caption)
