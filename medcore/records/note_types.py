"""Which kind of clinical note this is (discharge summary, ED note, consult, progress note, radiology report,
operative note, H&P, letter, or other), from its section headings and a few cue phrases. The weights are data
(assets/kb/records/note_types.yaml, with their source); this module only scores them. The result names its
evidence, so the page can say why a note was read as a discharge summary."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from medcore.config import REPO_ROOT
from medcore.errors import DomainError
from medcore.knowledge import kbfiles
from medcore.knowledge.kbfiles import KnowledgeKBError
from medcore.records.sections import Section

log = logging.getLogger(__name__)

DEFAULT_PATH = REPO_ROOT / "assets" / "kb" / "records" / "note_types.yaml"
OTHER = "other"
OTHER_LABEL = "Clinical note (type not recognised)"
MAX_HEADERS = 200


class NoteTypeKBError(DomainError):
    """note_types.yaml is missing or malformed; the message names the field."""


@dataclass(frozen=True)
class TypeRules:
    name: str
    label: str
    headings: tuple[tuple[str, int, tuple[bool, str]], ...]  # (phrase, weight, phrase_key)
    cues: tuple[tuple[str, int, re.Pattern], ...]  # (regex as written, weight, compiled), in the opening lines
    body_cues: tuple[tuple[str, int, re.Pattern], ...] = ()  # the same, anywhere in the first body_window chars


@dataclass(frozen=True)
class NoteTypeKB:
    types: tuple[TypeRules, ...]
    min_score: int
    min_margin: int
    cue_window: int
    source: str
    body_window: int = 20000

    def label(self, name: str) -> str:
        return next((t.label for t in self.types if t.name == name), OTHER_LABEL)


@dataclass
class NoteType:
    name: str  # a key of note_types.yaml, or "other"
    label: str
    score: int
    runner_up: str = ""
    runner_up_score: int = 0
    evidence: list[str] = field(default_factory=list)  # the headings and cues that counted for the winner
    scores: dict[str, int] = field(default_factory=dict)

    @property
    def confident(self) -> bool:
        return self.name != OTHER

    def to_dict(self) -> dict:
        return {"name": self.name, "label": self.label, "score": self.score, "runner_up": self.runner_up,
                "runner_up_score": self.runner_up_score, "evidence": list(self.evidence), "scores": dict(self.scores)}


def normalise_header(header: str) -> str:
    """'DISCHARGE  DIAGNOSES:' -> 'discharge diagnoses' (lower case, punctuation other than & and / dropped)."""
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9&/ ]+", " ", header.lower())).strip()


def ngrams(header: str) -> set[str]:
    """Every run of whole words of a normalised header (words split at blanks, and also at '/'), so a phrase is
    found in a header by set lookup, whatever the number of phrases: 'brief hospital course' holds 'hospital
    course'. A header is short (the section finder caps it), so this is a few dozen strings."""
    out = set()
    for words in (header.split(), re.split(r"[\s/]+", header)):
        words = [w for w in words if w][:12]
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                out.add(" ".join(words[i:j]))
    return out


def phrase_key(phrase: str) -> tuple[bool, str]:
    """(exact, normalised phrase): '= exam' must be the whole header; 'hospital course' may stand inside one."""
    return phrase.startswith("="), normalise_header(phrase.lstrip("= "))


def header_has(header: str, grams: set[str], key: tuple[bool, str]) -> bool:
    exact, norm = key
    return header == norm if exact else norm in grams


def _weights(raw, where: str) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise NoteTypeKBError(f"{where}: expected a mapping of phrase -> weight")
    out = {}
    for k, v in raw.items():
        if not isinstance(k, str) or not k.strip() or not isinstance(v, int) or isinstance(v, bool) or v <= 0:
            raise NoteTypeKBError(f"{where}: {k!r}: {v!r} must be a phrase with a positive integer weight")
        out[k] = v
    return out


@lru_cache(maxsize=4)
def load(path: Path = DEFAULT_PATH) -> NoteTypeKB:
    try:
        doc = kbfiles.read_yaml(path)  # the knowledge layer's YAML reader: safe loader, one error wording
    except KnowledgeKBError as exc:
        raise NoteTypeKBError(f"{path}: {exc}") from exc
    if not isinstance(doc, dict) or not str(doc.get("source", "")).strip() or not isinstance(doc.get("types"), dict):
        raise NoteTypeKBError(f"{path}: needs 'source' and a 'types' mapping")
    types = []
    for name, spec in doc["types"].items():
        if name == OTHER or not isinstance(spec, dict) or not str(spec.get("label", "")).strip():
            raise NoteTypeKBError(f"{path}: type {name!r} needs a label (and 'other' is reserved)")
        heads = _weights(spec.get("headings"), f"{path}: {name}.headings")
        compiled = [_compile(_weights(spec.get(k), f"{path}: {name}.{k}"), f"{path}: {name}.{k}")
                    for k in ("cues", "body_cues")]
        types.append(TypeRules(name, str(spec["label"]), tuple((h, w, phrase_key(h)) for h, w in heads.items()),
                               *compiled))
    return NoteTypeKB(tuple(types), int(doc.get("min_score", 3)), int(doc.get("min_margin", 1)),
                      int(doc.get("cue_window", 600)), str(doc["source"]), int(doc.get("body_window", 20000)))


def _compile(cues: dict[str, int], where: str) -> tuple[tuple[str, int, re.Pattern], ...]:
    try:
        # matched against the lower-cased note (much faster than re.I): a cue with a capital letter outside an
        # escape could never match, so it is refused
        for c in cues:
            if re.search(r"(?<!\\)[A-Z]", c):
                raise NoteTypeKBError(f"{where}: cue {c!r} must be written in lower case")
        return tuple((c, w, re.compile(c, re.M)) for c, w in cues.items())
    except re.error as exc:
        raise NoteTypeKBError(f"{where}: {exc}") from exc


def detect(text: str, sections: list[Section], kb: NoteTypeKB | None = None) -> NoteType:
    """The note's type: the type with the highest score (distinct headings and cues, each counted once), if it
    reaches min_score and leads the runner-up by min_margin; otherwise 'other'."""
    kb = kb or load()
    headers = {}  # distinct headers (at most MAX_HEADERS: a note shows its kind in its first headings)
    for sec in sections:
        h = normalise_header(sec.header)
        if h not in headers:
            headers[h] = ngrams(h)
            if len(headers) >= MAX_HEADERS:
                break
    body = text[:kb.body_window].lower()
    head = body[:kb.cue_window]
    scores, evidence = {}, {}
    for t in kb.types:
        score, why = 0, []
        for phrase, weight, key in t.headings:
            if any(header_has(h, grams, key) for h, grams in headers.items()):
                score += weight
                why.append(f"heading '{phrase}'")
        for (cue, weight, pat), where in [(c, head) for c in t.cues] + [(c, body) for c in t.body_cues]:
            m = pat.search(where)
            if m:
                score += weight
                why.append(f"'{m.group(0).strip()[:40]}'")
        scores[t.name], evidence[t.name] = score, why
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (second, runner) = ranked[0], ranked[1] if len(ranked) > 1 else ("", 0)
    if top < kb.min_score or top - runner < kb.min_margin:
        log.debug("note type not decided: %s", ranked[:3])
        return NoteType(OTHER, OTHER_LABEL, top, best, top, evidence.get(best, []), scores)
    return NoteType(best, kb.label(best), top, second, runner, evidence[best], scores)
