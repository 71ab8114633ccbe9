"""Notes whose line breaks were flattened into commas (as in exported transcription samples): each flattened
break ends a sentence, inline headers start sections, and cue words stay inside their own section. Synthetic."""

from __future__ import annotations

from medcore.records.pipeline import analyze
from medcore.records.text import split_sentences
from tests.records.conftest import problem

FLAT = ("CHIEF COMPLAINT: , Cough for a week.,REVIEW OF SYSTEMS: , No fever or rash.,PAST MEDICAL HISTORY: , "
        "Asthma, gout and pneumonia.,FAMILY HISTORY: , Mother had breast cancer.,SOCIAL HX: , Retired teacher.")


def test_a_comma_after_a_full_stop_or_colon_ends_a_sentence():
    got = [s.text for s in split_sentences("PLAN: , Rest.,EXAM: , Lungs clear. Dr. Ode saw him, e.g. today.")]
    assert got == ["PLAN: ,", "Rest.,", "EXAM: ,", "Lungs clear.", "Dr. Ode saw him, e.g. today."]


def test_ordinary_commas_do_not_split():
    assert len(split_sentences("Aches in the knees, hips, and back, worse at night.")) == 1


def test_inline_headers_start_sections_and_stop_negation(kb):
    a = analyze(FLAT, kb)
    assert problem(a, "fever").assertion == "negated"
    assert problem(a, "asthma").assertion == "present"  # chronic, past history, not negated by "No" before it
    assert problem(a, "asthma").section == "past_medical_history"
    assert problem(a, "pneumonia").assertion == "historical"
    assert problem(a, "breast cancer").assertion == "family"


def test_a_capitalised_subheading_keeps_the_section(kb):
    a = analyze("PHYSICAL EXAMINATION: , Alert.,LUNGS: , Scattered wheezing.", kb)
    assert problem(a, "wheezing").section == "physical_exam"


def test_a_disease_history_heading_is_not_the_past_history(kb):
    a = analyze("CHIEF COMPLAINT: , Nasal blockage.,SINUS HISTORY: , Facial pain began last week.", kb)
    assert problem(a, "facial pain").assertion == "present"


def test_a_lasting_word_makes_a_past_history_condition_present(kb):
    a = analyze("PAST MEDICAL HISTORY: Chronic low back pain. Longstanding neck pain. Appendicitis.", kb)
    assert problem(a, "low back pain").assertion == "present"
    assert problem(a, "neck pain").assertion == "present"
    assert problem(a, "appendicitis").assertion == "historical"


def test_a_closing_quote_after_a_full_stop_ends_the_sentence():
    got = [s.text for s in split_sentences('He answers "I do not know."  Mood "low" today. Dr. Ode agrees.')]
    assert got == ['He answers "I do not know."', 'Mood "low" today.', "Dr. Ode agrees."]


def test_negation_stops_at_other_than_and_at_a_new_subject(kb):
    a = analyze("She voices no concerns other than slight xerostomia. She had no fever and her cough was dry.", kb)
    assert problem(a, "xerostomia").assertion == "present"
    assert problem(a, "fever").assertion == "negated"
    assert problem(a, "cough").assertion == "present"
