"""Tallies of a probe TSV (docs/evals/qa-s30/probe.py): per `want` class, how many answers do what is wanted.
E: the emergency line leads (lead L); N: no emergency-now answer (lead not L, or the symptom chat's generic line);
P:<page>: the page named answers (a prefix of the page id, or the word in it); G:<page>: so, and the answer says
which page answers (a general word read as its most common form). Usage: python docs/evals/qa-s30/summary.py before.tsv after.tsv"""
import csv
import sys


def ok(row) -> bool:
    want = row["want"]
    if want == "E":
        return row["lead"] == "L"
    if want == "N":
        return row["lead"] != "L" or row["route"] == "symptom_chat"
    if want.startswith(("P:", "G:")):
        page = want[2:]
        hit = row["page"].startswith(page) if page.startswith("condition:") else page in row["page"]
        return hit and (want.startswith("P:") or row.get("said_which_page") == "yes")
    return True


def tally(path: str) -> dict:
    rows = list(csv.DictReader(open(path), delimiter="\t"))
    out = {}
    for r in rows:
        k = r["want"] if r["want"] in ("E", "N", "-") else r["want"][0]
        good, n = out.get(k, (0, 0))
        out[k] = (good + ok(r), n + 1)
    return out


if __name__ == "__main__":
    for p in sys.argv[1:]:
        t = tally(p)
        print(p, "  ".join(f"{k}: {g}/{n}" for k, (g, n) in sorted(t.items())))
