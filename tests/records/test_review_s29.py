"""Issue 11, session 29 review (rec29fix): wrong readings an outsider found in the rec29 merge and next to its rules,
each fixed by cause and tested with its opposite case (docs/evals/records-s29-review/). Own sentences."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze

from ._read import problems as _problems


def _got(kb, text: str) -> set[tuple[str | None, str]]:
    return {(c, a) for _, c, a in _problems(kb, text)}


def _readings(kb, text: str) -> list[tuple[str, str, str]]:
    ex = analyze(text, kb).extraction
    return [(x.name.lower(), x.value, x.flag) for x in [*ex.labs, *ex.vitals]]


# ---- a denied list with a serial comma stays denied to its last item ---------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("No pallor, cyanosis, and edema present on exam.", "R60.9"),
    ("Abdomen: no hepatomegaly, splenomegaly, and ascites found.", "R18.8"),
    ("Denies headache, dizziness, and diarrhea reported.", "R19.7"),
    ("No petechiae, bruising, and jaundice seen today.", "R17"),
])
def test_the_last_item_of_a_denied_list_stays_denied(kb, text, code):
    assert (code, "negated") in _got(kb, text)
    assert (code, "present") not in _got(kb, text)


@pytest.mark.parametrize("text, negated, present", [
    ("No edema, and wheezing is heard on the left.", "R60.9", "R06.2"),      # the first comma after the denial
    ("Chest clear, no wheeze, and crackles heard at both bases.", "R06.2", "R09.89"),
    ("Denies nausea, and vomiting present since noon.", "R11.0", "R11.10"),
    ("Headache denied, and palpitations reported.", "R51.9", "R00.2"),
])
def test_a_new_clause_after_one_denied_item_is_told(kb, text, negated, present):
    got = _got(kb, text)
    assert (negated, "negated") in got and (present, "present") in got


# ---- "would not explain": only a finding told as the patient's or the one at hand -----------------------------------
def test_an_unexplained_finding_of_hers_stays_present(kb):
    assert ("R51.9", "present") in _got(kb, "The scan would not explain his headache.")
    assert ("R53.83", "present") in _got(kb, "Her iron level does not explain the fatigue.")


@pytest.mark.parametrize("text, code", [
    ("That finding would not explain a stroke.", "I63.9"),
    ("The tracing would not explain any seizure.", "R56.9"),
])
def test_a_disease_named_as_what_is_not_explained_is_not_present(kb, text, code):
    assert (code, "present") not in _got(kb, text)


# ---- a test normal FOR a patient or a problem she has denies nothing ---------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("Her labs are normal for her diabetes.", "E11.9"),
    ("Results were normal for a man with cirrhosis.", "K74.60"),
    ("Blood counts were normal for her anemia.", "D64.9"),
])
def test_normal_for_a_patient_keeps_the_problem(kb, text, code):
    assert (code, "negated") not in _got(kb, text)
    assert (code, "present") in _got(kb, text)


def test_a_workup_found_normal_does_not_deny_its_problem(kb):
    assert ("D64.9", "negated") not in _got(kb, "Studies were normal for anemia workup.")


def test_a_test_normal_for_a_disease_still_denies_it(kb):
    assert ("B15.9", "negated") in _got(kb, "Serology normal for hepatitis A.")


# ---- a hedge on a count or a duration is no hedge on the finding ----------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("Perhaps four episodes of vomiting overnight.", "R11.10"),
    ("Maybe 3 days of cough.", "R05.9"),
])
def test_a_hedged_count_leaves_the_finding_present(kb, text, code):
    assert (code, "present") in _got(kb, text)


def test_a_hedged_finding_stays_possible(kb):
    assert ("M10.9", "possible") in _got(kb, "Perhaps gout in the big toe.")


# ---- a remission denied is an active disease --------------------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("Myeloma, not in remission.", "C90.00"),
    ("Lymphoma not yet in complete remission.", "C85.90"),
])
def test_not_in_remission_is_present(kb, text, code):
    assert (code, "present") in _got(kb, text)


def test_in_remission_stays_historical(kb):
    assert ("C85.90", "historical") in _got(kb, "Lymphoma, in complete remission since spring.")


# ---- risk factors listed as the patient's are hers --------------------------------------------------------------------
def test_risk_factors_including_the_patients_problem(kb):
    got = _got(kb, "She has many risk factors for stroke, including atrial fibrillation.")
    assert ("I48.91", "present") in got
    assert ("I63.9", "present") not in got


def test_a_consent_risk_list_stays_hypothetical(kb):
    assert ("R58", "hypothetical") in _got(kb, "Risks of the biopsy including bleeding were explained.")


# ---- a treatment class not used leaves its reason present; a vaccine or screening names no disease -------------------
def test_a_drug_class_not_given_leaves_the_complaint_present(kb):
    assert ("R05.9", "present") in _got(kb, "No antibiotics for the cough so far.")
    assert ("R05.9", "negated") in _got(kb, "No antibiotics; no cough.")


@pytest.mark.parametrize("text, code", [
    ("She was never vaccinated against shingles.", "B02.9"),
    ("He has never been screened for colon cancer.", "C18.9"),
])
def test_a_vaccine_or_screening_names_no_disease_of_the_patient(kb, text, code):
    assert (code, "present") not in _got(kb, text)


def test_a_disease_beside_a_vaccine_word_but_told_is_present(kb):
    assert ("B02.9", "present") in _got(kb, "She has shingles on the left flank.")


# ---- other senses: a sleep-deprived EEG, a plant met, a joint's mobility ----------------------------------------------
@pytest.mark.parametrize("text", ["A sleep-deprived EEG is booked.", "Sleep deprived EEG next week."])
def test_a_sleep_deprived_eeg_is_a_test(kb, text):
    assert "Z72.820" not in {c for c, _ in _got(kb, text)}


def test_sleep_deprivation_of_the_patient_is_read(kb):
    assert ("Z72.820", "present") in _got(kb, "Sleep deprived from night shifts.")


@pytest.mark.parametrize("text", ["Exposed to poison oak on a hike, no rash.", "Advised to avoid poison ivy.",
                                  "Poison ivy exposure at work."])
def test_a_plant_met_is_no_dermatitis(kb, text):
    assert "L23.7" not in {c for c, _ in _got(kb, text)}


def test_a_plant_rash_is_read(kb):
    assert ("L23.7", "present") in _got(kb, "Poison ivy rash over both shins.")


def test_a_joints_reduced_mobility_is_not_the_patients(kb):
    assert "Z74.09" not in {c for c, _ in _got(kb, "Reduced mobility of the right hip.")}
    assert ("Z74.09", "present") in _got(kb, "Reduced mobility; walks with a frame.")


# ---- decades: without "in the", a unit digit, a pressure's two decades, a log that opens with a decade ---------------
def test_a_decade_without_in_the_is_kept_as_written(kb):
    assert ("glucose", "120s", "high") in _readings(kb, "Glucose 120s this week.")


def test_a_unit_digit_decade_spanning_the_range_is_not_flagged(kb):
    assert ("potassium", "3s", "") in _readings(kb, "Potassium has been in the 3s.")
    assert ("hemoglobin", "7s", "low") in _readings(kb, "Hemoglobin in the 7s.")


def test_a_pressure_in_decades(kb):
    assert ("blood pressure", "160s/90s", "high") in _readings(kb, "BP 160s/90s at home.")


def test_a_log_that_opens_with_a_decade_reads_every_slot(kb):
    got = [(n, v) for n, v, _ in _readings(kb, "Fasting sugars 120s, post-lunch 170s, bedtime 140s.")]
    assert got == [("glucose", "120s"), ("glucose", "170s"), ("glucose", "140s")]


@pytest.mark.parametrize("text", ["A woman in her 60s.", "Glucose was 1980s.", "Seen in the 90s for asthma."])
def test_an_age_or_a_year_is_no_decade_reading(kb, text):
    assert not [r for r in _readings(kb, text) if r[1].endswith("s")]


def test_a_plain_value_is_read_as_before(kb):
    assert ("glucose", "112", "high") in _readings(kb, "Glucose 112 fasting.")


# ---- remission specifiers and a hedge after "and" -------------------------------------------------------------------
def test_a_use_disorder_in_sustained_remission_is_past(kb):
    assert ("F10.10", "historical") in _got(kb, "Alcohol use disorder, in sustained remission for two years.")
    assert ("F10.10", "present") in _got(kb, "Alcohol use disorder, drinking daily.")


def test_a_hedge_after_a_denial_and_and_is_possible(kb):
    got = _got(kb, "No fever, and might be early cellulitis of the shin.")
    assert ("L03.90", "negated") not in got and ("R50.9", "negated") in got
    assert ("L03.90", "negated") in _got(kb, "No fever and no cellulitis.")


def test_an_unexplained_finding_after_of_stays_present(kb):
    # a writer's stray "of": "which will not explain of the left-sided headache"
    assert ("R51.9", "present") in _got(kb, "The disc bulge will not explain of the left-sided headache.")
