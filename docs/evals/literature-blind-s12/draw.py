"""Draw blind set s12 (15 PubMedQA PQA-L items, about 5 per group), printing PMIDs only.

Rule (fixed before reading any abstract):
1. Exclude every PMID named in any file tracked at base commit 864858b (the existing annotation files, docs, tests;
   161 PMIDs). Frozen at that commit so the draw gives the same answer after this set is committed.
2. Rank the rest by sha256("20261212:" + pmid) (seed 20261212).
3. Screen in rank order. Each screened abstract is judged by hand (from the abstract) as drug_trial, nondrug_trial,
   observational or none (not a clinical study of people: review, lab or animal work); the judgements are in
   screening.yaml (PMID and group only). An item is taken when its group has fewer than 5 taken. Once the
   observational group is full, an item whose text has no trial cue (`random` or `trial`) is passed over unread,
   since it cannot fill a trial group; such items are listed as `skipped_no_trial_cue`.
Run from the repository root: `python docs/evals/literature-blind-s12/draw.py` (without screening.yaml judged
for the next items, it prints the next ranked PMIDs to screen)."""

import hashlib
import json
import sys
from pathlib import Path

import yaml

BASE, SEED, PER_GROUP = "864858b", "20261212", 5
GROUPS = ("drug_trial", "nondrug_trial", "observational")
ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent

sys.path.insert(0, str(HERE.parent / "_tools"))
import pqal_draw  # noqa: E402  (the PMIDs named at BASE: one home, docs/evals/_tools/pqal_draw.py)


data = json.loads((ROOT.parent / "shared/data/pubmedqa/pqal_dev.json").read_text(encoding="utf-8"))
used = pqal_draw.named_at(BASE, pqal_draw.TEXT_ENDINGS, ()) & set(data)
free = [p for p in data if p not in used]
ranked = sorted(free, key=lambda p: hashlib.sha256(f"{SEED}:{p}".encode()).hexdigest())
judged = {}
screening = HERE / "screening.yaml"
if screening.is_file():
    judged = {str(k): v for k, v in (yaml.safe_load(screening.read_text(encoding="utf-8")) or {}).get("judged", {}).items()}


def trial_cue(pmid: str) -> bool:
    item = data[pmid]
    text = " ".join([item["QUESTION"], *item["CONTEXTS"], item["LONG_ANSWER"]]).lower()
    return "random" in text or "trial" in text


taken = {g: [] for g in GROUPS}
to_screen, skipped = [], []
for pmid in ranked:
    if all(len(v) >= PER_GROUP for v in taken.values()):
        break
    if len(taken["observational"]) >= PER_GROUP and not trial_cue(pmid):
        skipped.append(pmid)
        continue
    if pmid not in judged:
        to_screen.append(pmid)
        if len(to_screen) >= 10:
            break
        continue
    group = judged[pmid]
    if group in taken and len(taken[group]) < PER_GROUP:
        taken[group].append(pmid)
print(f"{len(data)} items, {len(used)} excluded, {len(free)} free")
for g in GROUPS:
    print(f"{g}: {' '.join(taken[g])}")
print(f"skipped_no_trial_cue: {len(skipped)}")
if to_screen:
    print(f"to screen next: {' '.join(to_screen)}")
