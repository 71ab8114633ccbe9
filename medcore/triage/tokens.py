"""Lay text to tokens, and their normal form, for the symptom chat's phrase matching.

The matching itself is the knowledge layer's (triage/lexicon.py feeds it the chat's phrase table); this module
gives it the chat's configuration: `PERSPECTIVE` (a parent's 'her' reads as 'my') and `normal_stream` (the
normal form below as a token stream). The chat's own tokens (`tokens`) index matches for durations and
history.

Phrase matching falls back to a normal form without the verb 'be', so that 'the room is spinning' /
'the room has been spinning' find the synonym 'room spinning', and with each quantity collapsed to its
kind, so that 'lost 6 kg' / 'lost half a stone' find 'lost a stone' and 'dropped two dress sizes' finds
'dropped a dress size'. (Other inflections are listed as synonyms: stripping '-ing' or '-ed' makes too
many different words meet: 'deep breathing' is not 'a deep breath', 'teething' is not 'teeth'.)"""

from __future__ import annotations

import re

from medcore.knowledge.normalize import Token

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
BE_FORMS = {"am", "is", "are", "was", "were", "be", "been", "being"}
PERFECT_AUX = {"has", "have", "had"}  # left out only before 'been' ("has been spinning")
# An aspectual verb before an '-ing' form is left out too: 'my heart started pounding' finds 'heart pounding'
# ('has started racing' loses the 'has'). Only start/begin: 'keeps coming back' is not 'coming back'.
ASPECTUAL = {"start", "started", "starting", "began", "begin", "begun", "beginning"}
HEDGES = {"about", "around", "nearly", "almost", "roughly", "approximately", "over", "just", "maybe"}
MASS_UNITS = {"stone", "st", "kg", "kgs", "kilo", "kilogram", "kilogramme", "lb", "lbs", "pound"}
SIZE_UNITS = {"size"}
SIZE_QUALIFIERS = {"dress", "clothe", "clothing", "trouser", "jean", "waist", "belt", "skirt", "shirt"}
_QTY_TOKEN = re.compile(r"\d+(?:\.\d+)?(kg|kgs|lb|lbs|st)")

NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2, "few": 3, "several": 4,
             "fourteen": 14, "twenty": 20}

PRONOUNS = {"his": "my", "her": "my", "their": "my", "your": "my", "our": "my", "he's": "i'm", "she's": "i'm",
            "they're": "i'm", "him": "me", "them": "me", "himself": "myself", "herself": "myself"}


# The same map for the knowledge matcher's word keys ('he's' has no key of its own there: its 's is dropped).
PERSPECTIVE = {k: v for k, v in PRONOUNS.items() if "'" not in k}


def stem(tok: str) -> str:
    """Lower-case token, light plural stripping, and third-person pronouns mapped to first person
    so that 'hit her head' matches the synonym 'hit my head' (parents describe their children)."""
    tok = tok.replace("’", "'")
    if tok in PRONOUNS:
        return PRONOUNS[tok]
    if tok.endswith("'s"):
        tok = tok[:-2]
    if len(tok) > 4 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 4 and tok.endswith("s") and not tok.endswith(("ss", "us", "is", "ous")):
        return tok[:-1]
    return tok


def tokens(text: str) -> list[str]:
    return [stem(t) for t in _TOKEN.findall(text.lower().replace("’", "'"))]


def _is_number(tok: str) -> bool:
    return tok.replace(".", "", 1).isdigit() or tok in NUM_WORDS or tok == "half"


def _quantity(toks: list[str], i: int) -> tuple[int, str] | None:
    """A weight or clothes-size quantity starting at token i: (end index, '#mass' | '#size')."""
    n, j = len(toks), i
    if _QTY_TOKEN.fullmatch(toks[j]):
        return j + 1, "#mass"
    if toks[j] in HEDGES:
        j += 1
    if j >= n or not _is_number(toks[j]):
        return None
    j += 1
    while j < n and j - i < 6 and (_is_number(toks[j]) or toks[j] in {"and", "of"}):  # half a, one and a half
        j += 1
    if j < n and toks[j] in SIZE_QUALIFIERS:
        j += 1
        return (j + 1, "#size") if j < n and toks[j] in SIZE_UNITS else None
    if j < n and toks[j] in MASS_UNITS:
        return j + 1, "#mass"
    if j < n and toks[j] in SIZE_UNITS:
        return j + 1, "#size"
    return None


# 'started to pound' is 'started pounding': after start/begin, 'to' + verb becomes the verb's -ing form.
# Not after a word that cannot be a verb here ('began to my surprise', 'started to the left').
INFINITIVE_STOP = {"the", "a", "an", "my", "me", "his", "her", "him", "them", "their", "our", "your", "this", "that",
                   "it", "be", "bed", "school", "work", "home"}
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


def normal_form(toks: list[str]) -> list[tuple[str, int, int]]:
    """(normal token, start, end) over stemmed tokens: quantities collapsed to one element ('#mass',
    '#size'), and the verb 'be' (with a perfect 'has/have/had' before 'been') and an aspectual 'started'
    or 'began' before an '-ing' form left out; after such a verb, 'to' + verb is the verb's '-ing' form
    ('started to pound' reads as 'pounding')."""
    out, i, n = [], 0, len(toks)

    def aspectual(j: int) -> bool:
        return j + 1 < n and toks[j] in ASPECTUAL and ((toks[j + 1].endswith("ing") and len(toks[j + 1]) > 4)
                                                      or to_infinitive(j + 1))

    def to_infinitive(j: int) -> bool:  # 'to pound' after start/begin
        return j + 1 < n and toks[j] == "to" and toks[j + 1].isalpha() and len(toks[j + 1]) > 2 \
            and toks[j + 1] not in INFINITIVE_STOP and not toks[j + 1].endswith("ing")

    while i < n:
        q = _quantity(toks, i)
        if q is not None:
            out.append((q[1], i, q[0]))
            i = q[0]
            continue
        t = toks[i]
        if i > 0 and toks[i - 1] in ASPECTUAL and to_infinitive(i):  # 'started to pound' -> 'pounding'
            out.append((gerund(toks[i + 1]), i, i + 2))
            i += 2
            continue
        left_out = (t in BE_FORMS or aspectual(i)
                    or (t in PERFECT_AUX and i + 1 < n and (toks[i + 1] == "been" or aspectual(i + 1))))
        if not left_out:
            out.append((t, i, i + 1))
        i += 1
    return out



def normal_stream(split: list[Token]) -> list[tuple[Token, int, int]]:
    """`normal_form` as a token stream for the knowledge matcher (knowledge.phrase_table.Stream): over the
    matcher's word keys, each normal token with the original tokens it covers."""
    keys = [t.key for t in split]
    norm = normal_form(keys)
    if len(norm) == len(keys) and all(k == keys[i] for k, i, _ in norm):
        return []  # the same tokens as the plain stream: nothing more to find
    out = []
    for key, i, j in norm:
        a, b = split[i], split[j - 1]
        out.append((Token(key, a.start, b.end, a.word_start, b.word_end), i, j))
    return out
