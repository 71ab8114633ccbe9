"""Load and validate the therapy knowledge base (`assets/kb/therapy/`), and index it.

The KB is data: drugs, conditions, interactions (explicit pairs plus class rules expanded
to member pairs here, once), pharmacogenomics and the shared vocabularies (patient states,
allergy classes, cross-reactivity). Every file is checked against `kb_schema` and every
cross-reference (a drug named by a condition, an interaction or a PGx rule) must exist, so a
typo in the data fails at load, not in front of a clinician.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medcore.errors import DomainError
from medcore.knowledge import allergens as kallergens
from medcore.knowledge import drugs as kdrugs
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR, DrugKBError, DrugLexicon
from medcore.knowledge.kbfiles import KnowledgeKBError
from medcore.knowledge.interaction_rules import (  # noqa: F401 (SEVERITY_RANK, InteractionRule re-exported)
    SEVERITY_RANK, InteractionRule, expand_interactions, risk_profile)
from medcore.knowledge.names import normalise
from medcore.knowledge.validate import read_checked
from medcore.therapy import kb_cache, kb_schema, kb_schema_interactions


class KBError(DomainError):
    """The knowledge base is invalid; the message names the file and the entry."""


@dataclass
class KnowledgeBase:
    root: Path
    drugs: dict[str, dict]
    conditions: dict[str, dict]
    states: dict[str, dict]
    allergy_classes: dict[str, dict]
    cross_reactivity: list[dict]
    severe_reaction_terms: list[str]
    flag_sources: dict[str, str]
    pairs: dict[frozenset, list[InteractionRule]]
    explicit_pair_count: int
    class_rule_count: int
    pgx_rules: dict[tuple[str, str], dict]
    genes: dict[str, dict]
    # CPIC pairs whose table is not encoded yet (pgx.yaml `pending`): (drug, gene) -> entry
    pgx_pending: dict[tuple[str, str], dict] = field(default_factory=dict)
    classes: dict[str, set[str]] = field(default_factory=dict)
    duplicate_classes: frozenset = frozenset()
    duplicate_source: str = ""
    # AGS Beers criteria stated for a class: class id -> {text, source} (a drug's own `beers` entry wins)
    beers_classes: dict[str, dict] = field(default_factory=dict)
    # drugs of the knowledge lexicon the planner has no dosing data for: checked for interactions by class only
    interaction_only: dict[str, dict] = field(default_factory=dict)
    # interactions of three or more drugs together (interactions.yaml group_rules; see interactions.group_findings)
    group_rules: list[dict] = field(default_factory=list)
    lexicon: DrugLexicon | None = None
    knowledge_dir: Path | None = None
    condition_index: dict[str, str] = field(default_factory=dict)
    state_index: dict[str, str] = field(default_factory=dict)
    allergy_index: dict[str, str] = field(default_factory=dict)  # normalised -> allergy class id
    # allergens that are not medicines (foods, venoms, equipment): id -> entry; normalised name -> id
    non_drug_allergens: dict[str, dict] = field(default_factory=dict)
    non_drug_index: dict[str, str] = field(default_factory=dict)
    # KDIGO GFR categories: stage ("G4") -> {range, upper}; and their source
    ckd_stages: dict[str, dict] = field(default_factory=dict)
    ckd_stage_source: str = ""

    # -- lookups used everywhere --
    def drug(self, drug_id: str) -> dict:
        return self.drugs[drug_id]

    def drug_name(self, drug_id: str) -> str:
        d = self.drugs.get(drug_id) or self.interaction_only.get(drug_id)
        return (d.get("name") or drug_id.replace("-", "/")) if d else drug_id

    def drug_info(self, drug_id: str) -> dict:
        """A planner drug, or an interaction-only lexicon drug (classes and risk flags only)."""
        return self.drugs.get(drug_id) or self.interaction_only[drug_id]

    def members(self, klass: str) -> set[str]:
        return self.classes.get(klass, set())

    def counts(self) -> dict[str, int]:
        return {
            "drugs": len(self.drugs),
            "conditions": len(self.conditions),
            "interaction_pairs": len(self.pairs),
            "explicit_pairs": self.explicit_pair_count,
            "class_rules": self.class_rule_count,
            "pgx_pairs": len(self.pgx_rules),
            "genes": len(self.genes),
        }


def kb_root(settings) -> Path:
    return Path(settings.kb_dir) / "therapy"


def load_kb(settings) -> KnowledgeBase:
    """The KB, from memory, else from the data folder's JSON cache (`kb_cache`), else built (and kept there)."""
    return load_kb_dir(kb_root(settings), cache_dir=Path(settings.data_dir) / "therapy")


def load_kb_dir(root: Path, cache_dir: Path | None = None) -> KnowledgeBase:
    root = Path(root)
    kdir = _knowledge_dir(root)
    files = (list(root.rglob("*.yaml")) + list((kdir / "knowledge" / "drugs").rglob("*.yaml"))
             + [kallergens.data_path(kdir)])
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in files))
    return _load_cached(str(root), stamp, str(cache_dir or ""))


def _non_drug_allergens(kdir: Path) -> dict[str, dict]:
    try:
        return {a["id"]: dict(a) for a in kallergens.load(kdir)}
    except KnowledgeKBError as exc:
        raise KBError(str(exc)) from exc


def _knowledge_dir(root: Path) -> Path:
    """The KB dir whose knowledge/drugs lexicon names and classes this therapy KB's drugs (a copy of the
    therapy KB alone, as in tests, uses the shipped lexicon)."""
    return root.parent if (root.parent / "knowledge" / "drugs").is_dir() else DEFAULT_KB_DIR


@functools.lru_cache(maxsize=4)
def _load_cached(root_s: str, _stamp: tuple, cache_s: str) -> KnowledgeBase:
    root = Path(root_s)
    if not cache_s:
        return _build(root)
    key = kb_cache.digest(root, _knowledge_dir(root))
    got = kb_cache.load(Path(cache_s), key)
    if got is not None:
        return _build(root, *got)
    docs: dict[str, dict] = {}
    kb = _build(root, docs)
    if None not in docs.values():  # every file as JSON can hold it
        kb_cache.save(Path(cache_s), key, docs, kb.pairs, kb.explicit_pair_count)
    return kb


# the drug lexicon's validated docs in the cached `docs`, beside the therapy files (kb_cache's digest covers the
# lexicon files and the schema code): a new process skips reading and checking them (most of the lexicon's build)
LEXICON = "@drug-lexicon/"


def _reader(root: Path, docs: dict | None, from_cache: bool):
    """Reads a KB file as validated. From the cache: the kept doc. Otherwise read and checked; with `docs`, a
    JSON copy is kept there (None when JSON would not give the same doc back: such a KB is not cached)."""
    def read(path: Path, schema: dict) -> dict:
        rel = path.relative_to(root).as_posix()
        if from_cache:
            try:
                return docs[rel]
            except KeyError:
                raise KBError(f"{rel}: not in the cached KB (the cache is for other files)") from None
        doc = read_checked(path, schema, KBError, "knowledge-base file")
        if docs is not None:
            copy = json.loads(json.dumps(doc, default=repr))  # a copy: _build adds lexicon fields to drug entries
            docs[rel] = copy if copy == doc else None
        return doc
    return read


def _build(root: Path, docs: dict | None = None, expanded: tuple[dict, int] | None = None) -> KnowledgeBase:
    """The KB from the files (each validated; with `docs`, their JSON copies are kept there), or, with `expanded`,
    from the cached `docs` and interaction pairs (kb_cache): every cross-reference is checked either way."""
    _read = _reader(root, docs, expanded is not None)
    shared = _read(root / "shared.yaml", kb_schema.SHARED_FILE)
    drugs: dict[str, dict] = {}
    drug_files = sorted((root / "drugs").glob("*.yaml"))
    if not drug_files:
        raise KBError(f"no drug files under {root / 'drugs'}")
    for path in drug_files:
        for d in _read(path, kb_schema.DRUGS_FILE)["drugs"]:
            if d["id"] in drugs:
                raise KBError(f"{path.name}: drug {d['id']} defined twice")
            d.setdefault("name", d["id"].replace("-", "/"))
            drugs[d["id"]] = d
    kdir = _knowledge_dir(root)
    from_cache = expanded is not None
    lex_docs = {k[len(LEXICON):]: v for k, v in docs.items() if k.startswith(LEXICON)} if from_cache else None
    lex_keep: dict | None = {} if docs is not None and not from_cache else None
    try:
        lex = kdrugs.load(kdir, validated=lex_docs or None, keep=lex_keep)
    except DrugKBError as exc:
        raise KBError(f"drug lexicon: {exc}") from exc
    if lex_keep and None not in lex_keep.values():  # the lexicon's docs ride in the cache: its digest covers them
        docs.update({LEXICON + k: v for k, v in lex_keep.items()})
    for d in drugs.values():
        _take_lexicon(d, lex)
    interaction_only = {i: risk_profile(lex, i) for i in lex.ingredients if i not in drugs}
    states = {s["id"]: s for s in shared["states"]}
    allergy_classes = {a["id"]: a for a in shared["allergy_classes"]}
    non_drug = _non_drug_allergens(kdir)  # the knowledge layer's, one home with the record summarizer
    for a in non_drug.values():
        for ref in a.get("drugs", []):
            if ref not in drugs and ref not in interaction_only:
                raise KBError(f"{kallergens.DATA_FILE}: non-drug allergen {a['id']}: unknown drug {ref!r}")
    stages = shared.get("ckd_stages") or {"categories": [], "source": ""}
    conditions: dict[str, dict] = {}
    for c in _read(root / "conditions.yaml", kb_schema.CONDITIONS_FILE)["conditions"]:
        if c["id"] in conditions:
            raise KBError(f"conditions.yaml: condition {c['id']} defined twice")
        conditions[c["id"]] = c
    known_states = set(states) | set(conditions)

    classes: dict[str, set[str]] = {}
    for d in list(drugs.values()) + list(interaction_only.values()):
        for k in d["classes"]:
            classes.setdefault(k, set()).add(d["id"])
    for d in drugs.values():
        for ref in d.get("contraindicated_in", []) + d.get("caution_in", []):
            if ref not in known_states:
                raise KBError(f"drug {d['id']}: unknown patient state {ref!r} (add it to shared.yaml states)")
        if d.get("allergy_class") and d["allergy_class"] not in allergy_classes:
            raise KBError(f"drug {d['id']}: unknown allergy class {d['allergy_class']!r}")
    for c in conditions.values():
        seen = set()
        for o in c["options"]:
            if o["id"] in seen:
                raise KBError(f"condition {c['id']}: option {o['id']} repeated")
            seen.add(o["id"])
            for comp in o["components"]:
                if comp["drug"] not in drugs:
                    raise KBError(f"condition {c['id']} option {o['id']}: unknown drug {comp['drug']!r}")
            for ref in o.get("preferred_if", []) + o.get("not_if", []):
                if ref not in known_states:
                    raise KBError(f"condition {c['id']} option {o['id']}: unknown state {ref!r}")
    for rule in shared["cross_reactivity"]:
        if rule["allergy"] not in allergy_classes or rule["drug_class"] not in allergy_classes:
            raise KBError(f"cross-reactivity rule {rule['allergy']}->{rule['drug_class']}: unknown allergy class")

    beers_classes = {b["class"]: b for b in shared.get("beers_classes", [])}
    for k, b in beers_classes.items():
        if k not in classes:
            raise KBError(f"shared.yaml beers_classes: no drug has class {k!r}")
        for d in b.get("except", []):
            if d not in drugs and d not in interaction_only:
                raise KBError(f"shared.yaml beers_classes {k}: unknown drug {d!r} in except")

    inter = _read(root / "interactions.yaml", kb_schema_interactions.INTERACTIONS_FILE)
    pairs, n_explicit = expanded or expand_interactions(inter, {**interaction_only, **drugs}, classes, error=KBError)
    for g in inter.get("group_rules", []):
        for grp in g["groups"]:
            for k in grp.get("classes", []):
                if k not in classes:
                    raise KBError(f"interactions.yaml: group rule {g['id']}: no drug has class {k!r}")
            for d in grp.get("drugs", []):
                if d not in drugs and d not in interaction_only:
                    raise KBError(f"interactions.yaml: group rule {g['id']}: unknown drug {d!r}")
        for c in g.get("duration", []):
            if c["group"] >= len(g["groups"]):
                raise KBError(f"interactions.yaml: group rule {g['id']}: duration names group {c['group']}")

    pgx = _read(root / "pgx.yaml", kb_schema.PGX_FILE)
    genes = {g["gene"]: g for g in pgx["genes"]}
    pgx_rules: dict[tuple[str, str], dict] = {}
    for r in pgx["rules"]:
        if r["drug"] not in drugs and r["drug"] not in interaction_only:  # lexicon drugs are reviewed too
            raise KBError(f"pgx.yaml: unknown drug {r['drug']!r}")
        if r["gene"] not in genes:
            raise KBError(f"pgx.yaml: rule {r['drug']}/{r['gene']}: gene not described under genes")
        known = set(genes[r["gene"]]["phenotypes"])
        for ph, rec in r["recommendations"].items():
            if ph not in known:
                raise KBError(f"pgx.yaml: {r['drug']}/{r['gene']}: phenotype {ph!r} not listed for the gene")
            for alt in rec.get("alternatives", []):
                if alt not in drugs:
                    raise KBError(f"pgx.yaml: {r['drug']}/{r['gene']}: unknown alternative {alt!r}")
        if r.get("score_recommendations") and not genes[r["gene"]].get("score_bands"):
            raise KBError(f"pgx.yaml: {r['drug']}/{r['gene']}: score_recommendations for a gene without activity scores")
        pgx_rules[(r["drug"], r["gene"])] = r
        for other in r.get("also", []):
            if other not in drugs and other not in interaction_only:
                raise KBError(f"pgx.yaml: {r['drug']}/{r['gene']}: unknown drug {other!r} in also")
            if (other, r["gene"]) in pgx_rules:
                raise KBError(f"pgx.yaml: {other}/{r['gene']} has two tables")
            pgx_rules[(other, r["gene"])] = {**r, "drug": other}

    pgx_pending: dict[tuple[str, str], dict] = {}
    for r in pgx.get("pending", []):
        if r["drug"] not in drugs and r["drug"] not in interaction_only:
            raise KBError(f"pgx.yaml: pending: unknown drug {r['drug']!r}")
        if r["gene"] not in genes or (r["drug"], r["gene"]) in pgx_rules:
            raise KBError(f"pgx.yaml: pending {r['drug']}/{r['gene']}: gene not described, or the pair has a table")
        if set(r["implications"]) - set(genes[r["gene"]]["phenotypes"]):
            raise KBError(f"pgx.yaml: pending {r['drug']}/{r['gene']}: phenotype not listed for the gene")
        pgx_pending[(r["drug"], r["gene"])] = r

    return KnowledgeBase(
        root=root, drugs=drugs, conditions=conditions, states=states, allergy_classes=allergy_classes,
        cross_reactivity=shared["cross_reactivity"], severe_reaction_terms=[t.lower() for t in shared["severe_reaction_terms"]],
        flag_sources=shared["flag_sources"], pairs=pairs, explicit_pair_count=n_explicit,
        class_rule_count=len(inter["class_rules"]), pgx_rules=pgx_rules, genes=genes, pgx_pending=pgx_pending, classes=classes,
        duplicate_classes=frozenset(shared["duplicate_classes"]["classes"]),
        duplicate_source=shared["duplicate_classes"]["source"], beers_classes=beers_classes,
        interaction_only=interaction_only, group_rules=list(inter.get("group_rules", [])), lexicon=lex, knowledge_dir=kdir,
        condition_index=_index(conditions.values(), ("name", "synonyms", "icd10", "snomed")),
        state_index={**_index(conditions.values(), ("name", "synonyms")), **_index(states.values(), ("name", "synonyms"))},
        allergy_index=_index(allergy_classes.values(), ("name", "synonyms")),
        non_drug_allergens=non_drug, non_drug_index=_index(non_drug.values(), ("name", "synonyms", "condition_words")),
        ckd_stages={c["stage"]: c for c in stages["categories"]}, ckd_stage_source=stages["source"],
    )


# Names, brands, classes and the QT / serotonergic / CNS-depressant risk groups of a drug live in the knowledge
# drug lexicon (assets/kb/knowledge/drugs/); the therapy KB adds dosing, renal, hepatic and safety data.
def _take_lexicon(d: dict, lex: DrugLexicon) -> None:
    entry = lex.ingredients.get(d["id"]) or lex.products.get(d["id"])
    if entry is None:
        raise KBError(f"drug {d['id']}: not in the drug lexicon (assets/kb/knowledge/drugs/); add it there")
    risk = risk_profile(lex, d["id"])
    d.update({k: risk[k] for k in ("classes", "serotonergic", "cns_depressant")})
    if "qt" in risk:
        d["qt"] = risk["qt"]
    d["brands"] = list(entry.get("brands", []))
    d["synonyms"] = list(entry.get("inn", [])) + list(entry.get("synonyms", []))


def _index(entries, fields: tuple[str, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for e in entries:
        keys = [e["id"]]
        for f in fields:
            v = e.get(f)
            if isinstance(v, list):
                keys += v
            elif v:
                keys.append(v)
        for k in keys:
            index.setdefault(normalise(k), e["id"])
    return index


def as_jsonable(obj: Any) -> Any:
    """Dataclasses, tuples and sets to plain JSON types (for --json output and the store)."""
    import dataclasses

    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: as_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): as_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [as_jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj
