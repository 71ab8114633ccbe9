"""A clinician's override is re-checked against kidney and liver limits; a handout of an older plan is stale."""

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
