"""Draw blind set s22 (30 PubMedQA PQA-L items chosen for stated outcomes), printing PMIDs only.

Rule (fixed and committed before any abstract of the pool was read; helper blindlit22, 2026-12-06):
1. Pool: every PQA-L item that no file tracked at base commit 0b5173cd names, except the three screening lists of
   the s12/s13/s14 draws (docs/evals/literature-blind-s1[234]/screening.yaml: PMID and a design group only; those
   items were never annotated, scored or shown to the extractor's authors as items). So every item of every
   annotation file in tests/literature/annotations (the extraction sets dev, blind, blind2, blind_s11-s14 and the
   sentence-role files dev-tune, holdout, holdout_b) and every PMID a doc or test names is out: 216 out, 284 in.
2. Tier 1 (a stated-outcome cue): the contexts (not the title or the conclusion) say "primary|secondary|main|
   principal (study) outcome|endpoint" or "outcome measure|variable|parameter", or a section label holds OUTCOME or
   MEASURE. Tier 2: every other pool item whose contexts or labels say outcome, endpoint, random or trial.
   (The pool holds no randomised trial: every trial-cue item was judged observational or none in the s14 screening,
   so the outcome cue is the only lever for outcome gold.)
3. Each tier ranked by sha256("20261222:" + pmid) (seed 20261222); tier 1 first, then tier 2.
4. Taken in that order to 30, skipping an item judged on reading to be no primary clinical study of people (animal,
   laboratory, simulation, review, meta-analysis): those judgements are in screening.yaml (PMID and `none` only).
Run from the repository root: `python docs/evals/literature-blind-s22/draw.py`."""

import hashlib
import json
import re
import subprocess
from pathlib import Path

import yaml

BASE, SEED, TOTAL = "0b5173cd", "20261222", 30
SCREENINGS = tuple(f"docs/evals/literature-blind-s1{k}/screening.yaml" for k in (2, 3, 4))
TIER1 = re.compile(r"\b(primary|secondary|main|principal)( study)? (outcome|end ?point)|\boutcome (measure|variable|parameter)")
TIER2 = re.compile(r"outcome|end ?point|random|trial")
ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout


def _rank(pmid: str) -> str:
    return hashlib.sha256(f"{SEED}:{pmid}".encode()).hexdigest()


def draw(data: dict) -> tuple[list[str], list[str], list[str]]:
    """(taken, tier 1 ranked, tier 2 ranked)."""
    # every maximal run of 7-8 digits in the text files tracked at BASE (one git call: the per-file walk took 30 s)
    files = [f"*{ext}" for ext in (".yaml", ".yml", ".json", ".md", ".txt", ".csv", ".py")]
    hits = _git("grep", "-a", "-h", "-o", "-E", "[0-9]+", BASE, "--", *files, *(f":(exclude){s}" for s in SCREENINGS))
    used = {m for m in (line.rsplit(":", 1)[-1] for line in hits.splitlines()) if len(m) in (7, 8)} & set(data)
    pool = sorted((p for p in data if p not in used), key=_rank)
    contexts = {p: " ".join(data[p]["CONTEXTS"]).lower() for p in pool}
    labels = {p: " ".join(data[p]["LABELS"]).upper() for p in pool}
    tier1 = [p for p in pool if TIER1.search(contexts[p]) or "OUTCOME" in labels[p] or "MEASURE" in labels[p]]
    tier2 = [p for p in pool if p not in tier1 and TIER2.search(contexts[p] + " " + labels[p].lower())]
    skipped: set[str] = set()
    screening = HERE / "screening.yaml"
    if screening.is_file():
        skipped = {str(p) for p in (yaml.safe_load(screening.read_text(encoding="utf-8")) or {}).get("none") or []}
    taken = [p for p in tier1 + tier2 if p not in skipped][:TOTAL]
    return taken, tier1, tier2


if __name__ == "__main__":
    items = json.loads((ROOT.parent / "shared/data/pubmedqa/pqal_dev.json").read_text(encoding="utf-8"))
    taken, t1, t2 = draw(items)
    print(f"tier 1: {len(t1)}, tier 2: {len(t2)}")
    print("taken: " + " ".join(taken))
