"""Speed of the record summarizer's structured summary (de-identify, sections, extraction,
structured summary; no language model, no embeddings) on a 1,000-word note.

Prints ratios against a baseline measured in the same process: a plain pass over the same text
(lower-casing and splitting into words), so the numbers travel between machines. Budget: <= 1 s
per 1,000-word note.
Run: python -m medcore bench records   (or python bench/bench_records.py)"""

from __future__ import annotations

import json
import re
import time

from medcore.benchtime import time_calls


def thousand_word_note(settings) -> str:
    """Shipped dev notes concatenated until about 1,000 words (a long discharge summary)."""
    from medcore.records.corpus import annotated_notes

    parts, words = [], 0
    notes = annotated_notes(settings, "dev")
    i = 0
    while words < 1000:
        t = notes[i % len(notes)].text
        parts.append(t)
        words += len(t.split())
        i += 1
    text = "\n".join(parts)
    tokens = list(re.finditer(r"\S+", text))
    return text[: tokens[999].end()] + "\n"


def narrative_timing(settings, note: str, repeats: int = 3) -> dict:
    """The extractive narrative on the same note: MiniLM embeddings of the candidate sentences plus
    centrality and the scorer (model load excluded; the embedding cache cleared for every run)."""
    from medcore.embeddings import embed
    from medcore.records import kb as kb_mod
    from medcore.records import narrative as nar
    from medcore.records.pipeline import analyze
    from medcore.records.scorer import active_scorer

    t0 = time.perf_counter()
    embed(["warm up"])
    load_s = time.perf_counter() - t0
    a = analyze(note, kb_mod.load(settings))
    scorer = active_scorer(None, settings)

    def once():
        nar._cache.clear()
        nar.extractive(a, scorer=scorer)

    times = time_calls(once, repeats)
    return {"minilm_load_s": round(load_s, 2), "extractive_narrative_s_median": round(times.median, 3),
            "candidate_sentences": len(nar._cap(a, nar.candidates(a)))}


def run(settings, repeats: int = 20, with_narrative: bool = False) -> dict:
    from medcore.records import kb as kb_mod
    from medcore.records.pipeline import analyze

    t0 = time.perf_counter()
    kb = kb_mod.load(settings)
    note = thousand_word_note(settings)
    analyze(note, kb)  # first call compiles the vocabularies
    cold_s = time.perf_counter() - t0
    baseline = time_calls(lambda: [w.lower() for w in note.split()], repeats)
    times = time_calls(lambda: analyze(note, kb), repeats)
    steps = analyze(note, kb).timings_ms
    med = times.median
    base = baseline.median
    out = {
        "note_words": len(note.split()),
        "structured_summary_s_median": round(med, 4),
        "structured_summary_s_max": round(times.max, 4),
        "budget_s": 1.0,
        "within_budget": med <= 1.0,
        "notes_per_s": round(1.0 / med, 2),
        "first_call_s_including_kb_load": round(cold_s, 3),
        "baseline_s_median": round(base, 6),
        "ratio_vs_baseline": round(med / base, 1),
        "ratio_vs_budget": round(med / 1.0, 4),
        "steps_ms": {k: round(v, 2) for k, v in steps.items()},
        "repeats": repeats,
    }
    if with_narrative:
        out["narrative"] = narrative_timing(settings, note)
    return out


if __name__ == "__main__":
    from medcore.config import Settings

    import sys

    print(json.dumps(run(Settings.load(), with_narrative="--narrative" in sys.argv), indent=2))
