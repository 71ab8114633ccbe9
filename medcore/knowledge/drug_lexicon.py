"""Load and validate the drug lexicon (`assets/kb/knowledge/drugs/`): ingredients, combination products,
the class hierarchy and the name rules; build the name index once per file change.

Every cross-reference is checked at load (a product's ingredients, a drug's classes, a class's parents,
a form's ingredient), and two entries may not claim one name at the same rank, so a typo or a clash in
the data fails here and not in front of a clinician.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

from medcore.errors import DomainError
from medcore.knowledge import combo_suffix, drug_schema
from medcore.knowledge.inn_spelling import InnFolds
from medcore.knowledge.names import FuzzyKeys, NameRules, normalise, sound_fold
from medcore.knowledge.validate import read_checked

DEFAULT_KB_DIR = Path(__file__).resolve().parents[2] / "assets" / "kb"
# rank of a name kind in the index: a lower rank wins a shared key (an ingredient's own name beats a brand)
# generated brand/synonym table (scripts/build_drug_names.py); read after the lexicon's own names
EXTERNAL = "external_names.tsv"
RANK = {"id": 0, "name": 0, "inn": 1, "salt": 2, "brand": 3, "synonym": 4}


class DrugKBError(DomainError):
    """The drug lexicon is invalid; the message names the file and the entry."""


@dataclass
class DrugLexicon:
    root: Path
    ingredients: dict[str, dict]
    products: dict[str, dict]
    classes: dict[str, dict]
    rules: NameRules
    index: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key -> (kind, id, how)
    ancestors: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> itself and all ancestors
    drug_classes: dict[str, frozenset[str]] = field(default_factory=dict)  # ingredient/product -> all classes
    members: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> ingredients, transitive
    class_index: dict[str, str] = field(default_factory=dict)  # normalised class name/synonym -> class id
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ingredient -> its form entries
    ambiguous: frozenset[str] = frozenset()  # normalised names a free-text matcher must not take alone
    listed: frozenset[str] = frozenset()  # of those, the ones it takes where the context says a medicine is meant
    fuzzy: FuzzyKeys | None = None  # every index key -> "kind:id", for the close-misspelling rule
    external: frozenset[str] = frozenset()  # index keys from external_names.tsv (exact match only, not fuzzy)
    refused: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ambiguous abbreviation -> its readings
    every_key: FuzzyKeys | None = None  # every index key, generated names too: what a one-slip reading is compared with
    # "kind:id" -> ((partner "kind:id", partner's listed name, normalised), ...): ISMP look-alike pairs
    confused: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # sound-alike fold of every key (names.sound_fold) -> the "kind:id" targets with that fold
    folds: dict[str, frozenset[str]] = field(default_factory=dict)
    # brand family name (normalised) -> (its products' readings, whether the bare name is read as one product)
    families: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)
    # short form read only inside a '/'-typed combination (name_rules.yaml `combination_parts`) -> ingredient ids
    combo_parts: dict[str, frozenset[str]] = field(default_factory=dict)
    # chemical symbol typed before a salt word ("Li carbonate", "Mg oxide") -> the element's name (name_rules.yaml)
    element_symbols: dict[str, str] = field(default_factory=dict)
    # every sound-alike fold, trigram-indexed: a fold one slip from one entry's fold only (drugs._sounds_near)
    fold_keys: FuzzyKeys | None = None
    # words that name no medicine (non_drug_words.yaml: excipients, foods, body parts, supplies), normalised: never
    # read by a spelling or sound guess ("lanolin" is one slip from Lanoxin)
    non_drug: frozenset[str] = frozenset()
    inn: InnFolds = field(default_factory=InnFolds)  # INN spellings of other languages (name_rules.yaml inn_spelling)
    # top-market names (top_market.yaml), normalised: a one-slip reading of one is not crowded by rarer names
    top_market: frozenset[str] = frozenset()
    diuretic_suffix: dict | None = None  # name_rules.yaml `diuretic_suffix` (combo_suffix.py), checked

    def name(self, drug_id: str) -> str:
        e = self.ingredients.get(drug_id) or self.products.get(drug_id) or self.classes.get(drug_id)
        return e["name"] if e else drug_id


def drugs_root(kb_dir: Path | str | None = None) -> Path:
    return Path(kb_dir or DEFAULT_KB_DIR) / "knowledge" / "drugs"


def load(kb_dir: Path | str | None = None, validated: dict[str, dict] | None = None,
         keep: dict[str, dict | None] | None = None) -> DrugLexicon:
    """The lexicon, built once per file change in a process. `validated`: the files' docs as validated earlier, by
    path relative to the drugs folder, from a cache whose digest covers these files and the schema code (the
    therapy KB's); they stand in for reading and schema-checking the YAML (most of the build), and every
    cross-reference is still checked. The build takes them over (it may add fields to entries). `keep`: when the
    lexicon is built here from the files, their validated docs are put there as JSON copies (None where JSON would
    not give the same doc back) for such a cache."""
    root = drugs_root(kb_dir)
    files = sorted(root.rglob("*.yaml"))
    if not files:
        raise DrugKBError(f"drug lexicon not found under {root}")
    key = (str(root), tuple((str(p), p.stat().st_mtime_ns) for p in [*files, *sorted(root.glob("*.tsv"))]))
    with _MEMO_LOCK:
        hit = _MEMO.get(key)
    if hit is not None:
        return hit
    lex = _build(root, validated, keep)
    with _MEMO_LOCK:
        _MEMO[key] = lex
        while len(_MEMO) > 4:  # older file versions (an edited KB): only the newest few stay
            del _MEMO[next(iter(_MEMO))]
    return lex


_MEMO: dict[tuple, DrugLexicon] = {}
_MEMO_LOCK = threading.Lock()


def _reader(root: Path, validated: dict[str, dict] | None, keep: dict[str, dict | None] | None):
    def read(path: Path, schema: dict) -> dict:
        rel = path.relative_to(root).as_posix()
        if validated is not None and rel in validated:
            return validated[rel]
        doc = read_checked(path, schema, DrugKBError, "drug lexicon file")
        if keep is not None:
            same = json.loads(json.dumps(doc, default=repr))
            keep[rel] = same if same == doc else None
        return doc
    return read


def _build(root: Path, validated: dict[str, dict] | None = None, keep: dict | None = None) -> DrugLexicon:
    _read = _reader(root, validated, keep)
    classes: dict[str, dict] = {}
    for c in _read(root / "classes.yaml", drug_schema.CLASSES_FILE)["classes"]:
        if c["id"] in classes:
            raise DrugKBError(f"classes.yaml: class {c['id']} defined twice")
        classes[c["id"]] = c
    ingredients: dict[str, dict] = {}
    files = sorted((root / "ingredients").glob("*.yaml"))
    if not files:
        raise DrugKBError(f"no ingredient files under {root / 'ingredients'}")
    extra: list[tuple[str, dict]] = []  # (file, names entry) applied once every entry is known
    more_products: list[dict] = []
    for path in files:
        doc = _read(path, drug_schema.INGREDIENTS_FILE)
        for e in doc["ingredients"]:
            if e["id"] in ingredients:
                raise DrugKBError(f"{path.name}: ingredient {e['id']} defined twice")
            ingredients[e["id"]] = e
        extra += [(path.name, n) for n in doc.get("names", [])]
        more_products += doc.get("products", [])
    products: dict[str, dict] = {}
    for e in _read(root / "products.yaml", drug_schema.PRODUCTS_FILE)["products"] + more_products:
        if e["id"] in products or e["id"] in ingredients:
            raise DrugKBError(f"products.yaml: {e['id']} defined twice (or also an ingredient)")
        for i in e["ingredients"]:
            if i not in ingredients:
                raise DrugKBError(f"products.yaml: {e['id']}: unknown ingredient {i!r}")
        products[e["id"]] = e
    _add_extra_names(extra, ingredients, products)
    doc = _read(root / "name_rules.yaml", drug_schema.RULES_FILE)
    unlisted = {normalise(w) for w in doc.get("listed_in_text", [])} - {normalise(w) for w in doc.get("ambiguous_in_text", [])}
    if unlisted:
        raise DrugKBError(f"name_rules.yaml: listed_in_text names not in ambiguous_in_text: {sorted(unlisted)}")
    rules = NameRules.build(doc["dose_tail"], doc["form_words"], doc["salt_words"], doc.get("trailing_words", ()),
                            doc.get("leading_words", ()), doc.get("biologic_suffix"), doc.get("labeller_words", ()),
                            doc.get("trailing_openers", ()))

    forms: dict[str, list[str]] = {}
    for e in ingredients.values():
        if e.get("form_of"):
            if e["form_of"] not in ingredients or ingredients[e["form_of"]].get("form_of"):
                raise DrugKBError(f"ingredient {e['id']}: form_of {e['form_of']!r} is not a base ingredient")
            forms.setdefault(e["form_of"], []).append(e["id"])
    ancestors = _ancestors(classes)
    drug_classes: dict[str, frozenset[str]] = {}
    for kind, entries in (("ingredient", ingredients), ("product", products)):
        for e in entries.values():
            for k in e.get("classes", []):
                if k not in classes:
                    raise DrugKBError(f"{kind} {e['id']}: unknown class {k!r} (add it to classes.yaml)")
            drug_classes[e["id"]] = frozenset().union(*(ancestors[k] for k in e.get("classes", [])))
    for e in products.values():
        if "classes" not in e:  # a product without its own list is what its ingredients are
            drug_classes[e["id"]] = frozenset().union(*(drug_classes[i] for i in e["ingredients"]))
    members: dict[str, set[str]] = {k: set() for k in classes}
    for i in ingredients:
        for k in drug_classes[i]:
            members[k].add(i)
    class_index: dict[str, str] = {}
    for c in classes.values():
        for n in (c["id"], c["name"], *c.get("synonyms", [])):
            class_index.setdefault(normalise(n), c["id"])
    index = _index(ingredients, products)
    refused = _refused(doc, index)
    families = _families(doc, index, refused)
    fuzzy = FuzzyKeys({k: f"{kind}:{i}" for k, (kind, i, _) in index.items()})
    external = _add_external(index, root / EXTERNAL, ingredients, products, refused)
    lex = DrugLexicon(root, ingredients, products, classes, rules, index,
                       ancestors, drug_classes, {k: frozenset(v) for k, v in members.items()}, class_index,
                       {k: tuple(v) for k, v in forms.items()},
                       frozenset(normalise(w) for w in doc.get("ambiguous_in_text", [])),
                       frozenset(normalise(w) for w in doc.get("listed_in_text", [])), fuzzy, external, refused,
                       FuzzyKeys({k: f"{kind}:{i}" for k, (kind, i, _) in index.items()}), _confused(doc, index),
                       _folds(index), families, _combo_parts(doc, ingredients),
                       {normalise(k): normalise(v) for k, v in (doc.get("element_symbols") or {}).items()})
    lex.fold_keys = FuzzyKeys({f: f for f in lex.folds})
    lex.non_drug = _non_drug(root, _read, index, refused)
    lex.inn = InnFolds.build(doc.get("inn_spelling"), index)
    lex.top_market = _top_market(root, _read, index)
    lex.diuretic_suffix = combo_suffix.load_rule(doc.get("diuretic_suffix"), ingredients, classes, normalise, DrugKBError)
    return lex


TOP_MARKET_FILE = "top_market.yaml"


def _top_market(root: Path, read, index: dict) -> frozenset[str]:
    """The normalised names of top_market.yaml (empty where a KB copy has none); each must be a lexicon name."""
    path = root / TOP_MARKET_FILE
    if not path.is_file():
        return frozenset()
    names = {normalise(n) for n in read(path, drug_schema.TOP_MARKET_FILE)["names"]}
    unknown = sorted(n for n in names if n not in index)
    if unknown:
        raise DrugKBError(f"{TOP_MARKET_FILE}: names the lexicon does not read: {unknown}")
    return frozenset(names)


NON_DRUG_FILE = "non_drug_words.yaml"


def _non_drug(root: Path, read, index: dict, refused: dict) -> frozenset[str]:
    """The normalised words of non_drug_words.yaml (empty where a KB copy has no such file). A word that is also a
    lexicon name or a refused abbreviation contradicts the file and is an error: the exact reading must win."""
    path = root / NON_DRUG_FILE
    if not path.is_file():
        return frozenset()
    words = {normalise(w) for g in read(path, drug_schema.NON_DRUG_WORDS_FILE)["groups"] for w in g["words"]}
    clash = sorted(w for w in words if w in index or w in refused)
    if clash:
        raise DrugKBError(f"{NON_DRUG_FILE}: words that are also drug names: {clash}")
    return frozenset(words)


def _combo_parts(doc: dict, ingredients: dict[str, dict]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for e in doc.get("combination_parts", []):
        missing = [i for i in e["ingredients"] if i not in ingredients]
        if missing:
            raise DrugKBError(f"name_rules.yaml: combination part {e['part']!r} names unknown ingredients {missing}")
        out[normalise(e["part"])] = frozenset(e["ingredients"])
    return out


def _folds(index: dict[str, tuple[str, str, str]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for k, (kind, i, _) in index.items():
        if len(k) >= 5 and not any(ch.isdigit() for ch in k):
            out.setdefault(sound_fold(k), set()).add(f"{kind}:{i}")
    return {k: frozenset(v) for k, v in out.items()}


def _confused(doc: dict, index: dict[str, tuple[str, str, str]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Look-alike pairs (name_rules.yaml `confused_names`): each name must be a lexicon name, and the two must name
    different entries (a pair within one drug is no danger)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for pair in doc.get("confused_names", []):
        keys = [normalise(n) for n in pair]
        hits = [index.get(k) for k in keys]
        if not all(hits):
            raise DrugKBError(f"name_rules.yaml: confused name pair {pair}: "
                              f"{[n for n, h in zip(pair, hits) if not h]} not a lexicon name")
        targets = [f"{h[0]}:{h[1]}" for h in hits]
        if targets[0] == targets[1]:
            raise DrugKBError(f"name_rules.yaml: confused name pair {pair} names one entry")
        out.setdefault(targets[0], []).append((targets[1], keys[1]))
        out.setdefault(targets[1], []).append((targets[0], keys[0]))
    return {k: tuple(v) for k, v in out.items()}


def _refused(doc: dict, index: dict[str, tuple[str, str, str]]) -> dict[str, tuple[str, ...]]:
    """Abbreviations with more than one reading (name_rules.yaml). No entry may claim one as its name: the data
    would then say two things about the same letters."""
    out: dict[str, tuple[str, ...]] = {}
    for r in doc.get("refused_abbreviations", []):
        key = normalise(r["name"])
        if key in index:
            raise DrugKBError(f"name_rules.yaml: refused abbreviation {r['name']!r} is also a name of {index[key][1]}")
        out[key] = tuple(r["readings"])
    return out


def _families(doc: dict, index: dict[str, tuple[str, str, str]],
              refused: dict[str, tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], bool]]:
    """Brand families (name_rules.yaml `brand_families`). A family asked about when typed alone joins the refused
    names, so no entry may claim it; one whose bare name is read (`read_alone`) must be a lexicon name."""
    out: dict[str, tuple[tuple[str, ...], bool]] = {}
    for f in doc.get("brand_families", []):
        key, alone = normalise(f["name"]), bool(f.get("read_alone"))
        if key in out or key in refused:
            raise DrugKBError(f"name_rules.yaml: brand family {f['name']!r} listed twice")
        if alone != (key in index):
            raise DrugKBError(f"name_rules.yaml: brand family {f['name']!r}: read_alone is {alone}, but the name is "
                              f"{'' if key in index else 'not '}a lexicon name")
        if not alone:
            refused[key] = tuple(f["readings"])
        out[key] = (tuple(f["readings"]), alone)
    return out


def _ancestors(classes: dict[str, dict]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}

    def visit(cid: str, path: tuple[str, ...]) -> frozenset[str]:
        if cid in out:
            return out[cid]
        if cid in path:
            raise DrugKBError(f"classes.yaml: parent cycle {' -> '.join(path + (cid,))}")
        acc = {cid}
        for p in classes[cid].get("parents", []):
            if p not in classes:
                raise DrugKBError(f"classes.yaml: class {cid}: unknown parent {p!r}")
            acc |= visit(p, path + (cid,))
        out[cid] = frozenset(acc)
        return out[cid]

    for cid in classes:
        visit(cid, ())
    return out


def _names(e: dict) -> list[tuple[str, str]]:
    """(name, rank kind) for every way an entry can be typed."""
    out = [(e["id"], "id"), (e["name"], "name")]
    out += [(n, "inn") for n in e.get("inn", [])]
    for s in e.get("salts", []):
        out += [(f"{n} {s}", "salt") for n in (e["name"], *e.get("inn", []))]
    out += [(n, "brand") for n in e.get("brands", [])]
    out += [(n, "synonym") for n in e.get("synonyms", [])]
    return out


def _add_extra_names(extra: list[tuple[str, dict]], ingredients: dict[str, dict], products: dict[str, dict]) -> None:
    """A breadth file's `names` entries join the brands and synonyms of the entry they name (a copy: the documents
    read stay as read). An unknown entry is an error, so a name never floats free of its ingredients."""
    for fname, n in extra:
        table = ingredients if n["of"] in ingredients else products if n["of"] in products else None
        if table is None:
            raise DrugKBError(f"{fname}: names for unknown entry {n['of']!r}")
        e = dict(table[n["of"]])
        for key in ("brands", "synonyms"):
            if n.get(key):
                e[key] = list(dict.fromkeys([*e.get(key, []), *n[key]]))
        table[n["of"]] = e


def _index(ingredients: dict[str, dict], products: dict[str, dict]) -> dict[str, tuple[str, str, str]]:
    index: dict[str, tuple[str, str, str]] = {}
    rank: dict[str, int] = {}
    for kind, entries in (("drug", ingredients), ("product", products)):
        for e in entries.values():
            for name, how in _names(e):
                key = normalise(name)
                if not key:
                    continue
                r = RANK[how] + (0 if kind == "drug" else 1)
                old = index.get(key)
                if old and old[1] != e["id"]:
                    if rank[key] == r:
                        raise DrugKBError(f"name {name!r} claimed by both {old[1]} and {e['id']}")
                    if rank[key] < r:
                        continue
                if old and old[1] == e["id"] and rank[key] <= r:
                    continue
                index[key] = (kind, e["id"], "exact" if how in ("id", "name") else how)
                rank[key] = r
    return index


def _add_external(index: dict[str, tuple[str, str, str]], path: Path, ingredients: dict, products: dict,
                  refused: dict[str, tuple[str, ...]] | None = None) -> frozenset[str]:
    """Names from the generated table, each only where the lexicon's own entries do not already claim it (they
    always win) and it is not a refused abbreviation. Kept out of the fuzzy keys: a misspelling is never guessed
    towards a bulk-imported name."""
    if not path.exists():
        return frozenset()
    added = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or cols[2] not in ("brand", "synonym") or len(cols[3]) < 6:
            raise DrugKBError(f"{path.name}:{n}: expected name, target, brand|synonym, source")
        key, target, how = normalise(cols[0]), cols[1], cols[2]
        kind = "drug" if target in ingredients else "product" if target in products else None
        if kind is None:
            raise DrugKBError(f"{path.name}:{n}: unknown target {target!r}")
        if key and key not in index and key not in (refused or {}):
            index[key] = (kind, target, how)
            added.add(key)
    return frozenset(added)
