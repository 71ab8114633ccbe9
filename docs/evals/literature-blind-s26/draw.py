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
Run from the repository root: `python docs/evals/literature-blind-s26/draw.py` (the draw is
docs/evals/_tools/pqal_draw.py's, one home for every set; this file keeps the rule as it was committed)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
import pqal_draw  # noqa: E402


def draw(data: dict):
    """(taken, tiers): read by tests/literature/_blind_split.check_module_draw."""
    return pqal_draw.draw("blind_s26", data)


if __name__ == "__main__":
    pqal_draw.main("blind_s26")
