"""Issue 11, session 16: "old" before a past event makes it historical ("old CVA"), never an age ("45-year-old");
a past event's scope ends at "with", so what it left is present ("old CVA with left hemiparesis", "status post MVA
with multiple trauma"). Sentences written for these tests."""

import pytest

from medcore.records.pipeline import analyze


def _read(kb, text):
    return {p.text.lower(): p.assertion for p in analyze(text, kb).extraction.problems}


@pytest.mark.parametrize("text,word", [
    ("Systems review notable for an old CVA.", "cva"),
    ("Imaging shows an old lacunar infarct on the left.", "infarct"),
])
def test_old_before_a_past_event_is_historical(kb, text, word):
    assert _read(kb, text)[word] == "historical"


def test_an_age_is_not_old_history(kb):
    got = _read(kb, "A 67-year-old man presents with a stroke today.")
    assert got["stroke"] == "present"


@pytest.mark.parametrize("text,past,left", [
    ("2. Old CVA with left hemiparesis.", "cva", "hemiparesis"),
    ("He is status post MVA with multiple trauma.", "mva", "multiple trauma"),
    ("She had a prior stroke with residual weakness on the right.", "stroke", "weakness"),
])
def test_what_a_past_event_left_is_present(kb, text, past, left):
    got = _read(kb, text)
    assert got[past] == "historical" and got[left] == "present", got
