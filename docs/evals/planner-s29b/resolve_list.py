"""Resolve each line of FILE with the drug lexicon of the current root; TSV line, how, ingredients (to diff roots).
Usage (a repo root): PYTHONPATH=. python resolve_list.py FILE > OUT.tsv"""
import sys

from medcore.knowledge import drug_lexicon, drugs

lex = drug_lexicon.load()
for q in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    if q.strip():
        r = drugs.resolve(q, lex=lex)
        print(f"{q}\t{r.how if r.ok else '-'}\t{'+'.join(r.ingredients) if r.ok else ''}")
