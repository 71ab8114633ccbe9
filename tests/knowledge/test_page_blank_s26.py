"""Session 26 hands-on check: on the Knowledge page, Ask with an empty question did nothing at all, and a question
of spaces showed a blank "Your question" and "I could not map this question". Both now say to type a question,
and nothing is asked."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "knowledge.py")


def _ask(at, q):
    at.text_input(key="kg_question").input(q)
    at.button[0].click()  # the form's Ask button
    return at.run()


def test_a_blank_question_is_refused_with_a_hint(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    for blank in ("", "    "):
        _ask(at, blank)
        assert not at.exception and not at.error
        warnings = [w.value for w in at.warning]
        assert any(w.startswith("Type a question first") for w in warnings), warnings
        assert not any("could not map" in w for w in warnings), warnings
        assert "Your question" not in [c.value for c in at.caption]
    _ask(at, "What interacts with warfarin?")  # a real question after it is answered
    assert not any(w.startswith("Type a question first") for w in (w.value for w in at.warning))
    assert "What interacts with warfarin?" in [t.value for t in at.text]
