"""Speed of the literature library and its graph overlay, with a library of N invented papers (default 500) in
a fresh SQLite store: save (with dedupe), list, search, the evidence table with its CSV, reading the overlay
edges from the store, each against the store's own read of every paper item (`list_work`, baseline 1); and
`kg ask` with the overlay against `kg ask` without it (baseline 2), all in the same process.
Prints medians in ms and the ratios to the baselines, as JSON.
Run: python bench/literature_library.py [--papers N] [--repeats R]"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from medcore.benchtime import time_calls  # noqa: E402

DRUGS = [("metformin", "drug:metformin"), ("semaglutide", "drug:semaglutide"), ("sitagliptin", "drug:sitagliptin"),
         ("aspirin", "drug:aspirin"), ("warfarin", "drug:warfarin")]
CONDITIONS = [("type 2 diabetes", "condition:type2_diabetes"), ("hypertension", "condition:hypertension")]


def invented(i: int) -> dict:
    """A reader result of the shape ReadResult.to_dict() gives; no real paper, no real text."""
    drug, cond = DRUGS[i % len(DRUGS)], CONDITIONS[i % len(CONDITIONS)]
    text = f"We randomised {100 + i} adults with {cond[0]} to {drug[0]} or placebo. HbA1c fell (MD -0.{i % 9 + 1})."
    sents = [{"idx": 0, "text": text, "start": 0, "end": len(text), "role": "methods", "role_source": "rules"}]
    return {"paper": {"title": f"Invented trial {i} of {drug[0]} in {cond[0]}", "authors": ["Doe J"], "year": 2000 + i % 25,
                      "journal": "J Bench", "pmid": str(10_000 + i), "doi": "", "text": text, "sentences": sents},
            "design": {"kind": "rct"},
            "pico": {"population": {"n": 100 + i, "conditions": [{"text": cond[0], "concept_id": cond[1]}]},
                     "interventions": [{"text": drug[0], "concept_id": drug[1], "detail": "1 mg"}],
                     "comparators": [{"text": "placebo"}], "outcomes_primary": [{"text": "HbA1c"}]},
            "effects": [{"measure": "MD", "value": -0.1 * (i % 9 + 1), "ci_low": -1.0, "ci_high": -0.05,
                         "ci_level": 95, "p_text": "p=0.01", "outcome": "HbA1c", "sentence_idx": 0}],
            "card": {"conclusion": [{"text": f"{drug[0]} helped.", "sentence_idx": 0}]}}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=20)
    args = ap.parse_args()
    from medcore.config import Settings
    from medcore.knowledge import overlay, service
    from medcore.literature import evidence_table, library
    from medcore.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="medcore-bench-lit-"))
    settings = Settings.load(secrets={}).replace(data_dir=tmp, database_url=f"sqlite:///{tmp / 'bench.db'}")
    store = Store.open(settings)
    papers = [invented(i) for i in range(args.papers)]
    k = iter(range(10**9))
    save = time_calls(lambda: library.save_paper(store, papers[next(k) % len(papers)], user="bench"), args.papers)
    resave = time_calls(lambda: library.save_paper(store, papers[0], user="bench"), args.repeats)  # dedupe path
    edges = overlay.stored_edges(store, user="bench")
    q = "First-line treatment of type 2 diabetes"
    service.ask(settings, q)  # graph and name index loaded before timing
    out = {"papers": args.papers, "overlay_edges": len(edges), "ms": {}, "ratio_to_store_read": {},
           "kg_ask_overlay_ratio": 0.0}
    timings = {
        "store_read_baseline": time_calls(lambda: store.list_work(kind="paper", limit=10**6), args.repeats),
        "save_paper": save, "save_duplicate": resave,
        "list_papers": time_calls(lambda: library.list_papers(store), args.repeats),
        "search_drug": time_calls(lambda: library.search(store, drug="metformin"), args.repeats),
        "search_free_text": time_calls(lambda: library.search(store, "HbA1c placebo"), args.repeats),
        "evidence_table_csv": time_calls(lambda: evidence_table.to_csv(evidence_table.build(store, drug="metformin")),
                                         args.repeats),
        "stored_edges": time_calls(lambda: overlay.stored_edges(store, user="bench"), args.repeats),
        "kg_ask_without_overlay": time_calls(lambda: service.ask(settings, q), args.repeats),
        "kg_ask_with_overlay": time_calls(lambda: service.ask(settings, q, overlay=edges), args.repeats),
    }
    base = timings["store_read_baseline"].median
    for name, t in timings.items():
        out["ms"][name] = round(t.median * 1000, 2)
        if not name.startswith("kg_ask"):
            out["ratio_to_store_read"][name] = round(t.median / base, 2)
    out["kg_ask_overlay_ratio"] = round(timings["kg_ask_with_overlay"].median
                                        / timings["kg_ask_without_overlay"].median, 2)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
