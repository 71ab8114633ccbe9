"""Speed and memory of the knowledge layer's terminology: load (cold build and warm cache, each in a fresh
process), `match` on a 1,000-word note (exact path), `search` p95, and the resident memory it adds.

Prints ratios against a baseline measured in the same process: a plain pass over the same note
(lower-casing and splitting into words), so the numbers travel between machines; and ratios against the
budgets (warm load <= 1 s, cold <= 10 s, match <= 100 ms, search p95 <= 50 ms, added RSS <= 300 MB).
Run: python bench/bench_knowledge_match.py [--skip-cold]"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from medcore.benchtime import time_calls  # noqa: E402

BUDGETS = {"load_warm_s": 1.0, "load_cold_s": 10.0, "match_s": 0.1, "search_p95_s": 0.05, "added_rss_mb": 300.0}
QUERIES = ["chest pain", "short of breath", "hypert", "kidney failure", "dyspnoea on exertion", "type 2 diabetes",
           "pulmonary embolism", "haemorrhage", "MI", "heart attack", "copd exacerbation", "urinary tract infection",
           "sickle cell crisis", "fracture of femur", "lower back ache", "rash", "anaemia", "atrial fibrilation",
           "stroke", "cerebral infarction", "itchy skin", "vomiting blood", "polyuria", "pulsatile mass"]


def thousand_word_note() -> str:
    """The shipped sample notes concatenated until 1,000 words (a long discharge summary)."""
    parts, words = [], 0
    for path in sorted((REPO / "assets" / "notes").glob("n*.txt")):
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        words += len(text.split())
        if words >= 1000:
            break
    text = "\n".join(parts)
    tokens = list(re.finditer(r"\S+", text))
    return text[: tokens[999].end()] + "\n"


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


_CHILD = """
import json, sys, time
sys.path.insert(0, {repo!r})
t0 = time.perf_counter()
import numpy, sqlite3, yaml, jsonschema  # the process's own imports, outside the layer's cost
from medcore.config import Settings
from bench.bench_knowledge_match import _rss_mb
rss0 = _rss_mb()
t1 = time.perf_counter()
from medcore.knowledge import load_terminology
term = load_terminology(Settings(data_dir={data!r}, knowledge_cache_dir={cache!r}))
term.match("warm up chest pain")
term.search("chest pain")
t2 = time.perf_counter()
print(json.dumps({{"load_s": t2 - t1, "build_s": term.build_s, "rss_before_mb": rss0, "rss_after_mb": _rss_mb()}}))
"""


def _fresh_process(cache: str, data: str) -> dict:
    code = _CHILD.format(repo=str(REPO), data=data, cache=cache)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(settings=None, repeats: int = 20, skip_cold: bool = False) -> dict:
    from medcore.config import Settings
    from medcore.knowledge import load_terminology

    settings = settings or Settings.load()
    note = thousand_word_note()
    baseline = time_calls(lambda: [w.lower() for w in note.split()], repeats).median
    out: dict = {"note_words": len(note.split()), "baseline_s_median": round(baseline, 6)}

    if not skip_cold:
        with tempfile.TemporaryDirectory() as tmp:
            cold = _fresh_process(str(Path(tmp) / "cache"), tmp)  # empty cache: builds everything
            warm = _fresh_process(str(Path(tmp) / "cache"), tmp)  # same cache, new process
        out["load_cold_s"] = round(cold["load_s"], 2)
        out["build_s"] = round(cold["build_s"] or 0, 2)
        out["load_warm_s"] = round(warm["load_s"], 3)
        out["added_rss_mb"] = round(warm["rss_after_mb"] - warm["rss_before_mb"], 1)
        out["added_rss_mb_cold_process"] = round(cold["rss_after_mb"] - cold["rss_before_mb"], 1)

    t0 = time.perf_counter()
    term = load_terminology(settings)
    out["load_this_process_s"] = round(time.perf_counter() - t0, 3)
    term.match(note)
    term.search("warm up")
    match = time_calls(lambda: term.match(note), repeats)
    n_mentions = len(term.match(note))
    search = time_calls(lambda: [term.search(q, k=10) for q in QUERIES], 1)  # warm the index
    per_query = [t for _ in range(max(1, repeats // 4)) for q in QUERIES
                 for t in time_calls(lambda q=q: term.search(q, k=10), 1).times]
    from medcore.benchtime import percentile

    out.update({
        "match_s_median": round(match.median, 4), "match_s_max": round(match.max, 4), "mentions": n_mentions,
        "search_p95_s": round(percentile(per_query, 0.95), 4), "search_median_s": round(percentile(per_query, 0.5), 4),
        "search_queries": len(per_query), "search_first_pass_s": round(search.median, 3),
    })
    measured = {"load_warm_s": out.get("load_warm_s"), "load_cold_s": out.get("load_cold_s"),
                "match_s": out["match_s_median"], "search_p95_s": out["search_p95_s"],
                "added_rss_mb": out.get("added_rss_mb")}
    out["ratio_vs_baseline"] = {k: round(v / baseline, 1) for k, v in measured.items()
                                if v is not None and k != "added_rss_mb"}
    out["ratio_vs_budget"] = {k: round(v / BUDGETS[k], 3) for k, v in measured.items() if v is not None}
    out["within_budget"] = all(r <= 1.0 for r in out["ratio_vs_budget"].values())
    out["repeats"] = repeats
    return out


if __name__ == "__main__":
    print(json.dumps(run(skip_cold="--skip-cold" in sys.argv), indent=2))
