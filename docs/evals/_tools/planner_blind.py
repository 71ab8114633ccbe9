"""Planner blind-set writer's tools, one home for what each planner-blind-sNN folder needs (the folders of
sessions 24-26 are wrappers, with the same output as their old copies): `draw`, `pairs` and `newness` over a folder
FOLDER under docs/evals/ holding pool.txt (kind|class|typed name|ingredients), pairs_pool.txt
(a|b|expect|avoid|generic a|generic b|source) and blind.yaml. None of them runs the planner or opens assets/kb/.

- draw: removes every pool candidate whose typed text, or its text with strengths, units, frequency, release-form and
  dose-form words removed, occurs as a word in an earlier planner file (docs/evals/planner*/** except FOLDER,
  tests/knowledge/**, tests/therapy/**), shuffles the rest with SEED and draws by kind quotas with at most PER_CLASS
  per class; the slots a thin kind cannot fill go, in shuffle order, to the thinnest classes. Writes FOLDER/drawn.txt.
- pairs: for each line of pairs_pool.txt prints DROP when its two typed names share a line in an earlier planner file,
  and gen-seen / gen-new for its two generic names.
- newness: exit 1 when a typed name or a pair (order-free, case-insensitive) of FOLDER/blind.yaml is one of an earlier
  docs/evals/planner-blind*/blind.yaml.
Each folder's wrapper passes its parameters: draw(folder, seed, quota, per_class, exclude), pairs(folder),
newness(folder)."""

import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
EVALS = ROOT / "docs" / "evals"
STRIP = re.compile(
    r"\b\d[\d.,/]*\s*(mg|mcg|g|ml|meq|mmol|units?|million|iu|%)?(?![a-z])|%|"
    r"\b(mg|mcg|g|ml|meq|mmol|units?|iu|daily|bid|tid|qid|qhs|prn|er|xr|sr|dr|la|xl|cr|odt|ir|hfa|iv|im|sc|sl|po|"
    r"tablets?|capsules?|cream|ointment|gel|patch|drops|eye|solution|suspension|syrup|injection|nasal|ophthalmic|"
    r"neb|inhalation|spray|wash|lotion|foam|shampoo|syringe|insert|implant|depot|chewable|granules|topical|"
    r"extended|delayed|release|kg|min|days?|per)\b", re.I)


def _earlier_files(here: Path) -> list[Path]:
    files = [p for p in EVALS.glob("planner*/**/*") if here not in p.parents and p != here]
    files += list((ROOT / "tests" / "knowledge").rglob("*")) + list((ROOT / "tests" / "therapy").rglob("*"))
    return [p for p in files if p.is_file() and p.suffix != ".pyc"]


def _word(text: str) -> re.Pattern:
    return re.compile(r"(?<![a-z0-9])" + re.escape(text.lower().strip()) + r"(?![a-z0-9])")


def stripped(text: str) -> str:
    return re.sub(r"\s+", " ", STRIP.sub(" ", text)).strip(" /-")


def _rows(path: Path) -> list[list[str]]:
    return [l.rstrip("\n").split("|") for l in path.read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")]


def draw(folder: str, seed: int, quota: dict, per_class: int, exclude: frozenset = frozenset()) -> list:
    here = EVALS / folder
    body = "\n".join(p.read_text(encoding="utf-8", errors="ignore").lower() for p in _earlier_files(here))

    def seen(text: str) -> bool:  # a plain substring test first: the word regex only where the text occurs at all
        t = text.lower().strip()
        return bool(t) and t in body and _word(t).search(body) is not None

    uniq = {}
    for c in _rows(here / "pool.txt"):  # a name written twice in the pool counts once (first line kept)
        uniq.setdefault(c[2].lower(), c)
    pool = list(uniq.values())
    left = [c for c in pool if not seen(c[2]) and not seen(stripped(c[2]))]
    print(f"pool {len(pool)}, left after removal {len(left)}")
    print("left by kind", dict(Counter(c[0] for c in left)))
    print("left by class", dict(Counter(c[1] for c in left)))
    random.Random(seed).shuffle(left)
    left = [c for c in left if c[2].lower() not in exclude]
    kinds, classes, drawn = Counter(), Counter(), []
    for c in left:
        if kinds[c[0]] < quota.get(c[0], 0) and classes[c[1]] < per_class:
            drawn.append(c); kinds[c[0]] += 1; classes[c[1]] += 1
    for c in left:
        if len(drawn) >= sum(quota.values()):
            break
        if c not in drawn and classes[c[1]] < per_class and classes[c[1]] == min(classes.values()):
            drawn.append(c); kinds[c[0]] += 1; classes[c[1]] += 1
    print("drawn", len(drawn), dict(kinds), dict(classes))
    (here / "drawn.txt").write_text("\n".join("|".join(c) for c in drawn) + "\n", encoding="utf-8")
    return drawn


def pairs(folder: str) -> None:
    here = EVALS / folder
    lines = [l.lower() for p in _earlier_files(here)
             for l in p.read_text(encoding="utf-8", errors="ignore").splitlines()]

    def share(a: str, b: str) -> bool:
        ra, rb = _word(a), _word(b)
        return any(ra.search(l) and rb.search(l) for l in lines if a.lower()[:3] in l and b.lower()[:3] in l)

    for a, b, e, av, ga, gb, _src in _rows(here / "pairs_pool.txt"):
        gs = any(share(x, y) for x in ga.split(";") for y in gb.split(";"))
        print("DROP" if share(a, b) else "ok  ", "gen-seen" if gs else "gen-new ", e, av, a, "+", b, sep="\t")


def newness(folder: str) -> int:
    here = EVALS / folder
    mine = yaml.safe_load((here / "blind.yaml").read_text(encoding="utf-8"))
    names, prs, sets = set(), set(), []
    for f in sorted(EVALS.glob("planner-blind*/blind.yaml")):
        if f.parent == here:
            continue
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        sets.append(f.parent.name)
        names |= {n["name"].lower() for n in data.get("names") or []}
        prs |= {frozenset(d.lower() for d in p["drugs"]) for p in data.get("pairs") or []}
    old_names = [n["name"] for n in mine["names"] if n["name"].lower() in names]
    old_pairs = [p["drugs"] for p in mine["pairs"] if frozenset(d.lower() for d in p["drugs"]) in prs]
    print(f"{len(sets)} earlier sets ({', '.join(sets)}): {len(names)} names, {len(prs)} pairs")
    print(f"repeated names: {old_names or 'none'}; repeated pairs: {old_pairs or 'none'}")
    return 1 if old_names or old_pairs else 0


if __name__ == "__main__":
    sys.exit(print(__doc__))
