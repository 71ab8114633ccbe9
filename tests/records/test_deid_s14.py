"""De-identification, session 14 (issues 11 and 14): lower-case given names with no title or capital (terse notes),
the clinical vocabulary shield that lets an eponym's given name go ("St John's wort" does not shield "john"), date
shapes (year first, day-month-year with a short month, ISO year-month, an ordinal day before the month), one home for
reading KB files, and accepted spans that never overlap. Sentences in our own words."""

import random

import pytest

from medcore.deid import _Spans, deidentify, find_phi
from medcore.deid import kb_files
from medcore.deid.clinical_vocab import clinical_words


def phi(text):
    return [(text[s:e], k) for s, e, k in find_phi(text)]


@pytest.mark.parametrize("text, name", [
    ("pt oliver c/o sore knee since friday", "oliver"),
    ("patient rosalind, here for her review", "rosalind"),
    ("went over the results; margaret states she feels better", "margaret"),
    ("spoke with theodore today about the scan", "theodore"),
    ("pt john c/o a cough", "john"),
])
def test_lower_case_given_name_in_a_persons_place(text, name):
    assert (name, "NAME") in phi(text)


def test_a_lower_case_name_is_replaced_wherever_it_recurs():
    out = deidentify("pt oliver c/o cough. Oliver was given fluids.", shift_days=-40).text
    assert "oliver" not in out.lower()


@pytest.mark.parametrize("text", [
    "pt c/o chest pain and cough",
    "patient denies fever; pain reports are stable",
    "discussed with cardiology today",
    "pt will return in two weeks",
    "seen with mother today",
    "pt jan follow-up booked",
    "St John's wort 300 mg daily, stopped",
])
def test_clinical_and_ordinary_words_stay(text):
    assert [k for _, k in phi(text) if k == "NAME"] == []


def test_an_eponyms_given_name_does_not_shield_the_name_alone():
    words = clinical_words()
    assert "wort" in words and "john" not in words


@pytest.mark.parametrize("text, span", [
    ("scan dated 2011/04/19 was normal", "2011/04/19"),
    ("an echo on 19-Apr-2011 was normal", "19-Apr-2011"),
    ("an echo on 9-Apr-11 was normal", "9-Apr-11"),
    ("started in 2011-04 by her GP", "2011-04"),
    ("first seen on 19th April 2011 in clinic", "19th April 2011"),
])
def test_date_shapes(text, span):
    assert (span, "DATE") in phi(text)


def test_new_date_shapes_are_shifted_in_their_own_format():
    assert deidentify("seen on 19th April 2011.", shift_days=-10).text == "seen on 9th April 2011."
    assert deidentify("started 2011-04 at home", shift_days=-40).text == "started 2011-03 at home"


def test_kb_files_is_the_one_reader_and_a_missing_file_reads_empty():
    assert kb_files.kb_text("no/such/file.txt") == ""
    assert kb_files.kb_lines("no/such/file.txt") == []
    assert kb_files.kb_yaml("no/such/file.yaml") == {}
    assert "Mary" in kb_files.given_names()
    assert all(not line.lstrip().startswith("#") for line in kb_files.kb_lines("records/first_names.txt"))


def test_a_longer_span_replaces_every_shorter_one_it_covers():
    s = _Spans()
    s.add(10, 15, "NAME")
    s.add(20, 25, "NAME")
    s.add(12, 22, "NAME")  # overlaps both: their union, one span
    assert list(s) == [(10, 25, "NAME")]


def test_a_longer_span_over_another_kind_is_refused():
    s = _Spans()
    s.add(10, 15, "NAME")
    s.add(16, 18, "DATE")
    s.add(5, 30, "NAME")
    assert list(s) == [(10, 15, "NAME"), (16, 18, "DATE")]


def test_spans_never_overlap_on_random_input():
    rng = random.Random(14)
    for _ in range(300):
        s = _Spans()
        for _ in range(12):
            a = rng.randrange(0, 60)
            s.add(a, a + rng.randrange(1, 15), rng.choice(("NAME", "NAME", "DATE")))
        spans = list(s)
        assert spans == sorted(spans)
        assert all(e1 <= s2 for (_, e1, _), (s2, _, _) in zip(spans, spans[1:]))
        assert s.starts == [a for a, _, _ in spans]


@pytest.mark.parametrize("text, span, kind", [
    ("the echo was read in the office of Dr. Sample Doctor7 last year", "Sample Doctor7", "NAME"),
    ("please book the scan through Health Center.", "Health Center", "HOSPITAL"),
    ("on going over your 2019 letter we saw", "2019", "DATE"),
    ("she was found walking on Highway 12 at night", "Highway 12", "ADDRESS"),
])
def test_more_identifier_shapes(text, span, kind):
    assert (span, kind) in phi(text)


def test_a_service_alone_is_no_town():
    assert phi("follow-up in Urology in 2 weeks") == []


def test_a_practice_named_by_its_specialty_stays_a_facility():
    assert ("Orthopaedic Associates", "HOSPITAL") in phi("She was reviewed at Orthopaedic Associates for her knee.")
