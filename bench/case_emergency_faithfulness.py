"""Why generated emergencies are under-triaged: one row per emergency case, and how often a condition's
independent finding draws carry no emergency feature (docs/evals/cases-undertriage-s9).

    MEDCORE_LLM_BACKEND=template python bench/case_emergency_faithfulness.py [--n 300] [--seed0 0] [--draws 200]

Per emergency case: the engine's interview triage, the emergency features present (the condition's own red flags
and the emergency rules that fire on the truth), the triage the engine gives the whole truth at once (all that
the patient could tell; no measurements), and whether the triage NLU reads the opening statement as told.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def cases(tr, n: int, seed0: int) -> list[dict]:
    from medcore.cases.generator import emergency_features
    from medcore.cases.interview import engine_interview
    from medcore.cases.patient import opening_findings, opening_statement
    from medcore.triage import nlu

    kb, engine, rows = tr.kb, tr.engine, []
    for seed in range(seed0, seed0 + n):
        case = tr.new_case(seed)
        if case.triage != "emergency":
            continue
        c = kb.condition(case.condition_id)
        run = engine_interview(engine, case)
        told = {f: ("yes" if v else "no") for f, v in case.findings.items() if kb.finding(f).category != "measured"}
        origin = {f: ("text" if f == case.complaint else "answer") for f in told}
        full = engine.result(told, case.age, case.sex, origin=origin, finished=True).triage
        read = {m.finding_id for m in nlu.extract(opening_statement(kb, case), tr.matcher.lexicon).mentions
                if m.present}
        rows.append({"seed": seed, "condition": c.id, "engine": run.triage, "full_truth": full,
                     "features": emergency_features(kb, c, case.findings),
                     "opening_read": all(f in read for f, v in opening_findings(case).items() if v == "yes")})
    return rows


def unfaithful_first_draws(ckb, draws: int) -> list[tuple[float, str]]:
    """Share of plain independent draws (the generator before conditioning) with no emergency feature."""
    from medcore.cases import generator as g

    out = []
    for c in ckb.triage.conditions:
        if c.triage != "emergency":
            continue
        miss = 0
        for s in range(draws):
            rng = np.random.default_rng([s, 7])
            age, sex = g._demographics(ckb, c, rng)
            f = g._sample_findings(ckb, c, age, sex, 1.0, rng)
            g._close(ckb, f)
            miss += not g.emergency_features(ckb.triage, c, f)
        out.append((round(miss / draws, 3), c.id))
    return sorted(out, reverse=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed0", type=int, default=0)
    ap.add_argument("--draws", type=int, default=200, help="first draws per emergency condition (0: skip)")
    args = ap.parse_args()
    from medcore.cases.service import CaseTrainer
    from medcore.config import Settings

    tr = CaseTrainer.from_settings(Settings.load())
    rows = cases(tr, args.n, args.seed0)
    out = {"emergency_cases": len(rows), "under_triaged": [r for r in rows if r["engine"] != "emergency"],
           "without_feature": sum(not r["features"] for r in rows),
           "opening_not_read": [r["seed"] for r in rows if not r["opening_read"]]}
    if args.draws:
        first = unfaithful_first_draws(tr.ckb, args.draws)
        out["first_draws_without_feature_mean"] = round(sum(p for p, _ in first) / len(first), 3)
        out["first_draws_without_feature_top"] = first[:10]
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
