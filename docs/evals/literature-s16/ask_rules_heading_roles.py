"""`literature ask` before/after on a split in one pass: the words-only answer, session 15's numbers rule (emulated
here), session 16's rule (the code); roles = the authors' headings, as docs/evals/literature-s15b does.
Run: python docs/evals/literature-s16/ask_rules_heading_roles.py dev|train [path to pqal_dev.json]"""
import json, sys
from collections import Counter
from medcore.config import Settings
from medcore.literature import lit_eval, ask as ask_mod, ask_numbers, numbers
from medcore.literature.headings import heading_map
from medcore.literature.ask_model import ANSWERS, cue_patterns
from medcore.literature.ask_polarity import load_cue_model
from medcore.literature.model import Sentence
from medcore.embeddings import embed
split = sys.argv[1]
s = Settings.load(); hmap = heading_map(s)
items = [a for a in lit_eval._select(s, hmap, split, 0, sys.argv[2] if len(sys.argv) > 2 else None) if a.question and a.answer in ANSWERS]
cues = cue_patterns(s); cm = load_cue_model(s)
real = ask_mod.check_yes; ask_mod.check_yes = lambda *x, **k: None

def sig15(e):
    by_p = numbers.p_significant(e)
    if by_p is not None:
        return by_p
    null = numbers.null_value(e.measure)
    if null is None or e.ci_low is None or e.ci_high is None or e.ci_low > e.ci_high:
        return None
    return not e.ci_low <= null <= e.ci_high

def check15(q, sents, roles, sims):
    null_yes, effect = cues.get("no_difference_question"), cues.get("effect_question")
    if (null_yes is not None and null_yes.search(q)) or (effect is not None and not effect.search(q)):
        return None
    idx = [i for i, r in enumerate(roles) if r in ask_numbers.RESULT_ROLES] or list(range(len(sents)))
    effs = [e for i in idx for e in numbers.extract_effects(Sentence(i, sents[i], 0, len(sents[i]))) if sig15(e) is not None]
    if not effs:
        return None
    named = [e for e in effs if ask_numbers._PRIMARY.search(sents[e.sentence_idx])]
    prim = named[0] if named else max(effs, key=lambda e: (float(sims[e.sentence_idx]), -e.sentence_idx))
    if sig15(prim):
        return None
    return "maybe" if any(sig15(e) for e in effs if e is not prim) else "no"

gold, preds, changed = [], {"words_only": [], "s15_rule": [], "s16_rule": []}, {"s15_rule": Counter(), "s16_rule": Counter()}
for a in items:
    roles = [lab or "" for lab in a.labels]
    vecs = embed([a.question] + a.sentences); sims = vecs[1:] @ vecs[0]
    b = ask_mod.answer_question(a.question, a.sentences, roles, embed=lambda t: vecs, cues=cues, cue_model=cm).answer
    gold.append(a.answer); preds["words_only"].append(b)
    c15 = check15(a.question, a.sentences, roles, sims) if b == "yes" else None
    c16 = real(a.question, a.sentences, roles, sims, cues) if b == "yes" else None
    for k, c in (("s15_rule", c15), ("s16_rule", c16.answer if c16 else None)):
        f = c or b
        preds[k].append(f)
        if f != b:
            changed[k][f"{b}->{f} gold {a.answer}"] += 1
out = {"split": split, "items": len(gold), "roles": "authors' headings"}
for k, p in preds.items():
    out[k] = {"accuracy": round(sum(x == y for x, y in zip(gold, p)) / len(gold), 4), "maybe_predicted": p.count("maybe")}
    if k in changed:
        out[k]["changed"] = dict(changed[k])
print(json.dumps(out))
