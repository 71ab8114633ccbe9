"""Speed and memory of the knowledge graph.

1. Cold start: a fresh Python process with an empty data folder imports the knowledge layer, builds
   the graph from the KB files (budget: <= 10 s), then the shared terminology's lexicon (kg-core's,
   reported beside it) and the graph's name index.
2. Warm: a second process with the same data folder reads both from their disk caches (budget for
   the graph: <= 1 s), and `load_graph` in a process that already holds the graph.
3. `kg search`: p95 over typed queries. Budget: <= 50 ms.
4. `kg ask`: median and p95 over the seven question forms.
5. Added resident memory of the fresh process (after build, index and one question, minus before
   the import). Budget: <= 300 MB.

Ratios are against baselines measured in the same process: reading the same YAML files with the
same loader (for the build), and a plain substring scan over the same phrase list (for search and
ask), so the numbers travel between machines.
Run: python -m medcore bench kg   (or python bench/bench_knowledge.py)"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from medcore.benchtime import time_calls

BUDGET = {"cold_s": 10.0, "warm_s": 1.0, "search_p95_ms": 50.0, "added_rss_mb": 300.0}
QUERIES = ["chest pain", "Bactrim", "pneumonia", "warfarin", "CYP2C19", "troponin", "headaches", "atrial fib",
           "short of breath", "lisinoprill", "meningitis", "penicillin", "d-dimer", "stiff neck", "uti",
           "kidney infection", "ssri", "clopidogrel", "high blood pressure", "rash"]
QUESTIONS = ["What interacts with Bactrim?", "Which drugs need a dose change when CrCl is below 30?",
             "What are the red flags of meningitis?", "What can cause chest pain?",
             "First-line treatment of community-acquired pneumonia in penicillin allergy",
             "What does CPIC recommend for clopidogrel in CYP2C19 poor metabolizers?",
             "Which tests confirm pulmonary embolism?"]

_CHILD = r"""
import json, os, sys, time
def rss_mb():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
from medcore.config import Settings
settings = Settings.load()
before = rss_mb()
t0 = time.perf_counter()
from medcore.knowledge import service
t1 = time.perf_counter()
kg = service.graph(settings)
t2 = time.perf_counter()
term = service.terminology(settings)
t3 = time.perf_counter()
service.resolver(settings)
t4 = time.perf_counter()
service.ask(settings, "What can cause chest pain?")
print(json.dumps({"import_s": t1 - t0, "graph_s": t2 - t1, "graph_from_cache": kg.from_cache,
                  "terminology_s": t3 - t2, "terminology_built": term is not None and term.build_s is not None,
                  "index_s": t4 - t3, "rss_before_mb": before, "rss_after_mb": rss_mb()}))
"""


def _process(data_dir: str) -> dict:
    import os

    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, MEDCORE_DATA_DIR=data_dir)
    out = subprocess.run([sys.executable, "-c", _CHILD], cwd=root, capture_output=True, text=True, timeout=600,
                         check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(settings, repeats: int = 50) -> dict:
    from medcore.knowledge import service
    from medcore.knowledge.graph import clear_cache, load_graph, load_graph_dir
    from medcore.knowledge.kbfiles import graph_input_files, read_yaml

    with tempfile.TemporaryDirectory(prefix="bench-kg-") as tmp:
        cold = _process(tmp)  # nothing cached: graph and lexicon built
        warm = _process(tmp)  # a new process over the same data folder: both read from disk
    files = graph_input_files(settings.kb_dir)
    yaml_read = time_calls(lambda: [read_yaml(f) for f in files], 5)
    clear_cache()
    t0 = time.perf_counter()
    load_graph_dir(settings.kb_dir)  # a build, no disk cache
    build_s = time.perf_counter() - t0
    kg = load_graph(settings)
    in_process = time_calls(lambda: load_graph(settings), repeats)
    resolver = service.resolver(settings)
    keys = resolver.keys

    def scan(q: str):  # baseline: the plainest search over the same phrases
        q = q.lower()
        return [k for k in keys if q in k]

    qs = iter(QUERIES * repeats)
    search = time_calls(lambda: service.search(settings, next(qs)), len(QUERIES) * repeats)
    qs = iter(QUERIES * repeats)
    base = time_calls(lambda: scan(next(qs)), len(QUERIES) * repeats)
    asks = iter(QUESTIONS * repeats)
    ask = time_calls(lambda: service.ask(settings, next(asks)), len(QUESTIONS) * repeats)
    added = warm["rss_after_mb"] - warm["rss_before_mb"]
    cold_graph = cold["import_s"] + cold["graph_s"]
    out = {
        "nodes": kg.g.number_of_nodes(), "edges": kg.g.number_of_edges(),
        "cold_graph_s": round(cold_graph, 3),
        "cold_terminology_s": round(cold["terminology_s"], 3),
        "cold_index_s": round(cold["index_s"], 3),
        "warm_process_graph_s": round(warm["graph_s"], 3),
        "warm_process_graph_from_disk": warm["graph_from_cache"],
        "warm_process_terminology_s": round(warm["terminology_s"], 3),
        "warm_process_index_s": round(warm["index_s"], 3),
        "import_s": round(warm["import_s"], 3),
        "build_in_process_s": round(build_s, 3),
        "baseline_yaml_read_s": round(yaml_read.median, 3),
        "build_ratio_to_yaml_read": round(build_s / yaml_read.median, 2),
        "in_process_load_ms_median": round(in_process.median * 1000, 3),
        "search_ms_median": round(search.median * 1000, 3),
        "search_ms_p95": round(search.percentile(0.95) * 1000, 3),
        "baseline_scan_ms_median": round(base.median * 1000, 3),
        "search_ratio_to_scan": round(search.median / base.median, 2),
        "ask_ms_median": round(ask.median * 1000, 3),
        "ask_ms_p95": round(ask.percentile(0.95) * 1000, 3),
        "ask_ratio_to_scan": round(ask.median / base.median, 2),
        "added_rss_mb": round(added, 1),
        "budget": BUDGET,
    }
    out["within_budget"] = {
        "cold_s": cold_graph <= BUDGET["cold_s"],
        "warm_s": warm["graph_s"] <= BUDGET["warm_s"] and in_process.median <= BUDGET["warm_s"],
        "search_p95_ms": search.percentile(0.95) * 1000 <= BUDGET["search_p95_ms"],
        "added_rss_mb": added <= BUDGET["added_rss_mb"]}
    return out


if __name__ == "__main__":
    from medcore.config import Settings

    print(json.dumps(run(Settings.load()), indent=2))
