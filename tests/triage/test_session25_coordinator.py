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
