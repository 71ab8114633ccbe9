"""Blind-set `names:` scorer (set F): does what a clinician types resolve to the expected active ingredients?

Each case is `{name, ingredients: [generic names]}`. The name is resolved through the planner's drug lookup
(`names.resolve_drug`, the knowledge layer's lexicon); each expected ingredient is resolved the same way, so a
generic the lexicon lacks counts against the case. `recognised`: the name resolves exactly or as a known brand, synonym or salt (a closest-spelling guess
does not count); `right`: it resolves to
exactly the expected set of ingredients (a brand read as one ingredient of a two-ingredient product is wrong).
Ingredients are compared as active ingredients: a lexicon form entry (the nicotine patch, inhaled fluticasone) is its
base ingredient (`form_of`), since the set names what is in the product, not its dose form. A one-slip spelling
(`how` spelling) counts as recognised, like a listed misspelling; a closest-spelling guess does not.
"""

from __future__ import annotations

from medcore.knowledge import drugs as kdrugs
from medcore.therapy.kb import KnowledgeBase


def _ingredients(kb: KnowledgeBase, text: str) -> set[str] | None:
    lex = kb.lexicon or kdrugs.load()
    r = kdrugs.resolve(text, lex=lex)
    if not r.ok or r.how == "fuzzy":
        return None
    return {lex.ingredients.get(i, {}).get("form_of") or i for i in r.ingredients}


def score_name(kb: KnowledgeBase, case: dict) -> dict:
    got = _ingredients(kb, case["name"])
    want = [_ingredients(kb, i) for i in case["ingredients"]]
    expected = set().union(*want) if all(w is not None for w in want) else None
    return {"name": case["name"], "recognised": got is not None, "got": sorted(got) if got else None,
            "expected": case["ingredients"], "ok": got is not None and expected is not None and got == expected}


def run(kb: KnowledgeBase, cases: list[dict], errors: bool = False) -> dict:
    scored = [score_name(kb, c) for c in cases]
    n = len(scored)
    report = {"typed_names": n,
              "typed_names_recognised": round(sum(s["recognised"] for s in scored) / n, 3) if n else None,
              "typed_names_right_ingredients": round(sum(s["ok"] for s in scored) / n, 3) if n else None}
    if errors:
        report["name_errors"] = [s for s in scored if not s["ok"]]
    return report
