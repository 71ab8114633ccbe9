"""Assertion status of a problem mention, by the ConText algorithm (Harkema et al. 2009).

A modifier phrase (negation, uncertainty, history, family) governs the words after it (forward),
before it (backward) or both, up to the sentence boundary or the first terminator ("but",
"which", ...). Pseudo-triggers ("no change") are masked first. The section supplies a default:
a mention in Family History is family, one in Past Medical History is historical.

Besides literal phrases the rules may give regular expressions (`modifier_patterns`, for triggers such
as "?pneumonia" or "aged 15", and `pseudo_patterns`, for "a four-month history of"), and `scope_ends`:
characters that end the forward scope of one category only (a hedge such as "likely pneumonia" does not
reach into a following parenthesis or the next list item, while "no fever, cough or rash" still
negates the whole list). `scope_end_patterns` do the same with regular expressions, and `terminator_patterns`
add terminators that a word list cannot express (", with").

Hypotheticals ("if", "return if", "should she") are their own category, reported as possible: their scope is
the conditional clause, ended by their scope_end_patterns (", she should attend") rather than by the word
terminators, so "if she develops headache on waking or vomiting" hedges both problems.

Rules are data: assets/kb/records/context_rules.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medcore.records.kb import phrase_regex

ASSERTIONS = ("present", "negated", "possible", "historical", "family")
# Negation outranks the others ("no history of X" is negated); family is about someone else.
_PRIORITY = {"negated": 0, "family": 1, "possible": 2, "hypothetical": 2, "historical": 3}
_REPORTED = {"hypothetical": "possible"}  # categories reported under another assertion
_CLAUSE_SCOPED = frozenset({"hypothetical"})  # scope ends at scope_end_patterns only, not at word terminators


@dataclass(frozen=True)
class Modifier:
    category: str
    direction: str
    start: int
    end: int
    scope_end: int | None = None  # where a forward scope stops early (scope_ends), else None


@dataclass(frozen=True)
class Rules:
    patterns: tuple[tuple[str, str, re.Pattern], ...]
    terminator: re.Pattern
    pseudo: re.Pattern | None
    scope_ends: tuple[tuple[str, re.Pattern], ...] = ()


def compile_rules(context_doc: dict) -> Rules:
    return _compile(_freeze(context_doc))


def _freeze(doc: dict):
    def cats(key):
        return tuple((cat, tuple((d, tuple(v or ())) for d, v in sorted((dirs or {}).items())))
                     for cat, dirs in sorted((doc.get(key) or {}).items()))
    ends = tuple((cat, tuple(v or ())) for cat, v in sorted((doc.get("scope_ends") or {}).items()))
    end_patterns = tuple((cat, tuple(v or ())) for cat, v in sorted((doc.get("scope_end_patterns") or {}).items()))
    return (cats("modifiers"), cats("modifier_patterns"), tuple(doc.get("terminators") or ()),
            tuple(doc.get("pseudo") or ()), tuple(doc.get("pseudo_patterns") or ()), ends, end_patterns,
            tuple(doc.get("terminator_patterns") or ()))


@lru_cache(maxsize=4)
def _compile(frozen) -> Rules:
    mods, regex_mods, terms, pseudo, pseudo_patterns, ends, end_patterns, term_patterns = frozen
    patterns = []
    for cat, dirs in mods:
        for direction, phrases in dirs:
            patterns.append((cat, direction, phrase_regex(phrases)))
    for cat, dirs in regex_mods:
        for direction, regexes in dirs:
            if regexes:
                patterns.append((cat, direction, re.compile("|".join(f"(?:{r})" for r in regexes), re.I)))
    term_words = [t for t in terms if t != ";"]
    terminator = re.compile("|".join([phrase_regex(term_words).pattern, ";"] + [f"(?:{r})" for r in term_patterns]),
                            re.I)
    pseudo_parts = ([phrase_regex(pseudo).pattern] if pseudo else []) + [f"(?:{r})" for r in pseudo_patterns]
    pseudo_re = re.compile("|".join(pseudo_parts), re.I) if pseudo_parts else None
    end_parts: dict[str, list[str]] = {}
    for cat, chars in ends:
        end_parts.setdefault(cat, []).extend(re.escape(c) for c in chars)
    for cat, regexes in end_patterns:
        end_parts.setdefault(cat, []).extend(f"(?:{r})" for r in regexes)
    scope_ends = tuple((cat, re.compile("|".join(parts), re.I)) for cat, parts in sorted(end_parts.items()) if parts)
    return Rules(tuple(patterns), terminator, pseudo_re, scope_ends)


def find_modifiers(sentence: str, rules: Rules) -> tuple[list[Modifier], list[int]]:
    masked = sentence
    if rules.pseudo:
        masked = rules.pseudo.sub(lambda m: " " * len(m.group()), sentence)
    mods = [Modifier(cat, d, m.start(), m.end()) for cat, d, pat in rules.patterns for m in pat.finditer(masked)]
    # a shorter modifier inside a longer one ("no" in "no evidence of") is the same trigger
    mods.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Modifier] = []
    for m in mods:
        if any(k.start <= m.start and m.end <= k.end and (k.end - k.start) > (m.end - m.start) for k in kept):
            continue
        kept.append(m)
    terms = [m.start() for m in rules.terminator.finditer(masked)]
    if rules.scope_ends:
        ends = dict(rules.scope_ends)
        kept = [_with_scope_end(m, masked, ends.get(m.category)) for m in kept]
    return kept, terms


def _with_scope_end(m: Modifier, sentence: str, ends: re.Pattern | None) -> Modifier:
    """A forward modifier of a category with scope_ends stops at the first such character after it."""
    if ends is None or m.direction not in ("forward", "bidirectional"):
        return m
    e = ends.search(sentence, m.end)
    return Modifier(m.category, m.direction, m.start, m.end, e.start()) if e else m


def assert_target(start: int, end: int, modifiers: list[Modifier], terminators: list[int], section: str = "",
                  sentence_len: int | None = None) -> str:
    """Assertion for a target at [start, end) of a sentence (offsets relative to the sentence)."""
    hits: list[tuple[int, int, str]] = []  # (priority, distance, category)
    for m in modifiers:
        if m.start < end and start < m.end:
            # "no acute infarct": a trigger that starts before the target and runs into it still governs it
            if m.start < start and m.direction in ("forward", "bidirectional"):
                hits.append((_PRIORITY[m.category], 0, m.category))
            continue
        if m.direction in ("forward", "bidirectional") and m.end <= start:
            words = [] if m.category in _CLAUSE_SCOPED else [t for t in terminators if t >= m.end]
            stop = min(words + [sentence_len or 10**9] + ([m.scope_end] if m.scope_end is not None else []))
            if start < stop:
                hits.append((_PRIORITY[m.category], start - m.end, m.category))
        if m.direction in ("backward", "bidirectional") and m.start >= end:
            begin = max([t for t in terminators if t < m.start] + [-1])
            if end > begin:
                hits.append((_PRIORITY[m.category], m.start - end, m.category))
    if hits:
        if any(h[2] == "negated" for h in hits):
            return "negated"
        if any(h[2] == "family" for h in hits):
            return "family"
        nearest = min(hits, key=lambda h: h[1])[2]  # the nearest of possible / hypothetical / historical
        return _REPORTED.get(nearest, nearest)
    if section == "family_history":
        return "family"
    if section == "past_medical_history":
        return "historical"
    return "present"
