"""Draw blind set s14 (20 PubMedQA PQA-L items, stratified: trials first, then comparative, then observational),
printing PMIDs only.

Rule (fixed and committed before any abstract of the pool was read):
1. Pool: every PQA-L item that no file tracked at base commit 52d9e66 names, except the two screening lists of the
   earlier draws (docs/evals/literature-blind-s12/ and -s13/screening.yaml: PMID and group only; those items were
   never annotated, scored or shown to the extractor's authors as items). So every item of every annotation file
   (extraction sets, sentence-role dev-tune and holdout files) and every PMID named in a doc or test is out.
   Frozen at that commit, so the draw gives the same answer after this set is committed.
2. Rank the pool by sha256("20261214:" + pmid) (seed 20261214).
3. Stage 1: every pool item with a trial cue (`random` or `trial` in its text) is judged by hand, since trials are
   the rare stratum; stage 2: the first PREFIX ranked pool items are judged (those not judged in stage 1). Groups:
   drug_trial, nondrug_trial (investigator-assigned treatment, randomised or not, including single-arm
   before/after), comparative (non-randomised comparison of two or more treatments or management strategies),
   observational (cohort, case-control, cross-sectional, diagnostic accuracy, case series, qualitative) or none
   (not a primary clinical study of people: animal, laboratory, simulation, review). Judgements in screening.yaml
   (PMID and group only).
4. Taken, in this order: drug trials, then non-drug trials (trials together at most TRIALS, in rank order); then
   comparative (at most COMPARATIVE, in rank order, from the judged items); then observational in rank order to
   fill TOTAL. If the judged items give fewer than TOTAL, screening goes on past the prefix in rank order and any
   group fills (trial and comparative caps still hold).
Run from the repository root: `python docs/evals/literature-blind-s14/draw.py` (it lists the items still to judge)."""

import hashlib
import json
import sys
from pathlib import Path

import yaml

BASE, SEED = "52d9e66", "20261214"
TOTAL, TRIALS, COMPARATIVE, PREFIX = 20, 7, 6, 40
GROUPS = ("drug_trial", "nondrug_trial", "comparative", "observational")
SCREENINGS = ("docs/evals/literature-blind-s12/screening.yaml", "docs/evals/literature-blind-s13/screening.yaml")
ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent

sys.path.insert(0, str(HERE.parent / "_tools"))
import pqal_draw  # noqa: E402  (the PMIDs named at BASE: one home, docs/evals/_tools/pqal_draw.py)


data = json.loads((ROOT.parent / "shared/data/pubmedqa/pqal_dev.json").read_text(encoding="utf-8"))
used = pqal_draw.named_at(BASE, pqal_draw.TEXT_ENDINGS, SCREENINGS) & set(data)
pool = sorted((p for p in data if p not in used), key=lambda p: hashlib.sha256(f"{SEED}:{p}".encode()).hexdigest())


def trial_cue(pmid: str) -> bool:
    item = data[pmid]
    text = " ".join([item["QUESTION"], *item["CONTEXTS"], item["LONG_ANSWER"]]).lower()
    return "random" in text or "trial" in text


judged: dict[str, str] = {}
screening = HERE / "screening.yaml"
if screening.is_file():
    doc = yaml.safe_load(screening.read_text(encoding="utf-8")) or {}
    judged = {str(k): v for k, v in (doc.get("judged") or {}).items()}

stage1 = [p for p in pool if trial_cue(p)]
stage2 = pool[:PREFIX]
to_judge = [p for p in stage1 + [q for q in stage2 if q not in stage1] if p not in judged]
taken = {g: [] for g in GROUPS}
if not to_judge:
    screened = [p for p in pool if p in judged]
    trials = [p for g in ("drug_trial", "nondrug_trial") for p in screened if judged[p] == g][:TRIALS]
    for p in trials:
        taken[judged[p]].append(p)
    taken["comparative"] = [p for p in screened if judged[p] == "comparative"][:COMPARATIVE]
    room = TOTAL - len(trials) - len(taken["comparative"])
    taken["observational"] = [p for p in screened if judged[p] == "observational"][:room]
    if sum(map(len, taken.values())) < TOTAL:  # past the prefix: the next ranked items, judged in order
        to_judge = [p for p in pool[PREFIX:] if p not in judged][:10]
print(f"{len(data)} items, {len(used)} excluded, {len(pool)} in the pool, {len(stage1)} with a trial cue")
for g in GROUPS:
    print(f"{g}: {' '.join(taken[g])}")
if to_judge:
    print(f"to judge next: {' '.join(to_judge)}")
