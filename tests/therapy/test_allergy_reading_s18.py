"""Session 18 (issue 13): an allergy typed with its reaction in any common format, with a lead-in, or misspelt is
read as its substance and allergy class; one that still cannot be read is in the plan's `unchecked_allergies`
field and said prominently, never left to a warning's wording."""

import pytest

from medcore.therapy import forms
from medcore.therapy.allergy_text import split_allergy

PATIENT = {"age": 50, "sex": "male", "weight_kg": 72, "scr_mg_dl": 1.0}
PENICILLIN_FORMATS = ["penicillin - hives", "penicillin – rash", "Penicillin — swelling", "Penicillin (anaphylaxis)",
                      "penicillin [rash]", "PCN: hives", "penicilin", "pencillin", "allergic to amoxil",
                      "penicillin -> rash", "penicillin → hives", "penicillin => wheeze", "penicillin causes hives",
                      "amoxicillin gives me a rash", "Amoxil gave me hives", "allergy to penicillin", "PCN allergy",
                      "amoxicillin-rash", "Allergy: penicillin"]


def _penicillins(kb) -> set[str]:
    return {d for d in kb.drugs if kb.drug_info(d).get("allergy_class") == "penicillin"}


@pytest.mark.parametrize("typed", PENICILLIN_FORMATS)
def test_pneumonia_plan_never_proposes_a_penicillin(kb, plan_for, typed):
    pens = _penicillins(kb)
    assert "amoxicillin" in pens
    for allergies in ([typed], typed, [{"substance": typed}]):  # a list, one string, an object
        plan = plan_for({**PATIENT, "allergies": allergies}, "pneumonia")
        chosen = plan.chosen_option()
        assert chosen is not None and not set(chosen.drugs) & pens, (typed, chosen.drugs)
        assert plan.unchecked_allergies == []
        assert any(a["class"] == "penicillin" for a in plan.allergies)


@pytest.mark.parametrize("typed", PENICILLIN_FORMATS)
def test_the_page_form_reads_the_same(kb, plan_for, typed):
    patient = forms.form_to_patient({**forms.FORM_DEFAULTS, "allergies": typed})
    plan = plan_for({**PATIENT, "allergies": patient["allergies"]}, "pneumonia")
    assert not set(plan.chosen_option().drugs) & _penicillins(kb)


@pytest.mark.parametrize("typed, substance, reaction", [
    ("penicillin - hives", "penicillin", "hives"), ("PCN: hives", "PCN", "hives"),
    ("Penicillin (anaphylaxis)", "Penicillin", "anaphylaxis"), ("amoxicillin gives me a rash", "amoxicillin", "a rash"),
    ("allergic to amoxil", "amoxil", ""), ("co-trimoxazole", "co-trimoxazole", ""),
    ("amoxicillin-clavulanate – rash", "amoxicillin-clavulanate", "rash"), ("sulfa causes rash", "sulfa", "rash"),
    ("codeine -> vomiting", "codeine", "vomiting"), ("  ", "", ""),
])
def test_split_allergy(typed, substance, reaction):
    assert split_allergy(typed) == (substance, reaction)


def test_a_severe_reaction_after_a_dash_is_read_as_severe(kb, plan_for):
    plan = plan_for({**PATIENT, "allergies": ["penicillin - anaphylaxis"]}, "pneumonia")
    (a,) = plan.allergies
    assert a["class"] == "penicillin" and a["reaction"] == "anaphylaxis" and a["severe"] and a["reaction_recorded"]


def test_a_misspelt_class_says_how_it_was_read(plan_for):
    plan = plan_for({**PATIENT, "allergies": ["pencillin"]}, "pneumonia")
    assert any("pencillin" in w and "closest spelling" in w for w in plan.input_warnings)


def test_an_unreadable_allergy_is_in_the_structured_field_and_said_prominently(plan_for):
    plan = plan_for({**PATIENT, "allergies": ["qzxvbt - hives", "penicillin (rash)"]}, "pneumonia")
    assert plan.unchecked_allergies == ["qzxvbt (hives)"]
    top = [w for w in plan.warnings if w.kind == "unchecked" and w.severity == "major"]
    assert top and "ALLERGY NOT CHECKED" in top[0].text and "qzxvbt" in top[0].text
    assert "No allergy" not in " ".join(plan.explanation)
    assert "NOT checked" in plan.explanation[0]
    assert plan.to_dict()["unchecked_allergies"] == ["qzxvbt (hives)"]


def test_read_allergies_leave_the_field_empty(plan_for):
    plan = plan_for({**PATIENT, "allergies": ["sulfa - rash", "Augmentin (hives)"]}, "pneumonia")
    assert plan.unchecked_allergies == []


def test_a_dash_between_two_medicines_checks_both(plan_for):
    plan = plan_for({**PATIENT, "allergies": ["Tylenol - codeine"]}, "pneumonia")
    assert {a["drug"] for a in plan.allergies} == {"acetaminophen", "codeine"}
    assert any("checked as a second allergy" in w for w in plan.input_warnings)


def test_a_reaction_is_not_read_as_a_medicine(plan_for):
    plan = plan_for({**PATIENT, "allergies": ["penicillin - hives", "sulfa - other"]}, "pneumonia")
    assert [a["text"] for a in plan.allergies] == ["penicillin", "sulfa"]


@pytest.mark.parametrize("typed", ["flucloxacillin: hives", "piperacillin (rash)", "nafcillin"])
def test_a_penicillin_checked_by_class_only_carries_the_penicillin_allergy_class(plan_for, kb, typed):
    plan = plan_for({**PATIENT, "allergies": [typed]}, "pneumonia")
    assert plan.allergies[0]["class"] == "penicillin"
    assert not set(plan.chosen_option().drugs) & _penicillins(kb)


@pytest.mark.parametrize("typed", ["penicillin, sulfa", "latex, penicillin", "codeine and amoxicillin - rash",
                                   "sulfa; PCN"])
def test_one_line_naming_several_substances_checks_each(plan_for, kb, typed):
    patient = forms.form_to_patient({**forms.FORM_DEFAULTS, "allergies": typed})
    plan = plan_for({**PATIENT, "allergies": patient["allergies"]}, "pneumonia")
    assert not set(plan.chosen_option().drugs) & _penicillins(kb)
    assert any(a["class"] == "penicillin" for a in plan.allergies)
    assert plan.unchecked_allergies == []  # latex is a recorded non-drug allergy since session 19
    assert [a["id"] for a in plan.non_drug_allergies] == (["latex"] if typed.startswith("latex") else [])
