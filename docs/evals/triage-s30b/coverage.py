"""Which condition families the dev vignettes and the earlier wording lists reach least (session 30b, helper twd30):
`PYTHONPATH=. .venv/bin/python docs/evals/triage-s30b/coverage.py > docs/evals/triage-s30b/coverage.txt`.

Vignette files: the session-29 dev glob (docs/evals/triage-s29/glob.txt; no blind_s29 or later blind file opened).
Wording lists: every docs/evals/triage-s2*/wordings.yaml and holdout.yaml. Per system: conditions, dev vignettes per
condition, conditions with no vignette, and wordings per condition (a wording counts for every condition whose
findings hold its finding at 0.5 or more, or as a red flag)."""
import glob
import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml

KB = Path("assets/kb/triage")
conds = []
for p in sorted(KB.glob("conditions*.yaml")):
    conds += yaml.safe_load(p.read_text())["conditions"]
files = set()
for pat in Path("docs/evals/triage-s29/glob.txt").read_text().strip().split(","):
    files.update(glob.glob(str(KB / pat)))
files = sorted(f for f in files if not re.search(r"blind_s(29|[3-9]\d)", f))
vig = Counter()
for f in files:
    for v in yaml.safe_load(Path(f).read_text()).get("vignettes", []):
        vig[v["diagnosis"]] += 1
words = Counter()
for f in sorted(glob.glob("docs/evals/triage-s2*/wordings.yaml")):
    for fid, e in (yaml.safe_load(Path(f).read_text()).get("wordings") or {}).items():
        words[fid] += len(e.get("present", [])) + len(e.get("absent", []))
for f in sorted(glob.glob("docs/evals/triage-s2*/holdout.yaml")):
    for it in yaml.safe_load(Path(f).read_text()).get("items", []):
        for fid in [*it.get("present", []), *it.get("absent", [])]:
            words[fid] += 1
by = defaultdict(list)
for c in conds:
    key = {f for f, p in c["findings"].items() if (p[0] if isinstance(p, list) else p) >= 0.5} | set(c.get("red_flags", []))
    by[c.get("system", "?")].append((c["id"], vig[c["id"]], sum(words[f] for f in key), len(key)))
print(f"{len(files)} dev vignette files, {sum(vig.values())} vignettes; {len(conds)} conditions")
print(f"{'system':14s} conds vig/cond no_vig words/cond")
rows = sorted(by.items(), key=lambda kv: sum(x[1] for x in kv[1]) / len(kv[1]))
for s, cs in rows:
    n = len(cs)
    print(f"{s:14s} {n:5d} {sum(x[1] for x in cs) / n:8.2f} {sum(x[1] == 0 for x in cs):6d} {sum(x[2] for x in cs) / n:9.1f}")
print("\nconditions with at most 1 dev vignette, by system (id vignettes key-finding-wordings)")
for s, cs in rows:
    low = [f"{i} {v} {w}" for i, v, w, _ in sorted(cs, key=lambda x: (x[1], x[2])) if v <= 1]
    if low:
        print(f"{s}: " + "; ".join(low))
