"""`python -m medcore eval therapy-blind`: score the planner on the blind set written before the
issue-13 rule changes (docs/evals/planner-blind/blind.yaml; see its header for the expectations).

Pairs: names recognised, recall by expected severity class (contraindicated exactly; major = major or
contraindicated; moderate = any flag from moderate up), 'avoid' carried, false alarms on non-interacting
pairs. Patients: each expected warning on a current medicine present, no warning a case marks `quiet`, and no
dose line of a drug containing a text the blind set forbids (renal caps in titration text). Set B
(docs/evals/planner-blind-b/) adds clinician overrides (the re-check's warnings on the modified item) and renal
cases (every proposable dose of a drug within a daily cap, or the drug not proposed at all); set C pairs with the
daily dose of one drug (dose-dependent severity) and plans dosing a drug above a label limit; set D more pairs; set E
plans that must (or must not) say avoid for one option (`choices:`);
set pgx-blind-s7 gene + genotype + drug cases (`pgx:`, scored in pgx_blind.py); set F typed names with their
expected ingredients (`names:`, scored in names_blind.py).
"""

from __future__ import annotations

import inspect
from pathlib import Path


from medcore import kbyaml
from medcore.therapy import names_blind, pgx_blind, review

from medcore.therapy import interactions as ix
from medcore.therapy.issues import RANK
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.names import resolve_drug
from medcore.therapy.planner import make_plan
from medcore.therapy.profile import parse_patient

DEFAULT = Path(__file__).resolve().parents[2] / "docs" / "evals" / "planner-blind" / "blind.yaml"
_CLASS = {"contraindicated": {"contraindicated"}, "major": {"contraindicated", "major"},
          "moderate": {"contraindicated", "major", "moderate"},
          "minor": {"contraindicated", "major", "moderate", "minor"}}


def load(path: Path = DEFAULT) -> dict:
    if not path.is_file():
        raise FileNotFoundError(f"blind set {path} does not exist")
    return kbyaml.load(path)


def score_pair(kb: KnowledgeBase, case: dict) -> dict:
    # a case may carry only `at_most` (a dose the label allows must not read like one it forbids): no `expect`
    if case.get("expect") and case["expect"] != "none" and case["expect"] not in _CLASS:
        raise ValueError(f"pair {case['drugs']}: expect {case['expect']!r} is not none or one of {', '.join(_CLASS)}")
    res = [resolve_drug(kb, n) for n in case["drugs"]]
    out = {"drugs": case["drugs"], "expect": case["expect"], "known": [r.ok for r in res], "found": None,
           "avoid": False, "ok": False}
    if not all(r.ok for r in res):
        out["ok"] = case["expect"] == "none"  # an unrecognised name cannot alarm, but it is scored under names
        return out
    a_ids, b_ids = res[0].ids, res[1].ids
    # the typed routes also reach rules written for one route (IM olanzapine), as in the checker
    findings = [f for f in ix.check_ids(kb, a_ids + b_ids, case.get("crcl"), routes=ix.typed_routes(res))
                if (f.drug_ids[0] in a_ids) != (f.drug_ids[1] in a_ids) or
                (f.drug_ids[0] in b_ids) != (f.drug_ids[1] in b_ids)]
    if hasattr(ix, "by_route"):  # graded by the routes typed ("hydrocortisone cream"), as the checker shows them
        findings = ix.by_route(kb, findings, ix.typed_routes(res))[0]
    top = min(findings, key=lambda f: RANK[f.severity]) if findings else None
    out["found"] = top.severity if top else None
    out["avoid"] = bool(top and (top.avoid or top.severity == "contraindicated"))
    if case["expect"] == "none":
        out["ok"] = out["found"] not in _CLASS["moderate"]
    else:
        out["ok"] = out["found"] in _CLASS[case["expect"]] and (not case.get("avoid") or out["avoid"])
    return out


def score_patient(kb: KnowledgeBase, case: dict) -> dict:
    p, w = parse_patient(case["patient"])
    plan = make_plan(kb, p, case["condition"], w)
    misses, hits = [], 0

    def names(i, drug: str) -> bool:
        return drug in i.text.lower() or drug in [d.lower() for d in i.drugs]

    for want in case.get("warn", []):
        drug = want["drug"].lower()
        ok = any(i.kind in want["kinds"] and RANK[i.severity] <= RANK[want["min"]] and names(i, drug)
                 for i in plan.warnings)
        hits += ok
        if not ok:
            misses.append(f"no {'/'.join(want['kinds'])} warning >= {want['min']} on {want['drug']}")
    false_alarms = [f"{i.severity} {i.kind}: {i.text}" for q in case.get("quiet", []) for i in plan.warnings
                    if i.kind in q["kinds"] and RANK[i.severity] <= RANK["moderate"] and names(i, q["drug"].lower())]
    violations = []
    for rule in case.get("never", []):
        for o in plan.options:
            if o.excluded:
                continue
            for d in o.doses:
                if d.drug_id != rule["drug"]:
                    continue
                for t in rule["texts"]:
                    if t in d.text():
                        violations.append(f"{o.option_id}: '{t}' in '{d.text()}'")
    return {"id": case["id"], "warn_n": len(case.get("warn", [])), "warn_hit": hits, "misses": misses,
            "quiet_n": len(case.get("quiet", [])), "false_alarms": false_alarms,
            "never_n": sum(len(r["texts"]) for r in case.get("never", [])), "violations": violations,
            "ok": not misses and not violations and not false_alarms}


def score_override(kb: KnowledgeBase, case: dict) -> dict:
    """A clinician modifies item1 of the plan; the re-check's warnings on that item are scored."""
    p, w = parse_patient(case["patient"])
    plan = review.init_items(make_plan(kb, p, case["condition"], w).to_dict())
    m = case["modify"]
    kw = {"new_drug": m.get("drug"), "new_dose": m.get("dose"), "new_frequency": m.get("frequency")}
    out = {"id": case["id"], "expect_n": len(case.get("expect", [])), "expect_hit": 0, "misses": [],
           "quiet_n": len(case.get("quiet", [])), "false_alarms": [], "ok": False}
    if "duration" in m:
        if "new_duration" not in inspect.signature(review.apply).parameters:
            out["misses"].append("the planner takes no duration override")
            return out
        kw["new_duration"] = m["duration"]
    after = review.apply(kb, plan, p, "item1", "modify", "blind set", **kw)
    warnings = after["items"][0]["warnings"]
    for want in case.get("expect", []):
        ok = any(x["kind"] in want["kinds"] and RANK[x["severity"]] <= RANK[want["min"]] for x in warnings)
        out["expect_hit"] += ok
        if not ok:
            out["misses"].append(f"no {'/'.join(want['kinds'])} warning >= {want['min']}")
    out["false_alarms"] = [f"{x['severity']} {x['kind']}: {x['text']}" for q in case.get("quiet", []) for x in warnings
                           if x["kind"] in q["kinds"] and RANK[x["severity"]] <= RANK["moderate"]]
    out["ok"] = not out["misses"] and not out["false_alarms"]
    return out


def score_renal(kb: KnowledgeBase, case: dict) -> dict:
    """Every proposable dose of the drug within the daily cap (or, with `avoid`, the drug not proposed)."""
    p, w = parse_patient(case["patient"])
    plan = make_plan(kb, p, case["condition"], w)
    drug = resolve_drug(kb, case["drug"]).id
    offered = [o for o in plan.options if drug in o.drugs]
    doses = [d for o in offered if not o.excluded for d in o.doses if d.drug_id == drug]
    out = {"id": case["id"], "applicable": bool(offered), "proposed_daily": [d.daily_total for d in doses], "ok": False}
    if case.get("avoid"):
        out["ok"] = not doses
    else:
        out["ok"] = all(d.daily_total is not None and d.daily_total <= case["max_daily"] + 1e-6 for d in doses)
    return out


def score_dose_pair(kb: KnowledgeBase, case: dict) -> dict:
    """Set C: a pair with the daily dose of one drug; the finding's severity within [expect, at_most]."""
    # a case may carry only `at_most` (a dose the label allows must not read like one it forbids): no `expect`
    if case.get("expect") and case["expect"] != "none" and case["expect"] not in _CLASS:
        raise ValueError(f"pair {case['drugs']}: expect {case['expect']!r} is not none or one of {', '.join(_CLASS)}")
    res = [resolve_drug(kb, n) for n in case["drugs"]]
    out = {"drugs": case["drugs"], "doses": case["doses"], "found": None, "avoid": False, "ok": False}
    if not all(r.ok for r in res):
        return out
    doses = {resolve_drug(kb, k).id: float(v) for k, v in case["doses"].items()}
    if "doses" in inspect.signature(ix.pair).parameters:
        f = ix.pair(kb, res[0].id, res[1].id, None, doses=doses)
    else:
        f = ix.pair(kb, res[0].id, res[1].id)
    out["found"] = f.severity if f else None
    out["avoid"] = bool(f and (f.avoid or f.severity == "contraindicated"))
    ok = True
    if case.get("expect"):
        ok = out["found"] in _CLASS[case["expect"]] and (not case.get("avoid") or out["avoid"])
    if case.get("at_most") and out["found"] is not None:
        ok = ok and RANK[out["found"]] >= RANK[case["at_most"]]
    out["ok"] = ok
    return out


def score_planner_dose(kb: KnowledgeBase, case: dict) -> dict:
    """Set C: every proposable option dosing the drug above the limit carries an interaction warning."""
    p, w = parse_patient(case["patient"])
    plan = make_plan(kb, p, case["condition"], w)
    drug = resolve_drug(kb, case["drug"]).id
    over, flagged = [], []
    for o in plan.options:
        if o.excluded:
            continue
        for d in o.doses:
            if d.drug_id == drug and d.daily_total is not None and d.daily_total > case["above"] + 1e-9:
                over.append(o.option_id)
                if any(i.kind == "interaction" and RANK[i.severity] <= RANK[case["min"]] and drug in i.drugs
                       for i in o.cautions + o.exclusions):
                    flagged.append(o.option_id)
    return {"id": case["id"], "options_over_limit": over, "flagged": flagged, "ok": over == flagged}


def score_choice(kb: KnowledgeBase, case: dict) -> dict:
    """Set E: the option giving `avoid_option` carries avoid (or is excluded) and is not recommended while an option
    without that problem is left; the option giving `no_avoid_option` is neither excluded nor marked avoid; `warn`
    as for patients."""
    p, w = parse_patient(case["patient"])
    plan = make_plan(kb, p, case["condition"], w)
    want = case.get("avoid_option") or case.get("no_avoid_option")
    drug = resolve_drug(kb, want).id
    opts = [o for o in plan.options if drug in o.drugs]
    out = {"id": case["id"], "applicable": bool(opts), "chosen": plan.chosen, "misses": [], "ok": False}
    if case.get("avoid_option"):
        for o in opts:
            if not (o.excluded or any(drug in i.drugs for i in o.avoid_with)):
                out["misses"].append(f"{o.option_id}: not marked avoid")
        clean = [o for o in plan.options if not o.excluded and not o.avoid_with]
        if clean and plan.chosen in {o.option_id for o in opts}:
            out["misses"].append(f"{plan.chosen} recommended while {clean[0].option_id} has no such problem")
    else:
        for o in opts:
            if o.excluded or o.avoid_with:
                out["misses"].append(f"{o.option_id}: excluded or marked avoid")
    shown = plan.warnings + [i for o in opts for i in o.cautions + o.exclusions]  # the plan's and this option's
    for wnt in case.get("warn", []):
        name = wnt["drug"].lower()
        if not any(i.kind in wnt["kinds"] and RANK[i.severity] <= RANK[wnt["min"]] and
                   (name in i.text.lower() or name in [d.lower() for d in i.drugs]) for i in shown):
            out["misses"].append(f"no {'/'.join(wnt['kinds'])} warning >= {wnt['min']} on {wnt['drug']}")
    out["ok"] = bool(opts) and not out["misses"]
    return out


def run(kb: KnowledgeBase, path: Path = DEFAULT, errors: bool = False) -> dict:
    data = load(path)
    pairs = [score_pair(kb, c) for c in data.get("pairs", [])]
    patients = [score_patient(kb, c) for c in data.get("patients", [])]
    report: dict = {"blind_set": f"{path.parent.name}/{path.name}", "pairs": len(pairs), "patients": len(patients)}
    report.update(_pair_report(pairs) if pairs else {})
    report["patient_warnings_found"] = f"{sum(p['warn_hit'] for p in patients)}/{sum(p['warn_n'] for p in patients)}"
    report["patient_false_alarms"] = f"{sum(len(p['false_alarms']) for p in patients)}/{sum(p['quiet_n'] for p in patients)}"
    report["renal_cap_text_violations"] = sum(len(p["violations"]) for p in patients)
    report["patients_fully_right"] = f"{sum(p['ok'] for p in patients)}/{len(patients)}"
    overrides = [score_override(kb, c) for c in data.get("overrides", [])]
    if overrides:
        report["override_warnings_found"] = (f"{sum(o['expect_hit'] for o in overrides)}/"
                                             f"{sum(o['expect_n'] for o in overrides)}")
        report["override_false_alarms"] = (f"{sum(bool(o['false_alarms']) for o in overrides)}/"
                                           f"{sum(bool(o['quiet_n']) for o in overrides)}")
        report["overrides_fully_right"] = f"{sum(o['ok'] for o in overrides)}/{len(overrides)}"
    dose_pairs = [score_dose_pair(kb, c) for c in data.get("dose_pairs", [])]
    if dose_pairs:
        report["dose_pairs_right"] = f"{sum(d['ok'] for d in dose_pairs)}/{len(dose_pairs)}"
        raised = [d for d in dose_pairs if d["ok"] is not None and _case_kind(data, d) == "above"]
        report["dose_pairs_above_limit_flagged"] = f"{sum(d['ok'] for d in raised)}/{len(raised)}"
        # the same cases without the `avoid` criterion: flagged major or contraindicated at the dose given
        report["dose_pairs_above_limit_major_or_above"] = (
            f"{sum(d['found'] in _CLASS['major'] for d in raised)}/{len(raised)}")
        report["dose_pairs_within_limit_not_overcalled"] = (
            f"{sum(d['ok'] for d in dose_pairs if _case_kind(data, d) == 'within')}/"
            f"{sum(_case_kind(data, d) == 'within' for d in dose_pairs)}")
    planner_dose = [score_planner_dose(kb, c) for c in data.get("planner_dose", [])]
    if planner_dose:
        app = [x for x in planner_dose if x["options_over_limit"]]
        report["plans_flagging_doses_over_the_limit"] = f"{sum(x['ok'] for x in app)}/{len(app)}"
        report["plans_not_applicable"] = len(planner_dose) - len(app)  # no proposable dose above the limit
    choices = [score_choice(kb, c) for c in data.get("choices", [])]
    if choices:
        report["choices_right"] = f"{sum(c['ok'] for c in choices)}/{len(choices)}"
    renal = [score_renal(kb, c) for c in data.get("renal", [])]
    if renal:
        app = [r for r in renal if r["applicable"]]
        report["renal_cases_within_cap"] = f"{sum(r['ok'] for r in app)}/{len(app)}"
        report["renal_cases_not_applicable"] = len(renal) - len(app)
    if data.get("pgx"):
        report.update(pgx_blind.run(kb, data["pgx"], errors))
    if data.get("names"):
        report.update(names_blind.run(kb, data["names"], errors))
    if errors:
        report["pair_errors"] = [p for p in pairs if not p["ok"]]
        report["patient_errors"] = [p for p in patients if not p["ok"]]
        report["override_errors"] = [o for o in overrides if not o["ok"]]
        report["renal_errors"] = [r for r in renal if not r["ok"]]
        report["renal_not_applicable"] = [r["id"] for r in renal if not r["applicable"]]
        report["dose_pair_errors"] = [d for d in dose_pairs if not d["ok"]]
        report["planner_dose_errors"] = [x for x in planner_dose if not x["ok"]]
        report["choice_errors"] = [c for c in choices if not c["ok"]]
    return report


def _case_kind(data: dict, scored: dict) -> str:
    """'above' for a dose_pairs case that expects a flag of major or more, else 'within'."""
    case = next(c for c in data["dose_pairs"] if c["drugs"] == scored["drugs"] and c["doses"] == scored["doses"])
    return "above" if case.get("expect") in ("major", "contraindicated") else "within"


def _pair_report(pairs: list[dict]) -> dict:
    names = [k for p in pairs for k in p["known"]]
    report: dict = {"names_recognised": round(sum(names) / len(names), 3)}
    for cls in ("contraindicated", "major", "moderate"):
        sel = [p for p in pairs if p["expect"] == cls]
        report[f"{cls}_recall"] = f"{sum(p['ok'] for p in sel)}/{len(sel)}"
    both = [p for p in pairs if p["expect"] in ("contraindicated", "major")]
    report["major_and_contraindicated_flagged_major_or_above"] = (
        f"{sum(p['found'] in _CLASS['major'] for p in both)}/{len(both)}")
    none = [p for p in pairs if p["expect"] == "none"]
    report["false_alarms_on_non_interacting"] = f"{sum(not p['ok'] for p in none)}/{len(none)}"
    return report
