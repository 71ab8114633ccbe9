"""Write assets/kb/knowledge/drugs/ingredients/breadth_s29b.yaml from breadth.txt (session 29b, helper brand29),
checking every name against the lexicon as it stands WITHOUT the session-29b file (run from the repo root):
    PYTHONPATH=. .venv/bin/python docs/evals/planner-s29b/gen.py [--report]

Adds NAMES only (`names:` entries with `of`, `country`, `source`); a name whose ingredient or product the lexicon lacks
is listed ("no ingredient" / "no product"), never created here. Each `brand | ingredients | country | source` line:
the ingredients must each be a lexicon name or id (a brand of several ingredients needs a product holding exactly
them; a product or form id may be named directly). A brand is left out, with the reason printed, when
- its normalised text is already a lexicon key of ANOTHER drug, or the external-names table, the non-drug words or the
  refused abbreviations hold it (a name already read as the same drug is counted, not repeated);
- it is one typing slip from a lexicon name of another drug (s28b's rule: it would take that drug's misspellings);
- it is within TWO slips (Damerau-Levenshtein) of a top-market name of a DIFFERENT drug (topnames.txt of
  planner-s28b-review: 531 top US/UK brands and generics; the whole name and its first word are compared): a one-slip
  typo of that top name could then land one slip from the new name and be read as it (the s28b review's lesson);
- it, or a word of it, is an English word (CMU dictionary, `english_words.is_english_word`) or a given name
  (`records/first_names.txt`, the de-identifier's list): ordinary words and first names must read nothing.
"""
import sys
from collections import defaultdict
from pathlib import Path

from medcore.deid.kb_files import given_names
from medcore.knowledge import drug_lexicon, drugs
from medcore.knowledge.english_words import is_english_word
from medcore.knowledge.names import normalise

HERE = Path(__file__).resolve().parent
OUT = Path("assets/kb/knowledge/drugs/ingredients/breadth_s29b.yaml")
TOP = HERE.parent / "planner-s28b-review" / "topnames.txt"
ISO = {"AE", "AR", "AT", "AU", "BE", "BR", "CA", "CH", "CN", "CZ", "DE", "DK", "EG", "ES", "EU", "FI", "FR", "HR",
       "HU", "IE", "IL", "IN", "IT", "JO", "JP", "KR", "MX", "NL", "NO", "PL", "PT", "RU", "SA", "SE", "SI", "SK",
       "TR", "UK", "US", "ZA"}


def one_slip(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        d = [i for i in range(len(a)) if a[i] != b[i]]
        return len(d) == 1 or (len(d) == 2 and d[1] == d[0] + 1 and a[d[0]] == b[d[1]] and a[d[1]] == b[d[0]])
    s, t = (a, b) if len(a) < len(b) else (b, a)
    return any(t[:i] + t[i + 1:] == s for i in range(len(t)))


def slips(a: str, b: str, cap: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent transposition = one slip), cut off above `cap`."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if prev2 and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def reads(lex, text: str) -> frozenset:
    r = drugs.resolve(text, lex=lex)
    return frozenset(r.ingredients) if r.ok else frozenset()


def main(report: bool) -> None:
    hidden = OUT.with_suffix(".off")
    if OUT.exists():
        OUT.rename(hidden)  # check against the lexicon without this session's names
    try:
        drug_lexicon._MEMO.clear()
        lex = drug_lexicon.load()
    finally:
        if hidden.exists():
            hidden.rename(OUT)
    by_key = defaultdict(list)
    for k in lex.index:
        if len(k) >= 4:
            by_key[(len(k), k[0])].append(k)
    top = {}
    for t in TOP.read_text(encoding="utf-8").split("\n"):
        if t.strip():
            top[normalise(t)] = reads(lex, t)
    given = {g.lower() for g in given_names()}
    products = {frozenset(e["ingredients"]): pid for pid, e in lex.products.items()}
    kept, why, same, seen = defaultdict(list), [], 0, set()
    for line in (HERE / "breadth.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, ingr, country, src = (p.strip() for p in line.split("|"))
        assert all(c in ISO for c in country.split(";")), (name, country)
        ids = []
        for i in (x.strip() for x in ingr.split(";")):
            if i in lex.ingredients or i in lex.products:  # a form or product entry named by its id
                ids.append(i)
                continue
            hit = lex.index.get(normalise(i))
            if not hit or hit[0] != "drug":
                why.append(f"no ingredient {i!r}: {name}")
                break
            ids.append(hit[1])
        else:
            if len(ids) == 1:
                target = ids[0]
            else:
                target = products.get(frozenset(ids))
            if target is None:
                why.append(f"no product of {'+'.join(ids)}: {name}")
                continue
            parts = set(lex.products[target]["ingredients"]) if target in lex.products else {target}
            key = normalise(name)
            if key in seen:
                continue
            seen.add(key)
            old = lex.index.get(key)
            if old:
                if old[1] == target:
                    same += 1
                else:
                    why.append(f"collision: {name} -> {target}, lexicon has {old}")
                continue
            if key in lex.external:
                why.append(f"external table: {name} -> {target}")
                continue
            if key in lex.non_drug or key in lex.refused:
                why.append(f"non-drug word or refused: {name}")
                continue
            near = [k for n in (len(key) - 1, len(key), len(key) + 1) for k in by_key.get((n, key[0]), ())
                    if lex.index[k][1] != target and one_slip(key, k)]
            if near and len(key) <= 9:
                why.append(f"one slip from another drug's name: {name} ~ {near[:3]}")
                continue
            words = key.split()
            firsts = {key, words[0]} if len(words[0]) >= 4 else {key}
            close = [t for t, ing in top.items() for f in firsts
                     if ing and not ing <= parts and slips(f, t) <= 2]
            if close:
                why.append(f"two slips from a top-market name of another drug: {name} ~ {close[:3]}")
                continue
            bad = [w for w in words if not w.isdigit() and len(w) > 1 and (is_english_word(w) or w in given)]
            if bad and not (len(words) > 1 and words[0] not in bad and all(w in FORM_WORDS for w in bad)):
                why.append(f"English word or given name: {name} ({bad})")
                continue
            kept[(target, country)].append((name, src))
    lines = ["# Session 29b (brand29): brand names as typed outside the US - continental Europe, the UK, Turkey, Latin",
             "# America, India, the Gulf/Egypt, Japan and China (pinyin) - with form and strength words (mite, comp, plus,",
             "# prolong, Control), OTC and combination brands, for medicines the lexicon already holds; each from its",
             "# national label or register (source per entry). Generated by docs/evals/planner-s29b/gen.py from",
             "# docs/evals/planner-s29b/breadth.txt, which leaves out a name another drug claims, one slip from another",
             "# drug's name, two slips from a top-market name of another drug, or an English word or given name; a brand",
             "# of several ingredients joins the product that holds exactly them. Names only: no new ingredient here.",
             "ingredients: []", "names:"]
    for (target, country), rows in kept.items():
        brands = ", ".join('"' + n + '"' for n, _ in rows)
        src = "; ".join(s for _, s in rows).replace('"', "'")
        lines.append(f'  - {{of: {target}, country: "{country}", brands: [{brands}], source: "{src}"}}')
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = sum(len(v) for v in kept.values())
    print(f"kept {n} new names on {len(kept)} entries; already read as the same drug {same}; left out {len(why)}")
    if report:
        print("\n".join(why))


# pack words that may follow a brand (the brand itself is checked): a word among them is not an ordinary-word hit
FORM_WORDS = {"mite", "comp", "plus", "retard", "prolong", "control", "original", "extra", "dual", "action", "cold",
              "sinus", "duo", "solo", "simplex", "connect", "basal", "rapid", "spiromax", "h", "d", "m", "t4", "hb",
              "codeine", "forte", "zok", "cor", "mack", "dispert", "s"}

if __name__ == "__main__":
    main("--report" in sys.argv)
