"""Clinician control: accept, reject or modify each planned item, always with a reason.

The plan dict (Plan.to_dict) gets an `items` list (one per planned drug) and a `review_log`.
Modifying a drug re-runs the same patient checks the planner uses, so an override is never
silent: its warnings are attached to the item and to the log. Every call returns a new dict;
the page saves it with `save_work`, which keeps every version.
"""

from __future__ import annotations

import copy
from datetime import datetime, timezone

from medcore.therapy import calculators as calc
from medcore.therapy.dosing import FREQ_TEXT, PER_DAY
from medcore.therapy.issues import Issue
from medcore.therapy.kb import KnowledgeBase, as_jsonable
from medcore.therapy.names import resolve_drug
from medcore.therapy.patient_checks import build_context, drug_issues
from medcore.therapy.profile import Patient

ACTIONS = ("accept", "reject", "modify")


class ReviewError(ValueError):
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
          user: str = "local") -> dict:
    if action not in ACTIONS:
        raise ReviewError(f"action {action!r}: choose accept, reject or modify")
    if not reason or not reason.strip():
        raise ReviewError("a reason is required for every accept, reject or modify")
    plan = init_items(plan)
    item = next((i for i in plan["items"] if i["item_id"] == item_id), None)
    if item is None:
        raise ReviewError(f"no item {item_id!r} in this plan")
    before = {k: item[k] for k in ("drug_id", "drug", "dose", "unit", "frequency", "status")}
    warnings: list[Issue] = []
    if action == "modify":
        if new_drug is None and new_dose is None and new_frequency is None:
            raise ReviewError("modify needs a new drug, dose or frequency")
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
        item["frequency_text"] = FREQ_TEXT.get(item["frequency"], item["frequency"])
        item["text"] = _item_text(item)
        item["steps"] = [f"Set by clinician: {item['text']} (reason: {reason.strip()})"]
        warnings = check_item(kb, patient, item, [i for i in plan["items"] if i is not item])
    item["status"] = {"accept": "accepted", "reject": "rejected", "modify": "modified"}[action]
    item["reason"] = reason.strip()
    item["warnings"] = [as_jsonable(w) for w in warnings]
    plan["review_log"].append({"ts": datetime.now(timezone.utc).isoformat(timespec="seconds"), "user": user,
                               "item_id": item_id, "action": action, "reason": reason.strip(), "before": before,
                               "after": {k: item[k] for k in ("drug_id", "drug", "dose", "unit", "frequency", "status")},
                               "warnings": item["warnings"]})
    return plan


def check_item(kb: KnowledgeBase, patient: Patient, item: dict, others: list[dict]) -> list[Issue]:
    """The planner's checks for a clinician-chosen drug and dose."""
    ctx = build_context(kb, patient)[0]
    ctx.med_ids = ctx.med_ids + [o["drug_id"] for o in others if o.get("status") != "rejected"]
    drug = kb.drugs[item["drug_id"]]
    excl, caut, _, _ = drug_issues(ctx, drug)
    out = list(excl) + [c for c, _ in caut]
    per_day = PER_DAY.get(item["frequency"], 1)
    total = item["dose"] * per_day
    if drug.get("max_dose") and item["dose"] > drug["max_dose"]:
        out.append(Issue("major", "dose", f"{item['drug']}: {calc.fmt(item['dose'])} {item['unit']} is above the maximum "
                         f"single dose {calc.fmt(drug['max_dose'])} {item['unit']}", drug["source"], [drug["id"]]))
    if drug.get("max_daily") and total > drug["max_daily"] + 1e-9 and item["frequency"] != "once":
        out.append(Issue("major", "dose", f"{item['drug']}: {calc.fmt(total)} {item['unit']}/day is above the label maximum "
                         f"{calc.fmt(drug['max_daily'])} {item['unit']}/day", drug["source"], [drug["id"]]))
    return out
