"""Draw a literature blind set of PubMedQA PQA-L items, printing PMIDs only: one home for the draws of
literature-blind-s22 to -s26 (each folder's draw.py states its rule, as committed before any pool abstract was
read, and calls this with its set's name). A new set adds a row to SETS, or passes its folder, base commit and seed
(fixed before reading) as arguments. Run from the repository root: `python docs/evals/_tools/pqal_draw.py blind_s24`
or `python docs/evals/_tools/pqal_draw.py FOLDER BASE SEED [--all]` (the "comparisons" rule; --all: no cap of 30).

The rule, shared: the pool is every PQA-L item no text file tracked at the base commit names (every maximal run of
7-8 digits); each tier is ranked by sha256("SEED:" + pmid); taken in tier order to 30 (s26: all), skipping the items the set's
screening.yaml lists under `none` (judged on reading to be no primary clinical study of people). The tiers:
- "outcomes" (s22): tier 1 a stated-outcome cue in the contexts, or OUTCOME / MEASURE in a section label; tier 2
  any other outcome, endpoint, random or trial word. Its base grep read the usual text endings and left out the
  s12-s14 screening lists (their items were never annotated or scored).
- "comparisons" (s23 on): over the contexts and labels, lower case, tier 1 a trial cue, tier 2 a comparison cue,
  tier 3 the rest; the grep read every text file (-I)."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
EVALS = ROOT / "docs" / "evals"
TOTAL = 30
# set -> (folder, base commit, seed, tier rule, how many taken: None for all)
SETS = {
    "blind_s22": ("literature-blind-s22", "0b5173cd", "20261222", "outcomes", TOTAL),
    "blind_s23": ("literature-blind-s23", "760accef", "20261223", "comparisons", TOTAL),
    "blind_s24": ("literature-blind-s24", "c446b4f1", "20261224", "comparisons", TOTAL),
    "blind_s25": ("literature-blind-s25", "e4b08398", "20261225", "comparisons", TOTAL),
    "blind_s26": ("literature-blind-s26", "86a94f9d", "20261226", "comparisons", None),
}
_OUTCOME_T1 = re.compile(r"\b(primary|secondary|main|principal)( study)? (outcome|end ?point)|\boutcome (measure|variable|parameter)")
_OUTCOME_T2 = re.compile(r"outcome|end ?point|random|trial")
_TRIAL = re.compile(r"\btrial|\brandom")
_COMPARISON = re.compile(r"\bversus\b|\bvs\b|\bcompared\b")
TEXT_ENDINGS = (".yaml", ".yml", ".json", ".md", ".txt", ".csv", ".py")
_S22_SCREENINGS = tuple(f"docs/evals/literature-blind-s1{k}/screening.yaml" for k in (2, 3, 4))


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout


def named_at(base: str, endings: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> set[str]:
    """Every maximal run of 7-8 digits in the files tracked at base (one git call: a per-file walk took 30 s): the
    files with one of `endings`, but the paths in `exclude`, read as text; with no endings every text file (-I).
    The s12-s14 draws (endings TEXT_ENDINGS) and every later one read their pool through this."""
    if endings:
        files = [f"*{ext}" for ext in endings]
        hits = _git("grep", "-a", "-h", "-o", "-E", "[0-9]+", base, "--", *files, *(f":(exclude){s}" for s in exclude))
    else:
        # -I: text files only; -h with a tree prints "BASE:match", so the match is after the last colon
        hits = _git("grep", "-I", "-h", "-o", "-E", "[0-9]+", base)
    return {m for m in (line.rsplit(":", 1)[-1] for line in hits.splitlines()) if len(m) in (7, 8)}


def _used(base: str, rule: str) -> set[str]:
    return named_at(base, TEXT_ENDINGS, _S22_SCREENINGS) if rule == "outcomes" else named_at(base)


def _tiers(data: dict, pool: list[str], rule: str) -> list[list[str]]:
    if rule == "outcomes":
        contexts = {p: " ".join(data[p]["CONTEXTS"]).lower() for p in pool}
        labels = {p: " ".join(data[p]["LABELS"]).upper() for p in pool}
        tier1 = [p for p in pool if _OUTCOME_T1.search(contexts[p]) or "OUTCOME" in labels[p] or "MEASURE" in labels[p]]
        return [tier1, [p for p in pool if p not in tier1 and _OUTCOME_T2.search(contexts[p] + " " + labels[p].lower())]]
    text = {p: (" ".join(data[p]["CONTEXTS"]) + " " + " ".join(data[p]["LABELS"])).lower() for p in pool}
    tier1 = [p for p in pool if _TRIAL.search(text[p])]
    tier2 = [p for p in pool if p not in tier1 and _COMPARISON.search(text[p])]
    return [tier1, tier2, [p for p in pool if p not in tier1 and p not in tier2]]


def draw(name: str, data: dict) -> tuple[list[str], list[list[str]]]:
    """(taken, the tiers each ranked) for set `name` of SETS."""
    return draw_with(data, *SETS[name])


def draw_with(data: dict, folder: str, base: str, seed: str, rule: str = "comparisons",
              total: int | None = TOTAL) -> tuple[list[str], list[list[str]]]:
    """(taken, the tiers each ranked): the pool unnamed at `base`, ranked with `seed`, FOLDER/screening.yaml skipped."""
    used = _used(base, rule) & set(data)
    pool = sorted((p for p in data if p not in used), key=lambda p: hashlib.sha256(f"{seed}:{p}".encode()).hexdigest())
    tiers = _tiers(data, pool, rule)
    skipped: set[str] = set()
    screening = EVALS / folder / "screening.yaml"
    if screening.is_file():
        skipped = {str(p) for p in (yaml.safe_load(screening.read_text(encoding="utf-8")) or {}).get("none") or []}
    return [p for tier in tiers for p in tier if p not in skipped][:total], tiers


def main(name: str) -> None:
    show(SETS[name])


def show(params: tuple) -> None:
    """Print a draw as each set's draw.py printed it; `params` as a SETS row."""
    items = json.loads((ROOT.parent / "shared/data/pubmedqa/pqal_dev.json").read_text(encoding="utf-8"))
    taken, tiers = draw_with(items, *params)
    if params[3] == "outcomes":  # each set's first line as its draw printed it
        print(f"tier 1: {len(tiers[0])}, tier 2: {len(tiers[1])}")
    else:
        print("pool: " + str(sum(map(len, tiers))) + ", tiers: " + ", ".join(str(len(t)) for t in tiers))
    print("taken: " + " ".join(taken))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--all"]
    if len(args) == 1 and args[0] in SETS:
        main(args[0])
    elif len(args) == 3:
        show((*args, "comparisons", None if "--all" in sys.argv else TOTAL))
    else:
        sys.exit("usage: pqal_draw.py " + "|".join(SETS) + " | pqal_draw.py FOLDER BASE SEED [--all]")
