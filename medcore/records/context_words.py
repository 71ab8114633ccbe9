"""Bare words that name a problem only beside the right neighbours (issue 11): "frequency" beside dysuria and
urgency is urinary frequency, "congestion" beside rhinorrhea is nasal congestion, "stones" beside the kidney are
kidney stones, "mass" in the temporal lobe is an intracranial mass; "alcohol" in a social history is alcohol use.
Alone, or beside words of another organ ("chest congestion", "gallbladder stones", "liver lesions"), they are not
read. The words, their cues and the problem-list condition each names are data: `context_words` in assets/kb/records/problem_vocabulary.yaml.

The other way round, `other_senses`: a problem term beside words that give it another sense is not a problem
('reflux' beside a saphenous vein is venous valve reflux on a duplex scan, not GERD; 'apneas' beside 'hypopneas'
or an index are counted events of a sleep study; 'HF 4+/5' is hip flexion strength)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.errors import DomainError
from medcore.knowledge.concepts import Mention

ANY_TERM = "*"  # an other_senses entry whose terms are ["*"] applies to every problem term (side: after or before)
# how far from the word its cue (or a word of another organ) may stand, in characters, on either side
WINDOW = 80


class ContextWordsError(DomainError):
    pass


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted({str(w).lower() for w in words}, key=len, reverse=True)))


@dataclass(frozen=True)
class _Rule:
    word: re.Pattern
    cue: re.Pattern
    not_near: re.Pattern | None
    concept_id: str
    sections: frozenset[str] = frozenset()  # sections where the word needs no cue ('alcohol' in a social history)


@dataclass(frozen=True)
class ContextWords:
    rules: tuple[_Rule, ...]

    def find(self, sentence: str, section: str = "", heading: str = "") -> list[Mention]:
        """A mention of the condition for each bare word with a cue (or in one of its sections, or under an
        examination heading that is a cue: `heading` as `headings` gives it) and no other organ's word near it."""
        out = []
        for r in self.rules:
            for m in r.word.finditer(sentence):
                if _LABEL_END.match(sentence, m.end()):
                    continue  # the heading word itself ("Lymph nodes: no lymphadenopathy") is a label, not a finding
                lo, hi = max(0, m.start() - WINDOW), min(len(sentence), m.end() + WINDOW)
                if section not in r.sections and not r.cue.search(sentence, lo, hi) and \
                        not (heading and r.cue.match(heading)):
                    continue
                if r.not_near is not None and r.not_near.search(sentence, lo, hi):
                    continue
                out.append(Mention(m.start(), m.end(), m.group(), r.concept_id, "condition", m.group().lower(),
                                   how="context"))
        return out


# an examination or review-of-systems line opens with the organ it is about: "ABDOMEN:  Soft. No masses." The
# heading governs the sentences after it until the next heading or section ("No masses" is the abdomen's)
_LABEL_END = re.compile(r"\s*+:")
_HEADING = re.compile(r"^\W*([A-Za-z][A-Za-z /&-]{1,30}?)\s*:")


def headings(sentences) -> list[str]:
    """For each sentence, the examination heading it stands under ('abdomen:'), or '' (none, or a new section)."""
    out, current, section = [], "", None
    for sent in sentences:
        if sent.section != section:
            current, section = "", sent.section
        m = _HEADING.match(sent.text)
        if m:
            current = m.group(1).lower() + ":"
        out.append(current)
    return out


def build(entries) -> ContextWords | None:
    """From the data file's `context_words` list (None when the file has none)."""
    if not entries:
        return None
    rules = []
    try:
        for e in entries:
            if not (e.get("words") and e.get("cues") and e.get("condition") and e.get("source")):
                raise ContextWordsError(f"context_words: each entry needs words, cues, condition and source: {e!r}")
            not_near = e.get("not_near") or ()
            rules.append(_Rule(re.compile(rf"\b(?:{_alternation(e['words'])})\b", re.I),
                               re.compile(rf"\b(?:{_alternation(e['cues'])})", re.I),
                               re.compile(rf"\b(?:{_alternation(not_near)})", re.I) if not_near else None,
                               f"condition:{e['condition']}", frozenset(e.get("sections") or ())))
    except (TypeError, AttributeError) as exc:
        raise ContextWordsError(f"context_words: {exc}") from exc
    return ContextWords(tuple(rules))


@dataclass(frozen=True)
class _Sense:
    keys: frozenset[str]  # the matcher's lexicon keys of the problem terms; empty: every problem term ("*")
    near: re.Pattern
    window: int
    after: bool = False  # the word follows the term at once ('HIV test', 'Diabetes Center'), not anywhere near
    before: bool = False  # the words stand right before the term ('diabetes type 2 MI', 'risk factors for stroke')
    # words of a result that give the term back its own sense ("HIV test positive": the test found the disease)
    unless: re.Pattern | None = None
    unless_window: int = 0  # the result may be told a few words on ("HIV test was sent and came back positive")


@dataclass(frozen=True)
class OtherSenses:
    senses: tuple[_Sense, ...]

    def elsewhere(self, sentence: str, key: str, start: int, end: int) -> bool:
        """True when the term matched by `key` at start:end stands beside a word that gives it another sense."""
        for s in self.senses:
            if s.after:
                hit = (not s.keys or key in s.keys) and s.near.match(sentence, end, end + s.window)
            elif s.before:
                hit = (not s.keys or key in s.keys) and s.near.search(sentence, max(0, start - s.window), start)
            else:
                hit = key in s.keys and s.near.search(sentence[max(0, start - s.window):start] + " \n " +
                                                      sentence[end:end + s.window])
            if not hit:
                continue
            w = max(s.window, s.unless_window)
            if s.unless is None or not s.unless.search(sentence[max(0, start - w):start] + " \n " + sentence[end:end + w]):
                return True
        return False


def _words(words) -> re.Pattern | None:
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", re.I) if words else None


def build_other_senses(entries, keys_of) -> OtherSenses | None:
    """From the data file's `other_senses` list; `keys_of(term)`: the matcher's lexicon keys of a term."""
    if not entries:
        return None
    senses = []
    try:
        for e in entries:
            if not (e.get("terms") and e.get("near") and e.get("source")):
                raise ContextWordsError(f"other_senses: each entry needs terms, near and source: {e!r}")
            every = list(e["terms"]) == [ANY_TERM]
            after, before = e.get("side") == "after", e.get("side") == "before"
            if every and not (after or before):
                raise ContextWordsError(f"other_senses: a sense of every term ('*') needs side: after or before: {e!r}")
            # side: after — the word stands right after the term, past blanks, a hyphen or a possessive ("HIV test");
            # side: before — the words end right before the term, past blanks only (searched in the window before it)
            near = rf"[\s\-]*(?:{_alternation(e['near'])})\b" if after else rf"(?<!\w)(?:{_alternation(e['near'])})"
            if before:
                near = rf"(?<!\w)(?:{_alternation(e['near'])})[ \t]+\Z"
            senses.append(_Sense(frozenset() if every else frozenset(k for t in e["terms"] for k in keys_of(str(t))),
                                 re.compile(near, re.I), int(e.get("window", WINDOW // 2)), after, before,
                                 _words(e.get("unless")), int(e.get("unless_window", 0))))
    except (TypeError, AttributeError, ValueError) as exc:
        raise ContextWordsError(f"other_senses: {exc}") from exc
    return OtherSenses(tuple(senses))
