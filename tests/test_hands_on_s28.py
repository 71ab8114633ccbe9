"""Session 28 hands-on pass (platform): pages driven with hostile input, asserting what the person reads.

A bidi override typed into the symptom chat or the case trainer ("my <RLO>niap tsehc<PDF>") was kept in the chat
bubble, the saved transcript and the exports: the screen showed "my chest pain" while the engine read reversed
letters, so a reader trusted a symptom that was never read. Such characters are removed where the text comes in
(medcore.controls, the one home, through triage.input_checks.check_text and cases.service.ask), as the health
questions, knowledge search and notes already did. Own sentences throughout."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

RLO, PDF = "\u202e", "\u202c"


def _bubbles(at) -> list[str]:
    return [str(getattr(x, "value", "")) for m in at.chat_message for x in m.children.values()]


def test_symptom_chat_shows_no_bidi_override(settings):
    at = AppTest.from_file(str(REPO / "pages" / "symptom_chat.py"), default_timeout=240).run()
    at.chat_input(key="tri_input").set_value(f"my {RLO}niap tsehc{PDF} started today").run()
    assert not at.exception and not at.error, (at.exception, at.error)
    shown = _bubbles(at)
    assert any("niap tsehc" in s for s in shown), shown  # the message is echoed, as typed, less the override
    assert not any(RLO in s or PDF in s for s in shown), shown
    turns = at.session_state["tri_state"]["turns"] if "tri_state" in at.session_state else []
    assert not any(RLO in str(t.get("text", "")) for t in turns)


def test_case_trainer_shows_no_bidi_override(settings):
    at = AppTest.from_file(str(REPO / "pages" / "case_trainer.py"), default_timeout=240).run()
    at.button(key="case_start").click().run()
    at.chat_input(key="case_input").set_value(f"any {RLO}reve f{PDF}?").run()
    assert not at.exception and not at.error, (at.exception, at.error)
    shown = _bubbles(at)
    assert any("reve f" in s for s in shown), shown
    assert not any(RLO in s or PDF in s for s in shown), shown


def test_the_chat_input_check_strips_controls_but_keeps_the_words():
    from medcore.triage.input_checks import check_text

    assert check_text(f"chest {RLO}pain{PDF}\x07 since\tmorning\n") == "chest pain since\tmorning\n"
    assert check_text("كحة منذ يومين") == "كحة منذ يومين"  # right-to-left script itself is kept
    assert check_text("") == "" and check_text(None) == ""


def test_the_case_trainer_keeps_undecodable_bytes_unreadable(settings):
    from medcore.cases import service

    tr = service.CaseTrainer.from_settings(settings)
    state = service.ask(tr, service.new_session(tr, seed=3), b"\xff\xfe fever?")
    assert "not UTF-8" in str(state["transcript"][-1]), state["transcript"][-1]
    state = service.ask(tr, state, f"do you {RLO}ever{PDF} smoke?".encode())
    assert RLO not in str(state["transcript"])


_ABSTRACT = ("Walking groups for low mood in older adults: a randomised trial. We assigned 180 adults over 65 with "
             "low mood to weekly walking groups or to leaflets for twelve weeks. Depression scores fell more with "
             "walking groups (mean difference -2.1 points, 95% CI -3.4 to -0.8). Walking groups eased low mood.")


def test_a_paste_read_twice_is_one_paper_in_the_library(settings, store):
    at = AppTest.from_file(str(REPO / "pages" / "literature_reader.py"), default_timeout=240).run()
    for _ in range(2):  # a double click, or the same paste read again
        at.text_area(key="lit_text").set_value(_ABSTRACT)
        next(b for b in at.button if b.label == "Read pasted text").click().run()
        assert not at.exception and not at.error, (at.exception, at.error)
    papers = store.list_work(kind="paper")
    assert len(papers) == 1, [p.title for p in papers]
    assert len(store.work_versions(papers[0].id)) == 2  # read again: a new version of the one item


def test_a_different_paste_is_a_different_paper(settings, store):
    from medcore.literature import library

    a = {"paper": {"title": "Walking groups", "text": "Adults walked weekly."}}
    b = {"paper": {"title": "Walking groups", "text": "Adults  WALKED weekly. "}}  # same words, spacing and case
    c = {"paper": {"title": "Walking groups", "text": "Adults swam weekly."}}
    assert library.index_of(a)["text_sha"] == library.index_of(b)["text_sha"] != library.index_of(c)["text_sha"]
    assert library.index_of({"paper": {}})["text_sha"] == ""  # nothing to compare: never a duplicate
    ids = [library.save_paper(store, r).id for r in (a, b, c)]
    assert ids[0] == ids[1] != ids[2]


def test_an_identified_paper_is_matched_by_its_identifier_not_its_text(settings, store):
    from medcore.literature import library

    one = {"paper": {"title": "Trial", "text": "Same words.", "pmid": "111"}}
    two = {"paper": {"title": "Trial", "text": "Same words.", "pmid": "222"}}  # two records that share a text
    assert library.save_paper(store, one).id != library.save_paper(store, two).id


def test_summarize_twice_on_the_same_note_keeps_one_item(settings, store):
    at = AppTest.from_file(str(REPO / "pages" / "record_summarizer.py"), default_timeout=240).run()
    note = ("Seen today for a dry cough of two weeks. PMH: type 2 diabetes. Meds: metformin 500 mg twice daily. "
            "Allergies: none known. Plan: chest X-ray if no better in a week.")
    at.text_area(key="rec_input").set_value(note)
    for _ in range(2):  # a double click
        next(b for b in at.button if b.label == "Summarize pasted note").click().run()
        assert not at.exception and not at.error, (at.exception, at.error)
    assert len(store.list_work(kind="summary")) == 1
    assert any("nothing new to summarize" in str(i.value) for i in at.info)
    at.text_area(key="rec_input").set_value(note + " Review in clinic in one month.")  # an edited note is new
    next(b for b in at.button if b.label == "Summarize pasted note").click().run()
    assert not at.exception and not at.error
    assert len(store.list_work(kind="summary")) == 2
