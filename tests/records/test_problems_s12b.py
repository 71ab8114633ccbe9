"""Issue 11, session 12b (records12b): risk counselling lists of a treatment's toxicities, findings a report says
are "not evident", and bare examination findings whose organ is only the line's heading. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _assertion_of(kb, text, word):
    found = [a for w, _c, a in _problems(kb, text) if w == word]
    assert found, (word, _problems(kb, text))
    return found[0]


@pytest.mark.parametrize("text,word", [
    ("The toxicities were reviewed with her and her son, including alopecia, a rare risk of "
     "cardiac damage, neuropathy, diarrhea, and so on.", "neuropathy"),
    ("The side effects were described to him at length, including mouth sores and constipation.", "constipation"),
    ("We discussed the expected side effects such as fatigue and neuropathy.", "neuropathy"),
])
def test_toxicities_told_before_a_treatment_are_hypothetical(kb, text, word):
    assert _assertion_of(kb, text, word) == "hypothetical"


def test_toxicities_that_happened_stay_present(kb):
    # no verb of telling: this is what the treatment did
    assert _assertion_of(kb, "Toxicities of the last cycle included neuropathy and constipation.",
                         "neuropathy") == "present"


@pytest.mark.parametrize("text,word", [
    ("At C4-5 the disc abuts the thecal sac. Distinct cord compression is not evident.", "cord compression"),
    ("Hydronephrosis was not evident on the scan.", "hydronephrosis"),
])
def test_a_finding_the_report_calls_not_evident_is_negated(kb, text, word):
    assert _assertion_of(kb, text, word) == "negated"


def _found(kb, text, word):
    found = [(c, a) for w, c, a in _problems(kb, text) if w == word]
    assert found, (word, _problems(kb, text))
    return found[0]


@pytest.mark.parametrize("text,word,code", [
    ("SKIN: Negative rashes, negative ulcers. No scars.", "ulcers", "L98.499"),
    ("EXTREMITIES: Negative inflammation, negative tenderness, negative deformity.", "tenderness", "M79.609"),
    ("EXTREMITIES: Negative inflammation, negative tenderness, negative deformity.", "inflammation", "M79.89"),
    ("EXTREMITIES: Negative inflammation, negative tenderness, negative deformity.", "deformity", "M21.90"),
    ("ENT: Negative ear obstructions, negative exudates.", "exudates", "H92.10"),
    ("ENT: Clear. Negative throat inflammation or masses.", "masses", "R22.1"),
    ("ENT: Clear. Negative throat inflammation or masses.", "throat inflammation", "J02.9"),
])
def test_a_bare_finding_under_its_site_heading_is_coded_to_that_site_and_negated(kb, text, word, code):
    assert _found(kb, text, word) == (code, "negated")


@pytest.mark.parametrize("text,word", [
    ("The ulcer in her mouth is healing.", "ulcer"),
    ("ABDOMEN: Soft. Negative tenderness.", "tenderness"),  # the abdomen's, not a limb's
])
def test_the_bare_finding_is_not_given_a_site_it_does_not_stand_under(kb, text, word):
    codes = [c for w, c, _a in _problems(kb, text) if w == word]
    assert not any(c in ("L98.499", "M79.609") for c in codes), codes


@pytest.mark.parametrize("text,word", [
    ("SKIN: negative rashes, negative ulcers.", "rashes"),
    ("ENT: Negative nasal obstructions.", "nasal obstructions"),
])
def test_negative_straight_after_a_heading_negates_the_finding_after_it(kb, text, word):
    assert _assertion_of(kb, text, word) == "negated"


def test_a_checklist_answer_after_its_item_still_negates_it(kb):
    assert _assertion_of(kb, "Rash: negative. Cough: present.", "rash") == "negated"


@pytest.mark.parametrize("text,word", [
    # the age or time a relative had it does not make it the patient's history
    ("FAMILY HISTORY: His mother died young. She had breast cancer at age 45.", "breast cancer"),
    # the relative named after the condition
    ("HISTORY OF PRESENT ILLNESS: Gallstone pancreatitis is known in the patient's brother.",
     "gallstone pancreatitis"),
])
def test_a_relatives_dated_condition_is_family(kb, text, word):
    assert _assertion_of(kb, text, word) == "family"


def test_the_patients_own_dated_condition_stays_historical(kb):
    assert _assertion_of(kb, "PAST MEDICAL HISTORY: Breast cancer at age 45.", "breast cancer") == "historical"


@pytest.mark.parametrize("text,word", [
    ("HISTORY OF PRESENT ILLNESS: Her doctor saw her on 03/04/2015 with epigastric pain and vomiting.", "vomiting"),
    ("HISTORY OF PRESENT ILLNESS: He stayed in hospital from 02/03/19 to 02/09/19 with acute kidney injury.",
     "acute kidney injury"),
    ("HISTORY OF PRESENT ILLNESS: His doctor treated him last month for a urinary tract infection.", "urinary tract infection"),
])
def test_a_dated_earlier_episode_in_the_story_is_historical(kb, text, word):
    assert _assertion_of(kb, text, word) == "historical"


@pytest.mark.parametrize("text,word", [
    # speaks of now as well
    ("HISTORY OF PRESENT ILLNESS: Seen on 04/02/2019, she is still vomiting.", "vomiting"),
    # this admission, dated with no end
    ("HISTORY OF PRESENT ILLNESS: Admitted from the ward 05/06/2020 with pneumonia.", "pneumonia"),
    # a dated test's finding is the work-up of what is there
    ("HISTORY OF PRESENT ILLNESS: A CT scan on 04/02/2019 showed a gallstone.", "gallstone"),
    # a cancer found then is still followed
    ("HISTORY OF PRESENT ILLNESS: A biopsy on 04/02/2019 found follicular lymphoma.", "follicular lymphoma"),
    # the date dates a test in brackets, and the patient came in with the problem now
    ("HISTORY OF PRESENT ILLNESS: A man with asthma (peak flow 300 on 02/01/2023) who came in with two days of "
     "wheezing.", "wheezing"),
    # the date is not in the story of the illness
    ("HOSPITAL COURSE: On 05/06/2020 she had vomiting.", "vomiting"),
])
def test_a_date_does_not_make_a_current_problem_historical(kb, text, word):
    assert _assertion_of(kb, text, word) == "present"
