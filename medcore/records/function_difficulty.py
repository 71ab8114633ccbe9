"""A bodily function told with a lay word for difficulty (issue 11, session 25).

Notes say a difficulty in plain words far more often than by its term: "trouble walking", "difficulty with
swallowing", "problems with his balance", "no difficulty staying awake", "hearing problems". The ICD-10-CM index
files these under "Difficult, difficulty (in)" (walking R26.2, swallowing R13.1-, micturition R39.1-) or under the
function's own disorder (insomnia, hearing loss). The function words and the canonical problem term each one names
are data (`problem_vocabulary.yaml`, `function_difficulty`); the code comes from that term in the knowledge layer,
so this module codes nothing itself. The mention spans the difficulty word and the function, so a cue before it
("denies any", "no") gives its assertion as for any other problem."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.errors import DomainError
from medcore.knowledge.concepts import Mention

# the lay words for a difficulty ("issues" and "problems" as a review of systems writes them)
_HEAD = r"difficult(?:y|ies)|troubles?|problems?|issues"
# a possessive or article may stand before or inside the function words ("keeping his balance")
_FILLER_ALT = "his|her|their|the|any"  # words allowed between the head and the function; one list for both uses
_FILLER = rf"(?:(?:{_FILLER_ALT})\s++)?"


class FunctionDifficultyError(DomainError):
    """The function_difficulty table is malformed."""


@dataclass(frozen=True)
class FunctionDifficulty:
    before: re.Pattern  # 'trouble (with) walking'
    after: re.Pattern  # 'walking difficulty'
    term_of: dict[str, str]  # function words (lower case, single-spaced) -> canonical problem term


def build(doc) -> FunctionDifficulty | None:
    """The table from `problem_vocabulary.yaml` (`function_difficulty`: source, functions: term -> wordings)."""
    if not doc:
        return None
    if not (isinstance(doc, dict) and doc.get("source") and isinstance(doc.get("functions"), dict)):
        raise FunctionDifficultyError("function_difficulty needs a source and a functions map (term -> wordings)")
    term_of = {}
    for term, wordings in doc["functions"].items():
        if not isinstance(wordings, list) or not wordings:
            raise FunctionDifficultyError(f"function_difficulty: {term!r} needs a list of wordings")
        for w in wordings:
            key = " ".join(str(w).lower().split())
            if key in term_of:
                raise FunctionDifficultyError(f"function_difficulty: {key!r} is listed twice")
            term_of[key] = str(term)
    # longest first, so 'swallowing food' wins over 'swallowing'; words joined by blanks and an optional 'his'
    alts = "|".join((r"\s++" + _FILLER).join(map(re.escape, k.split())) for k in sorted(term_of, key=len, reverse=True))
    before = re.compile(rf"(?<![\w-])(?:{_HEAD})\s++(?:(?:with|in)\s++)?{_FILLER}(?P<fn>{alts})(?![\w-])", re.I)
    after = re.compile(rf"(?<![\w-])(?P<fn>{alts})\s++(?:{_HEAD})(?![\w-])", re.I)
    return FunctionDifficulty(before, after, term_of)


_FILLER_WORDS = re.compile(rf"\b(?:{_FILLER_ALT})\s+", re.I)


def find(vocab, table: FunctionDifficulty | None, sentence: str) -> list[tuple[object, object, str]]:
    """(mention, concept, code) for each function told with a difficulty word, over the whole phrase."""
    if table is None:
        return []
    out, seen = [], []
    for pattern in (table.before, table.after):
        for m in pattern.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in seen):
                continue
            words = " ".join(_FILLER_WORDS.sub("", m.group("fn")).lower().split())
            term = table.term_of.get(words)
            got = vocab.named_whole(term) if term else None
            if got is None:
                continue
            mention = Mention(m.start(), m.end(), sentence[m.start():m.end()], got[0].id, "condition", term,
                              how="variant")
            out.append((mention, *got))
            seen.append((m.start(), m.end()))
    return out
