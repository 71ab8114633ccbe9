"""Speed of the case trainer: a new case, one patient answer (free text), and scoring a finished case
(which includes the engine's own interview of the same patient).

Ratios are against a baseline measured in the same process: one posterior of the triage engine over
the whole KB for a case's evidence (the unit cost scoring is built from), so the numbers travel
between machines. Budgets on the project's 2-core CPU: new case <= 200 ms, answer <= 100 ms,
scoring <= 500 ms (medians).
Run: python -m medcore bench case   (or python bench/bench_cases.py)"""

from __future__ import annotations

import time

from medcore.benchtime import time_calls

BUDGET_MS = {"new_case": 200, "answer": 100, "score": 500}
QUESTIONS = ["What brings you in today?", "Do you have a fever?", "Any shortness of breath or chest pain?",
             "How long has this been going on?", "Have you been sick?", "Do you smoke?"]


def run(settings, repeats: int = 30) -> dict:
    from medcore.cases import service
    from medcore.cases.interview import start_answers

    t0 = time.perf_counter()
    tr = service.CaseTrainer.from_settings(settings)
    cold_s = time.perf_counter() - t0
    case = tr.new_case(0)
    answers, origin = start_answers(case)
    answers.update({"fever": "no", "breathless": "no"})
    ev = tr.engine.closure(answers)
    baseline = time_calls(lambda: tr.engine.posterior(ev, case.age, case.sex, {case.complaint}), repeats * 3)

    seeds = iter(range(10**6))
    new_case = time_calls(lambda: tr.new_case(next(seeds)), repeats)
    session = service.new_session(tr, 1)
    qs = iter(QUESTIONS * repeats)
    answer = time_calls(lambda: service.ask(tr, session, next(qs)), repeats)  # ask() copies: session unchanged

    def finished(seed: int) -> dict:
        st = service.new_session(tr, seed)
        for q in QUESTIONS:
            st = service.ask(tr, st, q)
        st = service.examine(tr, st)
        for t in ("fbc", "crp", "ecg"):
            st = service.order(tr, st, t)
        return st

    states = [finished(s) for s in range(repeats)]
    it = iter(states)
    score = time_calls(lambda: service.submit(tr, next(it), tr.kb.conditions[0].id, [], "urgent"), repeats)
    base = baseline.median
    out = {"repeats": repeats, "cold_start_s": round(cold_s, 2), "baseline_posterior_ms": round(1000 * base, 3)}
    for name, t in (("new_case", new_case), ("answer", answer), ("score", score)):
        out[f"{name}_ms_median"] = round(1000 * t.median, 2)
        out[f"{name}_ms_p95"] = round(1000 * t.percentile(0.95), 2)
        out[f"{name}_ratio_to_baseline"] = round(t.median / base, 1)
        out[f"{name}_within_budget"] = t.median * 1000 <= BUDGET_MS[name]
    out["budget_ms"] = BUDGET_MS
    return out


if __name__ == "__main__":
    import json

    from medcore.config import Settings

    print(json.dumps(run(Settings.load()), indent=2))
