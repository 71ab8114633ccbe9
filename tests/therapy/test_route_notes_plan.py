"""A pair not raised because a drug was typed as a skin, eye or ear form is named in the plan with its reason and
source (routes.yaml), as the interaction check names it: the pharmacist sees the pair was considered."""

import json

from medcore.therapy import render

PATIENT = {"age": 60, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}


def test_a_screened_current_medicine_pair_is_noted_in_the_plan_json(plan_for):
    plan = plan_for({**PATIENT, "medications": ["betamethasone valerate cream", "warfarin 5 mg daily"]},
                    "hypertension")
    d = json.loads(json.dumps(plan.to_dict()))
    [note] = [n for n in d["route_notes"] if "warfarin" in n]
    assert "not raised" in note and "applied to the skin" in note and "BNF" in note
    # and it is not raised as an interaction
    assert not any(w["kind"] == "interaction" and "warfarin" in w["text"] for w in d["warnings"])
    md = render.plan_markdown(d)
    assert "Considered, not raised" in md and note in md


def test_no_note_without_a_local_form(plan_for):
    plan = plan_for({**PATIENT, "medications": ["betamethasone", "warfarin 5 mg daily"]}, "hypertension")
    assert plan.route_notes == []
    assert any(w.kind == "interaction" and "warfarin" in w.text for w in plan.warnings)


def test_a_regraded_pair_keeps_its_label_note(plan_for):
    plan = plan_for({**PATIENT, "medications": ["timolol eye drops", "verapamil 80 mg TID"]}, "hypertension")
    assert any("Timoptic" in n and "still checked" in n for n in plan.route_notes)
