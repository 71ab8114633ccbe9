"""Speed of the batch CLI (`triage --batch IN.jsonl --json`, one process) on the KB's vignettes, with ratios
against baselines run in the same process, so the figures travel between machines:

- `before`: the same batch with the question chooser's arithmetic as it was before session 6 (information gain
  from (conditions x findings) powers and logs on every call, red-flag weights by a Python loop), patched in
  for the run; the ratio before/after is the speed-up of that change on this machine, now;
- `one_embedding`: embedding one short sentence with MiniLM, the unit cost the NLU is built around;
- stages: the NLU read, the posterior and result, and the whole contract per line, each as a share.

Budget: at least 20 vignettes a second on the project's 2-core CPU (issue 12).
Run: MEDCORE_TORCH_THREADS=1 PYTHONPATH=. python bench/bench_triage_batch.py [--repeats 2]"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import time

from tests.triage.direct_formula import direct_gain, direct_red_flags  # the `before` arithmetic


@contextlib.contextmanager
def _before():
    from medcore.triage import engine as bayes

    saved = bayes.information_gain, bayes.serious_red_flag_weight
    bayes.information_gain, bayes.serious_red_flag_weight = direct_gain, direct_red_flags
    try:
        yield
    finally:
        bayes.information_gain, bayes.serious_red_flag_weight = saved


def _batch_rate(engine, lines, repeats: int) -> float:
    from medcore.triage.contract import run_batch

    best = 0.0
    for _ in range(repeats):
        t = time.perf_counter()
        n = run_batch(engine, lines, io.StringIO())["cases"]
        best = max(best, n / (time.perf_counter() - t))
    return best


def run(settings, repeats: int = 2) -> dict:
    from medcore.benchtime import time_calls
    from medcore.triage.evaluate import load_vignettes
    from medcore.triage.service import TriageEngine

    engine = TriageEngine.from_settings(settings)
    vignettes = load_vignettes(settings.kb_dir, engine.kb)
    lines = [json.dumps({"id": v["id"], "text": v["text"], "age": v["age"], "sex": v["sex"]}) for v in vignettes]
    _batch_rate(engine, lines[:64], 1)  # warm the model and the per-KB tables
    after = _batch_rate(engine, lines, repeats)
    with _before():
        before = _batch_rate(engine, lines, repeats)
    out = {"vignettes": len(lines), "conditions": len(engine.kb.conditions),
           "batch_vignettes_per_s": round(after, 1), "before_vignettes_per_s": round(before, 1),
           "ratio_after_to_before": round(after / before, 2), "budget_per_s": 20, "within_budget": after >= 20}
    if engine.embeddings is not None:
        one = time_calls(lambda: engine.embeddings.embed_fn(["my chest feels tight when i walk"]), 20).median
        out["one_embedding_ms"] = round(1000 * one, 2)
        out["ratio_vignette_to_one_embedding"] = round(1 / after / one, 2)
    # stages, line by line (no batched embeddings): where the time of one line goes
    stages = {"read_text": 0.0, "result": 0.0, "triage_one": 0.0}
    from medcore.triage.contract import triage_one

    for v in vignettes:
        t = time.perf_counter()
        _, ex = engine.read_text(v["text"])
        stages["read_text"] += time.perf_counter() - t
        answers = {m.finding_id: "yes" if m.present else "no" for m in (ex.mentions if ex else [])}
        t = time.perf_counter()
        engine.result(answers, v["age"], v["sex"], origin=dict.fromkeys(answers, "text"), finished=True)
        stages["result"] += time.perf_counter() - t
        t = time.perf_counter()
        triage_one(engine, v["text"], v["age"], v["sex"])
        stages["triage_one"] += time.perf_counter() - t
    whole = stages["triage_one"]
    out["line_by_line_ms_per_vignette"] = round(1000 * whole / len(vignettes), 2)
    out["share_of_a_line"] = {k: round(s / whole, 2) for k, s in stages.items() if k != "triage_one"}
    return out


if __name__ == "__main__":
    from medcore.config import Settings
    from medcore.runtime import apply_thread_policy

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    apply_thread_policy(1)
    print(json.dumps(run(Settings.load(), args.repeats), indent=2))
