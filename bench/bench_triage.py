"""Speed of one symptom-chat turn: NLU (synonyms + MiniLM for unmatched chunks), posterior,
triage and the next question, without any language model; and of the batch CLI
(`triage --batch IN.jsonl --json`, one process), in vignettes per second.

Ratios are against a baseline measured in the same process: embedding one short sentence with
MiniLM (the unit cost the NLU is built around), so the numbers travel between machines.
Budgets: p95 turn <= 200 ms; batch >= 20 vignettes/s, on the project's 2-core CPU.
Run: python -m medcore bench triage   (or python bench/bench_triage.py)"""

from __future__ import annotations

import time

from medcore.benchtime import percentile, time_calls


def run(settings, repeats: int = 3) -> dict:
    from medcore.triage import chat
    from medcore.triage.evaluate import SimulatedPatient, load_vignettes
    from medcore.triage.service import TriageEngine

    t0 = time.perf_counter()
    engine = TriageEngine.from_settings(settings)
    vignettes = load_vignettes(settings.kb_dir, engine.kb)
    cold_s = time.perf_counter() - t0
    chat.user_message(engine, chat.new_state(), vignettes[0]["text"])  # warm the model
    baseline = None
    if engine.embeddings is not None:
        baseline = time_calls(lambda: engine.embeddings.embed_fn(["my chest feels tight when i walk"]), 30)
    text_turns, answer_turns = [], []
    for _ in range(repeats):
        for v in vignettes:
            state = chat.new_state()
            t = time.perf_counter()
            state = chat.user_message(engine, state, v["text"])
            text_turns.append(time.perf_counter() - t)
            patient = SimulatedPatient(engine, v)
            while state["pending"] and not state["finished"]:
                t = time.perf_counter()
                state = chat.answer(engine, state, patient.answer(state["pending"]["id"]))
                answer_turns.append(time.perf_counter() - t)
    long_text = " ".join(v["text"] for v in vignettes)[:4000]
    long_turns = time_calls(lambda: chat.user_message(engine, chat.new_state(), long_text), 5)
    all_turns = text_turns + answer_turns
    batch_s, batch_n = _batch(engine, vignettes, repeats)
    base = baseline.median if baseline is not None else None
    p95 = percentile(all_turns, 0.95)
    out = {
        "turns": len(all_turns),
        "cold_start_s": round(cold_s, 2),
        "turn_ms_p50": round(1000 * percentile(all_turns, 0.5), 1),
        "turn_ms_p95": round(1000 * p95, 1),
        "text_turn_ms_p95": round(1000 * percentile(text_turns, 0.95), 1),
        "answer_turn_ms_p95": round(1000 * percentile(answer_turns, 0.95), 1) if answer_turns else None,
        "long_4000_char_turn_ms_median": round(1000 * long_turns.median, 1),
        "budget_ms_p95": 200,
        "within_budget": p95 <= 0.200,
        "embeddings": engine.embeddings is not None,
    }
    rate = batch_n / batch_s
    out.update({"batch_vignettes": batch_n, "batch_vignettes_per_s": round(rate, 1), "batch_budget_per_s": 20,
                "batch_within_budget": rate >= 20})
    if base:
        out["ratio_batch_vignette_to_one_embedding"] = round(batch_s / batch_n / base, 2)
    if base:
        out["baseline_embed_one_sentence_ms"] = round(1000 * base, 2)
        out["ratio_p95_turn_to_one_embedding"] = round(p95 / base, 2)
        out["ratio_p50_turn_to_one_embedding"] = round(percentile(all_turns, 0.5) / base, 2)
    return out


def _batch(engine, vignettes, repeats: int) -> tuple[float, int]:
    """The batch CLI's loop over JSON lines (parse, read, triage, write) on the vignettes, timed as a whole."""
    import io
    import json

    from medcore.triage.contract import run_batch

    lines = [json.dumps({"id": v["id"], "text": v["text"], "age": v["age"], "sex": v["sex"]}) for v in vignettes]
    total = n = 0
    for _ in range(repeats):  # separate runs: a repeated text inside one block would be embedded once
        t = time.perf_counter()
        n += run_batch(engine, lines, io.StringIO())["cases"]
        total += time.perf_counter() - t
    return total, n


if __name__ == "__main__":
    import json

    from medcore.config import Settings

    print(json.dumps(run(Settings.load()), indent=2))
