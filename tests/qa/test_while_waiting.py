"""What to do while waiting for emergency help (hand check s11own01): `ask`'s emergency route keeps the
emergency advice first and unchanged, then the labelled "while you wait" lines, each with its source:
basic life support for a collapse or no response (assets/kb/qa/while_waiting.yaml), the emergency page's own
self-care lines for a named emergency (anaphylaxis, stroke); nothing of it on any other answer. Questions are
our own words."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from medcore.qa import service, waiting
from medcore.triage.rules import LEVEL_TEXT

REPO = Path(__file__).resolve().parents[2]
KB = REPO / "assets" / "kb"
PAGE = str(REPO / "pages" / "health_questions.py")
NOT_BREATHING = "my grandad has collapsed in the garden and he isn't breathing right"
BLS_SOURCE = "Resuscitation Council UK: adult basic life support for the public"


def _ask(qa, q):
    settings, eng = qa
    return service.ask(settings, q, eng=eng)


def _split(a):
    """(emergency sentences, while-you-wait sentences), checking the emergency ones all come first."""
    kinds = [s.section for s in a.sentences]
    n = kinds.count("emergency")
    assert kinds[:n] == ["emergency"] * n and set(kinds[n:]) <= {waiting.SECTION}, kinds
    return a.sentences[:n], a.sentences[n:]


def test_not_breathing_gets_the_emergency_advice_then_the_call_handler_cpr_line(qa):
    a = _ask(qa, NOT_BREATHING)
    assert a.route == "emergency" and a.emergency["kind"] == "red_flag"
    first, wait = _split(a)
    assert first[0].text.startswith(LEVEL_TEXT["emergency"])
    assert [s.text for s in first] == [s["text"] for s in a.emergency["sentences"]]  # unchanged, first
    assert wait and "call handler" in wait[0].text and "CPR" in wait[0].text and "999" in wait[0].text
    assert wait[0].source == BLS_SOURCE
    assert a.emergency["waiting_heading"] == "While you wait for help"
    assert a.emergency["while_waiting"][0] == {"text": wait[0].text, "source": BLS_SOURCE}


def test_anaphylaxis_and_stroke_get_their_pages_while_you_wait_lines_after_the_emergency_line(qa):
    _, eng = qa
    for q, cid in (("my son ate a cashew and his face and tongue are puffing up and he is wheezing",
                    "condition:anaphylaxis"),
                   ("my mum's face is drooping on one side and her speech has gone slurred",
                    "condition:stroke")):
        a = _ask(qa, q)
        assert a.route == "emergency", (q, a.to_dict())
        first, wait = _split(a)
        assert first[0].text.startswith(LEVEL_TEXT["emergency"])
        care = [(p.text, p.source) for p in eng.pages[cid].section("self_care").passages]
        assert care and [(s.text, s.source) for s in wait] == care, (q, wait)
        assert all(s.source for s in wait)


def test_only_the_emergency_answer_gets_while_you_wait_lines(qa):
    """The same topic asked about in general, and other routes, get none; the emergency one does."""
    a = _ask(qa, "my sister's face is drooping on one side and she can't raise her arm")
    assert a.route == "emergency" and any(s.section == waiting.SECTION for s in a.sentences)
    for q in ("how is gout treated", "what are the warning signs of a stroke", "what should I do in anaphylaxis",
              "I have had a sore throat and a temperature for 2 days"):
        a = _ask(qa, q)
        assert a.route != "emergency" and not a.emergency, q
        assert all(s.section != waiting.SECTION for s in a.sentences), q


def test_a_line_with_a_dose_or_nothing_to_do_is_never_a_while_you_wait_line(pages):
    """The heart attack page's self-care names an aspirin dose: the page keeps it, the emergency answer does not
    repeat it. The lung clot page said "None at home" until session 18 gave it a sourced while-you-wait line
    (NHS.uk): the answer now repeats that line, which has no dose."""
    from medcore.llm.grounding import doses_in

    acs = [p.text for p in pages["condition:myocardial_infarction"].section("self_care").passages]
    assert any(doses_in(t) for t in acs)  # the case this guards
    _, got = waiting.lines(KB, pages, [], "myocardial_infarction")
    assert got == []
    _, got = waiting.lines(KB, pages, [], "pulmonary_embolism")
    assert [g["text"] for g in got] == [p.text for p in pages["condition:pulmonary_embolism"].section("self_care").passages
                                        if p.origin == "triage_kb"]
    assert got and not any(doses_in(g["text"]) for g in got)
    # a collapse: the life-support lines only, not the first aid of a cause guessed from it
    _, got = waiting.lines(KB, pages, ["collapse"], "alcohol_poisoning")
    assert [g["source"] for g in got] == [BLS_SOURCE, "NHS Health A-Z: first aid, recovery position"]


def test_the_life_support_lines_are_sourced_and_keyed_to_the_chats_own_findings(triage_kb):
    data = waiting.load(KB)
    known = {f.id for f in triage_kb.findings}
    assert set(data["basic_life_support"]["when_findings"]) <= known
    assert all(line["source"] and "mg" not in line["text"] for line in data["basic_life_support"]["lines"])


def test_the_page_shows_the_while_you_wait_lines_under_the_emergency_advice(settings):
    at = AppTest.from_file(PAGE, default_timeout=300).run()
    at.chat_input[0].set_value(NOT_BREATHING)
    at = at.run()
    assert not at.exception
    assert at.error and at.error[0].value.startswith("Emergency: call an ambulance")
    assert any(w.value == "While you wait for help" for w in at.warning)
    texts = [t.value for t in at.text]
    emergency_line = next(i for i, t in enumerate(texts) if t.startswith(LEVEL_TEXT["emergency"]))
    cpr = next(i for i, t in enumerate(texts) if "call handler will tell you how to do CPR" in t)
    assert texts.index(NOT_BREATHING) < emergency_line < cpr
    assert f"Source: {BLS_SOURCE}" in [c.value.replace("\\", "") for c in at.caption]  # md_escape'd


def test_the_cli_text_labels_the_while_you_wait_lines(settings, capsys):
    from medcore.cli import main

    assert main(["ask", NOT_BREATHING]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "EMERGENCY" and out[1].startswith(f"- {LEVEL_TEXT['emergency']}")
    label = out.index("While you wait for help:")
    assert "call handler" in out[label + 1] and out[label + 1].endswith(f"[{BLS_SOURCE}]")
    assert all(line.startswith("- ") for line in out[1:label])  # the emergency advice, all of it, before


def test_a_third_person_emergency_description_is_answered_as_an_emergency(qa):
    # 'she has' describes someone now, like 'my daughter has' (found in session 11, wave 2: the meningitis signs
    # below were answered from the wry-neck page)
    assert _ask(qa, "she has a terrible headache, a stiff neck and a rash that won't fade").route == "emergency"
    assert _ask(qa, "can she take ibuprofen for a headache").route != "emergency"
