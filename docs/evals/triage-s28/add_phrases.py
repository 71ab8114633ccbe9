"""Append session-28 phrases to findings.yaml's more_synonyms / more_absent_synonyms (a finding already listed there
gets them on its own line; a new one gets a line at the end of its block), skipping phrases the finding already holds:
python add_phrases.py additions.yaml"""
import re
import sys

import yaml

PATH = "assets/kb/triage/findings.yaml"
add = yaml.safe_load(open(sys.argv[1]))
lines = open(PATH).read().split("\n")
doc = yaml.safe_load(open(PATH))
have = {f["id"]: set(map(str.lower, [*f.get("synonyms", []), *f.get("absent_synonyms", [])])) for f in doc["findings"]}
for sec in ("more_synonyms", "more_absent_synonyms"):
    for fid, ps in (doc.get(sec) or {}).items():
        have.setdefault(fid, set()).update(map(str.lower, ps))
for sec, table in add.items():
    start = lines.index(f"{sec}:")
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"^[a-z_]+:", lines[i])), len(lines))
    for fid, phrases in table.items():
        assert fid in have, fid
        new = [p for p in phrases if p.lower() not in have[fid]]
        have[fid].update(p.lower() for p in new)
        if not new:
            continue
        row = next((i for i in range(start + 1, end) if lines[i].startswith(f"  {fid}: [")), None)
        quoted = ", ".join('"' + p.replace('"', '\\"') + '"' for p in new)
        if row is not None:
            lines[row] = lines[row].rstrip()[:-1] + ", " + quoted + "]"
        else:
            while not lines[end - 1].strip():
                end -= 1
            lines.insert(end, f"  {fid}: [{quoted}]")
            end += 1
open(PATH, "w").write("\n".join(lines))
