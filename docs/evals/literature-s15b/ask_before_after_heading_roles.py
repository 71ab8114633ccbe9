"""Fast before/after on a split: roles = the authors' headings (train/dev labels), one embedding pass per item;
variants: before (words only), after with parsed effects only, after with bare p-values too."""
import json, sys
from collections import Counter
from medcore.config import Settings
from medcore.literature import lit_eval, ask as ask_mod, ask_numbers
from medcore.literature.headings import heading_map
from medcore.literature.ask_model import ANSWERS, cue_patterns
from medcore.literature.ask_polarity import load_cue_model
from medcore.embeddings import embed
split = sys.argv[1]
s = Settings.load(); hmap = heading_map(s)
items = [a for a in lit_eval._select(s, hmap, split, 0, None) if a.question and a.answer in ANSWERS]
cues = cue_patterns(s); cm = load_cue_model(s)
real = ask_mod.check_yes; ask_mod.check_yes = lambda *x, **k: None
preds = {"before": [], "effects_only": [], "with_bare_p": []}; gold = []; changed = {k: Counter() for k in preds}
for a in items:
    roles = [lab or "" for lab in a.labels]
    vecs = embed([a.question] + a.sentences); sims = vecs[1:] @ vecs[0]
    b = ask_mod.answer_question(a.question, a.sentences, roles, embed=lambda t: vecs, cues=cues, cue_model=cm).answer
    gold.append(a.answer); preds["before"].append(b)
    for k, bare in (("effects_only", False), ("with_bare_p", True)):
        ask_numbers.BARE_P_VALUES = bare
        c = real(a.question, a.sentences, roles, sims, cues) if b == "yes" else None
        f = c.answer if c else b
        preds[k].append(f)
        if f != b: changed[k][f"{b}->{f} gold {a.answer}"] += 1
out = {"split": split, "items": len(gold), "roles": "authors' headings"}
for k, p in preds.items():
    out[k] = {"accuracy": round(sum(x == y for x, y in zip(gold, p)) / len(gold), 4), "changed": dict(changed[k]),
              "maybe_predicted": p.count("maybe")}
print(json.dumps(out))
