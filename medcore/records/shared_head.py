"""Problems that share the last word of a list (issue 11, session 19).

A review of systems often names several items and writes their common head word once, after the last one: "no vision
or hearing change" asks about a vision change and a hearing change; "denies hearing or vision loss" about a hearing
loss and a vision loss. The matcher sees only the last, complete phrase. For each problem read as "<word> <head>"
with such a head (`HEADS`), the words joined before it by "or", "and", "nor" or commas are read with the same head,
and each one the knowledge layer knows as a problem ("vision change" H53.9) becomes a problem of its own, spanning
its own word, so the cue that governs it ("no", "denies") gives its assertion as for any other problem.
Plain word walking, no regular expression over the list: the list is short and read word by word."""

from __future__ import annotations

import re
from dataclasses import replace

# head words a review-of-systems item shares ('change', 'loss', 'problems', 'difficulty'); nouns that complete a
# symptom only after the item they qualify
HEADS = frozenset({"change", "changes", "loss", "problem", "problems", "difficulty", "difficulties", "disturbance",
                   "disturbances"})
_LAST = re.compile(r"(?<![A-Za-z])([A-Za-z]++)\s++([A-Za-z]++)")  # fullmatched; possessive: linear searched
_WORD = re.compile(r"[A-Za-z]+")
_JOINERS = frozenset({"or", "and", "nor"})
MAX_ITEMS = 4  # at most this many items before the last one share its head


def _items_before(sentence: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of the single words listed right before `start` ('vision' in 'vision or hearing change'):
    word, then 'or'/'and'/'nor' (with an optional comma), then earlier words joined by commas; [] if none."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(sentence, max(0, start - 80), start)]
    if len(words) < 2 or words[-1][2] not in _JOINERS or sentence[words[-1][1]:start].strip():
        return []
    out, i = [], len(words) - 2
    gap = sentence[words[i][1]:words[-1][0]].strip()
    if gap not in ("", ","):
        return []
    out.append(words[i][:2])
    while i > 0 and len(out) < MAX_ITEMS and sentence[words[i - 1][1]:words[i][0]].strip() == ",":
        i -= 1
        out.append(words[i][:2])
    return out


def shared(sentence: str, hits: list, term, types, section: str, only, reported) -> list:
    """Extra (mention, concept, code) hits for the items that share a matched problem's head word; `hits` are the
    sentence's problem hits, `term.match(...)` reads a phrase, `reported(phrase, mention)` codes it."""
    out, seen = [], [(p.start, p.end) for p, _, _ in hits]
    for p, _, _ in hits:
        last = _LAST.fullmatch(p.text)
        if last is None or last.group(2).lower() not in HEADS:
            continue
        for s, e in _items_before(sentence, p.start):
            if any(a < e and s < b for a, b in seen):
                continue
            phrase = f"{sentence[s:e]} {last.group(2)}"
            whole = [c for c in term.match(phrase, types=types, section=section, only=only)
                     if c.start == 0 and c.end == len(phrase)]
            for mention, concept, code in (reported(phrase, whole[0]) if whole else []):
                if mention.start == 0 and mention.end == len(phrase):
                    out.append((replace(mention, text=sentence[s:e], start=s, end=e), concept, code))
                    seen.append((s, e))
                    break
    return out
