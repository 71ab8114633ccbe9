"""Write assets/kb/knowledge/drugs/ingredients/breadth_s28b.yaml from breadth.txt (session 28b), checking every name
against the lexicon as it stands WITHOUT the session-28b file (run from the repo root):
    PYTHONPATH=. .venv/bin/python docs/evals/planner-s28b/gen.py [--report]

For each `brand | ingredients | country | source` line: the ingredients must each be an exact lexicon name (a brand of
several ingredients needs a product holding exactly them, else it is left out); the brand is left out, with the reason
printed, when its normalised text is already a lexicon key of ANOTHER drug (a collision), when the generated
external-names table maps it to another drug, when it is a non-drug word or a refused abbreviation, or when it is one
typing slip from a name of another drug (it would take that drug's misspellings). A name already read as the same
drug is counted, not repeated. Names that are CMU-dictionary words are printed for a human look (not auto-dropped:
the dictionary holds surnames too; the list was written leaving out ordinary words of English and the common
European languages)."""
import sys
from collections import defaultdict
from pathlib import Path

from medcore.knowledge import drug_lexicon
from medcore.knowledge.english_words import is_english_word
from medcore.knowledge.names import normalise

HERE = Path(__file__).resolve().parent
OUT = Path("assets/kb/knowledge/drugs/ingredients/breadth_s28b.yaml")
ISO = {"AE", "AR", "AT", "AU", "BE", "BR", "CA", "CH", "CZ", "DE", "DK", "EG", "ES", "EU", "FI", "FR", "HR", "HU",
       "IL", "IN", "IT", "MX", "NL", "NO", "PL", "SA", "SE", "SI", "TR", "UK"}


# Ingredients the lexicon lacked that many of the list's brands hold (written here, checked by the loader's schema)
NEW = {
    "aceclofenac": '{id: aceclofenac, name: aceclofenac, classes: [nsaid], routes: [oral], source: "UK SmPC (Preservex, '
                   'aceclofenac 100 mg: an NSAID, the class warnings of the phenylacetic acid NSAIDs); AEMPS CIMA (Airtal, '
                   'aceclofenaco); CIMS India (Zerodol, Hifenac)"}',
    "norfloxacin": '{id: norfloxacin, name: norfloxacin, classes: [fluoroquinolone, antibiotic, cyp1a2_inhibitor], '
                   'routes: [oral], source: "FDA label (Noroxin, norfloxacin 400 mg, withdrawn from the US market 2014): '
                   'a fluoroquinolone; raised theophylline and caffeine levels (CYP1A2), chelation by antacids, iron, zinc '
                   'and sucralfate, warfarin effect raised; Vidal (Noroxine); CIMS India (Norflox)"}',
}


def one_slip(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        d = [i for i in range(len(a)) if a[i] != b[i]]
        return len(d) == 1 or (len(d) == 2 and d[1] == d[0] + 1 and a[d[0]] == b[d[1]] and a[d[1]] == b[d[0]])
    s, t = (a, b) if len(a) < len(b) else (b, a)
    return any(t[:i] + t[i + 1:] == s for i in range(len(t)))


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
    products = {frozenset(e["ingredients"]): pid for pid, e in lex.products.items()}
    kept, why, same, words = defaultdict(list), [], 0, []
    seen = set()
    for line in (HERE / "breadth.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, ingr, country, src = (p.strip() for p in line.split("|"))
        assert all(c in ISO for c in country.split(";")), country
        ids = []
        for i in (x.strip() for x in ingr.split(";")):
            if i in lex.ingredients or i in NEW:  # a form entry named by its id (budesonide-inhaled)
                ids.append(i)
                continue
            hit = lex.index.get(normalise(i))
            if not hit or hit[0] != "drug":
                why.append(f"no ingredient {i!r}: {name}")
                break
            ids.append(hit[1])
        else:
            target = ids[0] if len(ids) == 1 else products.get(frozenset(ids))
            if target is None:
                why.append(f"no product of {'+'.join(ids)}: {name}")
                continue
            key = normalise(name)
            if key in seen:
                continue
            seen.add(key)
            old = lex.index.get(key) or ((("drug", key, "new")) if key in NEW else None)
            if old:
                if old[1] == target:
                    same += 1
                else:
                    why.append(f"collision: {name} -> {target}, lexicon has {old}")
                continue
            if key in lex.external:
                why.append(f"external table: {name} -> {target}, table has {lex.index.get(key)}")
                continue
            if key in lex.non_drug or key in lex.refused:
                why.append(f"non-drug word or refused: {name}")
                continue
            slips = [k for n in (len(key) - 1, len(key), len(key) + 1) for k in by_key.get((n, key[0]), ())
                     if lex.index[k][1] != target and one_slip(key, k)]
            if slips and len(key) <= 9:
                why.append(f"one slip from another drug's name: {name} ~ {slips[:3]} ({[lex.index[s][1] for s in slips[:3]]})")
                continue
            if " " not in key and is_english_word(key):
                words.append(name)
            kept[(target, country)].append((name, src))
    lines = ["# Session 28b (plan28b): brand names of continental Europe (DE, FR, ES, IT, NL, Nordic, PL), Latin America",
             "# (BR, MX, AR), India, the Middle East and Australia / Canada for medicines the lexicon already holds, by ATC",
             "# group; each from its national label or register (source per entry). Generated by",
             "# docs/evals/planner-s28b/gen.py from docs/evals/planner-s28b/breadth.txt, which checks each name against the",
             "# lexicon: a name another drug already claims, one typing slip from another drug's name, or an ordinary word",
             "# of English or a common European language is left out; a brand of several ingredients joins the product that",
             "# holds exactly them. The `names` entries add to the entry they name (drug_lexicon._add_extra_names).",
             "ingredients:", *(f"  - {e}" for e in NEW.values()), "names:"]
    for (target, country), rows in kept.items():
        brands = ", ".join('"' + n + '"' for n, _ in rows)
        src = "; ".join(s for _, s in rows).replace('"', "'")
        lines.append(f'  - {{of: {target}, country: "{country}", brands: [{brands}], source: "{src}"}}')
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = sum(len(v) for v in kept.values())
    print(f"kept {n} new names on {len(kept)} entries; already read as the same drug {same}; left out {len(why)}")
    if report:
        print("\n".join(why))
        print("dictionary words kept (look):", words)


if __name__ == "__main__":
    main("--report" in sys.argv)
