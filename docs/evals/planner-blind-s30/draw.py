"""Draw the session-30 planner blind names from pool.txt (written from the writer's own knowledge before any draw):
seed 30, kind quotas, at most 8 per class; the rule is docs/evals/_tools/planner_blind.py's `draw`. Never runs the
planner.
Run: python docs/evals/planner-blind-s30/draw.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import draw  # noqa: E402

# INT: non-English / non-UK-US brands (Japan, Australia, Canada, Latin America, Turkey, Eastern Europe, India);
# BS: US biosimilars
QUOTA = {"US": 12, "INT": 12, "MS": 9, "SF": 8, "UK": 6, "OTC": 5, "CO": 4, "AB": 3, "BS": 1}
# judged by the writer after the first draw to be his own artifacts, removed after the shuffle so that every other
# candidate keeps its place: "Pivmecillinam Selexid" and "Lofepramine Lomont" are generic + brand/maker strings, not
# UK brands as typed; "Fluka" is a brand the writer could not confirm; "Deep Heat Rub" has four ingredients, not the
# two written (eucalyptus and turpentine oils left out); the methenamine/sodium salicylate/methylene blue line is not
# a real formula. After the second draw, for the same reason as the first two: "Carbocisteine Exputex",
# "Hypromellose 0.3% Tear-Lac", "GTN Nitrolingual" (generic or shorthand + UK brand), and, found in the pool at the same
# time, "Bendroflumethiazide Aponal" (no such UK brand), "Cyclizine Valoid", "Montelukast Singulair",
# "Cystitis Relief Cystopurin", "Pethidine Martindale"
EXCLUDE = frozenset({"pivmecillinam selexid", "lofepramine lomont", "fluka", "deep heat rub",
                     "methenamine/sodium salicylate/methylene blue", "carbocisteine exputex",
                     "hypromellose 0.3% tear-lac", "gtn nitrolingual", "bendroflumethiazide aponal",
                     "cyclizine valoid", "montelukast singulair", "cystitis relief cystopurin",
                     "pethidine martindale"})

if __name__ == "__main__":
    draw("planner-blind-s30", seed=30, quota=QUOTA, per_class=8, exclude=EXCLUDE)
