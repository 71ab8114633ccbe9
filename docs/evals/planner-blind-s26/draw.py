"""Draw the session-26 planner blind names from pool.txt (written from the writer's own knowledge): seed 26, kind
quotas, at most 8 per class; the rule is docs/evals/_tools/planner_blind.py's `draw`. Never runs the planner.
Run: python docs/evals/planner-blind-s26/draw.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import draw  # noqa: E402

QUOTA = {"US": 16, "MS": 10, "SF": 9, "UK": 6, "OTC": 5, "AB": 6, "CO": 4, "BS": 2, "VAX": 2}
# judged by the writer after the first draw to be his own artifacts, removed after the shuffle so that every other
# candidate keeps its place: "Histex" names no single product (US packs of different antihistamines carry it; the
# pool's UK chlorphenamine reading was a slip), "Winrevair kit" and "Zosyn Galaxy" are a brand with a pack word no
# one types, and "Tafinlar + Mekinist" is two products, not a combination product
EXCLUDE = frozenset({"histex", "winrevair kit", "zosyn galaxy", "tafinlar + mekinist"})

if __name__ == "__main__":
    draw("planner-blind-s26", seed=26, quota=QUOTA, per_class=8, exclude=EXCLUDE)
