"""Counts written in words ("Fifty-four patients", "One thousand and twelve nurses", "Two thousand seven hundred
and sixty-one"): find them and give their value, with their offsets in the text."""

from __future__ import annotations

import re

_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                      "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORD = "|".join(sorted(list(_UNITS) + list(_TENS) + list(_SCALES), key=len, reverse=True))
# at most nine number words ("two thousand three hundred and forty five" is six): unbounded, a pattern that embeds
# it rescanned a long run of number words from each word
NUMBER_WORDS = re.compile(rf"\b(?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD})){{0,8}}\b", re.IGNORECASE)


def value(words: str) -> int | None:
    """The number a run of number words names, or None when it is not one ("hundred hundred")."""
    total, current = 0, 0
    seen = False
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "and" or not w:
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def digits_for_words(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """`text` with each run of number words (two or more, or one of ten and above) replaced by its digits, and
    the (start, end, words) of each replacement in the ORIGINAL text, in order."""
    out, spans, last = [], [], 0
    for m in NUMBER_WORDS.finditer(text):
        v = value(m.group(0))
        if v is None or (v < 10 and " " not in m.group(0) and "-" not in m.group(0)):
            continue  # "one of three groups": small single words are not counts of people
        out.append(text[last:m.start()])
        out.append(str(v))
        spans.append((m.start(), m.end(), m.group(0)))
        last = m.end()
    out.append(text[last:])
    return "".join(out), spans


# (session 27) a capitalised small count opening a sentence, before a people noun within three words ("Five men
# underwent ...", "Two cases of X were identified"); `people` is the caller's pattern of people nouns
_LEAD_SMALL = "two three four five six seven eight nine".split()


def lead_small(text: str, spans: list, people: str) -> tuple[str, list]:
    """`text` and `spans` of digits_for_words with such an opening count in digits too (its span first)."""
    m = re.match(r"(Two|Three|Four|Five|Six|Seven|Eight|Nine)(?=\s+(?:[\w\-]+\s+){0,3}?" + people + r"\b)", text)
    # session 28: after an opening time clause ("From May to July 1990, five young men were treated ...")
    m = m or re.match(r"(?:From|Between|During|In|Over|Since)\s[^,;.]{3,60},\s+(two|three|four|five|six|seven|eight|nine)"
                      r"(?=\s+(?:[\w\-]+\s+){0,3}?" + people + r"\b)", text)
    # a second small group after it ("Eight providers at one clinic and seven at another") is left to be unread:
    # the opening count alone would be a part
    if not m or re.search(r"\band\s+(?:two|three|four|five|six|seven|eight|nine)\b", text[m.end():], re.I):
        return text, spans
    digits = str(_LEAD_SMALL.index(m.group(1).lower()) + 2)
    return (text[:m.start(1)] + digits + text[m.end():],
            [(m.start(1), m.end(), m.group(1))] + spans)
