"""Adversarial text must not stall the server: every regular expression that reads a note is linear.

Each shape below once made a pattern quadratic (or is a classic trigger): a 600 KB upload of "1-"
took over 15 minutes in de-identification. At the sizes used here a quadratic pattern takes tens of
seconds to minutes; linear code takes well under a second, so the budget leaves room for a busy machine.
"""

from __future__ import annotations

from medcore.auth import SYSTEM

import time

import pytest

from medcore.records import kb as kb_mod
from medcore.deid import deidentify
from medcore.records.inputs import InputError, NoteInput
from medcore.records.sections import find_sections
from medcore.records.text import split_sentences

SIZE = 40_000
# CPU seconds of this process (time.process_time), like tests/test_regex_linear.py: on the shared machine wall
# time grows with other people's load and made the ratios flake; a super-linear pattern burns CPU either way
BUDGET_S = 6.0

SHAPES = {
    "digit-dash": "1-",  # the reported one: EMAIL rescanned the run from every word boundary
    "dot-digit": ".1",
    "digits": "1",
    "spaces": " ",
    "newlines": "\n",
    "newline-tab": "\n\t",
    "punctuation": ".,;",
    "single-token": "a",
    "capitals": "A",
    "apostrophe-name": "Ab'",  # name words joined by apostrophes or hyphens, without end
    "hyphen-name": "Mc-",
    "initials": "A. ",  # sentence splitter skipping initials searched the whole segment each time
    "words": "Aa ",
    "slashes": "1/",
    "at-signs": "x@",
    "title-names": "Dr Ab ",
    "at-places": "at Ab ",  # deid/cues.py: a place after "at", the subject of an age sentence
    "subject-names": "Ab Ab is a ",
    "place-after-preposition": "in Ab Ab ",  # deid/gazetteer.py: known places after a preposition, a comma, a county
    "place-comma": "Ab, Ab Ab, ",
    "county": "Ab County ",
    "initials-credential": "from A B, ",  # deid/patterns.py: "AB CD, M.D." placeholders
    "relative-lower": "daughter, ab ",  # deid/places.py: a lower-case given name after a relative
    "caps-after-label": "Pt: AB AB ",
    "place-after-the": "of the Ab ",
    "place-area": "Ab Ab area ",
    "years-in-brackets": "(1999 and ",  # deid/patterns.py: lists of years, month/year
    "month-year": "1/2000 ",
    "moved-to-object": "transfer the patient here to Ab ",  # deid/places.py (session 9, phi11b): MOVED_TO, camel case
    "moved-to-acronym": "sent to ABC ",
    "camel-case": "AbAb ",
    "generic-institution": "General Hospital ",
    "relative-list": "daughters Ab, Ab and ",  # deid/__init__.py: names listed after a relative
    "year-before-event": "her 1990 ",  # deid/patterns.py: years before an event, after a dash, in a range
    "year-after-dash": "Ab - 1999 ",
    "year-range-to": "1990 to ",
    "placeholder-place": "in ABC ",  # deid/cues.py: letter placeholders after a preposition of place
    "named": "name is Ab saw Ab ",  # deid/cues.py: names given as such, initials after "patient"
    "patient-initials": "Patient AB is a ",
    "month-list": "June and July and ",  # deid/patterns.py: months listed after a month
}


def _text(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


@pytest.fixture(scope="module")
def section_rules(tmp_path_factory):
    from medcore.config import Settings

    return kb_mod.load(Settings(data_dir=tmp_path_factory.mktemp("data"))).sections


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_deid_sections_and_sentences_are_linear_on_adversarial_text(shape, section_rules):
    text = _text(SHAPES[shape])
    timings = {}
    for name, fn in (("deidentify", lambda: deidentify(text)),
                     ("sections", lambda: find_sections(text, section_rules)),
                     ("sentences", lambda: split_sentences(text))):
        t0 = time.process_time()
        fn()
        timings[name] = time.process_time() - t0
    assert max(timings.values()) < BUDGET_S, timings


def test_many_distinct_names_stay_linear():
    import itertools
    import string

    names = ["".join(c) for c in itertools.islice(itertools.product(string.ascii_lowercase, repeat=4), 3000)]
    text = " ".join(f"Dr Q{x} saw Mr Z{x}." for x in names)
    t0 = time.process_time()
    out = deidentify(text)
    assert time.process_time() - t0 < BUDGET_S
    assert "Qaaab" not in out.text


def test_email_still_found_after_punctuation_runs():
    # the linear EMAIL rule keeps the old leftmost match
    out = deidentify("Contact: ..jane.doe+x@example.org, -bob@host.co.uk; and 1-1-1-1-1-1-1-1")
    assert "jane.doe+x@example.org" not in out.text and "bob@host.co.uk" not in out.text
    assert out.text.count("[EMAIL]") == 2 and "1-1-1-1" in out.text


def test_service_refuses_an_oversized_note(settings):
    from medcore.records.service import summarize_input

    small = settings.replace(max_note_chars=1000)
    note = NoteInput("1-" * 2000, "paste")  # built directly, bypassing the input checks
    with pytest.raises(InputError, match="more than the limit of 1,000"):
        summarize_input(note, small, user=SYSTEM, with_narrative=False)


def test_seeded_random_text_never_raises_and_stays_fast(section_rules):
    """A cheap property test without extra dependencies: random text over the characters the patterns
    care about (digits, capitals, separators, '@', '/', line breaks), in runs and in words."""
    import random

    rng = random.Random(14)
    pieces = ["1", "12", "-", ".", ",", "/", ":", "@", "'", " ", "  ", "\n", "\t", "A", "Ab", "Mc", "Dr ", "MRN ",
              "DOB ", "al-", "O'", "x@y.z", "01/02/2020", "555-1234", "Mr ", "van ", "J. ", "Smith", "mg"]
    for _ in range(12):
        text = "".join(rng.choice(pieces) * rng.choice((1, 1, 1, 5, 40)) for _ in range(rng.randint(100, 600)))
        t0 = time.process_time()
        out = deidentify(text)
        find_sections(text, section_rules)
        split_sentences(text)
        assert time.process_time() - t0 < BUDGET_S
        for span in out.spans:
            assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("unit", ["XXXX:\n", "Ab cd:\n", "AB CD:, ", "Plan:\nQQ:\n"])
def test_many_unknown_headers_stay_linear(unit, section_rules):
    """Notes made of unknown 'XXXX:' lines: each header was checked against every header found so far
    (8 s at 50k characters, 32 s at 100k). Best of three, sizes alternating, without the collector
    (as in tests/knowledge/test_match.py): ten times the text must take about ten times as long."""
    import gc

    best = {4_000: float("inf"), 40_000: float("inf")}
    gc.disable()
    try:
        for _ in range(3):
            for n in best:
                text = unit * (n // len(unit))
                t0 = time.process_time()
                sections = find_sections(text, section_rules)
                best[n] = min(best[n], time.process_time() - t0)
    finally:
        gc.enable()
    assert len(sections) >= 40_000 // len(unit) // 2  # the headers are still found
    small, large = best[4_000], best[40_000]
    assert large < BUDGET_S and large < 40 * max(small, 0.002), (unit, best)
