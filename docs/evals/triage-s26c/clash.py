"""Check each session-26c phrase (additions.py) against the phrases other findings hold in findings.yaml: equal, or
one inside the other (printed for review; run from the repository root)."""
import re, sys, yaml
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))  # additions.py beside it
from additions import SYN, ABSENT
d = yaml.safe_load(open("assets/kb/triage/findings.yaml"))
more, mabs = d["more_synonyms"], d["more_absent_synonyms"]
def norm(s): return " " + re.sub(r"[^a-z0-9 ]", "", s.lower().replace("'", "")) + " "
held = []
for f in d["findings"]:
    for kind, lst in (("syn", f["synonyms"] + more.get(f["id"], [])), ("abs", f.get("absent_synonyms", []) + mabs.get(f["id"], [])), ("not", f.get("not_synonyms", []))):
        for p in lst: held.append((f["id"], kind, norm(str(p))))
for table, kind in ((SYN, "syn"), (ABSENT, "abs")):
    for fid, phrases in table.items():
        for p in phrases:
            n = norm(p)
            for g, k, q in held:
                if g == fid: continue
                if n == q or (len(q.split()) > 1 and q in n) or (n in q):
                    print(f"{kind} {fid:22s} {p!r:45s} vs {g}/{k} {q.strip()!r}")
