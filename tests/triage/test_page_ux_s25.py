"""Session 25 hands-on check: changing age or sex after the result is shown says it is an update, and the same
result is not repeated word for word as a second, unexplained copy in the chat."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "symptom_chat.py")


def _shown(at):
    return [m.markdown[0].value for m in at.chat_message if m.markdown]


def test_age_changed_after_the_result_is_an_update_not_a_silent_copy(settings):
    at = AppTest.from_file(PAGE, default_timeout=180).run()
    at.chat_input(key="tri_input").set_value(
        "terible headache and a stiff neck since this mornng, temp 102 F, lights hurt my eyes <b>x</b>").run()
    at.button(key="tri_finish").click().run()
    assert not at.exception and not at.error[1:], [e.value for e in at.error]
    results = [t for t in _shown(at) if t.startswith("**Emergency")]
    assert len(results) == 1
    at.number_input(key="tri_age").set_value(35).run()
    assert not at.exception
    shown = _shown(at)
    updates = [t for t in shown if t.startswith("Updated for age 35")]
    assert len(updates) == 1, shown
    again = [t for t in shown if t.startswith("**Emergency")]
    # either the same result, said once with "does not change", or a new result announced by the update line
    assert (len(again) == 1 and "does not change" in updates[0]) or (len(again) == 2 and shown.index(updates[0])
                                                                      == len(shown) - 1 - shown[::-1].index(again[-1]) - 1)
    assert any("<b>x</b>" in t.value for t in at.text)  # the person's words, shown as text
    assert at.error and "Emergency" in at.error[0].value  # the banner the person sees agrees with the chat
