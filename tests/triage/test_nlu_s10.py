"""Session 10 misreadings (issue 12): a muffled voice, severity words with their own reach, a flight with no time
zones, and an episode's length. Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.triage.demographics import extract_severity
from medcore.triage.durations import duration_spans


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence()


def test_a_muffled_voice_is_its_own_sign_not_one_sided_swelling(lexical_engine):
    ev = _ev(lexical_engine, "my voice sounds muffled and swallowing is hard")
    assert ev.get("muffled_voice") is True and not ev.get("one_sided_throat_swelling")


def test_muffled_voice_with_drooling_and_fever_puts_epiglottitis_first(lexical_engine):
    res, _ = lexical_engine.one_shot("Since this morning my throat is agonising, I have a muffled voice, I'm "
                                     "drooling and I have a high temperature", age=45, sex="M")
    assert [d.id for d in res.differential][:1] == ["epiglottitis"]
    assert res.triage == "emergency"


def test_a_mild_word_about_something_else_does_not_make_the_pain_mild(lexical_engine):
    _, ex = lexical_engine.read_text("a mild rash on my arm, and my tummy has been hurting since the morning")
    assert ex.severity is None
    assert "severe_pain" not in ex.evidence()


@pytest.mark.parametrize("text,want", [("my knee is mildly swollen but really painful", None),
                                       ("a slight headache and my chest is really painful", None),
                                       ("a mild ache in my lower back", "mild"),
                                       ("slightly swollen and excruciating", "severe")])
def test_severity_words_reach_only_their_own_piece(lexical_engine, text, want):
    from medcore.triage.nlu import _speaks_of_pain

    assert extract_severity(text, lambda p: _speaks_of_pain(lexical_engine.lexicon, p)) == want


def test_without_a_pain_reader_severity_is_read_as_before():
    assert extract_severity("a mild rash and my tummy hurts") == "mild"


@pytest.mark.parametrize("text", ["I flew back from Spain yesterday and my calf aches",
                                  "we flew home from Portugal at the weekend"])
def test_a_short_flight_is_no_time_zone_travel(lexical_engine, text):
    assert not _ev(lexical_engine, text).get("time_zone_travel")


def test_a_flight_from_far_east_crosses_time_zones(lexical_engine):
    ev = _ev(lexical_engine, "I flew back from Japan on Tuesday and I'm awake all night and shattered all day")
    assert ev.get("time_zone_travel") is True


@pytest.mark.parametrize("text", ["I get chest tightness when I walk uphill and the pain lasts an hour afterwards",
                                  "each attack is lasting about 20 minutes",
                                  "I go dizzy for a few minutes at a time"])
def test_how_long_an_episode_lasts_is_not_the_complaints_duration(text):
    assert duration_spans(text.lower()) == []


@pytest.mark.parametrize("text,hours", [("my headaches last 2 hours and have been coming for the past 3 months", 2190),
                                        ("sick for the last 2 days", 48)])
def test_the_complaints_own_duration_still_reads(text, hours):
    assert max(h for _, _, h in duration_spans(text.lower())) == hours


@pytest.mark.parametrize("text,part_pain", [("I have a headache and my neck hurts", "neck_pain"),
                                            ("a mild headache but my chest is really painful", "chest_pain")])
def test_a_second_body_part_pain_after_a_break_is_read(lexical_engine, text, part_pain):
    ev = _ev(lexical_engine, text)
    assert ev.get("headache") is True and ev.get(part_pain) is True


def test_no_second_pain_without_a_pain_word_near_the_part(lexical_engine):
    ev = _ev(lexical_engine, "I have a headache and my chest feels fine after a sleep")
    assert not ev.get("chest_pain")
