"""Draw the session-29 planner blind names from pool.txt (written from the writer's own knowledge, weighted toward what
pharmacies dispense): seed 29, kind quotas, at most 8 per class; the rule is docs/evals/_tools/planner_blind.py's
`draw`. Never runs the planner.
Run: python docs/evals/planner-blind-s29/draw.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import draw  # noqa: E402

# INT: non-English brands (EU, Latin America, India); BS: US biosimilars
QUOTA = {"US": 12, "INT": 12, "MS": 9, "SF": 8, "UK": 6, "OTC": 5, "CO": 4, "AB": 3, "BS": 1}
# judged by the writer after the first draw to be his own artifacts, removed after the shuffle so that every other
# candidate keeps its place: "Uro-Nebacetin" is a German neomycin bladder irrigation, not fosfomycin (a wrong pool
# line); "Relifex" is a UK brand filed as a non-English one; "Icy Hot Lidocaine" names several products, some with
# menthol as well; "carbi" is ambiguous shorthand (carbimazole, carbidopa, carbamazepine)
EXCLUDE = frozenset({"uro-nebacetin", "relifex", "icy hot lidocaine", "carbi"})

if __name__ == "__main__":
    draw("planner-blind-s29", seed=29, quota=QUOTA, per_class=8, exclude=EXCLUDE)
