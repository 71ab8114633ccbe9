"""Clinician control (with every version kept), printable outputs and the grounded handout."""

import pytest

from medcore.llm.base import Prompt
from medcore.therapy import handout, render, review
from medcore.therapy.profile import parse_patient

PATIENT = {"age": 40, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0,
           "allergies": [{"substance": "penicillin", "reaction": "anaphylaxis"}]}


@pytest.fixture
def plan(plan_for):
    return plan_for(PATIENT, "cellulitis").to_dict()


def test_accept_reject_modify_need_reasons(kb, plan):
    p, _ = parse_patient(PATIENT)
    with pytest.raises(review.ReviewError, match="reason"):
        review.apply(kb, plan, p, "item1", "accept", "  ")
    d = review.apply(kb, plan, p, "item1", "accept", "agree")
    assert d["items"][0]["status"] == "accepted" and d["review_log"][-1]["reason"] == "agree"
    d = review.apply(kb, d, p, "item1", "modify", "higher dose for severity", new_dose=450)
    assert d["items"][0]["dose"] == 450 and d["items"][0]["status"] == "modified"
    with pytest.raises(review.ReviewError, match="did you mean|unknown"):
        review.apply(kb, d, p, "item1", "modify", "switch", new_drug="qwertycillin", new_dose=500)


def test_override_to_allergic_drug_is_never_silent(kb, plan):
    p, _ = parse_patient(PATIENT)
    d = review.apply(kb, plan, p, "item1", "modify", "clinician choice", new_drug="amoxicillin", new_dose=500,
                     new_frequency="TID")
    warns = d["items"][0]["warnings"]
    assert any(w["kind"] == "allergy" and w["severity"] == "contraindicated" for w in warns)
    assert "allergy" in render.plan_markdown(d)


def test_every_save_is_a_version(kb, plan, store):
    p, _ = parse_patient(PATIENT)
    item = store.save_work("plan", plan, title="cellulitis", reason="generated")
    d = review.apply(kb, plan, p, "item1", "accept", "agree")
    store.save_work("plan", d, item_id=item, reason="accept item1: agree")
    store.add_feedback("therapy", "accept", item_id=item, reason="agree", data={"drug": "clindamycin"})
    assert [v.version for v in store.work_versions(item)] == [1, 2]


def test_markdown_and_pdf(plan):
    md = render.plan_markdown(plan)
    for needle in ("# Treatment plan (draft)", "## Why this option", "## Warnings by severity", "## Monitoring",
                   "clindamycin 300 mg four times daily", "Decision support only"):
        assert needle in md
    pdf = render.plan_pdf(plan)
    assert pdf[:5] == b"%PDF-" and len(pdf) > 1500


class _Backend:
    local = True

    def __init__(self, text):
        self.text, self.name, self.label = text, "fake", "fake model"

    def generate(self, prompt: Prompt, **kw):
        return self.text


def test_handout_template_backend(settings, kb, plan):
    h = handout.make_handout(settings, kb, plan)
    assert h.source == "template" and "clindamycin: 300 mg" in h.text


def test_handout_model_adding_a_drug_falls_back(settings, kb, plan):
    h = handout.make_handout(settings, kb, plan, backend=_Backend("Take clindamycin 300 mg and also ibuprofen 400 mg."))
    assert h.source == "template" and "ibuprofen" in h.note


def test_handout_grounded_model_text_kept(settings, kb, plan):
    h = handout.make_handout(settings, kb, plan, backend=_Backend("Take clindamycin 300 mg four times a day for 5 days."))
    assert h.source == "model" and h.backend == "fake model"
