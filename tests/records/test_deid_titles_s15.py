"""De-identification, session 15 (issue 14/11 audit item 2): a lower-case surname after a title with no dot ("Dr
smith", "mrs o'brien"), a lower-case patient label ("Patient: jose muller") and the person called ("called john
re labs"), while a clinical word, a drug or an ordinary word after "Dr" stays. Sentences in our own words."""

import pytest

from medcore.deid import deidentify, find_phi
from medcore.deid import patterns


def phi(text):
    return [(text[s:e], k) for s, e, k in find_phi(text)]


@pytest.mark.parametrize("text, name", [
    ("Dr smith reviewed the chest film", "smith"),
    ("dr jones called back about the bloods", "jones"),
    ("seen by dr smith today in clinic", "smith"),
    ("Mrs o'brien called to ask about her tablets", "o'brien"),
    ("Patient: jose muller", "jose muller"),
    ("called john re labs", "john"),
    ("Mr halvorsen was well at review", "halvorsen"),
    ("letter copied to Prof quarrington, cardiology", "quarrington"),
    ("dr. maria lopez agreed with the plan", "maria lopez"),
])
def test_a_lower_case_name_after_a_title_is_taken(text, name):
    assert any(name in span and kind == "NAME" for span, kind in phi(text))
    assert name not in deidentify(text, shift_days=0).text


def test_a_verb_after_a_dotted_title_name_is_not_part_of_it():
    assert phi("Dr. smith reviewed it") == [("smith", "NAME")]


@pytest.mark.parametrize("text", [
    "Dr review today",
    "dr metformin 500 mg twice daily",
    "Dr chest pain settled",
    "Dr said to stop the tablets",
    "Dr notified of the result",
    "dr appt tomorrow",
    "dr ok'd the discharge",
    "mild mr noted on the echo",
    "h/o ms and htn",
    "ms flare today",
    "called back re labs",
    "no dr seen on fundoscopy",
])
def test_clinical_and_ordinary_words_after_a_title_stay(text):
    assert [k for _, k in phi(text)] == []
    assert deidentify(text, shift_days=0).text == text


def test_one_list_of_titles():
    assert set(patterns.SHORT_TITLES) <= set(patterns.TITLE_WORDS)
    assert "(?:Mr|Mrs|" in patterns._NAME_RULES[0].pattern  # the capitalised title rule reads the same list
