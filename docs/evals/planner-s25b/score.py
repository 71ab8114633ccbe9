"""Score a typed-name list (TSV: typed<TAB>gold) through the knowledge lexicon, as names_blind does.

gold: ingredient names joined by '+', 'ambiguous' (must not be read silently: asked or left unread), or 'class'
(a class name: must not be read as one drug). Outcomes: right (read as gold: exact, listed, or one-slip spelling),
asked (how 'ambiguous', gold among the readings; or gold 'ambiguous'/'class' and asked), guess (closest-spelling
'fuzzy' read of the gold: not counted as recognised), unread, wrong (read as something else: the unsafe outcome).
Usage: .venv/bin/python docs/evals/planner-s25b/score.py FILE.tsv [--errors]"""
import json
import sys
from collections import Counter

from medcore.knowledge import drugs as kdrugs
from medcore.config import Settings
from medcore.therapy.kb import load_kb
from medcore.therapy.names import resolve_drug


def base(lex, ids):
    return {lex.ingredients.get(i, {}).get("form_of") or i for i in ids}


def main(path, errors):
    kb = load_kb(Settings.load())
    lex = kb.lexicon or kdrugs.load()
    rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    out, bad = Counter(), []
    for typed, gold in rows:
        r = kdrugs.resolve(typed, lex=lex)
        got = base(lex, r.ingredients) if r.ok else set()
        if gold in ("ambiguous", "class"):
            if r.how == "ambiguous":
                o = "asked"
            elif not r.ok:
                # a class name: the planner offers its members (therapy.names._class_named), never one drug read
                o = "asked" if gold == "class" and kdrugs.resolve_class(typed, lex=lex) else "unread"
            else:
                o = "wrong"
        else:
            want = set()
            for g in gold.split("+"):
                gr = kdrugs.resolve(g, lex=lex)
                want |= base(lex, gr.ingredients) if gr.ok else {"?" + g}
            if r.ok and got == want:
                o = "guess" if r.how == "fuzzy" else "right"
            elif r.how == "ambiguous":
                sug = {s.lower() for s in r.suggestions}
                o = "asked" if any(kdrugs.drug_name(w, lex=lex).lower() in sug for w in want) else "asked_other"
            elif r.ok:
                o = "wrong"
            else:
                o = "unread"
        out[o] += 1
        if o not in ("right", "asked") or (o == "asked" and gold not in ("ambiguous", "class")):
            bad.append({"typed": typed, "gold": gold, "outcome": o, "how": r.how, "got": sorted(got),
                        "suggestions": list(r.suggestions)[:4]})
    n = len(rows)
    rep = {"file": path, "n": n, **{k: out[k] for k in ("right", "asked", "guess", "asked_other", "unread", "wrong")},
           "right_rate": round(out["right"] / n, 3), "safe_rate": round((out["right"] + out["asked"]) / n, 3)}
    if errors:
        rep["errors"] = bad
    print(json.dumps(rep, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], "--errors" in sys.argv)
