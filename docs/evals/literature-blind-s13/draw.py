"""Draw blind set s13 (20 PubMedQA PQA-L items: 7 drug trials, 7 non-drug trials, 6 observational), printing PMIDs only.

Rule (fixed before reading any abstract):
1. Exclude every PMID named in any file tracked at base commit 7135e42 (the existing annotation files, docs, tests;
   all earlier sets). Frozen at that commit so the draw gives the same answer after this set is committed.
2. Rank the rest by sha256("20261213:" + pmid) (seed 20261213).
3. Screen in rank order. Each screened abstract is judged by hand (from the abstract) as drug_trial, nondrug_trial,
   observational or none (not a clinical study of people: review, lab or animal work); the judgements are in
   screening.yaml (PMID and group only). An item is taken while its group is below its quota. Once the
   observational group is full (6), an item whose text has no trial cue (`random` or `trial`) is passed over unread,
   since it cannot fill a trial group; such items are listed as `skipped_no_trial_cue`.
Amended after screening 13 (second commit, before any abstract was annotated): the free pool holds only one
trial (every other free item lacks the trial cue; the earlier sets took the rest), so the 7/7 trial quotas cannot be
met. Third group added: `comparative` = a non-randomised study comparing two or more treatments or management
strategies (abstracts with arms). Quotas: trials (drug or non-drug) up to 7, observational 6, comparative fills the
rest to 20. Screening goes on in the same rank order; the no-trial-cue skip is dropped (a comparative study carries
no such cue), and observational items met after that group is full are judged and passed over. Trials count from
the screened prefix plus the trial-cue items (all screened in stage 1), so the draw ends when the three groups
reach 20 among the screened items.
Run from the repository root: `python docs/evals/literature-blind-s13/draw.py` (without screening.yaml judged
for the next items, it prints the next ranked PMIDs to screen)."""

import hashlib
import json
import sys
from pathlib import Path

import yaml

BASE, SEED = "7135e42", "20261213"
TOTAL, TRIALS, OBSERVATIONAL = 20, 7, 6
GROUPS = ("drug_trial", "nondrug_trial", "comparative", "observational")
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
to_screen = []


def room(group: str) -> bool:
    if sum(map(len, taken.values())) >= TOTAL:
        return False
    if group in ("drug_trial", "nondrug_trial"):
        return len(taken["drug_trial"]) + len(taken["nondrug_trial"]) < TRIALS
    if group == "observational":
        return len(taken["observational"]) < OBSERVATIONAL
    if group == "comparative":  # comparative fills what the trials leave: trials first, wherever they rank
        trials_left = [p for p in ranked if judged.get(p) in ("drug_trial", "nondrug_trial") or
                       (p not in judged and trial_cue(p))]
        return len(taken["comparative"]) < TOTAL - OBSERVATIONAL - min(TRIALS, len(trials_left))
    return False


for pmid in ranked:
    if sum(map(len, taken.values())) >= TOTAL:
        break
    if pmid not in judged:  # screened in rank order, so an unjudged item lies past the screened prefix (or the
        if len(to_screen) < 25:  # trial-cue tail, screened first); it is listed to screen next, not waited for
            to_screen.append(pmid)
        continue
    if room(judged[pmid]):
        taken[judged[pmid]].append(pmid)
print(f"{len(data)} items, {len(used)} excluded, {len(free)} free")
for g in GROUPS:
    print(f"{g}: {' '.join(taken[g])}")
if to_screen and sum(map(len, taken.values())) < TOTAL:
    print(f"to screen next: {' '.join(to_screen)}")
