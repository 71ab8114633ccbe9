"""How an illness spreads: the "How it spreads" section of a condition page, from assets/kb/qa/contagion.yaml
(facts as data, each with its source). A condition not listed there gets no such section: we do not guess."""

from __future__ import annotations

from pathlib import Path

from medcore.errors import DomainError
from medcore.knowledge.validate import read_checked
from medcore.qa.model import Passage

CONTAGIOUS = ("yes", "partly", "no")


class ContagionError(DomainError):
    pass


_TEXT = {"type": "string", "minLength": 10, "maxLength": 400}
SCHEMA = {
    "type": "object", "required": ["version", "source", "conditions"], "additionalProperties": False,
    "properties": {
        "version": {"const": 1}, "source": {"type": "string", "minLength": 10},
        "conditions": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["contagious", "spreads", "source"], "additionalProperties": False,
            "properties": {"contagious": {"enum": list(CONTAGIOUS)}, "spreads": _TEXT, "period": _TEXT,
                           "source": {"type": "string", "minLength": 3}}}}}}


def load(kb_dir: Path, known: set[str] | None = None) -> dict[str, dict]:
    """{triage condition id: {contagious, spreads, period?, source}}; an id the triage KB lacks fails the load.
    A person-to-person infection (`yes`/`partly`) must also say when and what to do (`period`)."""
    d = read_checked(Path(kb_dir) / "qa" / "contagion.yaml", SCHEMA, ContagionError, "contagion facts")
    facts = d["conditions"]
    if known is not None:
        bad = sorted(set(facts) - known)
        if bad:
            raise ContagionError(f"contagion.yaml: conditions not in the triage KB: {', '.join(bad)}")
    lacking = sorted(cid for cid, f in facts.items() if f["contagious"] != "no" and not f.get("period"))
    if lacking:
        raise ContagionError(f"contagion.yaml: a catching illness needs a period: {', '.join(lacking)}")
    return facts


def passages(cid: str, fact: dict) -> list[Passage]:
    ids = (f"qa:contagion:{cid}",)
    out = [Passage(fact["spreads"].strip(), fact["source"], "curated", ids)]
    if fact.get("period"):
        out.append(Passage(fact["period"].strip(), fact["source"], "curated", ids))
    return out
