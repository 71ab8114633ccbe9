"""`python -m medcore eval therapy`: run the annotated cases and score the planner.

Metrics: interaction precision and recall by severity (a predicted pair counts only with the
expected severity), pharmacogenomic action accuracy, dose correctness (drug, amount, unit and
frequency), drug-choice accuracy, and contraindicated proposals (a proposed drug the case marks
as must-not-propose; target zero). Dev and held-out cases are reported separately.
"""

from __future__ import annotations

import time
from pathlib import Path

import jsonschema

from medcore import kbyaml
from medcore.therapy.issues import SEVERITIES
from medcore.therapy.kb import KnowledgeBase, load_kb
from medcore.therapy.pgx import PgxError, lookup
from medcore.therapy.planner import make_plan
from medcore.therapy.profile import parse_patient

CASE_SCHEMA = {
    "type": "object", "required": ["cases"], "additionalProperties": False,
    "properties": {"cases": {"type": "array", "items": {
        "type": "object", "required": ["id", "split", "condition", "patient", "expect"], "additionalProperties": False,
        "properties": {
            "id": {"type": "string"}, "split": {"enum": ["dev", "heldout"]}, "condition": {"type": "string"},
            "patient": {"type": "object"},
            "expect": {"type": "object", "required": ["drug", "interactions"], "additionalProperties": False,
                       "properties": {
                           "drug": {"type": "array", "items": {"type": "string"}},
                           "doses": {"type": "array", "items": {"type": "object", "required": ["drug", "dose", "unit", "frequency"]}},
                           "interactions": {"type": "array", "items": {"type": "object", "required": ["drugs", "severity"]}},
                           "pgx": {"type": "array", "items": {"type": "object", "required": ["drug", "gene", "action"]}},
                           "excluded": {"type": "array", "items": {"type": "string"}}}}}}}},
}
SEV = [s for s in SEVERITIES if s != "info"]


def cases_path(settings) -> Path:
    return Path(settings.kb_dir) / "therapy" / "cases.yaml"


def load_cases(path: Path) -> list[dict]:
    data = kbyaml.load(path)
    jsonschema.validate(data, CASE_SCHEMA)
    return data["cases"]


def _empty():
    return {"n": 0, "choice_ok": 0, "dose_ok": 0, "dose_n": 0, "pgx_ok": 0, "pgx_n": 0, "contra": 0,
            "engine_contra": 0, "sev": {s: {"tp": 0, "fp": 0, "fn": 0} for s in SEV}, "pair_tp": 0, "pair_fp": 0,
            "pair_fn": 0, "ms": []}


def score_case(kb: KnowledgeBase, case: dict, acc: dict, errors: list[str]) -> None:
    e = case["expect"]
    cid = case["id"]
    patient, warnings = parse_patient(case["patient"])
    t = time.perf_counter()
    plan = make_plan(kb, patient, case["condition"], warnings)
    acc["ms"].append((time.perf_counter() - t) * 1000)
    acc["n"] += 1
    ch = plan.chosen_option()
    chosen_drugs = ch.drugs if ch else []
    if (chosen_drugs[:1] and chosen_drugs[0] in e["drug"]) or (not chosen_drugs and not e["drug"]):
        acc["choice_ok"] += 1
    else:
        errors.append(f"{cid}: proposed {chosen_drugs or 'nothing'}, expected one of {e['drug']}")
    if ch and ch.excluded:
        acc["engine_contra"] += 1
    bad = set(chosen_drugs) & set(e.get("excluded", []))
    if bad:
        acc["contra"] += len(bad)
        errors.append(f"{cid}: proposed must-not-propose {sorted(bad)}")
    doses = {d.drug_id: d for d in (ch.doses if ch else [])}
    for want in e.get("doses", []):
        acc["dose_n"] += 1
        got = doses.get(want["drug"])
        if got and got.dose is not None and abs(got.dose - want["dose"]) < 1e-6 and got.unit == want["unit"] \
                and got.frequency == want["frequency"]:
            acc["dose_ok"] += 1
        else:
            errors.append(f"{cid}: dose {want['drug']} expected {want['dose']} {want['unit']} {want['frequency']}, got "
                          + (f"{got.dose} {got.unit} {got.frequency}" if got else "no such drug proposed"))
    pred = {frozenset(f.drug_ids): f.severity for f in plan.interactions}
    exp = {frozenset(x["drugs"]): x["severity"] for x in e["interactions"]}
    for pair, sev in pred.items():
        if exp.get(pair) == sev:
            acc["sev"][sev]["tp"] += 1
        else:
            acc["sev"][sev]["fp"] += 1
            errors.append(f"{cid}: unexpected interaction {sorted(pair)} {sev} (expected {exp.get(pair, 'none')})")
        if pair in exp:
            acc["pair_tp"] += 1
        else:
            acc["pair_fp"] += 1
    for pair, sev in exp.items():
        if pred.get(pair) != sev:
            acc["sev"][sev]["fn"] += 1
            if pair not in pred:
                errors.append(f"{cid}: missed interaction {sorted(pair)} {sev}")
        if pair not in pred:
            acc["pair_fn"] += 1
    for want in e.get("pgx", []):
        acc["pgx_n"] += 1
        gene = want["gene"]
        value = next((v for k, v in patient.genotypes.items() if k.upper() == gene.upper()), None)
        try:
            got = lookup(kb, want["drug"], gene, value or "").action if value else None
        except PgxError as exc:
            got = f"error: {exc}"
        if got == want["action"]:
            acc["pgx_ok"] += 1
        else:
            errors.append(f"{cid}: PGx {want['drug']}/{gene} expected {want['action']}, got {got}")


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summarise(acc: dict) -> dict:
    by_sev = {}
    for s, c in acc["sev"].items():
        by_sev[s] = {"precision": _ratio(c["tp"], c["tp"] + c["fp"]), "recall": _ratio(c["tp"], c["tp"] + c["fn"]),
                     **c}
    ms = sorted(acc["ms"]) or [0.0]
    return {
        "cases": acc["n"],
        "drug_choice_accuracy": _ratio(acc["choice_ok"], acc["n"]),
        "dose_correct": _ratio(acc["dose_ok"], acc["dose_n"]), "doses_checked": acc["dose_n"],
        "pgx_action_accuracy": _ratio(acc["pgx_ok"], acc["pgx_n"]), "pgx_checked": acc["pgx_n"],
        "contraindicated_proposals": acc["contra"], "engine_excluded_but_proposed": acc["engine_contra"],
        "interaction_by_severity": by_sev,
        "interaction_pairs": {"precision": _ratio(acc["pair_tp"], acc["pair_tp"] + acc["pair_fp"]),
                              "recall": _ratio(acc["pair_tp"], acc["pair_tp"] + acc["pair_fn"]),
                              "tp": acc["pair_tp"], "fp": acc["pair_fp"], "fn": acc["pair_fn"]},
        "plan_ms_median": round(ms[len(ms) // 2], 2), "plan_ms_max": round(ms[-1], 2),
    }


def run_eval(settings, split: str = "all", errors: bool = False, kb: KnowledgeBase | None = None) -> dict:
    kb = kb or load_kb(settings)
    cases = load_cases(cases_path(settings))
    out: dict = {"kb": kb.counts()}
    splits = ["dev", "heldout"] if split == "all" else [split]
    total = _empty()
    all_errors: dict[str, list[str]] = {}
    for sp in splits:
        acc = _empty()
        errs: list[str] = []
        for case in (c for c in cases if c["split"] == sp):
            score_case(kb, case, acc, errs)
            score_case(kb, case, total, [])
        out[sp] = summarise(acc)
        all_errors[sp] = errs
    if split == "all":
        out["all"] = summarise(total)
    if errors:
        out["errors"] = all_errors
    return out
