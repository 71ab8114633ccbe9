"""Text -> concept mentions, with offsets into the original text.

Exact lexicon matching over normalised tokens, longest match first (the lexicon is a hashed n-gram
table: at each token, keys from the longest possible length down to one). Both token streams are
tried (hyphenated words joined and split) and the longest non-overlapping matches win. An
abbreviation with several senses ('PE', 'MS', 'RA') is resolved by the note's section and the words
around it. Optionally (`fallback=True`), phrases left unmatched go to the embedding fallback.

The matcher reads the terminology or a tool's own phrase table (knowledge.phrase_table): anything with a
`.lexicon` and `.variants`; a phrase table may add a token stream of its own (`.stream`), scanned like the
other two, whose matches must span `.stream_min` of its tokens and lose ties to a plain match."""

from __future__ import annotations

import re

from medcore.knowledge.concepts import Mention
from medcore.knowledge.normalize import Token, fold, tokenize

_BREAK = re.compile(r"[^\s\-/',]")  # any other character between two tokens ends a multi-word match
_INITIAL_DOT = re.compile(r"\.\s?")  # 'E. coli', 'H. pylori': the dot after an initial joins
_HEADER_AFTER = re.compile(r"\s*+:")
_CUE_WINDOW = 8


def _reach(text: str, toks: list[Token]) -> list[int]:
    """reach[i]: the last token index a match starting at token i may extend to (no break in between)."""
    n = len(toks)
    reach = [0] * n
    if n:
        reach[n - 1] = n - 1
    for i in range(n - 2, -1, -1):
        gap = text[toks[i].end:toks[i + 1].start]
        joins = (not _BREAK.search(gap) and "\n\n" not in gap) or \
            (toks[i].end - toks[i].start == 1 and _INITIAL_DOT.fullmatch(gap) is not None)
        reach[i] = reach[i + 1] if joins else i
    return reach


class Matcher:
    def __init__(self, terminology):
        self.t = terminology
        self.lex = terminology.lexicon
        self.v = terminology.variants
        self.stream = getattr(terminology, "stream", None)
        self.stream_min = getattr(terminology, "stream_min", 1)
        self._pos: dict[str, int] | None = None
        self._only_cache: dict[int, tuple] = {}
        # the last text's token streams and their reach: a tool matches one sentence for several concept types
        # in a row (the summarizer: procedures, then problems), and tokenizing was a fifth of its time
        self._last: tuple | None = None

    def match(self, text: str, types=None, section: str | None = None, fallback: bool = False,
              only: frozenset[str] | None = None, every: bool = False) -> list[Mention]:
        """`types`: concept types to report; `only`: if given, the concept ids a caller accepts (a tool that
        reads a narrower vocabulary); a key whose concepts are all refused does not match at all. `every`:
        one mention per concept of a matched key (same span, in the key's order), not just the first."""
        types = frozenset(types) if types else None
        allowed = None if only is None else self._indexes(only)
        last = self._last
        if last is None or last[0] != text:
            joined, split = tokenize(text, self.v)
            streams = [(t, _reach(text, t), 1) for t in ((joined,) if joined == split else (joined, split))]
            if self.stream is not None:
                streams.append(self._extra_stream(text, split))
            last = self._last = (text, joined, tuple(streams))
        joined, streams = last[1], last[2]
        cands: list[tuple[int, int, str, list[int], str]] = []
        for stream, reach, least in streams:
            self._scan(text, stream, reach, types, allowed, section, cands, least, every)
        cands = _comma_tails_yield(text, cands)
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))  # stable: a plain stream's match wins a tie
        out: list[Mention] = []
        last = -1
        for start, end, key, idxs, how in cands:
            if start < last:
                continue
            last = end
            out.extend(Mention(start, end, text[start:end], self.lex.ids[i], self.lex.types[i], key, 1.0, how)
                       for i in idxs)
        if fallback:
            from medcore.knowledge.fallback import fallback_mentions

            out = sorted(out + fallback_mentions(self.t, text, joined, out, types), key=lambda m: m.start)
        return out

    def _extra_stream(self, text: str, split: list[Token]) -> tuple[list[Token], list[int], int]:
        """The phrase table's own stream over the split tokens; a stream token may reach as far as the split
        tokens it stands on may (a left-out word between two stream tokens does not break a match)."""
        got = self.stream(split)
        base = _reach(text, split)
        ends = [j for _, _, j in got]
        reach, k = [0] * len(got), len(got) - 1
        for s in range(len(got) - 1, -1, -1):  # earlier tokens reach no further: k only moves down
            limit = base[got[s][1]]
            while k > s and ends[k] - 1 > limit:
                k -= 1
            reach[s] = max(k, s)
        return [t for t, _, _ in got], reach, self.stream_min

    def _scan(self, text: str, toks: list[Token], reach: list[int], types, allowed, section, cands,
              least: int = 1, every: bool = False) -> None:
        lex = self.lex
        n = len(toks)
        if not n:
            return
        keys = [t.key for t in toks]
        terms, abbreviations = lex.terms, lex.abbreviations
        for i in range(n):
            longest = lex.first_max.get(keys[i])
            if not longest or not toks[i].starts_word:
                continue  # a match never starts inside a hyphenated word ('post-transfusion')
            for length in range(min(longest, reach[i] - i + 1), least - 1, -1):
                if not toks[i + length - 1].ends_word:
                    continue
                key = keys[i] if length == 1 else " ".join(keys[i:i + length])
                if key not in terms and key not in abbreviations:
                    continue  # most n-grams name nothing: skip them before any other work
                start, end = toks[i].start, toks[i + length - 1].end
                if key in lex.upper_only and not _capitals(text[start:end]):
                    continue
                idxs = self._resolve(text, toks, i, length, key, types, allowed, section)
                if not idxs:
                    continue
                if every:  # a tool's phrase table: every entry of the key, and no need to say how it matched
                    cands.append((start, end, key, idxs, "exact"))
                else:
                    cands.append((start, end, key, idxs[:1], self._how(text[start:end], key)))
                if "," not in text[start:end]:
                    break
                # a match across a comma ("DM, type 2") may have taken the next item's first words ("DM, type 2 MI"):
                # the shorter match before the comma is kept as its stand-in (_comma_tails_yield)

    def _resolve(self, text, toks, i, length, key, types, allowed, section) -> list[int]:
        """The key's concepts (an abbreviation's by its sense here) that the caller accepts, preferred first."""
        senses = self.lex.abbreviations.get(key)
        if senses is not None:
            concepts = self._sense(text, toks, i, length, senses, section)
        else:
            concepts = self.lex.concepts_of(key)
        if types is None and allowed is None:
            return concepts
        return [c for c in concepts if (types is None or self.lex.types[c] in types)
                and (allowed is None or c in allowed)]

    def _indexes(self, ids: frozenset[str]) -> frozenset[int]:
        """Concept ids as lexicon indexes (remembered per set object: a tool passes the same set every call)."""
        got = self._only_cache.get(id(ids))
        if got is None or got[0] is not ids:
            if self._pos is None:
                self._pos = {cid: i for i, cid in enumerate(self.lex.ids)}
            got = self._only_cache[id(ids)] = (ids, frozenset(self._pos[c] for c in ids if c in self._pos))
        return got[1]

    def _sense(self, text, toks, i, length, senses, section) -> list[int]:
        end = toks[i + length - 1].end
        line_start = text.rfind("\n", 0, toks[i].start) + 1
        at_line_start = not text[line_start:toks[i].start].strip(" \t-*#0123456789.)")
        is_header = bool(_HEADER_AFTER.match(text, end)) and (
            at_line_start or text[line_start:toks[i].start].rstrip().endswith((".", ";")))
        window = " " + " ".join(t.key for t in toks[max(0, i - _CUE_WINDOW):i + length + _CUE_WINDOW]) + " "
        best, best_score = None, 0
        default = None
        for sense in senses:
            if sense["header"]:
                if is_header:
                    return list(sense["concepts"])
                continue
            score = (2 if section and section in sense["sections"] else 0) + \
                sum(1 for c in sense["cues"] if c and f" {c} " in window)
            if score > best_score:
                best, best_score = sense, score
            if default is None and not sense["sections"] and not sense["cues"]:
                default = sense
        chosen = best or default
        return list(chosen["concepts"]) if chosen else []

    def _how(self, surface: str, key: str) -> str:
        if key in self.lex.abbr_keys:
            return "abbreviation"
        plain = re.sub(r"[^a-z0-9]+", " ", fold(surface, self.v)[0]).strip()
        return "exact" if plain == key or plain.replace(" ", "") == key.replace(" ", "") else "variant"


def _comma_tails_yield(text: str, cands: list) -> list:
    """A match that runs across a comma ("DM, type 2", the inverted "type 2 DM") gives way to a match that starts after
    that comma and runs on past it ("type 2 MI" in "Type 2 DM, type 2 MI"): the words after the comma open the next
    item. The shorter match before the comma at the same start (kept by `_scan`) then stands; with no such overlap the
    comma match wins as before (longest first), and its shorter stand-ins are dropped."""
    if not any("," in text[c[0]:c[1]] for c in cands):
        return cands
    out = []
    for c in cands:
        comma = text.rfind(",", c[0], c[1])
        if comma >= 0 and any(comma < o[0] < c[1] < o[1] and "," not in text[o[0]:o[1]] for o in cands):
            continue
        out.append(c)
    return out


def _capitals(surface: str) -> bool:
    """Written in capitals; a plural 's' after two or more capitals counts ("PVCs", "TIAs": the abbreviation's
    plural), a short word that merely opens with a capital ("Is", "As") does not."""
    letters = [c for c in surface if c.isalpha()]
    if len(letters) >= 3 and letters[-1] == "s":
        letters = letters[:-1]
    return bool(letters) and all(c.isupper() for c in letters)
