"""Medication status from context, session 12 (issue 11): a plan's modal stop, an adverse effect that ended a
course, a plan that stops a listed drug, a head noun that points back to a drug. Sentences in our own words."""

from medcore.records.pipeline import analyze


def meds(kb, text):
    return [(m.name, m.status, m.section) for m in analyze(text, kb).extraction.medications]


def test_a_modal_stop_in_the_plan_is_a_stop(kb):
    out = meds(kb, "Plan: Apixaban should be held until the bleeding settles.")
    assert [(n, s) for n, s, _ in out] == [("apixaban", "stopped")]


def test_a_modal_stop_ends_the_earlier_mentions(kb):
    out = meds(kb, "He takes apixaban for atrial fibrillation. We discussed apixaban and the bleeding risk. "
                   "Plan: apixaban needs to be stopped while we look for the source.")
    assert [s for _, s, _ in out] == ["stopped"] * 3


def test_a_drug_that_was_causing_a_reaction_is_given_up(kb):
    out = meds(kb, "She was first given tramadol. A week later she was switched to naproxen because tramadol was "
                   "causing severe nausea.")
    assert [(n, s) for n, s, _ in out if n == "tramadol"] == [("tramadol", "stopped")] * 2


def test_a_drug_that_causes_nothing_stays_current(kb):
    out = meds(kb, "She was given tramadol, which was causing no problems at all.")
    assert [(n, s) for n, s, _ in out] == [("tramadol", "")]


def test_a_plan_that_stops_a_listed_drug_takes_it_off_the_list(kb):
    out = meds(kb, "MEDICATIONS:\n1. Aspirin 81 mg daily.\n2. Atorvastatin 20 mg nightly.\n\n"
                   "ASSESSMENT AND PLAN:\nWe will discontinue aspirin for the time being.")
    listed = [(n, s) for n, s, sec in out if sec == "medications"]
    assert listed == [("aspirin", "stopped"), ("atorvastatin", "")]


def test_a_history_stop_does_not_undo_the_list(kb):
    out = meds(kb, "HISTORY OF PRESENT ILLNESS:\nShe had stopped aspirin last year for bruising.\n\n"
                   "MEDICATIONS:\n1. Aspirin 81 mg daily.")
    assert [(n, s) for n, s, sec in out if sec == "medications"] == [("aspirin", "")]


def test_a_head_noun_points_back_to_the_drug(kb):
    out = meds(kb, "HOSPITAL COURSE:\nHe was put on IV fluids at first. By the second day the fluids were "
                   "discontinued and he was eating.")
    assert out and all(s == "stopped" for _, s, _ in out)


def test_an_allergen_is_never_a_current_medication(kb):
    out = meds(kb, "ALLERGIES: Keflex (hives).\n\nHISTORY: He took cephalexin last year for cellulitis. He now takes "
                   "doxycycline.")
    assert [(n, s) for n, s, _ in out] == [("cephalexin", "stopped"), ("doxycycline", "")]


def test_an_intolerance_leaves_the_drug_as_written(kb):
    out = meds(kb, "She is intolerant of codeine. She takes codeine linctus at night.")
    assert [(n, s) for n, s, _ in out] == [("codeine", "")]
