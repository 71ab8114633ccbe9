"""A clinician's override is re-checked against kidney and liver limits and the dose and course ranges; a handout
of an older plan is stale."""

import pytest

from medcore.therapy import handout, review
from medcore.therapy.profile import parse_patient

CRCL_26 = {"age": 75, "sex": "male", "weight_kg": 65, "scr_mg_dl": 2.25}


def _modify(kb, plan_for, patient, **kw):
    p, _ = parse_patient(patient)
    plan = review.init_items(plan_for(patient, "cap").to_dict())
    return plan, review.apply(kb, plan, p, "item1", "modify", "clinician choice", **kw)


def test_levofloxacin_daily_at_crcl_26_warns_with_the_label(kb, plan_for):
    _, after = _modify(kb, plan_for, CRCL_26, new_drug="levofloxacin", new_dose=750, new_frequency="daily")
    [w] = [w for w in after["items"][0]["warnings"] if w["kind"] == "renal"]
    assert w["severity"] == "major" and "every 48 hours" in w["text"] and "Levaquin" in w["source"]
    assert after["review_log"][-1]["warnings"]  # the log keeps what the clinician was told


def test_the_renal_regimen_itself_raises_no_renal_warning(kb, plan_for):
    _, after = _modify(kb, plan_for, CRCL_26, new_drug="levofloxacin", new_dose=750, new_frequency="q48h")
    assert not [w for w in after["items"][0]["warnings"] if w["kind"] == "renal"]


def test_above_the_renal_daily_maximum_and_an_avoid_band(kb):
    drug = kb.drugs["pregabalin"]
    item = {"drug": "pregabalin", "unit": "mg", "dose": 150, "frequency": "BID"}
    [w] = review.organ_limits(drug, item, 22, None, None)
    assert "300 mg/day is above the renal maximum 150 mg/day" in w.text
    assert review.organ_limits(drug, {**item, "dose": 75, "frequency": "daily"}, 22, None, None) == []
    [w] = review.organ_limits(kb.drugs["nitrofurantoin"], {"drug": "nitrofurantoin", "unit": "mg", "dose": 100,
                                                           "frequency": "BID"}, 20, None, None)
    assert w.severity == "contraindicated"


def test_handout_is_stale_after_any_edit(kb, plan_for):
    before, after = _modify(kb, plan_for, CRCL_26, new_dose=1000)
    written = {"text": "...", "plan_key": handout.plan_key(before)}
    assert not handout.is_stale(written, before)
    assert handout.is_stale(written, after)
    assert not handout.is_stale(None, after)


# --- session 6: under-range doses, graded severity of dose and course problems ---------------------------------
ADULT = {"age": 50, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}


def _dose_warnings(after, kind="dose"):
    return [w for w in after["items"][0]["warnings"] if w["kind"] == kind]


def test_an_override_below_the_range_warns_with_the_guideline_source(kb, plan_for):
    _, after = _modify(kb, plan_for, ADULT, new_drug="amoxicillin", new_dose=500, new_frequency="TID")
    [w] = _dose_warnings(after)
    assert w["severity"] == "moderate" and "1500 mg/day is below" in w["text"] and "3000 mg/day" in w["text"]
    assert "CAP" in w["source"]
    _, after = _modify(kb, plan_for, ADULT, new_drug="amoxicillin", new_dose=50, new_frequency="TID")
    assert [w["severity"] for w in _dose_warnings(after)] == ["major"]  # under half of the range
    _, after = _modify(kb, plan_for, ADULT, new_drug="amoxicillin", new_dose=1000, new_frequency="TID")
    assert _dose_warnings(after) == []


def test_a_dose_the_label_lowers_for_this_patient_is_not_under_range(kb, plan_for):
    # levofloxacin 750 mg every 48 hours is the renal regimen at CrCl 26: neither under-range nor a renal warning
    _, after = _modify(kb, plan_for, CRCL_26, new_drug="levofloxacin", new_dose=750, new_frequency="q48h")
    assert _dose_warnings(after) == [] and _dose_warnings(after, "renal") == []
    # apixaban 2.5 mg twice daily meets the label's criteria at 85 years and 55 kg, not at 60 years and 80 kg
    old = {"age": 85, "sex": "female", "weight_kg": 55, "scr_mg_dl": 1.0}
    p, _ = parse_patient(old)
    plan = review.init_items(plan_for(old, "af_anticoagulation").to_dict())
    after = review.apply(kb, plan, p, "item1", "modify", "x", new_drug="apixaban", new_dose=2.5, new_frequency="BID")
    assert _dose_warnings(after) == []
    young = {"age": 60, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}
    p, _ = parse_patient(young)
    plan = review.init_items(plan_for(young, "af_anticoagulation").to_dict())
    after = review.apply(kb, plan, p, "item1", "modify", "x", new_drug="apixaban", new_dose=2.5, new_frequency="BID")
    assert [w["severity"] for w in _dose_warnings(after)] == ["moderate"]


def test_over_range_is_graded_on_the_same_scale():
    from medcore.therapy.dose_checks import grade_above, grade_below, grade_course

    assert [grade_above(r) for r in (1.0, 1.5, 2.0)] == [None, "major", "contraindicated"]
    assert [grade_below(r) for r in (1.0, 0.5, 0.49)] == [None, "moderate", "major"]
    assert [grade_course(r) for r in (1.0, 1.5, 2.0, 0.6, 0.4)] == [None, "moderate", "major", "minor", "moderate"]


def test_twice_the_label_maximum_is_contraindicated(kb, plan_for):
    _, after = _modify(kb, plan_for, ADULT, new_drug="acetaminophen", new_dose=2000, new_frequency="QID")
    [w] = _dose_warnings(after)
    assert w["severity"] == "contraindicated" and "above the label maximum 4000 mg/day" in w["text"]
    _, after = _modify(kb, plan_for, ADULT, new_drug="acetaminophen", new_dose=1500, new_frequency="QID")
    assert [w["severity"] for w in _dose_warnings(after)] == ["major"]


def test_a_course_far_beyond_the_guideline_course_is_graded(kb, plan_for):
    woman = {"age": 30, "sex": "female", "weight_kg": 60, "scr_mg_dl": 0.7}
    p, _ = parse_patient(woman)
    plan = review.init_items(plan_for(woman, "uti_cystitis").to_dict())
    for course, want in (("5 days", []), ("7 days", ["moderate"]), ("30 days", ["major"]), ("2 days", ["moderate"])):
        after = review.apply(kb, plan, p, "item1", "modify", "x", new_drug="nitrofurantoin", new_dose=100,
                             new_frequency="BID", new_duration=course)
        assert [w["severity"] for w in _dose_warnings(after, "duration")] == want, course
    assert after["items"][0]["duration"] == "2 days" and "2 days" in after["items"][0]["text"]
    with pytest.raises(review.ReviewError, match="days, weeks or months"):
        review.apply(kb, plan, p, "item1", "modify", "x", new_duration="until better")


def test_beers_course_rule_is_the_planners_in_the_recheck(kb, plan_for):
    older = {"age": 72, "sex": "female", "weight_kg": 65, "scr_mg_dl": 0.8}
    p, _ = parse_patient(older)
    plan = review.init_items(plan_for(older, "gerd").to_dict())
    kw = {"new_drug": "omeprazole", "new_dose": 20, "new_frequency": "daily"}
    eight = review.apply(kb, plan, p, "item1", "modify", "x", new_duration="8 weeks", **kw)
    assert [w["severity"] for w in _dose_warnings(eight, "beers")] == ["minor"]
    year = review.apply(kb, plan, p, "item1", "modify", "x", new_duration="52 weeks", **kw)
    assert [w["severity"] for w in _dose_warnings(year, "beers")] == ["moderate"]
    assert [w["severity"] for w in _dose_warnings(year, "duration")] == ["major"]


def test_a_dose_from_another_indication_is_only_a_note(kb, plan_for):
    # prednisone is not an option for CAP: a low maintenance dose is compared with its other indications' doses
    # and shown as a minor note, never a graded warning
    _, after = _modify(kb, plan_for, ADULT, new_drug="prednisone", new_dose=1, new_frequency="daily")
    notes = _dose_warnings(after)
    assert notes and all(w["severity"] == "minor" and "has no dose for it" in w["text"] for w in notes)


# --- session 12: the override re-check names the pairs it did not raise for a skin, eye or ear form ----------------

def test_an_override_names_a_pair_not_raised_for_a_cream_with_its_reason_and_source(kb, plan_for):
    patient = {**ADULT, "medications": ["betamethasone valerate cream"]}
    _, after = _modify(kb, plan_for, patient, new_drug="levofloxacin", new_dose=750, new_frequency="daily")
    item = after["items"][0]
    [note] = item["route_notes"]
    assert note.startswith("betamethasone + levofloxacin: not raised") and "applied to the skin" in note
    assert "BNF" in note
    assert not [w for w in item["warnings"] if w["kind"] == "interaction"]  # not raised
    assert after["review_log"][-1]["route_notes"] == [note]  # the log keeps what the clinician was shown
    from medcore.therapy import render
    assert f"considered, not raised (route): {note}" in render.plan_markdown(after)


def test_an_override_keeps_a_label_rule_for_eye_drops_and_says_so(kb, plan_for):
    patient = {**ADULT, "medications": ["timolol eye drops"]}
    _, after = _modify(kb, plan_for, patient, new_drug="verapamil", new_dose=80, new_frequency="TID")
    item = after["items"][0]
    assert any("timolol (ophthalmic) still checked" in n and "Timoptic" in n for n in item["route_notes"])
    assert any(w["kind"] == "interaction" and "timolol" in w["text"] for w in item["warnings"])


def test_an_override_with_systemic_current_medicines_has_no_route_notes(kb, plan_for):
    patient = {**ADULT, "medications": ["betamethasone 1 mg daily"]}
    _, after = _modify(kb, plan_for, patient, new_drug="levofloxacin", new_dose=750, new_frequency="daily")
    item = after["items"][0]
    assert item["route_notes"] == []
    assert any(w["kind"] == "interaction" and "betamethasone" in w["text"] for w in item["warnings"])
