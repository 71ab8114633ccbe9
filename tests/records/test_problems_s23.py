"""Issue 11, session 23 (rec23): problem-list vocabulary that the notes of blind_s22 (dev since session 23) showed
missing, each with its ICD-10-CM code, and an abbreviation's plural written in capitals ("PVCs"). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _codes(kb, text: str) -> list[str | None]:
    return [c for _, c, _ in _problems(kb, text)]


@pytest.mark.parametrize("text, code", [
    ("An echocardiogram in college found mitral valve prolapse.", "I34.1"),
    ("Imaging supports a left renal vein thrombosis.", "I82.3"),
    ("The CT angiogram shows pulmonary emboli in both lower lobes.", "I26.99"),
    ("She passed out in the shower this morning.", "R55"),
    ("She reports a yellow vaginal discharge for a week.", "N89.8"),
    ("Working diagnosis: postpartum endometritis.", "N71.9"),
    ("Speculum exam consistent with cervicitis.", "N72"),
    ("Both eyes show exophthalmos.", "H05.20"),
    ("Consulted for azotemia after the contrast study.", "R79.89"),
    ("He has painful oral ulcerations and cannot eat.", "K12.1"),
    ("The gynecologist noted an elevated CA-125.", "R97.1"),
])
def test_problem_vocabulary_s23(kb, text, code):
    assert code in _codes(kb, text)


def test_abbreviation_plural_in_capitals(kb):
    assert _codes(kb, "The Holter monitor recorded frequent PVCs overnight.") == ["I49.3"]
    assert _codes(kb, "PAST MEDICAL HISTORY: MVP, no regurgitation.") == ["I34.1"]
    # the material of a pipe is not a heart rhythm: lower case is not the abbreviation
    assert "I49.3" not in _codes(kb, "He installs pvcs and copper pipes for a living.")


def test_negated_new_terms(kb):
    got = _problems(kb, "She denies vaginal discharge and has never passed out.")
    assert [(c, a) for _, c, a in got] == [("N89.8", "negated"), ("R55", "negated")]


def test_mitral_valve_prolapse_in_a_past_history_is_standing(kb):
    got = _problems(kb, "PAST MEDICAL HISTORY: Mitral valve prolapse.\nSOCIAL HISTORY: Teacher.")
    assert [(c, a) for _, c, a in got] == [("I34.1", "present")]


def test_a_screen_for_stds_is_not_a_problem(kb):
    assert _codes(kb, "He asks to be tested for STDs before his wedding.") == []
    assert _codes(kb, "Screening for STIs was offered and declined.") == []
    # a diagnosis of one stays
    assert _codes(kb, "PAST MEDICAL HISTORY: an STD at age 20, treated.") == ["A64"]
