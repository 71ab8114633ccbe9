"""Draw the session-25 planner blind names from pool.txt (written from the writer's own knowledge).

Removes every candidate whose typed text, or its text with strengths, units, frequency, release-form and dose-form
words removed, occurs as a word in an earlier planner file (docs/evals/planner*/** except this folder,
tests/knowledge/**, tests/therapy/**), then draws 60 by seeded shuffle (seed 25) with kind quotas and at most 8 per
class. Prints the survivors' counts and the drawn lines; it never runs the planner.
Run: python docs/evals/planner-blind-s25/draw.py
The rule is docs/evals/_tools/planner_blind.py's `draw` (one home for every set); this file keeps the parameters.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import draw  # noqa: E402

QUOTA = {"US": 16, "MS": 10, "SF": 9, "UK": 6, "OTC": 5, "AB": 6, "CO": 4, "BS": 2, "VAX": 2}
# judged by the writer, after the trial draw, to name no single fixed product (UK "Canesten Combi" packs differ in
# whether the second part is a clotrimazole pessary or a fluconazole capsule; "Maalox Advanced" chewables hold
# calcium carbonate, the liquid aluminium/magnesium hydroxide): removed after the shuffle, so every other candidate
# keeps its place and the next eligible OTC candidate takes the slot
EXCLUDE = frozenset({"canesten combi", "maalox advanced"})

if __name__ == "__main__":
    draw("planner-blind-s25", seed=25, quota=QUOTA, per_class=8, exclude=EXCLUDE)
