"""A quality, colour or content word that makes a symptom a more specific finding wherever it sits near the
symptom's words (assets/kb/triage/qualifiers.yaml): 'a crushing pain in my chest' as well as 'crushing chest pain',
'I have been sick and it is bright green', 'coughing and there is blood in it'. The synonym list holds the usual word
orders; this reads the rest without a phrase for each order.

A qualifier belongs to the nearest symptom it can qualify: at most `before` words ahead of the symptom's words or
`after` words behind them, in the same clause, with no body part between them that is not the symptom's own
('my chest hurts and my legs feel heavy' is no crushing chest pain; a rash's own site does not count). A qualifier
inside another phrase ('heavy periods', 'blood pressure') is that phrase's. The match is the qualifier's own words,
so the assertion engine reads its negation ('coughing but no blood in it'). Matches are (first token, end token, ids)
as Lexicon.find gives."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from medcore.knowledge.kbfiles import read_yaml

log = logging.getLogger(__name__)

SCHEMA = {
    "type": "object",
    "required": ["version", "before", "after", "qualifiers"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1},
        "before": {"type": "integer", "minimum": 1, "maximum": 5},
        "after": {"type": "integer", "minimum": 1, "maximum": 12},
        "not_before": {"type": "array", "items": {"type": "string"}},
        # session 28b: words before which a rule's `intensifier` word is a swear word, not a quality
        "intensifier_after": {"type": "array", "items": {"type": "string"}},
        "qualifiers": {"type": "array", "items": {
            "type": "object", "required": ["finding", "base", "words", "source"], "additionalProperties": False,
            "properties": {"finding": {"type": "string"}, "base": {"type": "array", "items": {"type": "string"}},
                           "words": {"type": "array", "items": {"type": "string"}},
                           # the qualifier counts only with one of these parts at most THEN_WINDOW words after it
                           # ('going down his left arm': a direction word is radiation only toward a part)
                           "then": {"type": "array", "items": {"type": "string"}},
                           # words of `words` that, right after an `intensifier_after` word, only intensify
                           # (British and Australian 'this bloody cough won't go': no blood in it)
                           "intensifier": {"type": "array", "items": {"type": "string"}},
                           "source": {"type": "string", "minLength": 10}}}},
    },
}


THEN_WINDOW = 3  # 'down my left arm': the part within this many words after the qualifier word


@dataclass(frozen=True)
class Qualifier:
    finding: str
    base: frozenset[str]
    words: tuple[str, ...]
    then: frozenset[str] = frozenset()
    intensifier: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QualifierTable:
    before: int
    after: int
    not_before: frozenset[str]  # words after which a qualifier word says something else ('blood pressure')
    rules: tuple[Qualifier, ...]
    intensifier_after: frozenset[str] = frozenset()  # 'this', 'that': before a swear word ('this bloody cough')


@lru_cache(maxsize=4)
def load(kb_dir: str) -> QualifierTable | None:
    path = Path(kb_dir) / "qualifiers.yaml"
    if not path.exists():
        log.info("no %s: qualifier readings off", path)
        return None
    import jsonschema

    doc = read_yaml(path)
    jsonschema.validate(doc, SCHEMA)
    rules = tuple(Qualifier(q["finding"], frozenset(q["base"]), tuple(w.lower() for w in q["words"]),
                            frozenset(w.lower() for w in q.get("then", ())),
                            frozenset(w.lower() for w in q.get("intensifier", ())))
                  for q in doc["qualifiers"])
    not_before = frozenset(w.lower() for w in doc.get("not_before", []))
    return QualifierTable(int(doc["before"]), int(doc["after"]), not_before, rules,
                          frozenset(w.lower() for w in doc.get("intensifier_after", [])))


def add(table: QualifierTable | None, lex, keys: list[str], matches: list, known: set[str],
        carried: frozenset[str] = frozenset()) -> list:
    """`matches` plus one match per qualifier word that specifies a symptom read in the clause. `keys`: the clause's
    word keys (Lexicon.word_keys); `known`: the KB's finding ids (a rule for a finding the KB lacks is skipped);
    `carried`: symptoms of the clause before, when this one starts by pointing back at them ('I keep being sick.
    It is bright green.'), standing at the clause's start."""
    if table is None or not (matches or carried):
        return matches
    covered = {t for s, e, _ in matches for t in range(s, e)}
    found = {fid for _, _, ids in matches for fid in ids}
    own = set(found)
    matches_and_carried = [*matches, *([(0, 0, sorted(carried))] if carried else [])]
    parts = set(lex.part_keys) | {p[0] for p in lex.swelling_parts if len(p) == 1}
    after_keys = {lex.key(w) for w in table.intensifier_after}
    swear = {q: {" ".join(lex.phrase_keys(w)) for w in q.intensifier} for q in table.rules if q.intensifier}
    added, dropped = [], set()
    for q in table.rules:
        if q.finding not in known or q.finding in found or not q.base & (own | carried):
            continue
        bases = [(s, e) for s, e, ids in matches_and_carried if q.base & set(ids)]
        for ws, we in _word_spans(lex, keys, q.words):
            # a reading wholly inside a longer qualifier phrase is part of it ('headache worse on coughing' says when
            # the headache is worse, not that there is a cough; session 28); one reaching outside it blocks it
            inside = [i for i, (s, e, _) in enumerate(matches) if ws <= s and e <= we and (s, e) != (ws, we)]
            rest = covered - {t for i in inside for t in range(matches[i][0], matches[i][1])}
            if rest & set(range(ws, we)) or (we < len(keys) and keys[we] in table.not_before):
                continue
            if ws > 0 and keys[ws - 1] in after_keys and " ".join(keys[ws:we]) in swear.get(q, ()):
                continue
            if q.then and not any(lex.key(w) in keys[we:we + THEN_WINDOW + 1] for w in q.then):
                continue
            # 'a heavy pain in the centre of my chest': a qualifier of a pain word reaches as far as the pain word does
            pain = next((j + 1 for j in range(we, min(len(keys), we + 2)) if keys[j] in lex.pain_words), None)
            near = [(s, e) for s, e in bases if 0 <= s - we < table.before or 0 <= ws - e < table.after
                    or (pain is not None and 0 <= s - pain < table.after)]
            # a rash lies on a body part ('a red patch on my arm, it is scaly'): only other symptoms are kept apart
            blockers = set() if all(lex.kb.finding(b).category == "skin" for b in q.base) else parts
            if not any(not _other_part_between(keys, blockers, (s, e), (ws, we)) for s, e in near):
                continue
            added.append((ws, we, [q.finding]))
            dropped.update(inside)
            found.add(q.finding)
            break
    if not added:
        return matches
    return sorted([*(m for i, m in enumerate(matches) if i not in dropped), *added])


def _word_spans(lex, keys: list[str], words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each qualifier word or phrase in the clause's word keys."""
    out = []
    for w in words:
        wk = lex.phrase_keys(w)
        n = len(wk)
        out += [(i, i + n) for i in range(len(keys) - n + 1) if tuple(keys[i:i + n]) == wk]
    return sorted(out)


def _other_part_between(keys: list[str], parts: set[str], base: tuple[int, int], word: tuple[int, int]) -> bool:
    """Whether a body part outside the symptom's words stands between the symptom and the qualifier."""
    lo, hi = (base[1], word[0]) if base[1] <= word[0] else (word[1], base[0])
    return any(keys[i] in parts for i in range(lo, hi))
