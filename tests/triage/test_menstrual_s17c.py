"""The last menstrual period in a case summary (issue 12, session 17, triage17c): 'LMP 7 weeks ago' dates the
cycle, not the complaint, and says the period is late (a missed period, beyond FIGO's longest normal cycle of 38
days); 'LMP 2 weeks ago' says none is missed yet. Before, the dev vignette of an ectopic pregnancy read '7 weeks
ago' as a 7-week complaint and no missed period; a previous-period date also made a 2-day cystitis a 2-week one.
The date of an earlier episode ('a similar episode 5 years ago', durations.PAST_EPISODE) is history too."""

from __future__ import annotations

import pytest

from medcore.triage.menstrual import lmp_spans, missed_period


@pytest.mark.parametrize("text,days", [
    ("lmp 7 weeks ago", 49.0), ("her last menstrual period was 3 weeks ago", 21.0),
    ("last period about two months ago", 60.8), ("lmp: 10 days ago", 10.0)])
def test_lmp_phrases_give_days_since_the_period(text, days):
    assert [round(d, 1) for _, _, d in lmp_spans(text)] == [days]


@pytest.mark.parametrize("text,want", [
    ("lmp 7 weeks ago", True), ("lmp 2 weeks ago", False), ("lmp 5 weeks ago", None),
    ("pain for 7 weeks", None), ("last seen 7 weeks ago", None)])
def test_missed_period_from_the_lmp(text, want):
    got = missed_period(text)
    assert (got[0] if got else None) is want


def _read(engine, text):
    _, ex = engine.read_text(text)
    return ex


def test_the_lmp_is_no_complaint_duration_and_says_the_period_is_late(lexical_engine):
    ex = _read(lexical_engine, "A 28-year-old woman presents with 6 hours of lower abdominal pain and spotting. "
                               "Her last menstrual period was 7 weeks ago.")
    assert ex.duration_hours == 6
    assert ex.evidence().get("missed_period") is True


def test_a_recent_lmp_denies_a_missed_period_and_keeps_the_complaints_duration(lexical_engine):
    ex = _read(lexical_engine, "2 days of dysuria and frequency. LMP 2 weeks ago.")
    assert ex.duration_hours == 48
    assert ex.evidence().get("missed_period") is False


def test_an_lmp_does_not_override_a_period_said_missed(lexical_engine):
    ex = _read(lexical_engine, "I have missed my period. LMP 2 weeks ago.")
    assert ex.evidence().get("missed_period") is True


def test_an_earlier_episode_is_no_complaint_duration(lexical_engine):
    ex = _read(lexical_engine, "A 41-year-old man presents with 3 hours of colicky left flank pain. "
                               "He had a similar episode 5 years ago.")
    assert ex.duration_hours == 3
    ex = _read(lexical_engine, "Colicky flank pain for 5 years.")
    assert ex.duration_hours == 5 * 8760
