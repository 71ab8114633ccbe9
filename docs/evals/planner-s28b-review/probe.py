"""Resolve each line of a file through medcore.therapy.names.resolve_drug (planner page/CLI path); print TSV."""
import sys, json
from pathlib import Path
from medcore.therapy.kb import load_kb_dir
from medcore.therapy.names import resolve_drug
kb = load_kb_dir(Path("assets/kb/therapy"))
out = open(sys.argv[2], "w")
for line in open(sys.argv[1]):
    q = line.rstrip("\n")
    if not q.strip():
        continue
    r = resolve_drug(kb, q)
    out.write(f"{q}\t{r.how}\t{'+'.join(r.ids)}\t{','.join(r.suggestions[:4])}\t{','.join(r.unchecked)}\n")
