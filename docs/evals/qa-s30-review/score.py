"""Per-want tallies of the review probe over before (base 46dadd39), main (24f8f716, qa30 merged) and after (this
branch): python3 docs/evals/qa-s30-review/score.py. E: the emergency line leads (L); N: no emergency-now answer (the
symptom chat's generic line counts as no, the chat's emergency block counts as yes); P: that page; G: that page and
the note saying which page answers."""
import csv
from pathlib import Path

D = Path(__file__).parent


def rd(name):
    return list(csv.DictReader(open(D / name), delimiter="\t"))


def ok(r):
    w = r["want"]
    if w == "E":
        return r["lead"] == "L"
    if w == "N":
        return not (r["lead"] == "L" and r["route"] != "symptom_chat")
    if w.startswith("P:"):
        return r["page"] == w[2:]
    if w.startswith("G:"):
        return r["page"] == w[2:] and r["said_which_page"] == "yes"
    return None


B, M, A = rd("before.tsv"), rd("main.tsv"), rd("after.tsv")
print("want\tcount\tbefore\tmain\tafter")
for k in "ENPG":
    rows = [i for i, r in enumerate(A) if r["want"].startswith(k)]
    print(k, len(rows), *(sum(bool(ok(X[i])) for i in rows) for X in (B, M, A)), sep="\t")
