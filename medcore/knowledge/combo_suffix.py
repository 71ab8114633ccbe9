"""A brand of an ACE inhibitor, ARB or beta blocker with a diuretic-combination word after it ("Delix plus",
"Concor comp", "Lorzaar plus", "Telma H"): the European and Indian packs that add a thiazide (or, for perindopril,
indapamide) carry the mono brand's name with such a word (name_rules.yaml `diuretic_suffix`, with its source).
Read as the combination product when the lexicon holds it; never as the mono ingredient, and never left to a
spelling guess ("Olpress Plus" had been guessed as Blopress Plus, another sartan)."""
from __future__ import annotations

from medcore.knowledge.names import normalise


def diuretic_combination(lex, key: str) -> tuple[str | None, bool]:
    """(product id or None, whether `key` is such a brand + word at all). `key`: the normalised typed name."""
    rule = lex.diuretic_suffix
    words = key.split()
    if not rule or len(words) < 2 or words[-1] not in rule["words"]:
        return None, False
    hit = lex.index.get(" ".join(words[:-1]))
    if not hit or hit[0] != "drug" or not lex.drug_classes.get(hit[1], frozenset()) & rule["classes"]:
        return None, False
    partner = rule["partner_of"].get(hit[1], rule["partner"])
    want = frozenset((hit[1], partner))
    for pid, e in lex.products.items():
        if frozenset(e["ingredients"]) == want:
            return pid, True
    return None, True


def load_rule(rule: dict | None, ingredients: dict, classes: dict, normalise, error) -> dict | None:
    """name_rules.yaml `diuretic_suffix`, checked (every ingredient and class it names exists) and normalised."""
    if not rule:
        return None
    partners = rule.get("partner_of", {})
    bad = [i for i in (rule["partner"], *partners, *partners.values()) if i not in ingredients]
    bad += [k for k in rule["classes"] if k not in classes]
    if bad:
        raise error(f"name_rules.yaml: diuretic_suffix names unknown ingredients or classes: {bad}")
    return {"words": frozenset(normalise(w) for w in rule["words"]), "classes": frozenset(rule["classes"]),
            "partner": rule["partner"], "partner_of": dict(partners)}


def hyphen_combination(lex, query: str) -> str | None:
    """A combination typed with its ingredients' names joined by hyphens ("docusate-senna", "drospirenone-ethinyl
    estradiol"; session 30): the one product that holds exactly those ingredients, read only when every part is an
    exact name (after dose, form and salt words) of a different ingredient. No prefix or spelling guess here: a
    hyphen also sits inside single names ("co-amoxiclav", "Beloc-Zok"), which are read before this is tried."""
    text = lex.rules.dose_tail.sub("", query.strip())
    # str.split, not a regex: `\s*-\s*` rescans every run of spaces from each start (quadratic on long input)
    pieces = [p.strip() for p in text.split("-")]
    if len(pieces) < 2 or "/" in text or "+" in text:
        return None
    ids = []
    for piece in pieces:
        hit = next((lex.index[c] for c in (lex.rules.candidates(piece) if normalise(piece) else ()) if c in lex.index), None)
        if not hit or hit[0] != "drug":
            return None
        ids.append(hit[1])
    want = frozenset(ids)
    fits = [pid for pid, e in lex.products.items() if frozenset(e["ingredients"]) == want] if len(want) == len(ids) else []
    return fits[0] if len(fits) == 1 else None
