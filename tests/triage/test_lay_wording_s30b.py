"""Session 30b (issue 12, helper twd30): breadth of lay wording, round 6 (gynaecological, sleep, oncology and blood,
renal, endocrine, eye, skin, muscles and joints, pregnancy, urinary and genital, mental health), each new phrase
beside a neighbour one word away (an idiom, a denial, another body part) that must keep its old reading. Own
sentences; the phrases live in findings.yaml more_synonyms / more_absent_synonyms (docs/evals/triage-s30b)."""

from __future__ import annotations

import pytest


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}


@pytest.mark.parametrize("text,fid", [
    ("I'm bleeding again years after my periods stopped", "postmenopausal_bleeding"),
    ("some spotting since the menopause", "postmenopausal_bleeding"),
    ("a little bleeding after making love", "bleeding_after_sex"),
    ("I'm changing my pad every hour", "heavy_periods"),
    ("my periods come whenever they want", "irregular_periods"),
    ("my period never came this month", "missed_period"),
    ("heavy dragging down below at the end of the day", "vaginal_bulge"),
    ("really itchy privates since my antibiotics", "vaginal_itch"),
    ("sudden waves of heat up my face at night", "hot_flushes"),
    ("hair growing on my chin and irregular periods", "excess_hair"),
    ("she says I'm gasping for air in my sleep", "witnessed_apnoea"),
    ("I fall asleep without warning at work", "sleep_attacks"),
    ("my legs give way when I laugh", "cataplexy"),
    ("a crawling feeling in my legs every evening", "restless_legs_urge"),
    ("a lump on my bollock for a month", "testicular_lump"),
    ("bruises from nowhere on her legs", "bruising"),
    ("there are bubbles in my wee every time", "frothy_urine"),
    ("my face is swollen in the mornings", "puffy_face"),
    ("my face has gone round like a moon on the tablets", "cushing_features"),
    ("I'm a type 1 and my sugar is high", "type1_insulin"),
    ("blood sitting at the bottom of my iris after the ball hit it", "blood_front_eye"),
    ("door frames look bendy out of one eye", "distorted_vision"),
    ("my eye hurts when I move it and the colours look washed out", "pain_eye_movement"),
    ("a rash under my boobs in the hot weather", "skin_fold_rash"),
    ("crusty scabs round his nose at nursery", "crusted_sores"),
    ("tingling in my hand wakes me up at night", "wrist_numb_night"),
    ("I can't lie on my side for the hip pain", "lateral_hip_pain"),
    ("34 weeks pregnant and my palms itch", "itchy_hands_feet"),
    ("I don't make it to the loo in time", "urge_leak"),
    ("he's bedwetting again at 7", "bedwetting_new"),
    ("I have to check things over and over before I leave", "obsessions_compulsions"),
    ("I was abused as a child and have nightmares", "trauma_event"),
    ("pins and needles round my mouth when I panic", "tingling_lips_fingers"),
])
def test_round6_phrase_reads_its_finding(lexical_engine, text, fid):
    assert _read(lexical_engine, text).get(fid) is True


@pytest.mark.parametrize("text,fid", [
    ("my periods are light", "heavy_periods"),
    ("periods are regular as clockwork", "irregular_periods"),
    ("sex isn't painful", "painful_sex"),
    ("my partner says there are no pauses in my breathing at night", "witnessed_apnoea"),
    ("I'm sleeping well", "poor_sleep"),
    ("no sweats at night", "night_sweats"),
    ("no bruising anywhere", "bruising"),
    ("peeing normally", "low_urine_output"),
    ("not peeing more than usual", "frequent_urination"),
    ("no bleeding since the menopause", "postmenopausal_bleeding"),
])
def test_round6_denial_reads_absent(lexical_engine, text, fid):
    assert _read(lexical_engine, text).get(fid) is False


@pytest.mark.parametrize("text,fid", [
    # neighbours one word away: another meaning of the same words, which must not read the finding
    ("spotting after the change of pill", "postmenopausal_bleeding"),
    ("keep reliving the accident every night", "incontinence"),
    ("hard lump on my nut after I banged it on the cupboard", "testicular_lump"),
    ("I passed a clot in my pee", "passed_pregnancy_tissue"),
    ("my son has spd and hates loud noises", "pubic_pain_pregnancy"),
    ("I was attacked by a dog in the park", "trauma_event"),
    ("I can't stop checking my phone", "obsessions_compulsions"),
    ("my period is light this month", "heavy_periods"),
    ("lines at the shop look long", "distorted_vision"),
    ("waves crashing on the beach in the heatwave", "hot_flushes"),
])
def test_round6_neighbour_keeps_its_reading(lexical_engine, text, fid):
    assert _read(lexical_engine, text).get(fid) is not True


def test_accidents_still_read_as_incontinence(lexical_engine):
    # the not_synonyms "the accident" family leaves a child's or an older person's accidents read
    assert _read(lexical_engine, "she's been having accidents at night again").get("incontinence") is True
