"""Curated plain-language text (assets/kb/qa/), schema-checked at load, every passage with its source.

Files:
- `top_drugs.yaml`: the most used drugs that get a page, in rank order, with the ranking's citation;
- `conditions_*.yaml`: `conditions: {<triage id>: {<section key>: [{text, source}]}}`;
- `drugs_*.yaml`: `drugs: {<drug lexicon id>: {<section key>: [{text, source}]}}`.
Ids must exist (a triage condition, a drug lexicon ingredient or product): a typo fails the load."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from medcore.errors import DomainError
from medcore.knowledge.validate import read_checked
from medcore.qa.model import CONDITION_SECTIONS, DRUG_SECTIONS, Passage


class ContentError(DomainError):
    """A curated QA file failed its schema or id checks."""


_PASSAGES = {"type": "array", "minItems": 1, "items": {
    "type": "object", "additionalProperties": False, "required": ["text", "source"],
    "properties": {"text": {"type": "string", "minLength": 10, "maxLength": 600},
                   "source": {"type": "string", "minLength": 3}}}}


def _sections_schema(keys) -> dict:
    return {"type": "object", "additionalProperties": False, "minProperties": 1,
            "properties": {k: _PASSAGES for k in keys}}


CONDITIONS_SCHEMA = {"type": "object", "required": ["version", "conditions"], "additionalProperties": False,
                     "properties": {"version": {"const": 1}, "source": {"type": "string"},
                                    "conditions": {"type": "object",
                                                   "additionalProperties": _sections_schema(CONDITION_SECTIONS)}}}
DRUGS_SCHEMA = {"type": "object", "required": ["version", "drugs"], "additionalProperties": False,
                "properties": {"version": {"const": 1}, "source": {"type": "string"},
                               "drugs": {"type": "object", "additionalProperties": _sections_schema(DRUG_SECTIONS)}}}
TOP_DRUGS_SCHEMA = {
    "type": "object", "required": ["version", "source", "drugs"], "additionalProperties": False,
    "properties": {"version": {"const": 1}, "source": {"type": "string", "minLength": 10},
                   "note": {"type": "string"},
                   "drugs": {"type": "array", "minItems": 1, "items": {
                       "type": "object", "required": ["rank", "name"], "additionalProperties": False,
                       "properties": {"rank": {"type": "integer", "minimum": 1}, "name": {"type": "string"},
                                      "id": {"type": "string"}}}}}}


GLOSSARY_SCHEMA = {
    "type": "object", "required": ["version", "terms"], "additionalProperties": False,
    "properties": {"version": {"const": 1}, "terms": {"type": "array", "items": {
        "type": "object", "required": ["term", "plain", "source"], "additionalProperties": False,
        "properties": {"term": {"type": "string", "minLength": 2}, "plain": {"type": "string", "minLength": 2},
                       "source": {"type": "string", "minLength": 3}}}}}}


@dataclass
class Content:
    conditions: dict[str, dict[str, list[Passage]]] = field(default_factory=dict)
    drugs: dict[str, dict[str, list[Passage]]] = field(default_factory=dict)
    top_drugs: list[dict] = field(default_factory=list)  # {rank, name, id}
    top_source: str = ""
    glossary: dict[str, tuple[str, str]] = field(default_factory=dict)  # term (lower case) -> (plain, source)


def load(kb_dir: Path) -> Content:
    root = Path(kb_dir) / "qa"
    out = Content()
    top = read_checked(root / "top_drugs.yaml", TOP_DRUGS_SCHEMA, ContentError, "QA drug list")
    out.top_drugs, out.top_source = top["drugs"], top["source"]
    if (root / "glossary.yaml").exists():
        terms = read_checked(root / "glossary.yaml", GLOSSARY_SCHEMA, ContentError, "QA glossary")["terms"]
        out.glossary = {t["term"].lower(): (t["plain"], t["source"]) for t in terms}
    for path in sorted(root.glob("conditions_*.yaml")):
        _merge(out.conditions, read_checked(path, CONDITIONS_SCHEMA, ContentError, "QA file")["conditions"], path)
    for path in sorted(root.glob("drugs_*.yaml")):
        _merge(out.drugs, read_checked(path, DRUGS_SCHEMA, ContentError, "QA file")["drugs"], path)
    _check_ids(kb_dir, out)
    return out


def _check_ids(kb_dir: Path, out: Content) -> None:
    from medcore.knowledge import drugs
    from medcore.triage.kb import load_kb

    known = {c.id for c in load_kb(kb_dir).conditions}
    bad = sorted(set(out.conditions) - known)
    if bad:
        raise ContentError(f"curated text for conditions not in the triage KB: {', '.join(bad)}")
    lex = drugs.load(kb_dir)
    bad = sorted(d for d in out.drugs if d not in lex.ingredients)
    bad += sorted(d["id"] for d in out.top_drugs if d.get("id") and d["id"] not in lex.ingredients)
    if bad:
        raise ContentError(f"drug ids not in the drug lexicon: {', '.join(bad)}")


def _merge(into: dict, doc: dict, path: Path) -> None:
    """A condition or drug may be curated in several files, each section in one file only."""
    for cid, secs in doc.items():
        have = into.setdefault(cid, {})
        for k, v in secs.items():
            if k in have:
                raise ContentError(f"{path.name}: {cid} {k} is curated in another file too")
            have[k] = [Passage(p["text"].strip(), p["source"], "curated", (f"qa:{cid}:{k}:{i}",))
                       for i, p in enumerate(v)]


