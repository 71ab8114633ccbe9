"""Session 25 (coordinator): a retracted foreskin told in a parent's or a man's words, and still passing urine, are
read (NHS.uk 'Tight foreskin (phimosis and paraphimosis)', 'Urinary retention'). Own sentences."""

from __future__ import annotations

import pytest


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {(m.finding_id, m.present) for m in ex.mentions}


@pytest.mark.parametrize("text", [
    "my boy pushed his foreskin down while washing and now it won't come forward again, he's crying",
    "I pulled it back to clean and the foreskin won't go back over, there's a tight band behind the tip of my penis",
])
def test_a_foreskin_that_will_not_come_forward_is_read(engine, text):
    assert ("foreskin_stuck", True) in _read(engine, text)


def test_pulling_the_foreskin_back_to_wash_is_no_paraphimosis(engine):
    assert not any(f == "foreskin_stuck" for f, _ in _read(engine, "he pulls his foreskin back to wash it in the bath, no pain"))


def test_still_passing_urine_is_no_retention(engine):
    found = _read(engine, "his tip is sore and red but he can still pee")
    assert ("urinary_retention", True) not in found and ("urinary_retention", False) in found


def test_a_stuck_foreskin_in_a_child_is_an_emergency(engine):
    res, _ = engine.one_shot("my 5 year old's foreskin won't go back forward after his bath, the end is swollen and purple")
    assert res.triage == "emergency"


@pytest.mark.parametrize("text,kept,absent", [
    # texted 'r' is 'are', never a breathing-rate cue (session 25 final read): the reading stays its own vital's
    ("his temps r 39.5 and he's floppy", ("high_fever", True), "slow_breathing"),
    ("her sats r 88 on the finger thing", ("low_oxygen", True), "fast_breathing"),
    ("my kids r 8 and 10, one has a cough", ("cough", True), "slow_breathing"),
])
def test_texted_r_is_no_breathing_rate(engine, text, kept, absent):
    found = _read(engine, text)
    assert kept in found and not any(f == absent for f, _ in found)


def test_spoons_of_sugar_are_no_sugar_reading(engine):
    found = _read(engine, "i take sugar 2 spoons in my tea")
    assert not any(f in ("low_blood_sugar_reading", "high_blood_sugar_reading") for f, _ in found)
    assert ("low_blood_sugar_reading", True) in _read(engine, "sugar 2.1 and sweaty")  # the reading itself stays
