"""Draw the session-28 planner blind names from pool.txt (written from the writer's own knowledge, weighted toward what
pharmacies dispense): seed 28, kind quotas, at most 8 per class; the rule is docs/evals/_tools/planner_blind.py's
`draw`. Never runs the planner.
Run: python docs/evals/planner-blind-s28/draw.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import draw  # noqa: E402

# INT: non-English brands (EU, Latin America, India); BS: US biosimilars
QUOTA = {"US": 12, "INT": 12, "MS": 9, "SF": 8, "UK": 6, "OTC": 5, "CO": 4, "AB": 3, "BS": 1}
# judged by the writer after the first draw to be his own artifacts, removed after the shuffle so that every other
# candidate keeps its place: "telotristat/octreotide" is no combination product; "Clarinex OTC" (desloratadine is
# prescription-only in the US) and "Probenecid and Colchicine" (a generic name filed as a US brand) are misfiled;
# "Nexium 24HR Clickpak", "Victoza 2-Pak" and "Welchol Packet" carry pack words no one types; "vanco trough" is a
# level, not an order; "Oxy Maximum" and "Neurobion Forte" have ingredients the writer could not state with
# certainty (several Oxy Maximum products; the Indian Neurobion Forte carries more B vitamins than the pool line)
EXCLUDE = frozenset({"telotristat/octreotide", "clarinex otc", "probenecid and colchicine", "nexium 24hr clickpak",
                     "victoza 2-pak", "welchol packet", "vanco trough", "oxy maximum", "neurobion forte"})

if __name__ == "__main__":
    draw("planner-blind-s28", seed=28, quota=QUOTA, per_class=8, exclude=EXCLUDE)
