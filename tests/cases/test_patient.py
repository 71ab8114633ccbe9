"""The simulated patient answers from the case truth, says when it does not understand, and copes with bad input."""

from __future__ import annotations

import pytest

from medcore.cases.generator import new_case
from medcore.cases.patient import NOT_UNDERSTOOD, ask, ask_finding, opening_statement, question_menu


@pytest.fixture(scope="module")
def mi(ckb):
    case = new_case(ckb, 7, condition="myocardial_infarction")
    assert case.findings["chest_pain"] and not case.findings.get("fever")
    return case


def test_yes_no_and_unknown_follow_the_truth(trainer, mi):
    r = ask(trainer.matcher, mi, "Do you have any chest pain?")
    assert r.kind == "answer" and r.findings == {"chest_pain": "yes"} and r.text.startswith("Yes")
    r = ask(trainer.matcher, mi, "Have you had a fever?")
    assert r.findings == {"fever": "no"} and r.text == "No, no fever."
    r = ask_finding(trainer.kb, mi, "low_oxygen")  # a measurement: the patient cannot know
    assert r.findings == {"low_oxygen": "unknown"} and "don't know" in r.text


def test_several_findings_in_one_question_and_second_person(trainer, mi):
    r = ask(trainer.matcher, mi, "Any fever or vomiting?")
    assert set(r.findings) == {"fever", "vomiting"}
    r = ask(trainer.matcher, mi, "Do you smoke?")
    assert list(r.findings) == ["smoker"]
    assert r.findings["smoker"] == ("yes" if mi.findings.get("smoker") else "no")


def test_intents_age_duration_complaint(trainer, mi, ckb):
    assert ask(trainer.matcher, mi, "How old are you?").text == f"I'm {int(mi.age)}."
    r = ask(trainer.matcher, mi, "How long has this been going on?")
    assert r.text.startswith("It started") and sum(v == "yes" for v in r.findings.values()) == 1
    r = ask(trainer.matcher, mi, "What brings you in today?")
    assert r.text == opening_statement(ckb.triage, mi) and r.findings[mi.complaint] == "yes"
    # the opening says how long ago it started: one duration yes, the others no
    durations = {f: v for f, v in r.findings.items() if f.startswith("duration_")}
    assert len(durations) == 3 and list(durations.values()).count("yes") == 1
    assert all(mi.findings[f] == (v == "yes") for f, v in durations.items())


def test_not_understood_and_bad_input(trainer, mi):
    r = ask(trainer.matcher, mi, "What is the capital of France?")
    assert r.kind == "not_understood" and r.text == NOT_UNDERSTOOD and not r.findings
    assert ask(trainer.matcher, mi, "   ").kind == "empty"
    assert ask(trainer.matcher, mi, None).kind == "empty"
    r = ask(trainer.matcher, mi, b"\xff\xfe fever?")
    assert r.kind == "not_understood" and "UTF-8" in r.text
    r = ask(trainer.matcher, mi, "Do you have a fever? " + "really " * 400)
    assert r.findings == {"fever": "no"} and "long" in r.notes[0]
    assert ask(trainer.matcher, mi, "¿Tiene usted fiebre y dolor de cabeza desde hace días?").kind == "other_language"


def test_child_is_answered_by_a_parent(ckb, trainer):
    case = new_case(ckb, 1, condition="croup")
    assert ask(trainer.matcher, case, "Any fever?").text.startswith("(The parent answers)")
    assert opening_statement(ckb.triage, case).startswith("I've brought my child in because")


def test_question_menu_offers_every_askable_finding(ckb):
    menu = question_menu(ckb.triage)
    ids = {fid for items in menu.values() for fid, _ in items}
    assert "fever" in ids and "low_oxygen" not in ids and "measured" not in menu


@pytest.mark.parametrize("question,finding", [
    ("Does it burn when you pee?", "painful_urination"),  # was read as a burn injury
    ("Does it hurt when you breathe in?", "pleuritic_pain"),
    ("Is one of your legs swollen?", "leg_swelling_one"),
])
def test_lay_question_forms(trainer, mi, question, finding):
    r = ask(trainer.matcher, mi, question)
    assert r.kind == "answer" and finding in r.findings and "burn_injury" not in r.findings


def test_a_patient_who_cannot_speak_is_answered_by_a_companion(ckb, trainer):
    case = next(c for c in (new_case(ckb, s, level="emergency") for s in range(300))
                if c.age >= 12 and c.findings.get("unresponsive"))
    assert opening_statement(trainer.kb, case).startswith("I've come in with them")
    assert ask(trainer.matcher, case, "Any fever?").text.startswith("(The person with them answers)")
    who = "She" if case.sex == "female" else "He"
    assert ask(trainer.matcher, case, "How old are you?").text.endswith(f"{who} is {int(case.age)}.")


def test_opening_reads_as_a_sentence_for_events_and_symptoms(ckb):
    """Only real events take 'I' ('I swallowed ...'); a symptom whose name starts with an -ed word does not."""
    from dataclasses import replace

    base = new_case(ckb, 7, condition="myocardial_infarction")
    for fid, want in (("hearing_loss", "because of muffled hearing"), ("blurred_vision", "because of blurred vision"),
                      ("eye_penetrating_injury", "because of high-speed object"),
                      ("missed_period", "because of missed period"),
                      ("swallowed_battery", "because I swallowed a button battery"),
                      ("missed_meal_insulin", "because I missed a meal"),
                      ("overdose_taken", "because I took too much")):
        assert want in opening_statement(ckb.triage, replace(base, complaint=fid)), fid
