"""Speed of the health questions: one answer (understanding, triage reading, retrieval, composition; no
language model), and the index build (cold, then from its cache).

Ratios are against a baseline measured in the same process: one pass of the shared terminology matcher over
the same question (the unit cost every answer starts with), so the numbers travel between machines.
Budget on the project's 2-core CPU: an answer within 300 ms at p95; the index build within 10 s.
Run: python -m medcore bench qa   (or python bench/qa_ask.py)"""

from __future__ import annotations

import time

from medcore.benchtime import time_calls

BUDGET_MS = {"answer_p95": 300}
BUDGET_INDEX_S = 10.0
QUESTIONS = [  # hand-written, one per question type and route
    "what is atrial fibrillation", "how is gout treated?", "is shingles contagious", "what are the signs of meningitis",
    "why do people get migraines", "which tests show a urinary tract infection", "can I take ibuprofen with warfarin",
    "what are the side effects of metformin", "what is metformin used for", "is warfarin safe in pregnancy",
    "how can I prevent a migraine", "what is the outlook for psoriasis", "what causes chest pain",
    "I have had crushing chest pain for an hour", "I have had a sore throat and fever for 2 days",
    "how much ibuprofen can I give my 4 year old who weighs 15 kg", "what is the capital of France",
    "What are the symptoms of familial hemiplegic migraine?", "and is it contagious?", "tell me about asthma attacks",
]


def run(settings, repeats: int = 3) -> dict:
    from medcore.qa import retrieve, service

    t0 = time.perf_counter()
    eng = service.engine(settings)
    cold_s = time.perf_counter() - t0
    import tempfile
    from pathlib import Path

    from medcore.embeddings import embed

    retrieve._INDEXES.clear()
    with tempfile.TemporaryDirectory() as tmp:  # cold: BM25 and every page-name vector computed
        t1 = time.perf_counter()
        retrieve.build_index(eng.pages, Path(tmp), embed)
        cold_index_s = time.perf_counter() - t1
    retrieve._INDEXES.clear()  # the index again, from its cache on disk (the page-name vectors)
    t1 = time.perf_counter()
    retrieve.build_index(eng.pages, settings.path("qa", "index"), embed)
    cached_index_s = time.perf_counter() - t1
    qs = iter(QUESTIONS * (repeats + 1))
    baseline = time_calls(lambda: eng.finder.term.match(next(qs)), len(QUESTIONS) * repeats)
    ctx = {"topics": ["condition:shingles"]}
    qs2 = iter(QUESTIONS * (repeats + 1))
    answer = time_calls(lambda: service.ask(settings, next(qs2), ctx, eng=eng), len(QUESTIONS) * repeats)
    base = baseline.median
    p95 = answer.percentile(0.95)
    return {"questions": len(QUESTIONS), "repeats": repeats, "engine_cold_start_s": round(cold_s, 2),
            "index_build_cold_s": round(cold_index_s, 2), "index_build_from_cache_s": round(cached_index_s, 2), "index_within_budget": cached_index_s <= BUDGET_INDEX_S,
            "baseline_match_ms_median": round(1000 * base, 3),
            "answer_ms_median": round(1000 * answer.median, 2), "answer_ms_p95": round(1000 * p95, 2),
            "answer_ratio_to_baseline_median": round(answer.median / base, 1),
            "answer_ratio_to_baseline_p95": round(p95 / base, 1),
            "answer_within_budget": p95 * 1000 <= BUDGET_MS["answer_p95"], "budget_ms": BUDGET_MS}


if __name__ == "__main__":
    import json

    from medcore.config import Settings

    print(json.dumps(run(Settings.load()), indent=2))
