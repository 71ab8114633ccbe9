"""AppTest of the Health questions page: a cited answer, the emergency banner first, refusal, the page card and
handout, and the conversation kept across a reload."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
PAGE = str(REPO / "pages" / "health_questions.py")


def _texts(at) -> str:
    return "\n".join([t.value for t in at.text] + [m.value for m in at.markdown] + [c.value for c in at.caption])


def _ask(at, q):
    at.chat_input[0].set_value(q)
    return at.run()


def test_answer_with_sources_page_card_and_reload(settings):
    at = AppTest.from_file(PAGE, default_timeout=300).run()
    assert not at.exception and not at.error
    at = _ask(at, "How is gout treated?")
    assert not at.exception and not at.error
    shown = _texts(at)
    assert "How is gout treated?" in shown  # the question, as text
    assert "Machine-generated answer" in shown and "treatment" in shown
    assert any(e.label.startswith("Sources (") for e in at.expander)
    assert "#### Gout" in shown and "condition:gout" in shown  # the topic card
    assert any(b.label == "PDF handout" for b in at.get("download_button"))
    # a reload (a new session on the same workspace URL) gets the conversation back
    again = AppTest.from_file(PAGE, default_timeout=300)
    again.query_params["ws"] = at.query_params["ws"]
    again.run()
    assert not again.exception and "How is gout treated?" in _texts(again)


def test_emergency_is_shown_first_and_prominently(settings):
    at = _ask(AppTest.from_file(PAGE, default_timeout=300).run(), "I have crushing chest pain right now")
    assert not at.exception
    assert at.error and at.error[0].value.startswith("Emergency: call an ambulance")
    texts = [t.value for t in at.text]
    assert texts.index("I have crushing chest pain right now") < next(
        i for i, t in enumerate(texts) if "warning sign" in t or "heart attack" in t.lower())


def test_out_of_scope_is_refused_without_an_error(settings):
    at = _ask(AppTest.from_file(PAGE, default_timeout=300).run(), "what is the capital of France")
    assert not at.exception and not at.error
    assert "I don't have reliable information on that." in [t.value for t in at.text]


def test_markdown_in_a_question_is_shown_as_typed(settings):
    q = "what is **gout** [x](http://evil.example)"
    at = _ask(AppTest.from_file(PAGE, default_timeout=300).run(), q)
    assert not at.exception and q in [t.value for t in at.text]


def test_full_page_sections_and_a_follow_up_that_keeps_the_topic(settings):
    """The page's 'full page' shows every section the issue lists, each passage with its source, and the
    machine-generated note; a follow-up with no topic of its own ('and can you catch it?') stays on gout."""
    at = _ask(AppTest.from_file(PAGE, default_timeout=300).run(), "How is gout treated?")
    at = _ask(at, "and can you catch it from someone?")
    assert not at.exception and not at.error
    captions = [c.value for c in at.caption]
    assert any("Question type: contagion" in c and "gout" in c.replace("\\", "") for c in captions), captions
    full = next(e for e in at.expander if e.label == "The full page")
    titles = [m.value for m in full.markdown]
    for title in ("What it is", "Symptoms", "Causes and risk factors", "When to get help", "Tests", "Treatment",
                  "Looking after yourself", "Prevention", "Outlook"):
        assert f"**{title}**" in titles, title
    inside = [c.value for c in full.caption]
    assert any(c.startswith("Source: ") for c in inside)
    assert any("made by a computer program" in c for c in inside)
    assert any(b.label == "PDF handout" for b in at.get("download_button"))
