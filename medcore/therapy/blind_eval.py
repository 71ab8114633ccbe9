"""`python -m medcore eval therapy-blind`: score the planner on the blind set written before the
issue-13 rule changes (docs/evals/planner-blind/blind.yaml; see its header for the expectations).

Pairs: names recognised, recall by expected severity class (contraindicated exactly; major = major or
contraindicated; moderate = any flag from moderate up), 'avoid' carried, false alarms on non-interacting
pairs. Patients: each expected warning on a current medicine present, and no dose line of a drug
containing a text the blind set forbids (renal caps in titration text).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from medcore.therapy import interactions as ix
from medcore.therapy.issues import RANK
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.names import resolve_drug
from medcore.therapy.planner import make_plan
from medcore.therapy.profile import parse_patient

DEFAULT = Path(__file__).resolve().parents[2] / "docs" / "evals" / "planner-blind" / "blind.yaml"
_CLASS = {"contraindicated": {"contraindicated"}, "major": {"contraindicated", "major"},
          "moderate": {"contraindicated", "major", "moderate"}}


def load(path: Path = DEFAULT) -> dict:
    if not path.is_file():
        raise FileNotFoundError(f"blind set {path} does not exist")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score_pair(kb: KnowledgeBase, case: dict) -> dict:
    res = [resolve_drug(kb, n) for n in case["drugs"]]
    out = {"drugs": case["drugs"], "expect": case["expect"], "known": [r.ok for r in res], "found": None,
           "avoid": False, "ok": False}
    if not all(r.ok for r in res):
        out["ok"] = case["expect"] == "none"  # an unrecognised name cannot alarm, but it is scored under names
        return out
    a_ids, b_ids = res[0].ids, res[1].ids
    findings = [f for f in ix.check_ids(kb, a_ids + b_ids, case.get("crcl"))
                if (f.drug_ids[0] in a_ids) != (f.drug_ids[1] in a_ids) or
                (f.drug_ids[0] in b_ids) != (f.drug_ids[1] in b_ids)]
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
    for want in case.get("warn", []):
        drug = want["drug"].lower()
        ok = any(i.kind in want["kinds"] and RANK[i.severity] <= RANK[want["min"]] and
                 (drug in i.text.lower() or drug in [d.lower() for d in i.drugs]) for i in plan.warnings)
        hits += ok
        if not ok:
            misses.append(f"no {'/'.join(want['kinds'])} warning >= {want['min']} on {want['drug']}")
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
            "never_n": sum(len(r["texts"]) for r in case.get("never", [])), "violations": violations,
            "ok": not misses and not violations}


def run(kb: KnowledgeBase, path: Path = DEFAULT, errors: bool = False) -> dict:
    data = load(path)
    pairs = [score_pair(kb, c) for c in data["pairs"]]
    patients = [score_patient(kb, c) for c in data.get("patients", [])]
    names = [k for p in pairs for k in p["known"]]
    report: dict = {"blind_set": str(path.name), "pairs": len(pairs), "patients": len(patients),
                    "names_recognised": round(sum(names) / len(names), 3)}
    for cls in ("contraindicated", "major", "moderate"):
        sel = [p for p in pairs if p["expect"] == cls]
        report[f"{cls}_recall"] = f"{sum(p['ok'] for p in sel)}/{len(sel)}"
    both = [p for p in pairs if p["expect"] in ("contraindicated", "major")]
    report["major_and_contraindicated_flagged_major_or_above"] = (
        f"{sum(p['found'] in _CLASS['major'] for p in both)}/{len(both)}")
    none = [p for p in pairs if p["expect"] == "none"]
    report["false_alarms_on_non_interacting"] = f"{sum(not p['ok'] for p in none)}/{len(none)}"
    report["patient_warnings_found"] = f"{sum(p['warn_hit'] for p in patients)}/{sum(p['warn_n'] for p in patients)}"
    report["renal_cap_text_violations"] = sum(len(p["violations"]) for p in patients)
    report["patients_fully_right"] = f"{sum(p['ok'] for p in patients)}/{len(patients)}"
    if errors:
        report["pair_errors"] = [p for p in pairs if not p["ok"]]
        report["patient_errors"] = [p for p in patients if not p["ok"]]
    return report
