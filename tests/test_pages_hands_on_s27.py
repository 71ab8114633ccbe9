"""Session 27 hands-on pass: pages driven as a new user would, with odd input, asserting what the person reads.
(1) Literature reader: an abstract in another language, pasted as one paragraph, was read as a title and told
"the abstract is missing". (2) Health questions: a question in French was told only "no topic we cover was
recognised". (3) Knowledge: a search of spaces said "No concept matches that text". Own sentences throughout."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


def _page(name: str) -> AppTest:
    return AppTest.from_file(str(REPO / "pages" / f"{name}.py"), default_timeout=240).run()


def _said(at, kind: str) -> str:
    return " ".join(str(x.value) for x in getattr(at, kind)).replace("\\", "")  # markdown-escaped messages


def test_literature_reader_says_a_paper_in_another_language_is_not_read(settings):
    at = _page("literature_reader")
    at.text_area(key="lit_text").set_value("Nous avons inclus des patients adultes avec une pneumonie et nous les "
                                           "avons suivis pendant un an dans les hôpitaux de la région.")
    next(b for b in at.button if b.label == "Read pasted text").click().run()
    assert not at.exception, at.exception
    warned = _said(at, "warning")
    assert "does not read as English (French)" in warned and "nothing was read" in warned, warned
    assert "Only a title was given" not in warned
    assert at.text_area(key="lit_text").value.startswith("Nous avons inclus")  # the paste is kept


def _paper(title: str, *sentences: str):
    from medcore.literature.model import Paper, Sentence

    return Paper(title=title, sentences=[Sentence(i, t, 0, len(t)) for i, t in enumerate(sentences)])


def test_an_english_abstract_with_foreign_names_in_it_is_still_read():
    from medcore.literature.service import _not_english

    p = _paper("Tai chi versus usual care for older adults at risk of falls: the 'Equilibrio de la vida' trial",
               "We enrolled 212 adults over 70 in the Hospital de la Santa Creu and the Clinique de la Loire.",
               "Falls at one year were fewer with tai chi (rate ratio 0.71, 95% CI 0.55 to 0.92).")
    assert _not_english(p) is None


def test_a_non_latin_script_is_named():
    from medcore.literature.service import _not_english

    assert _not_english(_paper("高血圧の成人を対象としたランダム化比較試験の結果について")) == "non-Latin script"


def test_health_questions_say_why_a_french_question_gets_no_answer(settings):
    at = _page("health_questions")
    at.chat_input[0].set_value("est-ce que le rhume des enfants est contagieux pour les grands-parents").run()
    assert not at.exception, at.exception
    shown = " ".join(str(getattr(x, "value", "")) for m in at.chat_message for x in m.children.values())
    assert "does not read as English (French)" in shown.replace("\\", ""), shown[:500]


def test_knowledge_search_of_spaces_asks_for_a_word_instead_of_saying_nothing_matches(settings):
    at = _page("knowledge")
    at.text_input(key="kg_search").set_value("     ").run()
    assert not at.exception, at.exception
    assert "No concept matches" not in _said(at, "info")
    assert "Type a word to search." in _said(at, "caption")


def test_symptom_chat_does_not_echo_a_message_of_spaces_as_an_empty_bubble(settings):
    at = _page("symptom_chat")
    at.chat_input[0].set_value("    ").run()
    assert not at.exception, at.exception
    users = [m for m in at.chat_message if m.name == "user"]
    assert not users, [str(x.value) for m in users for x in m.children.values()]
    shown = " ".join(str(getattr(x, "value", "")) for m in at.chat_message for x in m.children.values())
    assert "Please describe your symptoms in a sentence or two." in shown, shown
