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
Run from the repository root: `python docs/evals/literature-blind-s22/draw.py` (the draw is
docs/evals/_tools/pqal_draw.py's, one home for every set; this file keeps the rule as it was committed)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
import pqal_draw  # noqa: E402


def draw(data: dict):
    """(taken, tiers): read by tests/literature/_blind_split.check_module_draw."""
    return pqal_draw.draw("blind_s22", data)


if __name__ == "__main__":
    pqal_draw.main("blind_s22")
