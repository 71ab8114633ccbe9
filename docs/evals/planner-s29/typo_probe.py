"""One-slip typos of the top-market names (docs/evals/planner-s28b-review/gen_typos.py over top_market.yaml's
list) read through drugs.resolve: how many read the top name, another drug, or are asked. Run from a repo root:
    PYTHONPATH=. .venv/bin/python docs/evals/planner-s29/typo_probe.py TYPOS.txt OUT.tsv
Prints counts; OUT.tsv has typo, how, ids, first suggestions, and the top names the typo is one slip from."""
import sys
from collections import Counter, defaultdict

from medcore.knowledge import drug_lexicon, drugs
from medcore.knowledge.names import edit_distance, normalise

lex = drug_lexicon.load()
top = sorted(lex.top_market) if getattr(lex, "top_market", None) else sorted(
    normalise(line) for line in open("docs/evals/planner-s28b-review/topnames.txt") if normalise(line) in lex.index)
target = {t: lex.every_key.keys[t] for t in top}
count = Counter()
with open(sys.argv[2], "w") as out:
    for q in (line.strip() for line in open(sys.argv[1])):
        if not q or q in lex.index:
            continue
        of = [t for t in lex.every_key.near(q, 1) if t in target and edit_distance(q, t, 2) == 1]
        if not of:
            continue
        r = drugs.resolve(q, lex=lex)
        mine = {target[t].split(":", 1)[1] for t in of}
        got = r.product or (r.ingredients[0] if len(r.ingredients) == 1 else "")
        kind = "asked" if not r.ingredients else ("top" if got in mine else "other")
        count[kind] += 1
        out.write(f"{q}\t{kind}\t{r.how}\t{'+'.join(r.ingredients)}\t{','.join(r.suggestions[:3])}\t{','.join(of)}\n")
print(dict(count))
