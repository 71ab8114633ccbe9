"""Medication, allergy and vital shapes, session 14 (issue 11): what a patient tolerates is no allergen, a denied
"X allergy" at the end of a denied list is no allergy, the drugs of a culture's susceptibility report are not
medicines given, a vital labelled with the position it was taken in, and "have been" before a value. Sentences in
our own words."""

import pytest

from medcore.records.pipeline import analyze


def allergies(kb, text):
    return [a.substance for a in analyze(text, kb).extraction.allergies]


def meds(kb, text):
    return [m.name for m in analyze(text, kb).extraction.medications]


def readings(kb, text):
    ex = analyze(text, kb).extraction
    return sorted((x.name, x.value) for x in [*ex.labs, *ex.vitals])


def test_what_is_tolerated_is_no_allergen(kb):
    assert allergies(kb, "ALLERGIES: Aspirin, but she says she can take ibuprofen and naproxen.") == ["aspirin"]
    assert allergies(kb, "ALLERGIES: Codeine; tolerates tramadol.") == ["codeine"]


def test_a_denied_list_that_ends_in_an_allergy(kb):
    assert allergies(kb, "He denies hay fever, eczema, or latex allergy.") == []
    assert allergies(kb, "She has a latex allergy.") == ["latex"]
    assert allergies(kb, "No allergies except a penicillin allergy.") == ["penicillin"]


@pytest.mark.parametrize("text", [
    "The urine culture grew E. coli sensitive to ciprofloxacin and ceftriaxone.",
    "Culture showed Klebsiella, susceptible to cefazolin, gentamicin and ciprofloxacin.",
])
def test_a_susceptibility_report_names_no_medicine(kb, text):
    assert meds(kb, text) == []


def test_a_drug_started_is_still_read(kb):
    assert meds(kb, "He was started on ciprofloxacin for the infection.") == ["ciprofloxacin"]


def test_a_vital_labelled_with_its_position(kb):
    assert readings(kb, "Vital Signs: BP Sitting: 128/76 Resp: 16") == [
        ("blood pressure", "128/76"), ("respiratory rate", "16")]
    assert readings(kb, "Pulse resting 64.") == [("heart rate", "64")]
    assert readings(kb, "P: 2+ bilaterally") == []


def test_have_been_before_a_value(kb):
    assert readings(kb, "His blood sugars have been about 180 at home.") == [("glucose", "180")]


def test_a_drug_the_allergy_section_says_is_taken_is_no_allergen(kb):
    assert allergies(kb, "ALLERGIES: She is allergic to sulfa.  She takes naproxen now and then.") == ["sulfa"]


def test_two_known_words_of_one_allergen_are_one_allergy(kb):
    assert len(allergies(kb, "ALLERGIES: IV contrast dye and shellfish.")) == 2


def test_a_reaction_said_after_the_drug(kb):
    assert allergies(kb, "She stopped the nitrofurantoin due to hives, which settled.") == ["nitrofurantoin"]
    assert allergies(kb, "He was first given moxifloxacin, but had a reaction, and was moved to doxycycline.") == [
        "moxifloxacin"]
    assert allergies(kb, "Lisinopril was stopped due to cough.") == []


def frequencies(kb, text):
    return [(m.name, m.frequency) for m in analyze(text, kb).extraction.medications]


def test_frequency_said_before_the_drug(kb):
    assert frequencies(kb, "She was given a dose of ceftriaxone in the office.") == [("ceftriaxone", "once")]
    assert frequencies(kb, "He may use ibuprofen or Tylenol for the ache.") == [
        ("ibuprofen", "as needed"), ("acetaminophen", "as needed")]
    assert frequencies(kb, "Two days ago she was started on daily 1 g ceftriaxone.") == [("ceftriaxone", "once daily")]


def test_frequency_words_after_the_drug(kb):
    assert frequencies(kb, "She has infliximab every eight weeks.") == [("infliximab", "every 8 weeks")]
    assert frequencies(kb, "He will stay on cephalexin nighttime prophylaxis.") == [("cephalexin", "at bedtime")]


def test_a_drug_held_in_a_relative_clause(kb):
    ex = analyze("Ask rheumatology whether his azathioprine, which we held two days ago, should restart.", kb).extraction
    assert [(m.name, m.status) for m in ex.medications] == [("azathioprine", "stopped")]


def test_a_course_stopped_for_its_reaction_is_also_a_stopped_medicine(kb):
    ex = analyze("She stopped the nitrofurantoin due to hives, which settled.", kb).extraction
    assert [(m.name, m.status) for m in ex.medications] == [("nitrofurantoin", "stopped")]
    assert [a.substance for a in ex.allergies] == ["nitrofurantoin"]


def test_a_denied_list_in_the_allergy_section(kb):
    assert allergies(kb, "ALLERGIES: She denies hay fever, eczema, or latex allergies.") == []
    assert allergies(kb, "ALLERGIES: No known drug allergies. Latex allergy.") == ["Latex"]
