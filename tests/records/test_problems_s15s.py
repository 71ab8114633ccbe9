"""Issue 11, session 15 (records15s, blind_s15 studied as dev): a checklist's minus sign, a diagnosis made later in
the course after a "status post", atherosclerosis in a past history, hyphenated privative words and common short forms
of lung cancer and sweating, and six plainly named problems no term matched. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _found(kb, text, word):
    found = [(c, a) for w, c, a in _problems(kb, text) if w == word]
    assert found, (word, _problems(kb, text))
    return found[0]


def test_minus_sign_checklist_denies_each_item(kb):
    text = "REVIEW OF SYSTEMS: Skin: (-) itching (-) rash. Chest: (-) cough (+) wheezing."
    assert _found(kb, text, "itching")[1] == "negated"
    assert _found(kb, text, "rash")[1] == "negated"
    assert _found(kb, text, "cough")[1] == "negated"
    assert _found(kb, text, "wheezing")[1] == "present"  # the plus sign affirms


def test_minus_sign_opens_a_denied_list(kb):
    text = "General: (-) general complaints such as chills, vomiting, dizziness."
    for word in ("chills", "vomiting", "dizziness"):
        assert _found(kb, text, word)[1] == "negated", word


def test_diagnosis_made_later_is_not_under_status_post(kb):
    text = "She came in status post a fall at home and was subsequently diagnosed with a hip fracture."
    assert [a for w, _c, a in _problems(kb, text) if "fracture" in w] == ["present"]


@pytest.mark.parametrize("word", ["atherosclerotic vascular disease", "generalized atherosclerosis"])
def test_a_chronic_condition_named_bare_in_a_past_history_is_present(kb, word):
    assert _found(kb, f"PAST MEDICAL HISTORY: Notable for {word}.\n", word)[1] == "present"


@pytest.mark.parametrize("text,word,code", [
    ("SOCIAL HISTORY: He is a non-smoker and works nights.", "non-smoker", "Z72.0"),
])
def test_a_hyphenated_privative_word_denies_its_problem(kb, text, word, code):
    assert _found(kb, text, word) == (code, "negated")


@pytest.mark.parametrize("text,word,code", [
    ("Biopsy confirmed non-small cell lung CA in the left lower lobe.", "non-small cell lung ca", "C34.90"),
    ("He wakes with sweats most nights this month.", "sweats", "R61"),
    ("On inspection she looks thin and cachectic.", "cachectic", "R64"),
    ("The infant is teething and chewing on his hands.", "teething", "K00.7"),
    ("Auscultation found egophony over the right base.", "egophony", "R09.89"),
    ("He was brought by ambulance with multiple trauma after a crash.", "multiple trauma", "T07.XXXA"),
    ("Discharge diagnoses: 3. Elevated liver function tests.", "elevated liver function tests", "R94.5"),
    ("Known to have diabetes and atherosclerotic vascular disease.", "atherosclerotic vascular disease", "I70.90"),
])
def test_short_forms_name_their_condition(kb, text, word, code):
    assert _found(kb, text, word)[0] == code
