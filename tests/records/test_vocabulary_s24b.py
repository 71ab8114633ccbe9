"""Issue 11, session 24b (rec24b): breadth of problem vocabulary written from clinical knowledge, codes with
subdivisions read as their unspecified subdivision, and a problem word that names a test, a clinic, a precaution or a
drug class. Sentences written for these tests (none from a note set or from the breadth list's frames)."""

from __future__ import annotations

import pytest

from medcore.records import leaf_code

from ._read import problems as _problems


def _codes(kb, text: str) -> list[str | None]:
    return [c for _, c, _ in _problems(kb, text)]


# ---- a code with subdivisions takes its unspecified one ----

@pytest.mark.parametrize("text, code", [
    ("She woke with a dull headache behind both eyes.", "R51.9"),  # R51 split in FY2021
    ("Three weeks of cough keep him up at night.", "R05.9"),  # R05 split in FY2023
    ("PROBLEMS: Multiple sclerosis, on natalizumab.", "G35.D"),  # G35 split in FY2026
    ("He has been constipated, with hard constipation for a week.", "K59.00"),
])
def test_a_subdivided_code_takes_its_unspecified_subdivision(kb, text, code):
    assert code in _codes(kb, text)


def test_leaf_code_leaves_a_code_alone_when_no_single_subdivision_is_unspecified(kb):
    term = kb.terminology
    assert leaf_code.leaf(term, "I48.9")[0] == "I48.9"  # unspecified fibrillation and unspecified flutter: two
    assert leaf_code.leaf(term, "K25")[0] == "K25.9"  # not K25.4 'Chronic or unspecified gastric ulcer with hemorrhage'
    assert leaf_code.leaf(term, "R51.9")[0] == "R51.9"  # already a leaf
    assert leaf_code.leaf(term, "M51.36")[0] == "M51.36"  # subdivided by pain, none titled unspecified


# ---- breadth: conditions and abbreviations across specialties ----

@pytest.mark.parametrize("text, code", [
    ("Labs confirm iron deficiency anemia from menorrhagia.", "D50.9"),
    ("ASSESSMENT: IDA, start ferrous sulfate.", "D50.9"),
    ("CT shows a 4 mm left ureteral stone with mild hydronephrosis.", "N20.1"),
    ("She reports burning on urination since Monday.", "R30.0"),
    ("He was admitted to the ICU in septic shock.", "R65.21"),
    ("Exam of the right knee is consistent with a torn meniscus.", "S83.209A"),
    ("Cystoscopy showed a recurrent bladder tumor at the dome.", "C67.9"),
    ("She was treated for anogenital warts last spring.", "A63.0"),
    ("The ophthalmologist diagnosed age-related macular degeneration.", "H35.30"),
    ("He has primary open-angle glaucoma on latanoprost.", "H40.1190"),
    ("Derm removed two seborrheic keratoses from her back.", "L82.1"),
    ("Exam: Baker's cyst behind the left knee.", "M71.20"),
    ("Wife reports he has restless legs syndrome most nights.", "G25.81"),
    ("Smear showed ASCUS and HPV testing is pending.", "R87.610"),
])
def test_breadth_terms_are_read_with_their_code(kb, text, code):
    assert code in _codes(kb, text)


def test_an_abbreviation_that_is_also_a_name_is_read_only_in_capitals(kb):
    assert "D50.9" not in _codes(kb, "Her sister Ida drove her to the clinic.")
    assert "K75.81" not in _codes(kb, "He moved here from Nash County.")


def test_nausea_and_vomiting_stay_two_problems(kb):
    got = _codes(kb, "She has had nausea and vomiting since dinner.")
    assert "R11.0" in got and "R11.10" in got


def test_a_newborns_enterocolitis_is_perinatal(kb):
    text = ("NICU PROGRESS NOTE: Baby girl, born at 29 weeks, now 12 days old, with abdominal distension and "
            "necrotizing enterocolitis on x-ray.")
    assert "P77.9" in _codes(kb, text)
    assert "K55.30" in _codes(kb, "The 70-year-old man developed necrotizing enterocolitis after surgery.")


# ---- a problem word that names a test, a place of care, a precaution or a drug class ----

@pytest.mark.parametrize("text", [
    "An HIV test was drawn with his consent.",
    "A hepatitis panel and a lipid panel were sent.",
    "Her depression screening score was low.",
    "He gets his care at the Diabetes Center downtown.",
    "Seizure precautions were ordered on the ward.",
    "She left her asthma inhaler at home.",
    "Influenza vaccine was declined.",
])
def test_a_problem_word_that_names_a_test_or_a_service_is_not_a_problem(kb, text):
    assert [a for _, _, a in _problems(kb, text) if a in ("present", "historical")] == []


def test_the_same_words_as_the_patients_problem_are_read(kb):
    assert "B20" in _codes(kb, "He has HIV, well controlled.")
    assert "R56.9" in _codes(kb, "She had a seizure at work.")
    assert "E11.9" in _codes(kb, "He has diabetes and hypertension.")


def test_weight_loss_as_a_goal_told_after_it(kb):
    assert _codes(kb, "Weight loss was encouraged at this visit.") == []
    assert "R63.4" in _codes(kb, "He reports unintentional weight loss of ten pounds.")


def test_check_for_hedges_the_problem(kb):
    got = _problems(kb, "Check for urinary tract infection with a urinalysis.")
    assert [(c, a) for _, c, a in got] == [("N39.0", "possible")]
