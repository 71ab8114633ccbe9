"""Session 28 review (issue 12, helper tri28fix): an outsider's probes of the session-28 change, fixed by cause, each
with its opposite-meaning cases. Own sentences throughout (none from a vignette set)."""

from __future__ import annotations

import pytest

from medcore.triage import gestation


def _read(engine, text, age=30, sex="female"):
    res, _ = engine.one_shot(text, age, sex)
    d = res.to_dict()
    return d["triage"], {f["id"]: f["present"] for f in d["findings"]}, [c["id"] for c in d["differential"]]


# (1) a baby who has not moved is reduced fetal movements: late in pregnancy an emergency (RCOG Green-top 57;
# red_flags.yaml late_pregnancy). 'baby has not moved' was unread at 38 weeks (self-care)
@pytest.mark.parametrize("text", [
    "I'm 37 weeks pregnant and my baby hasn't moved since last night",
    "34 weeks pregnant, the baby has stopped moving and I'm scared",
    "I'm 39 weeks pregnant and haven't felt the baby kick today",
])
def test_a_baby_that_has_not_moved_late_in_pregnancy_is_an_emergency(engine, text):
    level, found, diff = _read(engine, text)
    assert found.get("reduced_fetal_movements") is True
    assert level == "emergency"
    assert diff[0] == "fetal_movements_reduced"


@pytest.mark.parametrize("text", [
    "I'm 39 weeks pregnant, the baby has not moved less than usual, just backache",
    "36 weeks pregnant and the baby hasn't stopped kicking all evening",
])
def test_a_baby_moving_as_usual_is_not_reduced_movements(engine, text):
    _, found, _ = _read(engine, text)
    assert found.get("reduced_fetal_movements") is not True


# (2) 'N weeks' told with the baby's movements is how far along she is, not a duration
def test_weeks_told_with_the_babys_movements_is_a_gestation(engine):
    level, found, diff = _read(engine, "41 weeks and baby moving less today")
    assert found.get("term_pregnancy") is True and found.get("late_pregnancy") is True
    assert found.get("duration_over_2_weeks") is not True
    assert level == "emergency" and diff[0] == "fetal_movements_reduced"


@pytest.mark.parametrize("text", [
    "6 weeks, baby not moving his left arm since he was born",  # a newborn's age, no pregnancy word
    "3 weeks, my baby is moving her legs a lot and feeding well",
])
def test_a_babys_age_with_moving_words_is_no_gestation(text):
    assert not gestation.in_pregnancy_context(text.lower())


# (3) a negative pregnancy test is no pregnancy ('I did a pregnancy test and it was negative' read pregnant by
# embedding, urgent; NICE NG126)
@pytest.mark.parametrize("text", [
    "I did a pregnancy test and it was negative, my period is 10 days late",
    "Took a pregnancy test and it came back negative, feeling sick",
    "The pregnancy test said not pregnant but my period hasn't come",
])
def test_a_negative_pregnancy_test_reads_not_pregnant(engine, text):
    _, found, _ = _read(engine, text)
    assert found.get("pregnant") is False


@pytest.mark.parametrize("text", [
    "I did a pregnancy test and it was positive, and now I'm bleeding",
    "My pregnancy test came back positive last week and I have pain low on the left",
])
def test_a_positive_pregnancy_test_still_reads_pregnant(engine, text):
    _, found, _ = _read(engine, text)
    assert found.get("pregnant") is True


# (4) a later 'no pain' / "doesn't hurt" denies a part's pain, not a finding that is no pain ('blood on the white of
# my eye, no pain' is the painless patch; 'lump in my breast, no pain' is a painless lump, a red flag) nor a phrase
# that already says its pain ('sore throat, no pain swallowing' is still a sore throat). All were read absent.
@pytest.mark.parametrize("text, fid", [
    ("Blood on the white of my eye, no pain", "blood_white_of_eye"),
    ("Lump in my breast, no pain", "breast_lump"),
    ("Swollen ankle, no pain", "ankle_swelling"),
    ("Sore throat, no pain swallowing", "sore_throat"),
])
def test_a_later_no_pain_keeps_a_finding_that_is_not_the_pain(lexical_engine, text, fid):
    _, ex = lexical_engine.read_text(text)
    assert {m.finding_id: m.present for m in ex.mentions}.get(fid) is True


@pytest.mark.parametrize("text, fid", [
    ("My chest doesn't hurt, just a cough", "chest_pain"),
    ("my shoulder tips don't hurt", "shoulder_tip_pain"),
    ("my tummy does not ache", "abdominal_pain"),
    ("my eye doesn't hurt, it's just red", "eye_pain"),
])
def test_a_part_followed_by_a_denied_pain_is_still_read_absent(lexical_engine, text, fid):
    _, ex = lexical_engine.read_text(text)
    assert {m.finding_id: m.present for m in ex.mentions}.get(fid) is False


# (5) with a told gestation, 'baby' is the unborn baby, not the patient's age (the chat asked a child about pregnancy)
@pytest.mark.parametrize("text", ["41 weeks and baby moving less today",
                                  "38 weeks pregnant, baby has not moved since yesterday"])
def test_the_baby_of_a_told_gestation_gives_no_age(lexical_engine, text):
    _, ex = lexical_engine.read_text(text)
    assert ex.age is None


def test_a_babys_own_age_is_still_read(lexical_engine):
    _, ex = lexical_engine.read_text("my baby is 30 weeks old and has a cough")
    assert ex.age is not None and ex.age < 1
