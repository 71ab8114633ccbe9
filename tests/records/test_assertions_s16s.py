"""Issue 11, session 16 (records16s; blind_s16 studied as dev): the plural "deny" negates; a relative who answers
with the patient or is given instructions is no family history; return precautions and a consent list told with
"which included" are hypothetical; "as can be seen with" names a possible cause; "used to smoke" is historical;
aortic stenosis in a past history is chronic. Sentences written for these tests."""

import pytest

from medcore.records.pipeline import analyze


def _read(kb, text):
    return {p.text.lower(): p.assertion for p in analyze(text, kb).extraction.problems}


@pytest.mark.parametrize("text,word", [
    ("Both of them deny fevers this week.", "fevers"),
    ("He and his wife also deny any vomiting.", "vomiting"),
    ("Patient and daughter deny chills or nausea.", "nausea"),
])
def test_plural_deny_negates_and_the_relative_is_not_family_history(kb, text, word):
    assert _read(kb, text)[word] == "negated"


def test_instructed_parents_are_not_family_history(kb):
    got = _read(kb, "The parents were advised to ring us if the child shows lethargy.")
    assert got["lethargy"] != "family", got


def test_a_relatives_own_illness_stays_family(kb):
    assert _read(kb, "His mother had a stroke at sixty.")["stroke"] == "family"


@pytest.mark.parametrize("text,word", [
    ("Told to return to the ER with any swelling or fever.", "fever"),
    ("Risks and benefits were gone over with him, which included infection and bleeding.", "bleeding"),
])
def test_precautions_and_consent_lists_are_not_present(kb, text, word):
    assert _read(kb, text)[word] == "hypothetical"


def test_as_can_be_seen_with_is_a_possible_cause(kb):
    got = _read(kb, "Wide pulmonary trunk, as can be seen with pulmonary hypertension.")
    assert got["pulmonary hypertension"] == "possible"


def test_a_habit_that_stopped_is_historical(kb):
    assert _read(kb, "He used to smoke heavily in the army.")["smoke"] == "historical"


def test_a_drug_used_to_treat_a_condition_leaves_it_present(kb):
    assert _read(kb, "Lisinopril is used to treat his hypertension.")["hypertension"] == "present"


def test_aortic_stenosis_in_a_past_history_is_chronic(kb):
    assert _read(kb, "Past history: severe aortic stenosis.")["aortic stenosis"] == "present"
