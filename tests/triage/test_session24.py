"""Session 24 (issue 12). General readings found by studying the s23 set (now dev), each tested with our own
sentences: families of lay and shorthand wordings for findings the KB has, a carer's 'he'/'she' read as the
patient's 'I', a partner's 'she is N weeks' as a gestation, a weekday that yields to a counted duration, and
"I can't see any ..." that is no loss of vision."""

from __future__ import annotations

import pytest

from medcore.triage import durations


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}, ex


def _cases(rule: str, rows: list[tuple]) -> list:
    """Rows of one reading rule, each named "<rule>-<n>" in the one parametrized test below."""
    return [pytest.param(*row, id=f"{rule}-{i}") for i, row in enumerate(rows, 1)]


# every (text, finding) the text must read as present; one table, one test, the rule in each case's id
READ_PRESENT = _cases("lay-shorthand-family", [
    ("my boy keeps coughing like a seal at night", "barking_cough"),
    ("you can see her skin sucking in under her ribs", "fast_breathing"),
    ("the baby has marked subcostal recession", "fast_breathing"),
    ("I think I can see the cord since her waters broke", "cord_seen"),
    ("my last round of chemo was on the 3rd", "chemo_recent"),
    ("I'm on my second cycle of chemotherapy", "chemo_recent"),
    ("honestly I feel completely washed out", "malaise"),
    ("58F, HTN, on amlodipine", "hypertension_known"),
    ("71M T2DM on metformin", "diabetes_known"),
    ("8kg wt loss since spring", "weight_loss"),
    ("orthopnoea for a week", "breathless_lying"),
    ("she woke up with swelling of the face and neck", "face_arm_swelling"),
    ("misty vision in the left eye", "one_eye_affected"),
    ("there is yellow gunk on his lashes every morning", "sticky_eye"),
    ("I get like this on a ferry every time", "motion_travel"),
    ("paler patches on my shoulders that won't tan", "skin_depigmentation"),
    ("a squiggly red line on my heel that moves", "creeping_rash"),
    ("new purple striae on her tummy", "cushing_features"),
    ("a rubbery supraclavicular node", "swollen_glands"),
    ("by the evening I was nearly back to normal", "improving"),
]) + _cases("carer-he-she-as-i", [
    ("the pain in his chest is worse when he breathes in", "pleuritic_pain"),
    ("he can't catch his breath walking up the road", "breathless"),
    ("she is struggling to catch her breath", "breathless"),
]) + _cases("artificial-valve-heart-disease", [
    ("I had my aortic valve replaced two years ago", "heart_disease_known"),
    ("71F, mechanical valve, on warfarin", "heart_disease_known"),
    ("he has a pig valve in his heart", "heart_disease_known"),
]) + _cases("sideways-look-eye-movement-pain", [
    ("it aches behind my eye when I look to the side", "pain_eye_movement"),
    ("it hurts to look sideways", "pain_eye_movement"),
])


@pytest.mark.parametrize("text,fid", READ_PRESENT)
def test_a_finding_is_read_present(lexical_engine, text, fid):
    got, _ = _read(lexical_engine, text)
    assert got.get(fid) is True, got


@pytest.mark.parametrize("text", [
    "my partner is 36 weeks and her waters have just gone",
    "my girlfriend's 34 weeks and her waters went an hour ago",
    "she is 37 weeks with our 3rd and her waters broke",
])
def test_a_partners_weeks_are_a_gestation_not_a_duration(lexical_engine, text):
    got, ex = _read(lexical_engine, text)
    assert got.get("pregnant") is True and got.get("late_pregnancy") is True, got
    assert ex.duration_hours is None or ex.duration_hours < 24, ex.duration_hours


def test_a_daughters_weeks_stay_her_age_not_a_gestation(lexical_engine):
    got, _ = _read(lexical_engine, "my daughter is 6 weeks and has a sticky eye")
    assert got.get("pregnant") is not True


@pytest.mark.parametrize("text,hours", [
    ("I woke up on Sunday feeling off but the belly pain itself has been 10 hours now", 10),
    ("the rash came up at the weekend, the fever is 6 hours", 6),
])
def test_a_counted_duration_outranks_a_weekday(lexical_engine, text, hours):
    _, ex = _read(lexical_engine, text)
    assert ex.duration_hours == hours


def test_a_weekday_alone_still_dates_the_complaint(lexical_engine):
    _, ex = _read(lexical_engine, "I've had this cough since Tuesday")
    assert ex.duration_hours == durations.SINCE["tuesday"]
    assert durations.is_weekday_guess("since tuesday") and not durations.is_weekday_guess("since tuesday, 3 days")
    assert durations.is_count("for 3 days") and not durations.is_count("since tuesday")


@pytest.mark.parametrize("text", [
    "I can't see any bruising on her arm",
    "we can't see any rash on his legs",
    "I can't see anything wrong with the toe",
])
def test_cant_see_any_is_no_loss_of_vision(lexical_engine, text):
    got, _ = _read(lexical_engine, text)
    assert "vision_loss" not in got, got


def test_a_sudden_blackout_of_sight_is_still_loss_of_vision(lexical_engine):
    got, _ = _read(lexical_engine, "out of nowhere I can't see out of my right eye")
    assert got.get("vision_loss") is True


def test_a_fever_a_week_after_a_round_of_chemo_is_an_emergency(lexical_engine):
    r, _ = lexical_engine.one_shot("had a round of chemo 6 days ago and now I've got a temperature of 38.4 and "
                                   "the shivers", age=49, sex="F")
    assert r.triage == "emergency"


def test_a_reading_after_and_is_not_denied_by_an_earlier_not(lexical_engine):
    got, _ = _read(lexical_engine, "she is not herself, and her sugar meter says 2.4")
    assert got.get("low_blood_sugar_reading") is True, got
    got, _ = _read(lexical_engine, "no cough, fever or temp over 38")
    assert got.get("fever") is False, got


@pytest.mark.parametrize("cid", ["retinal_detachment", "angle_closure_glaucoma", "corneal_abrasion",
                                 "orbital_cellulitis"])
def test_one_sided_eye_conditions_name_the_one_eye(kb, cid):
    # their guidelines describe one eye (NICE CKS, RCOphth, Merck): a text naming one eye must not count against them
    assert kb.condition(cid).likelihoods["one_eye_affected"][0] >= 0.9


def test_a_month_named_alone_dates_the_complaint_weeks_back(lexical_engine):
    got, ex = _read(lexical_engine, "I've had this dry cough since about October")
    assert got.get("duration_over_2_weeks") is True, got
    _, ex = _read(lexical_engine, "it may be nothing but the itch started 3 days ago")
    assert ex.duration_hours == 72
