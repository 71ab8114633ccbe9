"""BM25 over the education pages reads word stems: a question's word form need not be the page's."""

from __future__ import annotations

from medcore.qa.model import EducationPage, Passage, Section
from medcore.qa.retrieve import build_index, stem_words


def _pages():
    secs = [Section("prevention", "Prevention", [Passage("A flu vaccine each year is the best way to prevent it.",
                                                         "NHS", "curated")]),
            Section("contagion", "How it spreads", [Passage("Flu spreads through coughs and sneezes.", "CDC",
                                                            "curated")]),
            Section("outlook", "Outlook", [Passage("Most people recover within about a week.", "NHS", "curated")])]
    return {"condition:flu_test": EducationPage("condition:flu_test", "condition", "Flu test page", {}, secs)}


def test_stems_join_word_forms():
    assert stem_words(["vaccinations", "vaccine"])[0] == stem_words(["vaccine"])[0]
    assert stem_words(["spreading"]) == stem_words(["spreads"]) == ["spread"]


def test_a_word_form_the_page_does_not_use_still_finds_its_passage():
    index = build_index(_pages(), None)
    top = index.in_page("condition:flu_test", "are vaccinations worth it", (), k=1)[0]
    assert top.doc.section == "prevention" and top.bm25 > 0
    top = index.in_page("condition:flu_test", "spreading to others", (), k=1)[0]
    assert top.doc.section == "contagion" and top.bm25 > 0
    assert index.in_page("condition:flu_test", "zzzz", (), k=1)[0].bm25 == 0
