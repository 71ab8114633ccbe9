"""How many words of a non-drug word list the drug lexicon reads as a drug (a wrong read), and how (exact names count:
a word that is also a medicine is listed there). Usage (repo root): python nondrug_score.py FILE"""
import sys
from collections import Counter

from medcore.knowledge import drug_lexicon, drugs

lex = drug_lexicon.load()
words = [w.strip() for w in open(sys.argv[1], encoding="utf-8") if w.strip() and not w.startswith("#")]
hows = Counter()
for w in dict.fromkeys(words):
    r = drugs.resolve(w, lex=lex)
    if r.ok:
        hows[r.how] += 1
        print(f"READ\t{w}\t{r.how}\t{'+'.join(r.ingredients)}")
print(f"# {sum(hows.values())} of {len(dict.fromkeys(words))} words read as a drug: {dict(hows)}")
