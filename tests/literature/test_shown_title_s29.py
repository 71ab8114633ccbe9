"""Session 29 (platform): a paper pasted as one paragraph has no title of its own; it is shown and listed under
its first sentence (cut at a word), not "(untitled paper)". Its own title, where it has one, is kept; the
paper's title field stays empty so nothing reads the first sentence a second time as a title. Own sentences."""

from __future__ import annotations

from pathlib import Path

from medcore.literature import library
from medcore.literature.inputs import SHOWN_TITLE_CHARS, shown_title

REPO = Path(__file__).resolve().parents[2]
_PARAGRAPH = ("Background: Children with wheeze were given either a nebulised bronchodilator or saline at home. "
              "Fewer of the treated children needed a hospital stay within a month.")


def test_first_sentence_without_its_label():
    assert shown_title("", _PARAGRAPH) == ("Children with wheeze were given either a nebulised bronchodilator or "
                                           "saline at home")


def test_a_short_first_sentence_is_whole():
    assert shown_title("", "Night shifts and sleep in nurses. We asked 90 nurses.") == "Night shifts and sleep in nurses"


def test_own_title_is_kept_and_empty_text_is_empty():
    assert shown_title("  A trial of ginger for nausea ", "Ginger helped.") == "A trial of ginger for nausea"
    assert shown_title("", "   \n ") == ""


def test_a_long_sentence_is_cut_at_a_word():
    got = shown_title("", "We followed " + "many " * 40 + "people.")
    assert got.endswith("\u2026") and len(got) <= SHOWN_TITLE_CHARS + 1 and "  " not in got


def test_library_lists_the_shown_title_and_the_paper_keeps_no_title(settings, store):
    paper = {"paper": {"title": "", "text": "Older adults who lifted weights fell less often. We counted falls."}}
    assert library.index_of(paper)["title"] == "Older adults who lifted weights fell less often"
    item = library.save_paper(store, paper)
    assert store.list_work(kind="paper")[0].title == "Older adults who lifted weights fell less often"
    assert paper["paper"]["title"] == "" and item.id


def test_page_shows_a_title_for_a_one_paragraph_paste(settings, store):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "pages" / "literature_reader.py"), default_timeout=240).run()
    at.text_area(key="lit_text").set_value("Adults with knee pain who walked daily had less pain at 12 weeks than "
                                          "those who rested. Walking was safe.")
    next(b for b in at.button if b.label == "Read pasted text").click().run()
    assert not at.exception and not at.error, (at.exception, at.error)
    heads = [h.value for h in at.subheader]
    assert "(untitled paper)" not in heads
    assert any(h.startswith("Adults with knee pain who walked daily") for h in heads), heads
