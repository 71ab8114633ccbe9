"""Every renal dosing rule in the therapy KB x kidney-function bands (issue 13): no dose, plan text or titration
step goes above the rule's kidney maximum for that band, and a clinician override above it is warned. (Whole
plans through the planner, for this adult at each clearance too, are swept in test_renal_caps_conditions.py.)

The kidney maximum is worked out here from the band as the label states it (not read back from the engine):
an explicit `max_daily`; a band fixing dose and interval (not a `start`ing dose) allows that dose at that interval;
a `dose_factor` band allows that fraction of the label maximum daily dose.
"""

import re

import pytest

from medcore.therapy.dosing import PER_DAY, compute_dose, renal_band, renal_max_daily, titration_daily_max
from medcore.therapy.profile import parse_patient
from medcore.therapy.review import organ_limits

CRCLS = (5, 10, 15, 22, 29, 35, 45, 55, 75, 100)
ADULT = {"age": 60, "sex": "male", "weight_kg": 72}
# an amount with how often it is taken, anywhere in a dose line ("150 mg twice daily", "700 mg/day")
_DAILY_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(mg|mcg|g|units?)\s*(/\s*day|per day|a day|once daily|twice daily|"
                           r"three times daily|four times daily|daily|at night)", re.I)
_TIMES = {"/day": 1, "perday": 1, "aday": 1, "oncedaily": 1, "twicedaily": 2, "threetimesdaily": 3,
          "fourtimesdaily": 4, "daily": 1, "atnight": 1}


def kidney_max(drug: dict, band: dict) -> float | None:
    if band.get("max_daily"):
        return float(band["max_daily"])
    if band.get("start"):
        return None
    if "dose" in band and "frequency" in band:
        return band["dose"] * PER_DAY[band["frequency"]]
    if "dose_factor" in band and drug.get("max_daily"):
        return drug["max_daily"] * band["dose_factor"]
    return None


def _over(x: float, cap: float) -> bool:
    return x > cap * (1 + 1e-6) + 1e-9  # q18h totals are rounded to 4 places


def _renal_drugs(kb):
    return sorted((d for d in kb.drugs.values() if d.get("renal")), key=lambda d: d["id"])


def _components(kb):
    for cid, cond in sorted(kb.conditions.items()):
        for opt in cond.get("options", []):
            for comp in opt["components"]:
                if kb.drugs.get(comp["drug"], {}).get("renal"):
                    yield f"{cid}/{opt['id']}/{comp['drug']}", comp


def test_the_sweep_covers_every_renal_rule_and_finds_a_planned_one_for_most(kb):
    drugs = [d for d in kb.drugs.values() if d.get("renal")]
    bands = [b for d in drugs for b in d["renal"]]
    assert len(bands) >= 100, len(bands)
    planned = {c["drug"] for _, c in _components(kb)}
    assert len(planned) >= 40, len(planned)
    # the engine's kidney maximum is the label's, for every band
    for d in drugs:
        for b in d["renal"]:
            want = kidney_max(d, b) if b["action"] == "adjust" else None
            got = renal_max_daily(d, b)
            assert (got is None and want is None) or abs(got - want) < 1e-3, (d["id"], b)


@pytest.mark.parametrize("crcl", CRCLS)
def test_no_planned_dose_or_titration_text_above_the_kidney_maximum(kb, crcl):
    p, _ = parse_patient(ADULT)
    bad = []
    for where, comp in _components(kb):
        drug = kb.drugs[comp["drug"]]
        band, _, _ = renal_band(drug, crcl, crcl)
        res = compute_dose(kb, comp, p, crcl, crcl)
        if band is None or band["action"] == "caution":
            continue
        if band["action"] == "avoid":
            if not res.avoid:
                bad.append(f"{where}: band says avoid below {band['below']}, dose offered: {res.text()}")
            continue
        if res.avoid or res.dose is None:
            continue
        if "dose" in band and not band.get("start") and _over(res.dose, band["dose"]):
            bad.append(f"{where}: {res.dose} {res.unit} per dose above the renal dose {band['dose']}")
        if "frequency" in band and not band.get("start") and res.frequency != "once" \
                and _over(res.per_day, PER_DAY[band["frequency"]]):
            bad.append(f"{where}: {res.frequency} more often than the renal interval {band['frequency']}")
        cap = kidney_max(drug, band)
        if cap is None:
            continue
        if res.frequency != "once" and _over(res.daily_total, cap):
            bad.append(f"{where}: {res.daily_total} {res.unit}/day above the kidney maximum {cap}")
        step = titration_daily_max(res.duration, res.unit, res.per_day) if "titrat" in res.duration.lower() else None
        if step is not None and _over(step, cap):
            bad.append(f"{where}: titration to {step} {res.unit}/day above the kidney maximum {cap}: {res.duration}")
        for m in _DAILY_AMOUNT.finditer(res.text()):
            if m.group(2).lower().rstrip("s") != res.unit.lower().rstrip("s"):
                continue
            daily = float(m.group(1)) * _TIMES[m.group(3).lower().replace(" ", "")]
            if _over(daily, cap):
                bad.append(f"{where}: text offers {m.group(0)} above the kidney maximum {cap}: {res.text()}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("crcl", CRCLS)
def test_an_override_above_the_kidney_maximum_is_warned(kb, crcl):
    missed, checked = [], 0
    for drug in _renal_drugs(kb):
        band, _, _ = renal_band(drug, crcl, crcl)
        if band is None or band["action"] == "caution":
            continue
        item = {"drug": drug["id"], "unit": drug["unit"], "frequency": "daily", "dose": 1.0}
        if band["action"] == "avoid":
            warned = [i for i in organ_limits(drug, item, crcl, crcl, None) if i.kind == "renal"]
            if not any(i.severity == "contraindicated" for i in warned):
                missed.append(f"{drug['id']}: avoid band below {band['below']} not flagged")
            checked += 1
            continue
        cap = kidney_max(drug, band)
        if cap is None:
            continue
        item["dose"] = round(cap * 1.5, 4)  # once daily, half as much again as the kidney maximum
        warned = [i for i in organ_limits(drug, item, crcl, crcl, None) if i.kind == "renal"]
        if not any(i.severity == "major" for i in warned):
            missed.append(f"{drug['id']} {item['dose']} {drug['unit']} daily at {crcl}: no major renal warning")
        checked += 1
    assert not missed, "\n".join(missed)
    assert checked or crcl >= 75


def test_a_titrated_dose_above_a_starting_dose_is_told_not_alarmed(kb):
    """Enalapril at CrCl 22: the label starts at 2.5 mg and titrates to 40 mg/day; 10 mg twice daily is a
    titrated dose (moderate note), 30 mg twice daily is above the label maximum (the drug's own check)."""
    drug = kb.drugs["enalapril"]
    item = {"drug": "enalapril", "unit": "mg", "frequency": "BID", "dose": 10.0}
    warned = organ_limits(drug, item, 22, 22, None)
    assert [i.severity for i in warned] == ["moderate"] and "starting dose 2.5 mg" in warned[0].text


def test_venlafaxine_titration_stops_at_half_the_label_maximum_below_crcl_30(kb, plan_for):
    """The dose_factor band (label: reduce the total daily dose by 50% or more) caps the titration text."""
    p, _ = parse_patient(ADULT)
    comp = next(c for w, c in _components(kb) if w.startswith("migraine_prevention/venlafaxine/"))
    res = compute_dose(kb, comp, p, 22, 22)
    assert "75-150 mg daily" not in res.text()
    assert "renal maximum daily dose of 112.5 mg/day" in res.text()


@pytest.mark.parametrize("crcl,drug,text", [
    (45, "gabapentin", "200 mg twice daily"), (22, "gabapentin", "200 mg once daily"), (10, "gabapentin", "100 mg once daily"),
    (45, "pregabalin", "25 mg three times daily"), (22, "pregabalin", "25 mg once daily"),
    (10, "pregabalin", "25 mg once daily")])
def test_gabapentinoids_start_at_the_label_renal_interval(kb, crcl, drug, text):
    """The labels' renal tables: fewer doses a day as clearance falls (gabapentin twice daily at CrCl 30-59 and once
    daily below 30; pregabalin once daily below 15), starting at the column of the usual starting dose."""
    p, _ = parse_patient(ADULT)
    comp = next(c for w, c in _components(kb) if w.startswith(f"neuropathic_pain/{drug}/"))
    assert compute_dose(kb, comp, p, crcl, crcl).text().startswith(f"{drug} {text}")
