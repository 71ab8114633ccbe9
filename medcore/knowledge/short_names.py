"""Ward short forms and chart formula-words typed for a drug name: 'furo 40', 'clopi 75', 'ceftriax', 'tobra',
'Li carbonate'. Split from drugs.py (session 25b), which calls these after exact names and before spelling guesses."""

from __future__ import annotations

from medcore.knowledge.drug_lexicon import DrugLexicon
from medcore.knowledge.names import normalise

MIN_SHORTENED = 4


# Session 25b: a ward short form typed without a strength is offered (asked about, never read: chart truncations are
# error-prone, ISMP; session 14's 'hydroxyz' judgement) when it is at least this long and the start of one drug's own
# name only ('tobra', 'ceftriax'); four letters need the strength beside them ('furo 40') to be read at all.
MIN_SHORTENED_BARE = 5


def cut_short(lex: DrugLexicon, key: str) -> str | None:
    """The drug a ward short form typed without a strength stands for ('tobra', 'dexmed', 'ceftriax'): the
    `shortened` reading of `key` (every name starting with it is that drug's), when `key` has MIN_SHORTENED_BARE
    letters or more, is the start of the drug's own name cut inside its first word, is no whole word of any lexicon
    name ('peanut', 'house', 'water', 'nitrous' name allergens and other things in their own right) and starts no
    class name ('cephal' may be any cephalosporin, 'sulfon' a sulfonamide or sulfonylurea). The caller offers it,
    never reads it."""
    if len(key) < MIN_SHORTENED_BARE or not key.isalpha():
        return None
    drug = shortened(lex, key + " 1", key)  # the strength test is what this relaxes
    if drug is None:
        return None
    first = normalise(lex.name(lex.ingredients.get(drug, {}).get("form_of") or drug)).split()[:1]
    if not first or not first[0].startswith(key) or first[0] == key:
        return None
    if any(key in name.split() for name in lex.every_key.keys) or any(c.startswith(key) for c in lex.class_index):
        return None
    return drug


def element_named(lex: DrugLexicon, key: str) -> str | None:
    """The exact lexicon name a chart formula-word typed as symbol + salt word stands for ('Li carbonate' ->
    'lithium carbonate'), else None. The symbol alone is never read."""
    head, _, rest = key.partition(" ")
    element = lex.element_symbols.get(head)
    if not element or not rest:
        return None
    return next((c for c in lex.rules.candidates(f"{element} {rest}") if c in lex.index), None)


def shortened(lex: DrugLexicon, query: str, key: str) -> str | None:
    """The one drug whose names are the only ones to start with `key`, for a ward short form typed with a strength
    ('furo 40', 'omep 20', 'lanso 30'). Read only when the query holds a number (a strength beside the word is what
    marks it as a medicine typed short), `key` is one word of 4 letters or more, and every name in the lexicon and
    the generated table that starts with it is that drug or a combination product containing it: 'pred' (prednisone
    or prednisolone), 'carb' or 'digo' stay unread. Abbreviations the ISMP list refuses ('metro', 'levo') were
    already answered as ambiguous before this is tried. ISMP discourages shortened names: the planner says how it
    read the name and asks the user to check it."""
    if len(key) < MIN_SHORTENED or not key.isalpha() or not any(ch.isdigit() for ch in query):
        return None
    drugs, products, own = set(), set(), False
    for name, target in lex.every_key.keys.items():
        if name.startswith(key):
            kind, i = target.split(":", 1)
            (drugs if kind == "drug" else products).add(i)
            own = own or (kind == "drug" and lex.index.get(name, ("", "", "brand"))[2] != "brand")
    # Session 28b: the short form must start one of the drug's own names (generic, INN, salt name or synonym), not
    # only a brand: an unknown brand that happens to start a listed one ("Adol 500", a Gulf paracetamol, inside the
    # Spanish tramadol brand Adolonta) is no chart truncation, and each brand added would widen that reading.
    if len(drugs) != 1 or not own:
        return None
    (drug,) = drugs
    base = lex.ingredients.get(drug, {}).get("form_of") or drug
    if any(base not in lex.products[p]["ingredients"] and drug not in lex.products[p]["ingredients"] for p in products):
        return None
    return drug


MAX_SHORTENED_READINGS = 4


def shortened_readings(lex: DrugLexicon, query: str, key: str) -> tuple[str, ...]:
    """The drugs a ward short form typed with a strength may stand for when more than one name starts with it
    ('clopi 75': clopidogrel or zuclopenthixol, whose UK brand is Clopixol; 'clari 500': clarithromycin, or Clarinex,
    Claritin, Clariscan): asked about, never guessed, and never left to a spelling guess whose suggestions may miss
    the drug meant. Same conditions as `shortened`; more than MAX_SHORTENED_READINGS readings stay unknown."""
    if len(key) < MIN_SHORTENED or not key.isalpha() or not any(ch.isdigit() for ch in query):
        return ()
    drugs = {target.split(":", 1)[1] for name, target in lex.every_key.keys.items()
             if name.startswith(key) and target.startswith("drug:")}
    bases = {lex.ingredients.get(d, {}).get("form_of") or d for d in drugs}
    if not 2 <= len(bases) <= MAX_SHORTENED_READINGS:
        return ()
    return tuple(sorted(lex.name(d) for d in bases))
