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


def status(kb, text):
    return [(n, s) for n, s, _ in meds(kb, text)]


def test_taken_once_in_the_past_is_not_current(kb):
    assert status(kb, "He was on sotalol in the past.") == [("sotalol", "stopped")]
    assert status(kb, "He was on sotalol when he came in.") == [("sotalol", "")]


def test_no_longer_takes_and_used_to_take(kb):
    assert status(kb, "She no longer takes naproxen.") == [("naproxen", "stopped")]
    assert status(kb, "He used to take propranolol.") == [("propranolol", "stopped")]
    assert status(kb, "She quit taking her sertraline.") == [("sertraline", "stopped")]


def test_not_taking_after_the_name(kb):
    assert status(kb, "Allopurinol - not taking.") == [("allopurinol", "stopped")]
    assert status(kb, "Allopurinol, which was discontinued last spring.") == [("allopurinol", "stopped")]


def test_a_failed_drug_is_not_current(kb):
    assert status(kb, "Pregabalin was ineffective.") == [("pregabalin", "stopped")]
    assert status(kb, "Rosuvastatin caused myalgias.") == [("rosuvastatin", "stopped")]


def test_earlier_medicines_listed_after_an_intro(kb):
    assert status(kb, "Prior medications included lamotrigine and levetiracetam.") == [
        ("lamotrigine", "stopped"), ("levetiracetam", "stopped")]


def test_a_status_said_after_one_drug_is_not_the_next_ones(kb):
    assert status(kb, "Naproxen was stopped and omeprazole was given.") == [("naproxen", "stopped"), ("omeprazole", "")]
    assert status(kb, "Continue naproxen, stop omeprazole.") == [("naproxen", "continued"), ("omeprazole", "stopped")]
