"""Text normalisation for matching, with an offset map back to the original text.

Steps, each its own function so each can be tested:
1. `fold_char`: Unicode NFKC (full-width letters, ligatures), accents dropped, confusable Cyrillic/Greek
   letters to Latin (UTS #39), lower case. `fold` applies it to a text and keeps, for every output
   character, the index of the original character it came from.
2. `tokenize`: word tokens of the folded text; punctuation separates tokens. A hyphenated word gives a
   joined token ("a-fib" -> "afib") and, separately, its parts ("a", "fib"): the matcher tries both.
3. `token_key`: a common misspelling to its word ("vomitting"), US spelling (UK forms folded), singular (plurals folded), organ noun for an anatomical
   adjective (renal -> kidney). Applied to the lexicon and to the text alike, so variants meet.
The tables are data (assets/kb/knowledge/variants.yaml); `Variants` holds them compiled."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from medcore.knowledge import kbfiles


@dataclass(frozen=True)
class Variants:
    confusables: dict[str, str]
    uk_us: tuple[tuple[re.Pattern, str], ...]
    uk_any: re.Pattern  # any rule's pattern: most tokens match none, and skip the rules at once
    invariant: frozenset[str]
    irregular: dict[str, str]
    adjectives: dict[str, str]
    # variants.yaml misspellings: a misspelt or written-short word as people type it ('vomitting', 'diarhea', 'wt')
    # -> the word; folded first, so the misspelling meets every phrase that word is in
    misspellings: dict[str, str] = field(default_factory=dict)
    _key_cache: dict = field(default_factory=dict, compare=False, repr=False)

    def key(self, token: str) -> str:
        """The canonical form of one folded token (cached: a lexicon build calls it a million times)."""
        k = self._key_cache.get(token)
        if k is None:
            w = self.misspellings.get(token, token)
            k = self.adjectives.get(t := singular(us_spelling(w, self), self), t)
            if len(self._key_cache) < 500_000 and len(token) < 64:  # bounded: a server reads endless text
                self._key_cache[token] = k
        return k


@lru_cache(maxsize=4)
def load_variants(kb_dir: Path) -> Variants:
    doc = kbfiles.load(kb_dir, "variants.yaml")
    return Variants(
        confusables=dict(doc["confusables"]["map"]),
        uk_us=tuple((re.compile(a), b) for a, b in doc["uk_us"]["rules"]),
        uk_any=re.compile("|".join(f"(?:{a})" for a, _ in doc["uk_us"]["rules"]) or "(?!)"),
        invariant=frozenset(doc["plurals"]["invariant"]),
        irregular=dict(doc["plurals"]["irregular"]),
        adjectives=dict(doc["adjectives"]["map"]),
        misspellings=dict((doc.get("misspellings") or {}).get("map") or {}),
    )


# ---- step 1: characters ------------------------------------------------------------------------
_fold_cache: dict[tuple[str, int], str] = {}


def fold_char(c: str, variants: Variants) -> str:
    """One original character as zero or more folded characters."""
    key = (c, id(variants))
    out = _fold_cache.get(key)
    if out is not None:
        return out
    if c.isascii():
        out = c.lower()
    else:
        s = unicodedata.normalize("NFKC", c)
        s = "".join(variants.confusables.get(ch, ch) for ch in s)
        s = "".join(ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn")
        s = "".join(variants.confusables.get(ch, ch) for ch in s)  # a letter the accent strip exposed
        if unicodedata.category(c) in ("Cf", "Zs") or s.isspace():
            s = " " if not unicodedata.category(c) == "Cf" else ""  # zero-width joiners vanish
        out = s.lower()
    if len(_fold_cache) < 50_000:
        _fold_cache[key] = out
    return out


def fold(text: str, variants: Variants) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index in `text` it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    chars: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(text):
        f = fold_char(c, variants)
        chars.append(f)
        offsets.extend([i] * len(f))
    return "".join(chars), offsets


def latin_lookalikes(text: str, variants: Variants) -> str:
    """Latin letters for look-alike Cyrillic/Greek ones inside words that also hold Latin letters, case kept
    ("сhest" -> "chest"); a word made only of look-alikes ("еуе") too when the text is mostly Latin. Other words
    wholly in another script stay as they are, so Russian or Greek text is still seen as another language.
    For readers that keep the text (the chat's input guard, hence the duration and negation regexes), not the
    matcher, which folds every character."""

    if text.isascii():
        return text
    table = variants.confusables
    whole_words: bool | None = None  # decided once, only when a word made only of look-alikes turns up

    def fix(m: re.Match) -> str:
        nonlocal whole_words
        w = m.group(0)
        latin = [ch.isascii() for ch in w if ch.isalpha()]
        if all(latin):
            return w
        if not any(latin):
            # "а", "еуе" typed with Cyrillic letters in an English sentence: every letter a look-alike, so
            # the word is a spoof when the text around it is written in Latin letters (not Russian or Greek)
            if not all(ch.lower() in table for ch in w if ch.isalpha()):
                return w
            if whole_words is None:
                whole_words = _mostly_latin(text, table)
            if not whole_words:
                return w
        out = []
        for ch in w:
            sub = variants.confusables.get(ch.lower())
            out.append(ch if sub is None or ch.isascii() else (sub.upper() if ch.isupper() else sub))
        return "".join(out)

    return _MIXED_WORD.sub(fix, text)


_MIXED_WORD = re.compile(r"\w+")


def _mostly_latin(text: str, table: dict[str, str]) -> bool:
    """Latin letters outnumber the other scripts' letters that look like no Latin one: the look-alikes
    themselves are not counted, so a sentence with a, e, o, c, p, x, y all swapped for Cyrillic is still English,
    and a Russian sentence with an English word in it is still Russian."""
    latin = foreign = 0
    for ch in text:
        if not ch.isalpha():
            continue
        if ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
            latin += 1
        elif ch.lower() not in table and ch not in table:
            foreign += 1
    return latin > foreign


# ---- step 2: tokens ---------------------------------------------------------------------------
_WORD = re.compile(r"[a-z0-9]+(?:'s\b)?(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Token:
    key: str  # canonical form, see token_key
    start: int  # offsets into the ORIGINAL text
    end: int
    word_start: int = -1  # the whole hyphenated word this token is part of (-1: the token is the word)
    word_end: int = -1

    @property
    def starts_word(self) -> bool:
        return self.word_start < 0 or self.start == self.word_start

    @property
    def ends_word(self) -> bool:
        return self.word_end < 0 or self.end == self.word_end


def _raw_parts(word: str) -> tuple[str, list[tuple[int, str]]]:
    """A folded word as its joined form and its parts with their positions in the word."""
    base = word[:-2] if word.endswith("'s") else word
    parts, pos = [], 0
    for piece in base.split("-"):
        parts.append((pos, piece))
        pos += len(piece) + 1
    return base.replace("-", ""), parts


def tokenize(text: str, variants: Variants) -> tuple[list[Token], list[Token]]:
    """Two token streams over `text`: hyphenated words joined, and hyphenated words split. Most
    words are the same token in both."""
    folded, offsets = fold(text, variants)
    joined: list[Token] = []
    split: list[Token] = []
    n = len(text)
    for m in _WORD.finditer(folded):
        word = m.group()
        s = m.start()
        end_orig = offsets[m.end() - 1] + 1 if m.end() - 1 < len(offsets) else n
        if "-" not in word and "'" not in word:  # the common case, without building parts
            joined.append(Token(variants.key(word), offsets[s], end_orig))
            split.append(joined[-1])
            continue
        whole, parts = _raw_parts(word)
        joined.append(Token(variants.key(whole), offsets[s], end_orig))
        if len(parts) == 1:
            split.append(joined[-1])
            continue
        for pos, piece in parts:
            if piece:
                split.append(Token(variants.key(piece), offsets[s + pos], offsets[s + pos + len(piece) - 1] + 1,
                                   offsets[s], end_orig))
    return joined, split


# ---- step 3: token variants ----------------------------------------------------------------------
def us_spelling(token: str, variants: Variants) -> str:
    if not variants.uk_any.search(token):
        return token
    for pat, repl in variants.uk_us:
        token = pat.sub(repl, token)
    return token


def singular(token: str, variants: Variants) -> str:
    if token in variants.irregular:
        return variants.irregular[token]
    if len(token) <= 3 or token in variants.invariant or not token.isalpha():
        return token
    if token.endswith(("ss", "us", "is", "ous")):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("aches") or (token.endswith("zes") and not token.endswith("zzes")):
        return token[:-1]  # ache, headache, moustache; sneeze, wheeze, size (but buzzes, fizzes)
    if token.endswith(("ches", "shes", "sses", "xes", "zes")):
        return token[:-2]
    if token.endswith("ae") and len(token) > 4:
        return token[:-1]
    if token.endswith("s"):
        return token[:-1]
    return token


def term_keys(term: str, variants: Variants) -> list[str]:
    """The lexicon keys of a term: its joined token keys, and its split ones when they differ. The same
    steps as `tokenize`, without offsets (a lexicon build calls this for every term)."""
    folded = term.lower() if term.isascii() else fold(term, variants)[0]
    key = variants.key
    joined: list[str] = []
    split: list[str] = []
    for word in _WORD.findall(folded):
        if "-" not in word and "'" not in word:  # the common case, without building parts
            k = key(word)
            joined.append(k)
            split.append(k)
            continue
        whole, parts = _raw_parts(word)
        joined.append(key(whole))
        if len(parts) == 1:
            split.append(joined[-1])
        else:
            split.extend(key(p) for _, p in parts if p)
    keys = [" ".join(joined)]
    if split != joined:
        keys.append(" ".join(split))
    return [k for k in keys if k]


# ---- term clean-up for coding-system titles -----------------------------------------------------
_NOS = re.compile(r"(?:,|(?<![\s,]))\s*\b(?:unspecified|not otherwise specified|not elsewhere classified|nos|nec)\b\s*$", re.I)
# a start at a 3-digit group after ",ddd," ("111,111,222"): a number read from there is never the leftmost one
# (the group before it starts a match reaching the same end), and trying it rescanned the rest of a long run of
# thousands groups from every group (quadratic over "111,111,…"); put it where a thousands number may start
LATER_THOUSANDS_GROUP = r"(?!(?<=,\d{3},)\d{3}(?!\d))"
# a bracketed aside with the blanks before it, "Seizure (fit)" -> "Seizure": the one home of this pattern (coding
# titles here and in sources.icd10cm, the arms of a literature allocation sentence, the question reader's page names).
# "(?<!\s)": leading blanks are tried only from the start of their run (else sub rescans a long run from each space)
PAREN = re.compile(r"(?:(?<!\s)\s*)?\([^()]*\)")
_BRACKET = re.compile(r"(?:(?<!\s)\s*)?\[[^\[\]]*\]")


def clean_title(title: str) -> str:
    """A coding-system title as a match term: 'Cerebral infarction, unspecified' -> 'Cerebral infarction',
    'Chronic obstructive lung disease NOS' -> 'Chronic obstructive lung disease'; bracketed notes dropped."""
    t = _BRACKET.sub("", title)
    prev = None
    while prev != t:
        prev = t
        t = _NOS.sub("", t).strip(" ,;")
    return t


# An aside that says what to do or how it goes is not a name of the condition: 'Possible brain tumour (needs a
# scan)' once made every question about a scan a brain-tumour question, 'Heart failure (gradually worsening)'
# made "gradually" a heart-failure word.
_NOT_A_NAME = re.compile(r"^(needs?|needing|urgent|not|gradually|getting|worse|better)\b", re.I)


def says_what_to_do(aside: str) -> bool:
    """'needs a scan', 'urgent blood test', 'gradually worsening': an aside that is not a name."""
    return bool(_NOT_A_NAME.match(aside.strip()))


def parenthetical_forms(title: str, inner: bool = True) -> list[str]:
    """'Blood clot in the lung (pulmonary embolism)' -> ['Blood clot in the lung', 'pulmonary embolism'].
    A one-word aside is a qualifier, not a name ('Giant cell (temporal) arteritis', 'COPD (stable)',
    'Seizure (fit)'), and is never a form of its own; nor is an aside that says what to do or how it goes
    ('needs a scan', 'urgent blood test', 'gradually worsening')."""
    outer = re.sub(r"(?<!\s)\s+,", ",", PAREN.sub("", title)).strip()
    inside = [x.strip() for x in re.findall(r"\(([^()]*)\)", title)] if inner else []
    return [x for x in [outer, *inside]
            if x and (x is outer or (len(x.split()) >= 2 and not says_what_to_do(x)))]
