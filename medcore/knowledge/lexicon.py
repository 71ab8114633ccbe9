"""The match lexicon: normalised term keys -> concepts, built from the concepts and the abbreviation
table, and stored on disk as JSON (no pickle) beside a SQLite file of the concepts.

A key is a space-joined sequence of token keys (normalize.token_key), so plurals, UK spellings and
anatomical adjectives already meet there. Short keys (three letters or fewer: 'mi', 'pe', 'af') only
match text written in capitals, so the article 'a' or 'pe' inside a word never becomes a concept."""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from medcore.atomic import tmp_sibling
from medcore.knowledge import kbfiles
from medcore.knowledge.concepts import Concept
from medcore.knowledge.normalize import Variants, term_keys

log = logging.getLogger(__name__)

# When one key names several concepts, the richer concept of ours comes first.
TYPE_PRIORITY = ("condition", "finding", "procedure", "test", "drug", "product", "class", "gene", "hpo", "icd10cm")
MAX_MATCH_TOKENS = 10
SHORT_KEY = 3


@dataclass
class Lexicon:
    ids: list[str]
    types: list[str]
    terms: dict[str, int | list[int]]  # key -> concept index, or indexes with the preferred first
    upper_only: set[str]  # keys that match only text written in capitals
    abbreviations: dict[str, list[dict]]  # key -> senses [{concepts, sections, cues, header}] (ambiguous ones)
    abbr_keys: set[str] = field(default_factory=set)  # keys that came from the abbreviation table
    first_max: dict[str, int] = field(default_factory=dict)  # first token -> longest key length (tokens)

    def concepts_of(self, key: str) -> list[int]:
        v = self.terms.get(key)
        return [] if v is None else [v] if isinstance(v, int) else v

    def finish(self) -> "Lexicon":
        fm: dict[str, int] = {}
        for key in (*self.terms, *self.abbreviations):
            toks = key.split(" ")
            if len(toks) <= MAX_MATCH_TOKENS and fm.get(toks[0], 0) < len(toks):
                fm[toks[0]] = len(toks)
        self.first_max = fm
        return self


def _term_forms(c: Concept) -> list[str]:
    if c.type == "icd10cm":
        from medcore.knowledge.sources.icd10cm import match_terms

        return match_terms(c)
    return [c.name, *c.synonyms]


def _usable(key: str) -> bool:
    """Keys too short or numeric to name a concept on their own ('a', '38 5') stay out."""
    compact = key.replace(" ", "")
    return len(compact) >= 2 and not compact.isdigit() and any(ch.isalpha() for ch in compact)


def build(concepts: list[Concept], variants: Variants, kb_dir: Path) -> Lexicon:
    order = sorted(range(len(concepts)), key=lambda i: TYPE_PRIORITY.index(concepts[i].type)
                   if concepts[i].type in TYPE_PRIORITY else len(TYPE_PRIORITY))
    ids = [concepts[i].id for i in order]
    types = [concepts[i].type for i in order]
    terms: dict[str, list[int]] = {}
    upper: set[str] = set()
    lower_ok: set[str] = set()
    for idx, ci in enumerate(order):
        c = concepts[ci]
        for form in _term_forms(c):
            for key in term_keys(form, variants):
                if not _usable(key):
                    continue
                lst = terms.setdefault(key, [])
                if idx not in lst:
                    lst.append(idx)
                if len(key.replace(" ", "")) <= SHORT_KEY:
                    # lay words from the symptom chat ('flu') are words, not abbreviations
                    (lower_ok if c.type == "finding" else upper).add(key)
    upper -= lower_ok
    lex = Lexicon(ids, types, terms, upper, {})
    _add_abbreviations(lex, variants, kb_dir)
    return lex.finish()


def _add_abbreviations(lex: Lexicon, variants: Variants, kb_dir: Path) -> None:
    doc = kbfiles.load(kb_dir, "abbreviations.yaml")
    for entry in doc["abbreviations"]:
        keys = term_keys(entry["abbr"], variants)
        if not keys:
            continue
        key = keys[0]
        senses = []
        for sense in entry["senses"]:
            concepts: list[int] = []
            if sense.get("term"):
                tkeys = term_keys(sense["term"], variants)
                concepts = next((lex.concepts_of(k) for k in tkeys if k in lex.terms), [])
                if not concepts:
                    # a chat-only short form ('N/V' -> the chat's 'nausea and vomiting') needs no concept here
                    (log.debug if entry.get("chat") else log.warning)(
                        "abbreviations.yaml: %s -> %r names no concept", entry["abbr"], sense["term"])
                    continue
            senses.append({"concepts": list(concepts), "sections": list(sense.get("sections", ())),
                           "cues": [" ".join(term_keys(c, variants)[:1]) for c in sense.get("cues", ())],
                           "header": bool(sense.get("header"))})
        if not senses:
            continue
        lex.abbr_keys.add(key)
        if entry.get("case_sensitive", True):
            lex.upper_only.add(key)
        else:  # a short word read by its context ('rub' beside heart sounds), not only in capitals
            lex.upper_only.discard(key)
        if len(senses) == 1 and not (senses[0]["header"] or senses[0]["sections"] or senses[0]["cues"]):
            lst = lex.terms.setdefault(key, [])
            for i in senses[0]["concepts"]:
                if i not in lst:
                    lst.insert(0, i) if not lst else lst.append(i)
        else:
            lex.abbreviations[key] = senses


# ---- storage --------------------------------------------------------------------------------------
def save(lex: Lexicon, concepts: dict[str, Concept], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tmp = tmp_sibling(folder / "lexicon.json")
    tmp.write_text(json.dumps({
        "ids": lex.ids, "types": lex.types, "first_max": lex.first_max,
        "terms": {k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in lex.terms.items()},
        "upper_only": sorted(lex.upper_only), "abbreviations": lex.abbreviations,
        "abbr_keys": sorted(lex.abbr_keys)}, separators=(",", ":")), encoding="utf-8")
    db = tmp_sibling(folder / "concepts.sqlite")
    db.unlink(missing_ok=True)
    sources: dict[str, int] = {}  # 98,000 ICD-10-CM rows share one source line: stored once
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")  # a throwaway file until the rename below: no journal needed
    con.execute("PRAGMA synchronous=OFF")
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    attr_json: dict[tuple, str] = {}

    def attrs_text(attrs: dict) -> str:
        # most attrs repeat ({"extension": true} on 51,000 codes): encode each distinct scalar dict once
        if not attrs:
            return ""
        try:
            key = tuple(sorted(attrs.items()))
            hash(key)
        except TypeError:
            return dumps(attrs)
        got = attr_json.get(key)
        if got is None:
            got = attr_json[key] = dumps(attrs)
        return got
    with con:
        con.execute("CREATE TABLE concepts (id TEXT PRIMARY KEY, type TEXT, name TEXT, codes TEXT, synonyms TEXT, "
                    "sources TEXT, attrs TEXT)")
        con.execute("CREATE TABLE sources (n INTEGER PRIMARY KEY, text TEXT)")
        con.execute("CREATE TABLE codes (system TEXT, code TEXT, id TEXT)")
        con.executemany("INSERT INTO concepts VALUES (?,?,?,?,?,?,?)",
                        ((c.id, c.type, c.name, ";".join(f"{k}={v}" for k, vs in c.codes.items() for v in vs),
                          _SEP.join(c.synonyms), ",".join(str(sources.setdefault(x, len(sources))) for x in c.sources),
                          attrs_text(c.attrs))
                         for c in concepts.values()))
        con.executemany("INSERT INTO sources VALUES (?,?)", ((n, text) for text, n in sources.items()))
        con.executemany("INSERT INTO codes VALUES (?,?,?)",
                        ((s, code, c.id) for c in concepts.values() for s, codes in c.codes.items() for code in codes))
        con.execute("CREATE INDEX codes_ix ON codes(system, code)")
        con.execute("CREATE INDEX type_ix ON concepts(type)")
    con.close()
    db.replace(folder / "concepts.sqlite")
    tmp.replace(folder / "lexicon.json")


def load(folder: Path) -> Lexicon:
    doc = json.loads((folder / "lexicon.json").read_text(encoding="utf-8"))
    return Lexicon(doc["ids"], doc["types"], doc["terms"], set(doc["upper_only"]), doc["abbreviations"],
                   set(doc["abbr_keys"]), doc["first_max"])


CONCEPT_COLUMNS = "id, type, name, codes, synonyms, sources, attrs"
_SEP = "\x1f"  # ASCII unit separator: never inside a synonym


def concept_from_row(row, source_text: dict[int, str]) -> Concept:
    cid, kind, name, codes, syns, srcs, attrs = row
    by_system: dict[str, list[str]] = {}
    for pair in codes.split(";") if codes else ():
        system, _, code = pair.partition("=")
        by_system.setdefault(system, []).append(code)
    return Concept(cid, kind, name, {k: tuple(v) for k, v in by_system.items()},
                   tuple(syns.split(_SEP)) if syns else (),
                   tuple(source_text[int(n)] for n in srcs.split(",")) if srcs else (),
                   json.loads(attrs) if attrs else {})
