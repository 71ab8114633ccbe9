"""Draw the session-25 planner blind names from pool.txt (written from the writer's own knowledge).

Removes every candidate whose typed text, or its text with strengths, units, frequency, release-form and dose-form
words removed, occurs as a word in an earlier planner file (docs/evals/planner*/** except this folder,
tests/knowledge/**, tests/therapy/**), then draws 60 by seeded shuffle (seed 25) with kind quotas and at most 8 per
class. Prints the survivors' counts and the drawn lines; it never runs the planner.
Run: python docs/evals/planner-blind-s25/draw.py
"""

import random
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
SEED = 25
QUOTA = {"US": 16, "MS": 10, "SF": 9, "UK": 6, "OTC": 5, "AB": 6, "CO": 4, "BS": 2, "VAX": 2}
PER_CLASS = 8
# judged by the writer, after the trial draw, to name no single fixed product (UK "Canesten Combi" packs differ in
# whether the second part is a clotrimazole pessary or a fluconazole capsule; "Maalox Advanced" chewables hold
# calcium carbonate, the liquid aluminium/magnesium hydroxide): removed after the shuffle, so every other candidate
# keeps its place and the next eligible OTC candidate takes the slot
EXCLUDE = {"canesten combi", "maalox advanced"}
STRIP = re.compile(
    r"\b\d[\d.,/]*\s*(mg|mcg|g|ml|meq|mmol|units?|million|iu|%)?(?![a-z])|%|"
    r"\b(mg|mcg|g|ml|meq|mmol|units?|iu|daily|bid|tid|qid|qhs|prn|er|xr|sr|dr|la|xl|cr|odt|ir|hfa|iv|im|sc|sl|po|"
    r"tablets?|capsules?|cream|ointment|gel|patch|drops|eye|solution|suspension|syrup|injection|nasal|ophthalmic|"
    r"neb|inhalation|spray|wash|lotion|foam|shampoo|syringe|insert|implant|depot|chewable|granules|topical|"
    r"extended|delayed|release|kg|min|days?|per)\b", re.I)


def corpus() -> str:
    files = [p for p in (ROOT / "docs" / "evals").glob("planner*/**/*") if HERE not in p.parents and p != HERE]
    files += list((ROOT / "tests" / "knowledge").rglob("*")) + list((ROOT / "tests" / "therapy").rglob("*"))
    return "\n".join(p.read_text(encoding="utf-8", errors="ignore").lower() for p in files if p.is_file()
                     and p.suffix != ".pyc")


def seen(text: str, body: str) -> bool:
    t = text.lower().strip()
    return bool(t) and re.search(r"(?<![a-z0-9])" + re.escape(t) + r"(?![a-z0-9])", body) is not None


def stripped(text: str) -> str:
    return re.sub(r"\s+", " ", STRIP.sub(" ", text)).strip(" /-")


def main() -> None:
    body = corpus()
    pool = [l.rstrip("\n").split("|") for l in (HERE / "pool.txt").read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")]
    uniq = {}
    for c in pool:  # a name written twice in the pool counts once (first line kept)
        uniq.setdefault(c[2].lower(), c)
    pool = list(uniq.values())
    left = [c for c in pool if not seen(c[2], body) and not seen(stripped(c[2]), body)]
    print(f"pool {len(pool)}, left after removal {len(left)}")
    print("left by kind", dict(Counter(c[0] for c in left)))
    print("left by class", dict(Counter(c[1] for c in left)))
    random.Random(SEED).shuffle(left)
    left = [c for c in left if c[2].lower() not in EXCLUDE]
    kinds, classes, drawn = Counter(), Counter(), []
    for c in left:
        if kinds[c[0]] < QUOTA.get(c[0], 0) and classes[c[1]] < PER_CLASS:
            drawn.append(c); kinds[c[0]] += 1; classes[c[1]] += 1
    for c in left:  # slots a thin kind could not fill go, in shuffle order, to the thinnest classes
        if len(drawn) >= sum(QUOTA.values()):
            break
        if c not in drawn and classes[c[1]] < PER_CLASS and classes[c[1]] == min(classes.values()):
            drawn.append(c); kinds[c[0]] += 1; classes[c[1]] += 1
    print("drawn", len(drawn), dict(kinds), dict(classes))
    (HERE / "drawn.txt").write_text("\n".join("|".join(c) for c in drawn) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
