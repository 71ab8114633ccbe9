"""Draw the session-27 planner blind names from pool.txt (written from the writer's own knowledge): seed 27, kind
quotas, at most 8 per class; the rule is docs/evals/_tools/planner_blind.py's `draw`. Never runs the planner.
Run: python docs/evals/planner-blind-s27/draw.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import draw  # noqa: E402

QUOTA = {"US": 16, "MS": 10, "SF": 9, "UK": 6, "OTC": 5, "AB": 6, "CO": 4, "BS": 2, "VAX": 2}
# judged by the writer after the first draw to be his own artifacts, removed after the shuffle so that every other
# candidate keeps its place: "aciclovir tabs", "pantoprazole infusion", "iron sucrose inj" and "minoxidil solution 5
# percent" are correct spellings filed under the misspelling kind; "Sylk" is a lubricant, not a medicine; "Cleen
# Ready-to-Use Enema" and "Carbocisteine Mucodyne" carry pack or generic words no one types; "teriparatide Bonsity" is
# not a biosimilar (a 505(b)(2) follow-on); "Zicam Cold Remedy" and "Anusol Hemorrhoidal Ointment" have ingredients the
# writer could not state with certainty (homeopathic zinc salts; US ointment formula); after the second draw, three
# more of the same kinds: "K-Tab OTC" (K-Tab is a prescription product), "enoxaparin biosimilar Inhixa" and
# "Benznidazole Exeltis" (a generic or class word glued to a brand or maker, which no one types)
EXCLUDE = frozenset({"aciclovir tabs", "pantoprazole infusion", "iron sucrose inj", "minoxidil solution 5 percent",
                     "sylk", "cleen ready-to-use enema", "carbocisteine mucodyne", "teriparatide bonsity",
                     "zicam cold remedy", "anusol hemorrhoidal ointment", "k-tab otc",
                     "enoxaparin biosimilar inhixa", "benznidazole exeltis"})

if __name__ == "__main__":
    draw("planner-blind-s27", seed=27, quota=QUOTA, per_class=8, exclude=EXCLUDE)
