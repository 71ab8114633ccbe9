"""Clinical words of the KB files within one slip of a name of a breadth file, and how each reads as a typed drug
name (a brand-adding round runs it on its file: a word that reads a drug is a name to strike; the English-word guard
knows only CMU words). Usage, from the root: PYTHONPATH=. python docs/evals/_tools/planner_clinical_word_sweep.py
assets/kb/knowledge/drugs/ingredients/FILE.yaml  (session 30: coordinator, after planrev30 found "anginal")."""
import re, sys, yaml, glob
from medcore.config import Settings
from medcore.therapy.kb import load_kb
from medcore.therapy.names import resolve_drug
names = set()
for e in yaml.safe_load(open(sys.argv[1]))["names"]:
    for b in e.get("brands", []) + e.get("synonyms", []):
        names.add(b.lower())
files = glob.glob("assets/kb/knowledge/*.yaml") + glob.glob("assets/kb/triage/findings.yaml") + glob.glob("assets/kb/triage/conditions_*.yaml") + glob.glob("assets/kb/records/*.yaml")
words = set()
for f in files:
    words |= {w.lower() for w in re.findall(r"[A-Za-z]{5,}", open(f).read())}
def one_slip(a, b):
    if abs(len(a) - len(b)) > 1 or a == b: return False
    if len(a) == len(b):
        d = [i for i in range(len(a)) if a[i] != b[i]]
        return len(d) == 1 or (len(d) == 2 and d[1] == d[0] + 1 and a[d[0]] == b[d[1]] and a[d[1]] == b[d[0]])
    if len(a) > len(b): a, b = b, a
    return any(b[:i] + b[i+1:] == a for i in range(len(b)))
byl = {}
for n in names:
    if " " in n: continue
    byl.setdefault(len(n), []).append(n)
kb = load_kb(Settings.load())
for w in sorted(words):
    near = [n for L in (len(w)-1, len(w), len(w)+1) for n in byl.get(L, []) if one_slip(w, n)]
    if near:
        r = resolve_drug(kb, w)
        print(f"{w}\tnear={near}\t{r.how}:{','.join(r.ids) or '-'}")
