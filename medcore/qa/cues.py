"""The question cues (assets/kb/qa/question_cues.yaml), schema-checked and compiled once per file version."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from medcore.errors import DomainError
from medcore.knowledge.validate import read_checked

QUESTION_TYPES = ("definition", "symptoms", "causes", "diagnosis", "treatment", "drug_use", "interaction",
                  "side_effect", "prevention", "prognosis", "contagion", "pregnancy", "when_to_get_help")


class CuesError(DomainError):
    pass


_PATTERNS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
SCHEMA = {
    "type": "object",
    "required": ["version", "source", "types", "default_type", "prototypes", "personal", "patient_dosing",
                 "drug_topic_overrides", "prototype_min_similarity", "sections", "thresholds", "narrower",
                 "unsupported", "rank_by_words"],
    "properties": {
        "version": {"type": "integer"},
        "source": {"type": "string", "minLength": 10},
        "types": {"type": "array", "items": {
            "type": "object", "required": ["type", "rationale", "cues"], "additionalProperties": False,
            "properties": {"type": {"enum": list(QUESTION_TYPES)}, "rationale": {"type": "string"},
                           "cues": _PATTERNS, "needs": {"enum": ["two_drugs_or_interact", "drug_topic", "not_drug_topic"]},
                           "sections": _PATTERNS, "rank_by_words": {"type": "boolean"}}}},
        "default_type": {"enum": list(QUESTION_TYPES)},
        "drug_topic_overrides": {"type": "object", "additionalProperties": {"enum": list(QUESTION_TYPES)}},
        "prototypes": {"type": "object", "additionalProperties": _PATTERNS},
        "prototype_min_similarity": {"type": "number", "minimum": 0, "maximum": 1},
        "sections": {"type": "object", "propertyNames": {"enum": list(QUESTION_TYPES)},
                     "additionalProperties": _PATTERNS},
        "thresholds": {"type": "object", "required": ["page_min_similarity", "refuse_below"],
                       "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}},
        "personal": {"type": "object", "required": ["rationale", "cues", "not_cues"],
                     "properties": {"cues": _PATTERNS, "not_cues": _PATTERNS}},
        "serious_pages": {"type": "object", "required": ["rationale", "page_words", "question_words"],
                          "properties": {"page_words": _PATTERNS, "question_words": _PATTERNS}},
        "narrower": {"type": "object", "required": ["rationale", "before", "after"],
                     "properties": {"before": _PATTERNS, "after": _PATTERNS}},
        "unsupported": {"type": "object", "required": ["rationale", "cues"], "properties": {"cues": _PATTERNS}},
        "alcohol": {"type": "object", "required": ["rationale", "cues"], "properties": {"cues": _PATTERNS}},
        "foods": {"type": "object", "required": ["rationale", "items"],
                  "properties": {"items": {"type": "array", "items": {
                      "type": "object", "required": ["name", "cues"], "additionalProperties": False,
                      "properties": {"name": {"type": "string"}, "cues": _PATTERNS}}}}},
        "states": {"type": "object", "required": ["rationale", "findings"],
                   "properties": {"findings": {"type": "array", "items": {"type": "string"}}}},
        "rank_by_words": {"type": "array", "items": {"enum": list(QUESTION_TYPES)}},
        "general_words": {"type": "object", "required": ["rationale", "general", "lay_names"],
                          "properties": {**{k: {"type": "object", "additionalProperties": {
                              "type": "string", "pattern": "^condition:[a-z0-9_]+$"}}
                              for k in ("general", "lay_names", "for_children")},
                              "child_cues": _PATTERNS, "not_before": {"type": "array", "items": {"type": "string"}}}},
        "not_a_mention": {"type": "object", "required": ["rationale", "words", "objects"],
                          "properties": {"words": _PATTERNS, "objects": _PATTERNS, "rationale": {"type": "string"}}},
        "relation": {"type": "object", "required": ["rationale", "cues"],
                     "properties": {"cues": _PATTERNS, "rationale": {"type": "string"}}},
        "patient_dosing": {"type": "object", "required": ["rationale", "dose_cues", "patient_cues"],
                           "properties": {"dose_cues": _PATTERNS, "patient_cues": _PATTERNS}},
    },
}


@dataclass(frozen=True)
class TypeCue:
    type: str
    pattern: re.Pattern
    needs: str | None
    sections: tuple[str, ...] = ()  # the page sections this wording asks for, when not the type's own
    # rank the passages of those sections together by the question's words, not section by section in page order
    # ("what to do in an attack": the attack passage wherever it sits, session 29)
    by_words: bool = False


@dataclass(frozen=True)
class Cues:
    types: tuple[TypeCue, ...]
    default_type: str
    drug_overrides: dict
    prototypes: dict
    prototype_min_similarity: float
    personal: re.Pattern
    not_personal: re.Pattern
    dose: re.Pattern
    patient: re.Pattern
    source: str
    sections: dict
    thresholds: dict
    narrower_before: re.Pattern
    narrower_after: re.Pattern
    unsupported: re.Pattern
    rank_by_words: frozenset
    serious_page: re.Pattern | None = None  # page names never chosen by similarity alone...
    serious_question: re.Pattern | None = None  # ...unless the question matches this
    relation: tuple[re.Pattern, ...] = ()  # "does X cause Y": each with named groups x (the cause) and y
    general_words: tuple = ()  # (word, page id, say so): a general word or lay name answered from one page
    general_for_children: dict = field(default_factory=dict)  # word -> the child's page, when child_cues match
    child_cues: re.Pattern | None = None
    general_not_before: re.Pattern | None = None  # a next word that makes another name ("hypo thyroid")
    adjective_names: frozenset = frozenset()  # a mention that is only this word ("cold")...
    object_after: re.Pattern | None = None  # ...followed by an object or remedy ("compress") is no mention
    alcohol: re.Pattern | None = None  # an interaction question about drinking, read from the drug page
    foods: tuple = ()  # (name, pattern): a food asked about with one medicine, read from the drug page too
    states: frozenset = frozenset()  # triage findings that are a state (pregnant), not a symptom to check


def _join(patterns: list[str], where: str) -> re.Pattern:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns))
    except re.error as exc:
        raise CuesError(f"question_cues.yaml: bad pattern in {where}: {exc}") from exc


def _relation(patterns) -> tuple[re.Pattern, ...]:
    out = []
    for p in patterns:
        pat = _join([p], "relation")
        if not {"x", "y"} <= set(pat.groupindex):
            raise CuesError(f"question_cues.yaml: a relation cue needs the named groups x and y: {p}")
        out.append(pat)
    return tuple(out)


_CACHE: dict[tuple, Cues] = {}
_LOCK = threading.Lock()


def load_cues(kb_dir: str | Path) -> Cues:
    path = Path(kb_dir) / "qa" / "question_cues.yaml"
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise CuesError(f"missing question cues {path}") from exc
    key = (str(path), st.st_mtime_ns, st.st_size)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    d = read_checked(path, SCHEMA, CuesError, "question cues")
    unknown = set(d["prototypes"]) - set(QUESTION_TYPES)
    if unknown:
        raise CuesError(f"question_cues.yaml: prototypes for unknown types {sorted(unknown)}")
    cues = Cues(
        types=tuple(TypeCue(t["type"], _join(t["cues"], t["type"]), t.get("needs"), tuple(t.get("sections", ())),
                            bool(t.get("rank_by_words")))
                    for t in d["types"]),
        default_type=d["default_type"], drug_overrides=dict(d["drug_topic_overrides"]),
        prototypes={k: tuple(v) for k, v in d["prototypes"].items()},
        prototype_min_similarity=float(d["prototype_min_similarity"]),
        personal=_join(d["personal"]["cues"], "personal"), not_personal=_join(d["personal"]["not_cues"], "personal"),
        dose=_join(d["patient_dosing"]["dose_cues"], "patient_dosing"),
        patient=_join(d["patient_dosing"]["patient_cues"], "patient_dosing"), source=d["source"],
        sections={k: tuple(v) for k, v in d["sections"].items()}, thresholds=dict(d["thresholds"]),
        narrower_before=_join(d["narrower"]["before"], "narrower"), narrower_after=_join(d["narrower"]["after"], "narrower"),
        unsupported=_join(d["unsupported"]["cues"], "unsupported"), rank_by_words=frozenset(d["rank_by_words"]),
        serious_page=_join(d["serious_pages"]["page_words"], "serious_pages") if "serious_pages" in d else None,
        serious_question=(_join(d["serious_pages"]["question_words"], "serious_pages")
                          if "serious_pages" in d else None),
        relation=_relation(d.get("relation", {}).get("cues", ())),
        adjective_names=frozenset(w.lower() for w in d.get("not_a_mention", {}).get("words", ())),
        object_after=(re.compile(r"^[\s-]+(?:" + _join(d["not_a_mention"]["objects"], "not_a_mention").pattern + r")\b")
                      if "not_a_mention" in d else None),
        alcohol=_join(d["alcohol"]["cues"], "alcohol") if "alcohol" in d else None,
        foods=tuple((f["name"], _join(f["cues"], "foods")) for f in d.get("foods", {}).get("items", ())),
        states=frozenset(d.get("states", {}).get("findings", ())),
        general_words=tuple((w.lower(), pid, kind == "general") for kind in ("general", "lay_names")
                            for w, pid in d.get("general_words", {}).get(kind, {}).items()),
        general_for_children={w.lower(): p for w, p in d.get("general_words", {}).get("for_children", {}).items()},
        child_cues=_join(d["general_words"]["child_cues"], "general_words")
        if d.get("general_words", {}).get("child_cues") else None,
        general_not_before=re.compile(r"^[\s-]+(?:" + "|".join(map(re.escape, d["general_words"]["not_before"])) + r")\b")
        if d.get("general_words", {}).get("not_before") else None)
    with _LOCK:
        _CACHE[key] = cues
    return cues
