"""A tool's own phrase table as a match lexicon, read by the one matcher (knowledge.match.Matcher).

A tool that keeps phrases of its own (the symptom chat's lay synonyms) hands them over as rows
(id, phrase, kind) and gets back a `PhraseTable`: a `Lexicon` whose keys are the same term keys as the
terminology's (normalize.term_keys: NFKC, confusables, UK/US, plurals, adjectives), so the tool's text meets
its phrases through the same normalisation as every other tool. Each (id, kind) pair is one entry of the
lexicon (`Mention.concept_id` is the id, `Mention.type` the kind); what a kind means is the tool's business
(the chat: 'term', 'absent', 'block').

Configuration a tool may add, all applied to the phrases and the text alike:
- `words`: its own token map on top of the shared one (the chat: 'her' reads as 'my', so a parent's 'hit
  her head' meets the synonym 'hit my head');
- `stream`: one more token stream over the text (the chat's normal form: 'the room is spinning' read as
  'room spinning'). Phrases are indexed under their stream form too; a stream match counts only when it spans
  at least `stream_min` stream tokens, and a plain match as long wins over it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Iterable

from medcore.knowledge.lexicon import Lexicon
from medcore.knowledge.normalize import Token, Variants, term_keys, tokenize

# An extra token stream: the text's split tokens -> stream tokens, each with the (first, end) indexes of the
# split tokens it covers (a word left out of the stream covers nothing; 'lost 6 kg' may be one token).
Stream = Callable[[list[Token]], list[tuple[Token, int, int]]]


@dataclass
class PhraseTable:
    lexicon: Lexicon
    variants: Variants
    stream: Stream | None = None
    stream_min: int = 2
    _matcher: object = None
    # the stream form a phrase is indexed under, when it differs from the text's (the chat's text stream also
    # leaves out degree adverbs, which its phrases keep: 'very high fever' must not be indexed as 'high fever')
    phrase_stream: Stream | None = None

    @property
    def matcher(self):
        if self._matcher is None:
            from medcore.knowledge.match import Matcher

            self._matcher = Matcher(self)
        return self._matcher

    def keys(self, phrase: str) -> list[str]:
        """The lexicon keys a phrase is indexed under (its term keys, then its stream form if it has one)."""
        out = term_keys(phrase, self.variants)
        if self.stream is not None:
            k = self.stream_key(phrase)
            if k and k not in out:
                out.append(k)
        return out

    def stream_key(self, phrase: str) -> str | None:
        """A phrase's key in the extra stream, when that form is a whole phrase of at least `stream_min`
        tokens: a phrase that starts or ends with a word the stream leaves out ('being sick') keeps its
        plain form only, since its bare stream form ('sick') would say something else."""
        split = tokenize(phrase, self.variants)[1]
        got = (self.phrase_stream or self.stream)(split)
        if len(got) < self.stream_min or got[0][1] != 0 or got[-1][2] != len(split):
            return None
        return " ".join(t.key for t, _, _ in got)


def with_words(variants: Variants, words: dict[str, str] | None) -> Variants:
    """The shared variants plus a tool's own token map (applied after the shared steps)."""
    if not words:
        return variants
    return dataclasses.replace(variants, adjectives={**variants.adjectives, **words}, _key_cache={})


def build(rows: Iterable[tuple[str, str, str]], variants: Variants, *, words: dict[str, str] | None = None,
          stream: Stream | None = None, stream_min: int = 2,
          extra: Iterable[tuple[str, str, str]] = (), phrase_stream: Stream | None = None) -> PhraseTable:
    """A phrase table from rows (id, phrase, kind); a key lists its entries in row order. `extra` rows are
    added only where their key is new (another source's words that must not change what a phrase of the
    tool's own says)."""
    table = PhraseTable(Lexicon([], [], {}, set(), {}), with_words(variants, words), stream, stream_min,
                        phrase_stream=phrase_stream)
    entry: dict[tuple[str, str], int] = {}
    for cid, phrase, kind in rows:
        _add(table, entry, cid, kind, table.keys(phrase))
    for cid, phrase, kind in extra:
        keys = table.keys(phrase)
        if keys and keys[0] not in table.lexicon.terms:
            _add(table, entry, cid, kind, [k for k in keys if k not in table.lexicon.terms])
    fm: dict[str, int] = {}
    for key in table.lexicon.terms:
        toks = key.split(" ")
        fm[toks[0]] = max(fm.get(toks[0], 0), len(toks))
    table.lexicon.first_max = fm
    return table


def _add(table: PhraseTable, entry: dict, cid: str, kind: str, keys: list[str]) -> None:
    lex = table.lexicon
    idx = entry.get((cid, kind))
    if idx is None:
        idx = entry[(cid, kind)] = len(lex.ids)
        lex.ids.append(cid)
        lex.types.append(kind)
    for key in keys:
        lst = lex.terms.setdefault(key, [])
        if idx not in lst:
            lst.append(idx)
