"""Triage levels checked against the guideline each condition names (issue 12, session 10; docs/triage_levels.md:
emergency is 'go to an emergency department or call an ambulance now', urgent is 'see a doctor today').
docs/evals/triage-levels-s10/README.md gives each decision and the conditions left as they were."""

from __future__ import annotations

import pytest

# condition -> a guideline its source must name for the emergency level
EMERGENCY_BY_SOURCE = {
    "hip_fracture": "NHS.uk 'Hip fracture'",            # suspected broken hip: call 999 for an ambulance
    "febrile_seizure": "Healthier Together",            # a child's first fit: call an ambulance
    "acute_pancreatitis": "NICE CKS Pancreatitis",      # urgent hospital admission, not delayed by tests
    "orbital_cellulitis": "NICE NG141",                 # refer to hospital if orbital cellulitis is suspected
    "mastoiditis": "NICE NG91",                         # refer to hospital with acute complications
    "complicated_sinusitis": "NICE NG79",               # refer to hospital with orbital/intracranial complications
}


@pytest.mark.parametrize("cid,guideline", sorted(EMERGENCY_BY_SOURCE.items()))
def test_level_follows_the_named_guideline(kb, cid, guideline):
    c = kb.condition(cid)
    assert c.triage == "emergency"
    assert guideline in c.source
    # the advice shown under the emergency heading says so
    assert "now" in c.education["seek_help"]
    assert "see a doctor today" not in c.education["seek_help"].lower()


def test_fall_with_hip_pain_and_cannot_stand_is_an_emergency(lexical_engine):
    res, _ = lexical_engine.one_shot("My grandad slipped on the stairs this morning, his right hip is very painful, "
                                     "he can't get up and that leg looks shorter and turned outwards",
                                     age=88, sex="M")
    assert res.differential[0].id == "hip_fracture"
    assert res.triage == "emergency"


def test_behind_the_ear_swelling_after_ear_infection_is_an_emergency(lexical_engine):
    # (the NLU does not yet read "the area behind his ear is swollen": reported to the NLU's owner)
    res, _ = lexical_engine.one_shot("My 4 year old has had earache for a few days and a temperature, and now there "
                                     "is a sore red swelling behind his ear and the ear is sticking out", age=4, sex="M")
    assert res.differential[0].id == "mastoiditis"
    assert res.triage == "emergency"
