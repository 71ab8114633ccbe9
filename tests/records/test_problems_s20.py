"""Issue 11, session 20 (records20): osteopenia coded as ICD-10-CM indexes it (M85.8-, not osteoporosis M81.0),
'weak' said of the patient read as weakness (R53.1) but not of a pulse, a test or a limb, and the side written with
a knee or hip problem carried into its code (M17.1-, M16.1-, M25.55-, M25.56-). Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.knowledge import body_site

from ._read import problems as _problems


@pytest.mark.parametrize("text,word,code", [
    # index: Osteopenia M85.8-; unspecified site M85.80
    ("Bone density scan last spring showed osteopenia.", "osteopenia", "M85.80"),
    # osteoporosis keeps M81.0
    ("She takes weekly alendronate for osteoporosis.", "osteoporosis", "M81.0"),
])
def test_osteopenia_is_not_osteoporosis(kb, text, word, code):
    got = _problems(kb, text)
    assert [c for w, c, _ in got if w == word] == [code], got


def test_osteopenia_in_past_history_is_a_present_chronic_problem(kb):
    got = _problems(kb, "Past medical history: osteopenia, hypothyroidism.")
    assert ("osteopenia", "M85.80", "present") in got, got


@pytest.mark.parametrize("text,assertion", [
    ("She has been weak and unsteady since Monday.", "present"),
    ("He tells me he is very weak today.", "present"),
    ("The patient appears weak.", "present"),
    ("She complains of being weak.", "present"),
    ("He is not weak.", "negated"),
])
def test_weak_said_of_the_patient_is_weakness(kb, text, assertion):
    got = _problems(kb, text)
    assert ("weak", "R53.1", assertion) in got, got


@pytest.mark.parametrize("text", [
    "The radial pulses are weak.",
    "Grip strength is weak.",
    "Her urine ketones were weak positive.",
    "She is weak in the left leg.",  # a limb's weakness is not the generalised R53.1
])
def test_weak_said_of_a_thing_or_a_limb_is_not_generalised_weakness(kb, text):
    got = _problems(kb, text)
    assert not [g for g in got if g[1] == "R53.1"], got


@pytest.mark.parametrize("text,code", [
    # index: Osteoarthritis, knee M17.1- (bilateral M17.0); hip M16.1- (bilateral M16.0)
    ("Left knee osteoarthritis, worse on stairs.", "M17.12"),
    ("X-rays confirm osteoarthritis of the right knee.", "M17.11"),
    ("Bilateral knee osteoarthritis.", "M17.0"),
    ("She has osteoarthritis of both knees.", "M17.0"),
    # Pain, joint: hip M25.55-, knee M25.56-
    ("He limps because of right hip pain.", "M25.551"),
    ("Left knee pain for two weeks.", "M25.562"),
    ("She reports pain in the right knee when kneeling.", "M25.561"),
    # no side written: the unspecified code stays
    ("Knee pain after the fall.", "M25.569"),
    # a side named for another part is not the knee's
    ("Knee pain radiating to the left leg.", "M25.569"),
])
def test_knee_and_hip_codes_take_the_written_side(kb, text, code):
    got = _problems(kb, text)
    assert code in [c for _, c, _ in got], got


def test_each_problem_takes_its_own_side(kb):
    got = _problems(kb, "Left knee pain and right hip pain.")
    assert [c for _, c, _ in got] == ["M25.562", "M25.551"], got


def test_two_sides_without_a_bilateral_code_keep_the_unspecified_code():
    sites = body_site.build({"generic_codes": [], "kinds": {"pain": ["pain"]},
                             "sites": [{"site": "knee", "words": ["knee"], "codes": {"pain": "M25.569"}, "source": "t"}],
                             "sided": {"M25.569": {"right": "M25.561", "left": "M25.562"}}})
    s = "left and right knee pain"
    assert sites.sided(s, s.index("knee"), len(s), "M25.569") == "M25.569"
    s = "right knee pain"
    assert sites.sided(s, s.index("knee"), len(s), "M25.569") == "M25.561"


@pytest.mark.parametrize("text,want", [
    # a second site joined by 'and'/'or' has the same symptom (index: Pain, joint, shoulder M25.51-)
    ("Since the accident she has had pain in the neck and shoulder.", [("pain in the neck", "M54.2"), ("shoulder", "M25.519")]),
    ("He reports pain in the neck and left shoulder.", [("pain in the neck", "M54.2"), ("left shoulder", "M25.512")]),
    # not a site: the next word is a problem of its own
    ("She has pain in the back and nausea.", [("pain in the back", "M54.9"), ("nausea", "R11.0")]),
])
def test_a_second_site_after_and_shares_the_symptom(kb, text, want):
    got = _problems(kb, text)
    assert [(w, c) for w, c, _ in got] == want, got
