"""Clinician control: accept, reject or modify each planned item, always with a reason.

The plan dict (Plan.to_dict) gets an `items` list (one per planned drug) and a `review_log`.
Modifying a drug, dose, frequency or course re-runs the same patient checks the planner uses, and checks the
dose and course against the knowledge base's (above or below its range, longer or shorter than the guideline
course; graded in dose_checks), so an override is never silent: its warnings are attached to the item and to
the log. Every call returns a new dict;
the page saves it with `save_work`, which keeps every version.
"""

from __future__ import annotations

import copy
from datetime import datetime, timezone

from medcore.errors import DomainError
from medcore.therapy import calculators as calc
from medcore.therapy import dose_checks
from medcore.therapy.course import course_days
from medcore.therapy.dosing import FREQ_TEXT, PER_DAY, renal_band, renal_max_daily
from medcore.therapy.issues import Issue
from medcore.therapy.kb import KnowledgeBase, as_jsonable
from medcore.therapy.names import resolve_drug
from medcore.therapy.patient_checks import build_context, drug_issues
from medcore.therapy.profile import Patient

ACTIONS = ("accept", "reject", "modify")


class ReviewError(DomainError):
    pass


def init_items(plan: dict) -> dict:
    plan = copy.deepcopy(plan)
    if plan.get("items") is not None:
        return plan
    chosen = next((o for o in plan.get("options", []) if o["option_id"] == plan.get("chosen")), None)
    items = []
    for i, d in enumerate((chosen or {}).get("doses", [])):
        items.append({"item_id": f"item{i + 1}", "drug_id": d["drug_id"], "drug": d["drug"], "dose": d["dose"],
                      "unit": d["unit"], "frequency": d["frequency"], "frequency_text": d.get("frequency_text", ""),
                      "route": d.get("route", ""), "duration": d.get("duration", ""), "text": d.get("text", ""),
                      "steps": list(d.get("steps", [])), "status": "proposed", "reason": "", "warnings": []})
    plan["items"] = items
    plan["review_log"] = []
    return plan


def _item_text(item: dict) -> str:
    return (f"{item['drug']} {calc.fmt(item['dose'], 4)} {item['unit']} "
            f"{FREQ_TEXT.get(item['frequency'], item['frequency'])}" + (f", {item['route']}" if item.get("route") else "")
            + (f", {item['duration']}" if item.get("duration") else ""))


def apply(kb: KnowledgeBase, plan: dict, patient: Patient, item_id: str, action: str, reason: str, *,
          new_drug: str | None = None, new_dose: float | None = None, new_frequency: str | None = None,
          new_duration: str | None = None, user: str = "local") -> dict:
    if action not in ACTIONS:
        raise ReviewError(f"action {action!r}: choose accept, reject or modify")
    if not reason or not reason.strip():
        raise ReviewError("a reason is required for every accept, reject or modify")
    plan = init_items(plan)
    item = next((i for i in plan["items"] if i["item_id"] == item_id), None)
    if item is None:
        raise ReviewError(f"no item {item_id!r} in this plan")
    before = {k: item.get(k) for k in ("drug_id", "drug", "dose", "unit", "frequency", "duration", "status")}
    warnings: list[Issue] = []
    if action == "modify":
        if new_drug is None and new_dose is None and new_frequency is None and not new_duration:
            raise ReviewError("modify needs a new drug, dose, frequency or duration")
        if new_duration:
            try:
                new_duration = dose_checks.parse_duration(new_duration)
            except ValueError as exc:
                raise ReviewError(str(exc)) from exc
        if new_frequency is not None and new_frequency not in PER_DAY:
            raise ReviewError(f"frequency {new_frequency!r}: choose one of {', '.join(PER_DAY)}")
        if new_dose is not None and not (new_dose > 0):
            raise ReviewError("dose must be a positive number")
        if new_drug:
            r = resolve_drug(kb, new_drug)
            if not r.ok:
                raise ReviewError(r.message(kb))
            if len(r.ids) != 1 or r.id not in kb.drugs:
                raise ReviewError(f"'{new_drug}': the planner has no dosing data for "
                                  f"{' + '.join(kb.drug_name(i) for i in r.ids)}; choose a single drug it can dose")
            drug = kb.drugs[r.id]
            if new_dose is None:
                raise ReviewError(f"give a dose for {kb.drug_name(r.id)} ({drug['unit']})")
            item.update(drug_id=r.id, drug=kb.drug_name(r.id), unit=drug["unit"])
        item["dose"] = float(new_dose) if new_dose is not None else item["dose"]
        item["frequency"] = new_frequency or item["frequency"]
        item["duration"] = new_duration or item.get("duration", "")
        item["frequency_text"] = FREQ_TEXT.get(item["frequency"], item["frequency"])
        item["text"] = _item_text(item)
        item["steps"] = [f"Set by clinician: {item['text']} (reason: {reason.strip()})"]
        route_notes: list[str] = []
        warnings = check_item(kb, patient, item, [i for i in plan["items"] if i is not item],
                              plan.get("condition_id"), route_notes)
        item["route_notes"] = route_notes
    item["status"] = {"accept": "accepted", "reject": "rejected", "modify": "modified"}[action]
    item["reason"] = reason.strip()
    item["warnings"] = [as_jsonable(w) for w in warnings]
    plan["review_log"].append({"ts": datetime.now(timezone.utc).isoformat(timespec="seconds"), "user": user,
                               "item_id": item_id, "action": action, "reason": reason.strip(), "before": before,
                               "after": {k: item.get(k) for k in ("drug_id", "drug", "dose", "unit", "frequency", "duration",
                                                          "status")},
                               "warnings": item["warnings"], "route_notes": list(item.get("route_notes", []))})
    return plan


def check_item(kb: KnowledgeBase, patient: Patient, item: dict, others: list[dict],
               condition_id: str | None = None, route_notes: list[str] | None = None) -> list[Issue]:
    """The planner's checks for a clinician-chosen drug, dose and course (`condition_id`: the plan's condition,
    whose options give the dose range and the guideline course). `route_notes`: gets the pairs with a current
    medicine typed as a skin, eye or ear form that were not raised or were regraded, and why (as the plan shows)."""
    ctx = build_context(kb, patient)[0]
    ctx.med_ids = ctx.med_ids + [o["drug_id"] for o in others if o.get("status") != "rejected"]
    drug = kb.drugs[item["drug_id"]]
    daily = None if item["frequency"] in ("once",) + dose_checks.NOT_COMPARED else \
        item["dose"] * PER_DAY.get(item["frequency"], 1)
    excl, caut, _, factor = drug_issues(ctx, drug, daily, course_days(item.get("duration")), route_notes)
    out = list(excl) + [dose_checks.beers_for_course(drug, item.get("duration"), c)[0] for c, _ in caut]
    out += dose_checks.dose_limits(kb, drug, item)
    out += dose_checks.under_range(kb, patient, ctx.crcl, ctx.egfr, drug, item, condition_id, factor)
    out += dose_checks.course_limits(kb, drug, item, condition_id)
    out += organ_limits(drug, item, ctx.crcl, ctx.egfr, patient.child_pugh)
    return out


def organ_limits(drug: dict, item: dict, crcl: float | None, egfr: float | None, child_pugh: str | None) -> list[Issue]:
    """A clinician's dose against the kidney band and liver class that apply to this patient: above the band's
    dose or daily maximum, more often than its interval, or a drug the band says to avoid."""
    out: list[Issue] = []
    name, unit, freq = item["drug"], item["unit"], item["frequency"]
    per_day = PER_DAY.get(freq, 1)
    band, basis, value = renal_band(drug, crcl, egfr)
    if band:
        src = band.get("source", drug["source"])
        head = f"{name} at {'CrCl' if basis == 'crcl' else 'eGFR'} {calc.fmt(value, 1)} (< {calc.fmt(band['below'])})"
        note = band.get("note", "")
        if band["action"] == "avoid":
            out.append(Issue("contraindicated", "renal", f"{head}: avoid. {note}", src, [drug["id"]]))
        elif band["action"] == "adjust":
            problems = []
            start = bool(band.get("start"))  # the band's dose is a starting dose the label titrates above
            if "dose" in band and not start and item["dose"] > band["dose"] + 1e-9:
                problems.append(f"{calc.fmt(item['dose'])} {unit} per dose is above the renal dose "
                                f"{calc.fmt(band['dose'])} {unit}")
            if "frequency" in band and not start and freq != "once" and \
                    per_day > PER_DAY.get(band["frequency"], 1) + 1e-9:
                problems.append(f"{FREQ_TEXT.get(freq, freq)} is more often than the renal interval "
                                f"({FREQ_TEXT.get(band['frequency'], band['frequency'])})")
            cap = renal_max_daily(drug, band)
            if cap and freq != "once" and item["dose"] * per_day > cap + 1e-6:
                problems.append(f"{calc.fmt(item['dose'] * per_day)} {unit}/day is above the renal maximum "
                                f"{calc.fmt(cap, 4)} {unit}/day")
            if problems:
                out.append(Issue("major", "renal", f"{head}: " + "; ".join(problems) + f". {note}", src, [drug["id"]]))
            elif start and "dose" in band and not band.get("max_daily") and item["dose"] > band["dose"] + 1e-9:
                # above a starting dose with no renal maximum: the label allows it after titration (said, not
                # alarmed); with a stated renal range, a dose inside it needs no note
                out.append(Issue("moderate", "renal", f"{head}: {calc.fmt(item['dose'])} {unit} per dose is above the "
                                 f"renal starting dose {calc.fmt(band['dose'])} {unit}; reach it only by titration. "
                                 f"{note}", src, [drug["id"]]))
        else:
            out.append(Issue("moderate", "renal", f"{head}: {note or 'use with caution'}", src, [drug["id"]]))
    hep = drug.get("hepatic") or {}
    action = hep.get(child_pugh) if child_pugh in ("B", "C") else None
    if action:
        hsrc = hep.get("source", drug["source"])
        head = f"{name} in Child-Pugh {child_pugh}"
        if action == "avoid":
            out.append(Issue("contraindicated", "hepatic", f"{head}: avoid. {hep.get('note', '')}", hsrc, [drug["id"]]))
        elif ("dose" in hep and item["dose"] > hep["dose"] + 1e-9) or (
                hep.get("max_daily") and item["dose"] * per_day > hep["max_daily"] + 1e-9):
            out.append(Issue("major", "hepatic", f"{head}: the dose is above the hepatic limit. {hep.get('note', '')}",
                             hsrc, [drug["id"]]))
    return out
