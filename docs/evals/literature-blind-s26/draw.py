"""Draw blind set s26: every PQA-L item still unnamed (the last of the pool) that is a clinical study of people,
in seeded order, printing PMIDs only.

Rule (fixed and committed before any abstract of the pool was read; helper blindlit26, 2026-12-07):
1. Pool: every PQA-L item that no file tracked at base commit 86a94f9d names (every maximal run of 7-8 digits in
   any text file tracked there, the screening lists of earlier draws included). So every item of every annotation
   file in tests/literature/annotations (dev, blind, blind2, blind_s11-s14, blind_s22-s25 and the sentence-role
   files) and every PMID a doc, screening list or test names is out. 26 items are expected to remain.
2. Tiers, matched on the contexts and their section labels (not the title, not the conclusion), lower case:
   tier 1 a trial cue ("trial", "random..."); tier 2 a comparison cue ("versus", "vs", "compared"); tier 3 the rest.
   (Kept from s22-s25 so the order is made the same way; here every item is taken, so tiers set only the order.)
3. Each tier ranked by sha256("20261226:" + pmid) (seed 20261226); tier 1 first, then 2, then 3.
4. Taken in that order, ALL of them (no cap: this set exhausts PQA-L), skipping an item judged on reading to be no
   primary clinical study of people (animal, laboratory or cadaver work, simulation, expert consensus, review,
   meta-analysis, guideline): those judgements are in screening.yaml next to this file (PMID and `none` only).
Run from the repository root: `python docs/evals/literature-blind-s26/draw.py`."""

import hashlib
import json
import re
import subprocess
from pathlib import Path

import yaml

BASE, SEED, TOTAL = "86a94f9d", "20261226", None  # None: no cap, the whole remaining pool
TIER1 = re.compile(r"\btrial|\brandom")
TIER2 = re.compile(r"\bversus\b|\bvs\b|\bcompared\b")
ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout


def _rank(pmid: str) -> str:
    return hashlib.sha256(f"{SEED}:{pmid}".encode()).hexdigest()


def draw(data: dict) -> tuple[list[str], list[list[str]]]:
    """(taken, [tier 1, tier 2, tier 3] each ranked)."""
    # -I: text files only; -h with a tree prints "BASE:match", so the match is after the last colon
    hits = _git("grep", "-I", "-h", "-o", "-E", "[0-9]+", BASE)
    used = {m for m in (line.rsplit(":", 1)[-1] for line in hits.splitlines()) if len(m) in (7, 8)} & set(data)
    pool = sorted((p for p in data if p not in used), key=_rank)
    text = {p: (" ".join(data[p]["CONTEXTS"]) + " " + " ".join(data[p]["LABELS"])).lower() for p in pool}
    tier1 = [p for p in pool if TIER1.search(text[p])]
    tier2 = [p for p in pool if p not in tier1 and TIER2.search(text[p])]
    tier3 = [p for p in pool if p not in tier1 and p not in tier2]
    skipped: set[str] = set()
    screening = HERE / "screening.yaml"
    if screening.is_file():
        skipped = {str(p) for p in (yaml.safe_load(screening.read_text(encoding="utf-8")) or {}).get("none") or []}
    taken = [p for p in tier1 + tier2 + tier3 if p not in skipped][:TOTAL]
    return taken, [tier1, tier2, tier3]


if __name__ == "__main__":
    items = json.loads((ROOT.parent / "shared/data/pubmedqa/pqal_dev.json").read_text(encoding="utf-8"))
    taken, tiers = draw(items)
    print("pool: " + str(sum(map(len, tiers))) + ", tiers: " + ", ".join(str(len(t)) for t in tiers))
    print("taken: " + " ".join(taken))
