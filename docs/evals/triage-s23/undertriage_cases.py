"""Which generated emergencies does the engine triage lower (tests/cases/test_undertriage_bound.py), and why:
for each under-triaged one (or those of the conditions named on the command line), the interview with the
patient's answers, the final top five and the level mass.

    nice -n 10 .venv/bin/python docs/evals/triage-s23/undertriage_cases.py [condition_id ...]
"""

from __future__ import annotations

import sys

from medcore.cases.interview import engine_interview, start_answers
from medcore.cases.service import CaseTrainer
from medcore.config import Settings


def main(wanted: set[str]) -> None:
    tr = CaseTrainer.from_settings(Settings.load(secrets={}))
    eng = tr.engine
    n_em = under = 0
    for seed in range(300):
        case = tr.new_case(seed, difficulty="standard")
        if case.triage != "emergency":
            continue
        n_em += 1
        run = engine_interview(eng, case)
        low = run.triage != "emergency"
        under += low
        if not (low or case.condition_id in wanted):
            continue
        print(f"seed {seed} {case.condition_id} {case.age}{case.sex} -> {run.triage} rank {run.rank}")
        opening, _ = start_answers(case)
        print("  opening:", opening)
        print("  asked:", [(q, run.answers.get(q)) for q in run.questions])
        origin = {f: ("text" if f == case.complaint else "answer") for f in opening}
        origin.update({f: "answer" for f in run.answers if f not in origin})
        res = eng.result(run.answers, case.age, case.sex, origin=origin, finished=True)
        print("  top:", [(d.id, round(d.probability, 3), d.triage) for d in res.differential])
        print("  mass:", {k: round(v, 3) for k, v in res.level_mass.items()}, "|", res.triage_reason)
    print(f"emergencies under-triaged {under} of {n_em}")


if __name__ == "__main__":
    main(set(sys.argv[1:]))
