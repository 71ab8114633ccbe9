"""Issue 11, session 26 (rec26): states and examination signs as clinicians write them, a sign's result told after
it, a side written after a comma on a diagnosis line, two problems of a comma list that one index term joins, and a
cancer with current spread under a history cue. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _found(kb, text: str) -> list[tuple[str | None, str]]:
    return [(c, a) for _, c, a in _problems(kb, text)]


@pytest.mark.parametrize("text, code", [
    ("Over the winter she became listless and withdrawn.", "R53.83"),
    ("He has been losing weight since the spring.", "R63.4"),
    ("She has gained weight on the new tablets.", "R63.5"),
    ("On arrival he was obtunded and hypotensive.", "R40.1"),
    ("The nursing staff describe incontinence of stool overnight.", "R15.9"),
    ("His wife reports witnessed apneas most nights.", "R06.81"),
    ("There was slurring of speech for an hour.", "R47.81"),
    ("The renal team was called as she remained anuric.", "R34"),
    ("Examination shows gangrenous toes on the right foot.", "I96"),
    ("The echo shows a moderate effusion with early cardiac tamponade.", "I31.4"),
    ("Labs are notable for an elevated CPK.", "R74.8"),
    ("Coarse breath sounds were heard at both bases.", "R09.89"),
    ("Upgoing plantar responses bilaterally.", "R29.2"),
    ("Her skin shows poor skin turgor.", "R23.4"),
    ("There is sustained ankle clonus on the left.", "R25.8"),
])
def test_a_state_or_sign_as_written_is_its_problem(kb, text, code):
    assert (code, "present") in _found(kb, text)


@pytest.mark.parametrize("text, code", [
    ("Gait is broad based and Romberg is positive.", "R29.818"),
    ("Pedal pulses are diminished on both sides.", "R09.89"),
    ("The pupils were nonreactive after the arrest.", "H57.09"),
])
def test_a_signs_result_told_after_it_is_the_sign(kb, text, code):
    assert (code, "present") in _found(kb, text)


def test_hepatojugular_reflux_is_a_venous_sign_not_gastric_reflux(kb):
    found = _found(kb, "Neck veins flat, no hepatojugular reflux.")
    assert ("R09.89", "negated") in found
    assert not [c for c, _ in found if c and c.startswith("K21")]


def test_a_result_word_makes_no_sign_of_a_test(kb):
    found = _found(kb, "The urine culture was positive.")
    assert not [c for c, _ in found if c in ("R29.818", "R29.2", "H57.09")]


@pytest.mark.parametrize("text, code", [
    ("DIAGNOSIS: Osteoarthritis, left knee.", "M17.12"),
    ("PREOPERATIVE DIAGNOSIS: Epiretinal membrane, left eye.", "H35.372"),
    ("ASSESSMENT: Degenerative joint disease, right hip.", "M16.11"),
])
def test_a_side_and_site_after_a_comma_are_the_problems_own(kb, text, code):
    assert (code, "present") in _found(kb, text)


def test_a_side_after_a_comma_in_a_list_of_problems_is_not_borrowed(kb):
    found = _found(kb, "Osteoarthritis, gout, left ankle sprain.")
    assert ("M19.90", "present") in found


def test_a_comma_list_is_two_problems_not_one_index_term(kb):
    codes = [c for c, _ in _found(kb, "Her history includes anxiety, depression and asthma.")]
    assert "F41.9" in codes and "F32.A" in codes and "F41.8" not in codes


@pytest.mark.parametrize("text, codes", [
    ("She has a past history of renal cell carcinoma that has metastasized to the lungs and bones.",
     ["C64.9", "C78.00", "C79.51"]),
    ("Past history of colon cancer, stage IV, on palliative chemotherapy.", ["C18.9"]),
])
def test_a_cancer_with_current_spread_is_present_under_a_history_cue(kb, text, codes):
    found = _found(kb, text)
    for code in codes:
        assert (code, "present") in found, found


def test_a_treated_cancer_without_spread_stays_historical(kb):
    assert ("C18.9", "historical") in _found(kb, "Past history of colon cancer, resected in 2012.")


def test_a_denied_spread_keeps_the_history(kb):
    assert ("C43.9", "historical") in _found(kb, "History of melanoma without metastases.")


@pytest.mark.parametrize("text, code", [
    ("Ultrasound confirms gallstones with acute cholecystitis.", "K80.00"),
    ("She was admitted with acute cholecystitis with cholelithiasis.", "K80.00"),
    ("He has known BPH with nocturia and a weak stream.", "N40.1"),
    ("Acute urinary retention secondary to BPH.", "N40.1"),
    ("Known coronary artery disease with unstable angina.", "I25.110"),
])
def test_two_conditions_told_together_take_the_combination_code(kb, text, code):
    assert code in [c for c, _ in _found(kb, text)]


@pytest.mark.parametrize("text, code", [
    ("Problems: BPH, hypertension, nocturia.", "N40.0"),
    ("Past history of cholelithiasis and a hiatus hernia.", "K80.20"),
])
def test_conditions_in_a_list_keep_their_own_codes(kb, text, code):
    assert code in [c for c, _ in _found(kb, text)]


def test_unstable_angina_is_its_own_code(kb):
    assert ("I20.0", "present") in _found(kb, "Admitted with crescendo angina overnight.")


def test_the_combination_table_needs_its_source_and_fields():
    from medcore.records import combination_codes

    with pytest.raises(combination_codes.CombinationError):
        combination_codes.build({"combinations": [{"anchor": "N40.0", "partner": "R33", "code": "N40.1"}]})
    with pytest.raises(combination_codes.CombinationError):
        combination_codes.build({"source": "x", "combinations": [{"anchor": "N40.0", "code": "N40.1"}]})
    assert combination_codes.table()  # the shipped table loads
