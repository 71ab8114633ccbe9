"""Session 16s (triage16s): causes found by studying the spent s16 set (dev since this session). Every sentence here
was written for these tests, in other words than the set's. Each phrase is a typical or red-flag feature told in
everyday words, read by the finding its guideline names (the source sits with the phrase in findings.yaml)."""

from __future__ import annotations

import pytest

from medcore.triage import vitals
from medcore.triage.durations import extract_duration


def _present(engine, text) -> set[str]:
    _, ex = engine.read_text(text)
    return {f for f, v in ex.evidence().items() if v}


def _result(engine, text, age, sex):
    result, _ = engine.one_shot(text, age, sex)
    return result


# ---- emergencies that were under-triaged ----

@pytest.mark.parametrize("text", [
    "i've been saving up my tablets so i can take them all at once",
    "she has been stockpiling pills in her drawer",
    "he has written goodbye letters to all of us",
])
def test_a_plan_told_without_the_word_suicide_is_suicidal_thinking(lexical_engine, text):
    assert "suicidal_thoughts" in _present(lexical_engine, text)


def test_a_plan_with_stockpiled_tablets_is_an_emergency(lexical_engine):
    res = _result(lexical_engine, "cant cope. been saving up my tablets and ive left goodbye letters. "
                                  "nothing is ever going to get better", 22, "male")
    assert res.triage == "emergency"
    assert "suicidal_crisis" in [d.id for d in res.differential][:3]


def test_a_pharmacy_machine_reading_is_a_blood_pressure(lexical_engine):
    text = "I take pills for my blood pressure. Today the machine in the pharmacy showed 214 over 128 and my head is banging"
    got = _present(lexical_engine, text)
    assert {"very_high_bp", "high_bp", "hypertension_known"} <= got


def test_a_weak_blood_pressure_cue_reads_only_a_pair():
    vs = vitals.load("assets/kb/triage")
    assert [r.vital for r in vitals.readings("the machine said 205 over 125", vs)] == ["blood_pressure"]
    # one number after a weak cue may be a saturation or a pulse: no blood pressure
    assert not [r for r in vitals.readings("the monitor said 86", vs) if r.vital == "blood_pressure"]
    assert not vitals.readings("the score was 7/10", vs)


def test_since_lunchtime_is_under_a_day():
    assert extract_duration("it started since lunchtime and is no better") < 24


def test_very_high_reading_with_headache_and_tight_chest_is_an_emergency(lexical_engine):
    res = _result(lexical_engine, "Ive been off my tablets for my bp for weeks. Thumping headache since lunch, my "
                                  "chest feels tight and the machine at the chemist showed 231 over 136", 60, "female")
    assert res.triage == "emergency"
    assert "hypertensive_emergency" in [d.id for d in res.differential][:3]


# ---- textbook presentations told in lay words ----

@pytest.mark.parametrize("text, finding", [
    ("a dog got loose and I was bitten on the hand by a stray dog", "animal_bite"),
    ("the teeth broke the skin on my wrist", "wound"),
    ("I had a c section a week ago", "recently_given_birth"),
    ("my bleeding has started to smell since yesterday", "vaginal_discharge"),
    ("he keeps dropping things with his left hand", "arm_weakness"),
    ("my nails have gone thick and are crumbly at the ends", "nail_changes"),
    ("I need the loo all the time", "frequent_urination"),
    ("I don't make it in time to the toilet", "urge_leak"),
    ("I get up four times a night to go", "nocturia"),
    ("my son has a sore lump behind one nipple", "breast_lump"),
    ("my heart does a flip now and again", "skipped_beats"),
    ("there is a squidgy lump on my back", "soft_skin_lump"),
    ("my bump goes rock hard every so often", "irregular_tightenings"),
    ("we clashed heads playing rugby", "head_injury"),
    ("he has only had two wet nappies since the morning", "low_urine_output"),
    ("the headaches get worse every week", "getting_worse"),
])
def test_lay_words_for_a_typical_feature(lexical_engine, text, finding):
    assert finding in _present(lexical_engine, text)


@pytest.mark.parametrize("text", [
    "I was bitten on the ankle by a mosquito",
    "a dog chased me in the park",
])
def test_an_insect_bite_or_a_chase_is_no_animal_bite(lexical_engine, text):
    assert "animal_bite" not in _present(lexical_engine, text)


@pytest.mark.parametrize("text, age, sex, diagnosis", [
    ("just back from Thailand, bitten on the hand by a stray dog four days ago, it broke the skin, "
     "no rabies vaccine before", 40, "male", "rabies_exposure"),
    ("had a c-section last week, now a fever of 38.5, lower tummy pain and the bleeding smells bad", 29, "female",
     "postpartum_endometritis"),
    ("for a couple of years my toenails have gone thick and yellow, crumbly at the ends", 58, "male", "onychomycosis"),
    ("Im 72, I need the loo all the time, have to rush, sometimes don't make it in time, up 3 times a night to go",
     72, "female", "overactive_bladder"),
    ("every now and then my heart does a flip then a little pause, worse with coffee", 37, "female", "ectopic_beats"),
    ("a soft squidgy lump on my thigh that moves under the skin, there for years, painless", 48, "male", "lipoma"),
])
def test_textbook_story_ranks_its_condition_in_the_top_three(lexical_engine, text, age, sex, diagnosis):
    assert diagnosis in [d.id for d in _result(lexical_engine, text, age, sex).differential][:3]


@pytest.mark.parametrize("text, finding", [
    ("79M, SOBOE for weeks", "breathless_exertion"),
    ("chest tightness on exertion, eases when she stops", "chest_pain_exertion"),
    ("two episodes of presyncope on the stairs", "presyncope"),  # its own finding since session 21 (implies dizziness)
])
def test_shorthand_for_the_aortic_stenosis_triad(lexical_engine, text, finding):
    assert finding in _present(lexical_engine, text)


def test_exertional_tightness_over_months_in_an_older_person_is_a_valve_story_not_a_heart_attack(lexical_engine):
    res = _result(lexical_engine, "80F. SOBOE and chest tightness on exertion for 3 months, nearly fainted on a hill, "
                                  "settles with rest", 80, "female")
    assert "aortic_stenosis" in [d.id for d in res.differential][:3]
    assert "chest_pain_crushing" not in _present(lexical_engine, "chest tightness on exertion for 3 months")


def test_sinusitis_with_vomiting_drowsiness_and_high_fever_is_the_complicated_kind(lexical_engine):
    res = _result(lexical_engine, "a week of blocked nose and pain over her cheeks, now a severe headache, vomiting, "
                                  "temperature 39.8 and she is very drowsy", 17, "female")
    ids = [d.id for d in res.differential]
    assert res.triage == "emergency"
    assert "complicated_sinusitis" in ids[:3] and ("sinusitis" not in ids or ids.index("complicated_sinusitis") < ids.index("sinusitis"))


def test_dehydration_signs_with_fewer_wet_nappies_are_never_self_care(lexical_engine):
    # a toddler's tummy bug after the chat's questions: dry mouth and sunken eyes, fewer wet nappies, nothing else
    answers = {"vomiting": "yes", "diarrhoea": "yes", "dehydration_signs": "yes", "low_urine_output": "yes",
               "poor_appetite": "yes", "duration_1_to_14_days": "yes", "drowsy": "no", "shock_signs": "no",
               "nausea": "no", "persistent_vomiting": "no", "not_feeding": "no", "breathless": "no"}
    res = lexical_engine.result(answers, 1.5, "male", finished=True, top_k=5)
    assert res.triage == "urgent"
