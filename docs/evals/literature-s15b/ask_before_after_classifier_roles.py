"""Before/after of the numbers check on `literature ask`, one pass: roles as `eval literature` predicts them."""
import json, sys
from collections import Counter
from medcore.config import Settings
from medcore.literature import lit_eval, ask as ask_mod
from medcore.literature.headings import heading_map
from medcore.literature.role_model import classifier_dir, load_from
from medcore.literature.roles import decode_roles
from medcore.literature.ask_model import ANSWERS, cue_patterns, load_answer_model
from medcore.literature.ask_polarity import load_cue_model
from medcore.embeddings import embed
split = sys.argv[1]
s = Settings.load()
hmap = heading_map(s)
abstracts = [a for a in lit_eval._select(s, hmap, split, 0, None) if a.question and a.answer in ANSWERS]
clf = load_from(classifier_dir(s, None))
cues = cue_patterns(s); model = load_answer_model(s, None); cm = load_cue_model(s) if model is None else None
real = ask_mod.check_yes
res = {"before": [], "after": []}; gold = []; changed = Counter()
for a in abstracts:
    roles = [r for r, _ in decode_roles(s, a.sentences, clf.probabilities(a.sentences), clf)]
    ask_mod.check_yes = lambda *x, **k: None
    b = ask_mod.answer_question(a.question, a.sentences, roles, embed=embed, cues=cues, model=model, cue_model=cm).answer
    ask_mod.check_yes = real
    f = ask_mod.answer_question(a.question, a.sentences, roles, embed=embed, cues=cues, model=model, cue_model=cm).answer
    gold.append(a.answer); res["before"].append(b); res["after"].append(f)
    if b != f: changed[f"{b}->{f} gold {a.answer}"] += 1
out = {"split": split, "items": len(gold)}
for k, p in res.items():
    conf = {g: dict(Counter(pp for gg, pp in zip(gold, p) if gg == g)) for g in ANSWERS}
    out[k] = {"accuracy": round(sum(x == y for x, y in zip(gold, p)) / len(gold), 4), "confusion_gold_to_pred": conf}
out["changed"] = dict(changed)
print(json.dumps(out, indent=1))
