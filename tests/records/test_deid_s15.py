"""De-identification, session 15 (issue 11): a day of the month said as an ordinal before a new phrase ("on the 9th
with a cough"), never an ordinal that counts a noun; a placeholder given name before a surname after a title; the
nation the records are kept in is no identifier, while other countries stay. Sentences in our own words."""

import pytest

from medcore.deid import find_phi


def phi(text):
    return [(text[s:e], k) for s, e, k in find_phi(text)]


@pytest.mark.parametrize("text, day", [
    ("She first came in on the 9th with a dry cough.", "the 9th"),
    ("The ache has been worse since the 2nd and she now vomits.", "the 2nd"),
    ("He was reviewed on the 21st when the rash had spread.", "the 21st"),
])
def test_an_ordinal_day_before_a_new_phrase(text, day):
    assert (day, "DATE") in phi(text)


@pytest.mark.parametrize("text", [
    "On the 2nd postoperative day he walked the ward.",
    "There is pain on the 2nd and 3rd toes.",
    "A small cyst sits on the 4th and fifth digits.",
])
def test_an_ordinal_that_counts_a_noun_is_kept(text):
    assert phi(text) == []


def test_a_placeholder_given_name_before_a_surname():
    assert ("XYZ Hollis", "NAME") in phi("For her valve she sees Dr. XYZ Hollis each spring.")


def test_a_placeholder_title_name_alone_keeps_the_next_word():
    assert phi("Dr. XYZ Cardiology will see him.") == [("XYZ", "NAME")]


def test_the_nation_of_the_record_is_no_identifier_but_another_country_is():
    assert phi("He moved to the United States eleven years ago from Peru.") == [("Peru", "COUNTRY")]
