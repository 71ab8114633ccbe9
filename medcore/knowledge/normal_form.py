"""The normal form of a token sequence, for phrase matching: the verb 'be' left out and each quantity collapsed
to its kind, so that 'the room has been spinning' meets the phrase 'room spinning' and 'lost half a stone' meets
'lost a stone'. The word lists are data (assets/kb/knowledge/normal_form.yaml); `normal_form` works on any token
list (the matcher's word keys, a tool's own tokens) and `stream` turns it into a token stream the matcher scans
beside its plain streams (knowledge.phrase_table.Stream)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from medcore.knowledge import kbfiles
from medcore.knowledge.normalize import Token


@dataclass(frozen=True)
class Quantity:
    kind: str
    units: frozenset[str]
    qualifiers: frozenset[str]


@dataclass(frozen=True)
class NormalFormRules:
    be_forms: frozenset[str]
    perfect_aux: frozenset[str]
    aspectual: frozenset[str]
    infinitive_stop: frozenset[str]
    hedges: frozenset[str]
    number_words: dict[str, int]
    quantities: tuple[Quantity, ...]
    glued: re.Pattern  # a number with its unit written on ('6kg'), as one token
    degree: frozenset[str] = frozenset()  # text side only: 'my neck is really stiff' meets 'neck is stiff'
    linking: frozenset[str] = frozenset()  # text side only: 'his lips look blue' meets 'lips are blue'
    subjects: frozenset[str] = frozenset()  # a linking verb after one of them stays ('I feel sick' is a phrase)
    participles: frozenset[str] = frozenset()  # irregular past participles: 'had gone', 'has swollen' (session 27)
    perfect_adverbs: frozenset[str] = frozenset()  # one may stand between the perfect and its participle

    def is_participle(self, tok: str) -> bool:
        """A past participle after 'has/have/had': an irregular one of the list, or a regular '-ed' form of 5 letters
        or more that is not an '-eed' word ('bleed', 'need', 'feed')."""
        return tok in self.participles or (len(tok) >= 5 and tok.endswith("ed") and not tok.endswith("eed"))

    def is_number(self, tok: str) -> bool:
        return tok.replace(".", "", 1).isdigit() or tok in self.number_words or tok == "half"


@lru_cache(maxsize=4)
def load_rules(kb_dir: Path) -> NormalFormRules:
    doc = kbfiles.load(kb_dir, "normal_form.yaml")
    qs = tuple(Quantity(q["kind"], frozenset(q["units"]), frozenset(q.get("qualifiers", ())))
               for q in doc["quantities"])
    glued = {u: q["kind"] for q in doc["quantities"] for u in q.get("glued", ())}
    units = "|".join(sorted(map(re.escape, glued), key=len, reverse=True)) or "(?!)"
    return NormalFormRules(frozenset(doc["be_forms"]), frozenset(doc["perfect_aux"]), frozenset(doc["aspectual"]),
                           frozenset(doc["infinitive_stop"]), frozenset(doc["hedges"]), dict(doc["number_words"]),
                           qs, re.compile(rf"\d+(?:\.\d+)?({units})"), frozenset(doc.get("degree", ())),
                           frozenset(doc.get("linking", ())), frozenset(doc.get("subjects", ())),
                           frozenset(doc.get("participles", ())), frozenset(doc.get("perfect_adverbs", ())))


def default_rules() -> NormalFormRules:
    from medcore.config import REPO_ROOT

    return load_rules(REPO_ROOT / "assets" / "kb")


def _glued_kind(rules: NormalFormRules, tok: str) -> str | None:
    m = rules.glued.fullmatch(tok)
    if m is None:
        return None
    return next((q.kind for q in rules.quantities if m.group(1) in q.units), None)


def quantity(toks: list[str], i: int, rules: NormalFormRules) -> tuple[int, str] | None:
    """A quantity starting at token i: (end index, its kind), or None."""
    n, j = len(toks), i
    kind = _glued_kind(rules, toks[j])
    if kind is not None:
        return j + 1, kind
    if toks[j] in rules.hedges:
        j += 1
    if j >= n or not rules.is_number(toks[j]):
        return None
    j += 1
    while j < n and j - i < 6 and (rules.is_number(toks[j]) or toks[j] in {"and", "of"}):  # half a, one and a half
        j += 1
    if j >= n:
        return None
    for q in rules.quantities:
        if toks[j] in q.qualifiers:  # 'two dress sizes': the qualifier must be followed by the unit
            return (j + 2, q.kind) if j + 1 < n and toks[j + 1] in q.units else None
    return next(((j + 1, q.kind) for q in rules.quantities if toks[j] in q.units), None)


_VOWELS = "aeiou"


def gerund(verb: str) -> str:
    """English -ing form: 'pound' -> 'pounding', 'race' -> 'racing', 'throb' -> 'throbbing', 'die' -> 'dying'."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    groups = re.findall(r"[aeiou]+", verb)
    if (len(groups) == 1 and len(groups[0]) == 1 and len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy"
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS):
        return verb + verb[-1] + "ing"  # one short vowel, consonant-vowel-consonant: double the last letter
    return verb + "ing"


def normal_form(toks: list[str], rules: NormalFormRules | None = None,
                text_side: bool = False) -> list[tuple[str, int, int]]:
    """(normal token, start, end) over tokens: quantities collapsed to one element ('#mass', '#size'), and the
    verb 'be' (with a perfect 'has/have/had' before 'been') and an aspectual 'started' or 'began' before an
    '-ing' form left out; after such a verb, 'to' + verb is the verb's '-ing' form ('started to pound' reads as
    'pounding'). `text_side`: a text (not a phrase being indexed) also loses its degree adverbs ('really',
    'very') and linking verbs ('look', 'feel', 'gone'), so 'his lips look really blue' meets 'lips are blue'; a
    phrase keeps them, since 'very high fever' and 'high fever' are phrases of two findings."""
    r = rules or default_rules()
    degree = r.degree if text_side else frozenset()
    linking = r.linking if text_side else frozenset()

    def links(j: int) -> bool:  # 'my legs feel weak' loses 'feel'; 'I feel sick' keeps it (a phrase of its own)
        return toks[j] in linking and j > 0 and toks[j - 1] not in r.subjects
    out, i, n = [], 0, len(toks)

    def to_infinitive(j: int) -> bool:  # 'to pound' after start/begin
        return j + 1 < n and toks[j] == "to" and toks[j + 1].isalpha() and len(toks[j + 1]) > 2 \
            and toks[j + 1] not in r.infinitive_stop and not toks[j + 1].endswith("ing")

    def aspectual(j: int) -> bool:
        return j + 1 < n and toks[j] in r.aspectual and ((toks[j + 1].endswith("ing") and len(toks[j + 1]) > 4)
                                                        or to_infinitive(j + 1))

    def perfect(j: int) -> bool:  # 'had locked up', 'has just gone' (session 27): the participle after the perfect
        if j < n and toks[j] in r.perfect_adverbs and j + 1 < n:
            j += 1
        return r.is_participle(toks[j])

    while i < n:
        q = quantity(toks, i, r)
        if q is not None:
            out.append((q[1], i, q[0]))
            i = q[0]
            continue
        t = toks[i]
        if i > 0 and toks[i - 1] in r.aspectual and to_infinitive(i):  # 'started to pound' -> 'pounding'
            out.append((gerund(toks[i + 1]), i, i + 2))
            i += 2
            continue
        left_out = (t in r.be_forms or t in degree or links(i) or aspectual(i)
                    or (t in r.perfect_aux and i + 1 < n and (toks[i + 1] == "been" or aspectual(i + 1)
                                                             or perfect(i + 1))))
        if not left_out:
            out.append((t, i, i + 1))
        i += 1
    return out


def stream(split: list[Token], rules: NormalFormRules | None = None,
           text_side: bool = False) -> list[tuple[Token, int, int]]:
    """`normal_form` as a token stream for the matcher (knowledge.phrase_table.Stream): over the matcher's word
    keys, each normal token with the original tokens it covers; empty when it is the plain stream itself."""
    keys = [t.key for t in split]
    norm = normal_form(keys, rules, text_side)
    if len(norm) == len(keys) and all(k == keys[i] for k, i, _ in norm):
        return []  # the same tokens as the plain stream: nothing more to find
    out = []
    for key, i, j in norm:
        a, b = split[i], split[j - 1]
        out.append((Token(key, a.start, b.end, a.word_start, b.word_end), i, j))
    return out
