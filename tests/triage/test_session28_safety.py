"""Session 28 (issue 12): safety gaps read off a reviewer's probes and the spent blind set s27, fixed by cause, each
rule with its opposite-meaning cases. Own sentences throughout (none from a vignette set)."""

from __future__ import annotations

import pytest

from medcore.triage import input_guard


def _read(engine, text, age=None, sex=None):
    res, _ = engine.one_shot(text, age, sex)
    d = res.to_dict()
    return d["triage"], {f["id"]: f["present"] for f in d["findings"]}, [c["id"] for c in d["differential"]]


# (1) a plan told after a denial is suicidal intent (NICE NG225): the 'but' clause is read
@pytest.mark.parametrize("text", [
    "Not suicidal, but I've got a plan",
    "I'd never kill myself, but I have been collecting my pills",
    "no thoughts of ending my life but I've worked out how I would do it",
])
def test_a_plan_after_a_denied_self_harm_statement_is_an_emergency_with_crisis_lines(engine, text):
    assert input_guard.self_harm_plan(text)
    res, _ = engine.one_shot(text, 30, "male")
    d = res.to_dict()
    assert d["triage"] == "emergency" and d.get("crisis")
    assert {f["id"]: f["present"] for f in d["findings"]}.get("suicidal_thoughts") is True


@pytest.mark.parametrize("text", [
    "No thoughts of self-harm and no plan, just stressed at work",
    "not suicidal, I don't have a plan",
    "Not suicidal. I have a plan to start the gym on Monday",
    "I have a plan for the holidays and a sore throat",  # no self-harm word at all
])
def test_a_denied_plan_or_an_ordinary_plan_reads_no_suicidal_thoughts(engine, text):
    assert not input_guard.self_harm_plan(text)
    _, found, _ = _read(engine, text, 30, "female")
    assert found.get("suicidal_thoughts") is not True


# (2) a red swollen eyelid is a swelling around the eye: heading, level and ranking agree (urgent, lid infection first)
def test_a_red_swollen_upper_lid_is_urgent_with_the_lid_infection_first(engine):
    level, found, ranked = _read(engine, "Her top eyelid has turned red and puffy since this morning", 6, "female")
    assert found.get("eyelid_redness_swelling") is True and level == "urgent"
    assert ranked[0] == "periorbital_cellulitis"


@pytest.mark.parametrize("text", ["my eyelids are red and crusty along the edges, on and off for months",
                                  "a small sore red lump on the rim of my lower eyelid"])
def test_lid_margin_crusting_or_a_lid_lump_is_not_the_lid_infection(engine, text):
    level, _, ranked = _read(engine, text, 50, "female")
    assert ranked[0] != "periorbital_cellulitis" and level in ("self_care", "routine")


# (3) tightenings at term are labour at term; before 37 weeks they stay preterm labour (NICE NG25 / NG235)
def test_regular_tightenings_at_38_weeks_are_labour_at_term(engine):
    level, found, ranked = _read(engine, "38 weeks pregnant, tightenings coming every 4 minutes since lunch", 31,
                                 "female")
    assert found.get("term_pregnancy") is True and ranked[0] == "labour_term"
    # session 29: labour at term is urgent (NICE NG235; red_flags.yaml term_labour), as its condition, so heading,
    # advice and ranking agree; before 37 weeks contractions stay an emergency (next test)
    assert level == "urgent"


def test_regular_tightenings_at_33_weeks_stay_preterm_labour_and_an_emergency(engine):
    level, found, ranked = _read(engine, "33 weeks pregnant, tightenings coming every 4 minutes since lunch", 31,
                                 "female")
    assert found.get("term_pregnancy") is False and ranked[0] == "preterm_labour" and level == "emergency"


# (4) a pulse of 41-50 with dizziness only is urgent (RCUK 2021: no adverse feature); with a faint an emergency
def test_a_pulse_of_47_with_dizziness_only_is_urgent(engine):
    level, found, _ = _read(engine, "feeling dizzy today and my pulse is 47", 60, "female")
    # session 29: a measured 41-50 leaves the very slow pulse undecided (heart block stays in view in older patients,
    # test_session29); the level here is unchanged
    assert found.get("low_pulse") is True and "slow_pulse" not in found and level == "urgent"


@pytest.mark.parametrize("text", ["feeling dizzy today, my pulse is 47 and I passed out in the kitchen",
                                  "my pulse is 38 and I feel dizzy", "pulse 46, dizzy and tight chest pain"])
def test_a_slow_pulse_with_a_faint_chest_pain_or_under_40_stays_an_emergency(engine, text):
    level, _, _ = _read(engine, text, 70, "male")
    assert level == "emergency"


# (5) chest pain worse on breathing in or coughing is pleuritic; denied or unrelated breathing words are not
@pytest.mark.parametrize("text", ["sharp chest pain, worse breathing in", "pain in my chest, worse on deep breaths",
                                  "chest pain, worse coughing"])
def test_chest_pain_worse_on_breathing_in_reads_pleuritic_pain(engine, text):
    level, found, _ = _read(engine, text, 40, "male")
    assert found.get("pleuritic_pain") is True and level == "emergency"


@pytest.mark.parametrize("text", ["chest pain that is not worse breathing in", "chest pain and I am struggling to breathe in"])
def test_chest_pain_not_worse_on_breathing_or_with_breathlessness_reads_no_pleuritic_pain(engine, text):
    level, found, _ = _read(engine, text, 40, "male")
    assert found.get("pleuritic_pain") is not True and level == "emergency"


# (6) the raised-pressure headache pattern with vomiting or a worsening course is urgent (NICE CKS Headache)
@pytest.mark.parametrize("text", ["my headache is worst when I wake up and I keep being sick",
                                  "headache worse lying down, getting worse every week, vomited today",
                                  "headache worse on coughing and straining, and I have been sick"])
def test_a_raised_pressure_headache_with_vomiting_or_worsening_is_urgent(engine, text):
    level, found, _ = _read(engine, text, 35, "female")
    assert found.get("headache_raised_pressure") is True and level in ("urgent", "emergency")


@pytest.mark.parametrize("text", ["headache worse in the morning after a night out, no sickness",
                                  "headache that is not worse lying down or coughing, no vomiting",
                                  "a headache worse bending forward with a blocked nose"])
def test_a_morning_headache_alone_or_a_denied_pattern_is_not_urgent(engine, text):
    level, found, _ = _read(engine, text, 35, "female")
    assert level in ("self_care", "routine")


def test_a_cough_with_a_headache_is_still_a_cough(engine):
    _, found, _ = _read(engine, "I have a cough and a headache", 35, "female")
    assert found.get("cough") is True and found.get("headache_raised_pressure") is not True


# (7) 'back' as an adverb is no body part; the body part keeps its pain (findings.yaml body_pain adverb_back_*)
@pytest.mark.parametrize("text", ["I can cycle to the park and back without any trouble, just a runny nose",
                                  "the itch came back on my arms", "we drove back from the coast with a cold"])
def test_back_as_an_adverb_reads_no_back_pain(engine, text):
    _, found, _ = _read(engine, text, 40, "female")
    assert found.get("back_pain") is not True


@pytest.mark.parametrize("text", ["I keep getting back pain at work", "my neck is fine but my back is killing me",
                                  "went to the gym and my lower back has ached since"])
def test_the_back_as_a_body_part_still_reads_back_pain(engine, text):
    _, found, _ = _read(engine, text, 40, "female")
    assert found.get("back_pain") is True


# (8) 'I am 31 years' and 'my daughter 3 years' are ages, not how long the complaint has lasted
@pytest.mark.parametrize("text,age", [("I am 31 years, since this morning a bad sore throat", 31),
                                      ("my daughter 3 years, since yesterday she has a cough", 3)])
def test_an_age_in_years_without_old_is_no_duration(engine, text, age):
    from medcore.triage.demographics import extract_age

    assert extract_age(text) == age
    _, found, _ = _read(engine, text)
    assert found.get("duration_over_2_weeks") is not True


@pytest.mark.parametrize("text", ["I'm 35 weeks and the baby is moving less", "my son 2 years ago had asthma",
                                  "she's had a cough for 3 years"])
def test_a_gestation_a_past_time_or_a_real_duration_is_no_age(text):
    from medcore.triage.demographics import age_spans

    assert age_spans(text.lower()) == []


# (9) a positive pregnancy test says pregnant; a negative one says not
def test_a_positive_pregnancy_test_reads_pregnant_and_a_negative_one_not(engine):
    _, found, _ = _read(engine, "my pregnancy test was positive, cramps low down", 27, "female")
    assert found.get("pregnant") is True
    _, found, _ = _read(engine, "the pregnancy test was negative, cramps low down", 27, "female")
    assert found.get("pregnant") is not True
