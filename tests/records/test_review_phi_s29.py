"""Issue 11, session 29b review (helper phi29fix): the wrong readings an outsider found in the phi29 rules, each fixed
by cause, each with its opposite case. Every sentence is our own, written for these tests (none from a note set)."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify
from medcore.records.pipeline import analyze


def _phi(text: str) -> list[str]:
    return [s.text for s in deidentify(text, shift_days=-40).spans]


def _covered(text: str, want: str, nth: int = 0) -> bool:
    spans = deidentify(text, shift_days=-40).spans
    i = -1
    for _ in range(nth + 1):
        i = text.index(want, i + 1)
    return all(any(s.start <= k < s.end for s in spans) for k in range(i, i + len(want)) if text[k].isalnum())


def _meds(kb, text):
    return {m.name: m for m in analyze(text, kb).extraction.medications}


# --- a word-name's repeat at a clause's opening is the ordinary word unless a subject's verb follows ------------------
@pytest.mark.parametrize("text, word, nth", [
    ("Will was admitted with cellulitis. Will follow up with his GP on Friday.", "Will", 1),
    ("Frank reports lightheadedness. Frank blood was seen on the glove.", "Frank", 1),
    ("Dawn presented with weakness. Dawn sampling of cortisol was sent.", "Dawn", 1),
    ("Mark was admitted overnight. Mark the incision line with a pen.", "Mark", 1),
    ("Grace was seen in the office. Grace period on the bill ends soon.", "Grace", 1),
    ("Will was seen on the ward. WILL RECHECK LABS IN THE MORNING.", "WILL", 0),
    ("Art presented with a hot knee. Art therapy was offered on the ward.", "Art", 1),
])
def test_word_name_repeat_left_as_word(text, word, nth):
    assert not _covered(text, word, nth)
    assert _covered(text, text.split()[0])  # the first mention, a subject, stays a name


@pytest.mark.parametrize("text, word, nth", [
    ("Will was admitted with cellulitis. Will reports less pain today.", "Will", 1),
    ("Frank presented with a fall. Frank's daughter was at the bedside.", "Frank", 1),
    ("Mark was admitted overnight. Mark and his wife agree with the plan.", "Mark", 1),
    ("Grace was seen in the office. Grace agreed to the biopsy.", "Grace", 1),
    ("Dawn presented with weakness. We discussed this with Dawn today.", "Dawn", 1),
    ("Hope was seen last week.\n- Hope denies chest pain.", "Hope", 1),
])
def test_word_name_repeat_as_subject_or_mid_sentence_stays_a_name(text, word, nth):
    assert _covered(text, word, nth)


@pytest.mark.parametrize("text, word", [
    ("Ginger was started for the morning nausea.", "Ginger"),
    ("Iris was examined and the pupil was round.", "Iris"),
])
def test_word_name_subject_verbs_of_things(text, word):
    assert not any(word in p for p in _phi(text))


@pytest.mark.parametrize("text, word", [
    ("Ginger was started on insulin last spring.", "Ginger"),
    ("Iris was seen in the eye clinic for her glaucoma.", "Iris"),
])
def test_word_name_subject_of_a_person(text, word):
    assert _covered(text, word)


# --- consult services are no facility acronyms ----------------------------------------------------------------------
@pytest.mark.parametrize("service", ["DERM", "RHEUM", "NEPH", "ENDO", "WOCN", "APS", "PICC", "BMT", "OMFS", "VASC",
                                     "PCCM"])
def test_consult_service_not_a_facility(service):
    assert not any(service in p for p in _phi(f"Plan: consult {service} for further advice."))


def test_consult_facility_acronym_still_found():
    assert _covered("Plan: consult QRMC for a transfer bed.", "QRMC")


# --- a birthday is a person's, a value is not -----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Her saturation turned 93 on two litres.", "Heart rate turning 97 on the stairs.",
                                  "His pulse turned 94 after the bolus."])
def test_value_turning_is_no_age(text):
    assert _phi(text) == []


@pytest.mark.parametrize("text, want", [("She lives alone and turns 92 in May.", "92"),
                                        ("The patient just turned 97.", "97"),
                                        ("Her grandmother turns 101 this year.", "101"),
                                        ("He actually turned 93 on Sunday.", "93")])
def test_person_turning_is_an_age(text, want):
    assert _covered(text, want)


# --- a fraction before "L" is litres of oxygen, not a date before a left side ---------------------------------------
def test_left_side_after_date_stays_a_date():
    assert _covered("Arthroscopy on 6/7 L knee healed well.", "6/7")
    assert _covered("Surgery on 2/9 L wrist was uncomplicated.", "2/9")


def test_litres_of_oxygen_stay_an_amount():
    assert not any("1/2" in p for p in _phi("She was weaned to 1/2 L via nasal cannula."))
    assert not any("3/4" in p for p in _phi("Overnight he used 3/4 L/min of oxygen."))


# --- a unit-less dose with a schedule is no drug level --------------------------------------------------------------
@pytest.mark.parametrize("text, drug", [
    ("Xanax is 0.25 as needed for panic.", "alprazolam"),
    ("Levothyroxine was 0.088 daily before the change.", "levothyroxine"),
    ("Lorazepam is 0.5 at bedtime.", "lorazepam"),
    ("Coumadin is 7.5 on Tuesdays and 5 the other days.", "warfarin"),
    ("Clonazepam was 0.5 b.i.d. at home.", "clonazepam"),
])
def test_unitless_dose_with_schedule_is_a_medication(kb, text, drug):
    assert drug in _meds(kb, text)


@pytest.mark.parametrize("text, drug", [("Lithium was 1.1 on the morning draw.", "lithium"),
                                        ("Digoxin is 0.6 today.", "digoxin")])
def test_level_result_still_not_a_medication(kb, text, drug):
    assert drug not in _meds(kb, text)


# --- "might get" offers a medicine only right before it -------------------------------------------------------------
def test_might_get_an_effect_keeps_the_drug(kb):
    assert "metformin" in _meds(kb, "He might get loose stools from the metformin 1000 mg twice daily.")
    assert "insulin glargine" in _meds(kb, "She may get shaky on her insulin glargine 18 units nightly.")


def test_might_get_a_vaccine_is_only_offered(kb):
    assert "influenza vaccine" not in _meds(kb, "He may get the flu shot at the pharmacy.")


# --- a defining relative clause is the drug's own status, not an earlier drug's -------------------------------------
def test_defining_clause_status_is_the_drugs_own(kb):
    m = _meds(kb, "The medication that was discontinued was atenolol.")
    assert m["atenolol"].status == "stopped"
    m = _meds(kb, "Medicines which were held include losartan and glipizide.")
    assert m["losartan"].status == "stopped" and m["glipizide"].status == "stopped"


def test_non_defining_clause_after_a_drug_still_its(kb):
    m = _meds(kb, "Losartan 50 mg daily, which was held for dizziness, and glipizide 5 mg daily.")
    assert m["losartan"].status == "stopped" and m["glipizide"].status != "stopped"


# --- "before bed" as the second dose of a split schedule ------------------------------------------------------------
def test_before_breakfast_and_before_bed_is_twice_daily(kb):
    m = _meds(kb, "Glipizide 5 mg before breakfast and before bed.")
    assert m["glipizide"].frequency == "twice daily"


def test_before_bed_alone_stays_bedtime(kb):
    assert _meds(kb, "Quetiapine 25 mg before bed.")["quetiapine"].frequency == "at bedtime"
    m = _meds(kb, "Aspirin 81 mg in the morning and trazodone 50 mg before bed.")
    assert m["aspirin"].frequency != "twice daily" and m["trazodone"].frequency == "at bedtime"
