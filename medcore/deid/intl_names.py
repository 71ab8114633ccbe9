"""Names written in other scripts (issue 14: "Ирина Петрова" opening a sentence and "王小明" with no title before
them leaked). The words come from assets/kb/deid/international.yaml (intl_lists.py). Conservative on purpose: a
word of another script is a name only by its shape in that script or by a cue, never because it is foreign.

- Cyrillic and Greek have capitals: two or three capitalised words in a row ("Ирина Петрова", "Петрова Ирина
  Сергеевна"), or a surname with its initials ("Петрова И. С."), is a name unless a word of it is a heading,
  clinical or function word of that script; one capitalised word is a name after a cue word ("пациентка Петрова",
  "д-р Иванов"). (After an English title, patterns.py already takes Cyrillic and Greek names.)
- Scripts without capitals (Arabic, Hebrew, Chinese, Japanese, Korean) are judged by the cue rules of patterns.py:
  each of their words stands in, in a shadow copy of the note, for a capitalised Latin word of the same length, so
  "Mr. 王小明", "Patient: محمد علي", "wife 李娜", "Dr. כהן, MD" or a header line with an MRN take the name by the
  same rules as "Mr. Smith"; no second list of titles and labels.
- Without a cue: a run of two to four Han characters (after a glued label or title: "患者王小明", "王小明先生")
  with no clinical character (病, 痛, 炎, 血, ...) and not a listed clinical word is a name when the note is
  mostly in Latin letters (a Chinese name inside an English note), or when it starts with a common Chinese or
  Japanese surname or carries a glued label or title. A Hangul word of two to four syllables that starts with a
  common Korean surname is a name inside a mostly-Latin note, or with a title (씨, 님). Two to four Arabic or Hebrew
  words in a row, none a function or clinical word and not in quotation marks, are a name inside a mostly-Latin
  note; in an Arabic or Hebrew note only a cue word ("السيدة", "מר") marks one.
A name found once is then found wherever it recurs in the note (whole words; the whole name for Han and Hangul).
Every quantifier is bounded (tests/records/test_hostile_text.py times long runs)."""

from __future__ import annotations

import bisect
import re
from typing import Callable

from medcore.deid.fold import mostly_latin
from medcore.deid.intl_lists import ordered, words
from medcore.deid.patterns import _HEADER_RULES, _NAME_RULES, _RELATIVE_RULE

Add = Callable[[int, int, str], None]

_CYR_UP, _CYR_LO = "\u0400-\u042f\u0490", "\u0430-\u045f\u0491'’ʼ"
_GRK_UP, _GRK_LO = "\u0386\u0388-\u038f\u0391-\u03a9", "\u0390\u03ac-\u03ce"
_ARABIC = "\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"
_HEBREW = "\u05d0-\u05ea\u05f0-\u05f2\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
_HAN = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc"
_HANGUL = "\uac00-\ud7a3"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"


def _cap_word(up: str, lo: str) -> str:
    return rf"[{up}][{lo}]{{1,30}}(?:-[{up}][{lo}]{{1,30}})?"


_CYR = _cap_word(_CYR_UP, _CYR_LO)
_GRK = _cap_word(_GRK_UP, _GRK_LO)
_CAP_RUNS = [(re.compile(rf"{_NOT_LETTER_BEFORE}({w}(?:[ \t]+{w}){{1,2}}){_NOT_LETTER_AFTER}"), key)
             for w, key in ((_CYR, "cyrillic_not_names"), (_GRK, "greek_not_names"))]
# a Cyrillic surname with initials, after or before it: "Петрова И. С.", "И.С. Петрова"
_CYR_INITIALS = re.compile(rf"{_NOT_LETTER_BEFORE}(?:({_CYR})[ \t]+[{_CYR_UP}]\.[ \t]?(?:[{_CYR_UP}]\.)?|"
                           rf"[{_CYR_UP}]\.[ \t]?(?:[{_CYR_UP}]\.[ \t]?)?[ \t]*({_CYR}){_NOT_LETTER_AFTER})")
# words of the scripts without capitals, for the shadow copy and the runs
_CASELESS = re.compile(rf"[{_ARABIC}]+|[{_HEBREW}]+|[{_HAN}]+|[{_KANA}]+|[{_HANGUL}]+")
_SPACED = {"arabic": _ARABIC, "hebrew": _HEBREW}
_SPACED_RUNS = {k: re.compile(rf"(?<![{v}])[{v}]{{2,30}}(?:[ \t][{v}]{{2,30}}){{1,3}}(?![{v}])") for k, v in _SPACED.items()}
_HAN_RUN = re.compile(rf"(?<![{_HAN}])[{_HAN}]{{2,12}}(?![{_HAN}])")  # a whole run: a long one is not cut into pieces
_HANGUL_WORD = re.compile(rf"(?<![{_HANGUL}])([{_HANGUL}]{{2,4}})((?:[ \t]?(?:씨|님|선생님|환자))?)(?![{_HANGUL}])")
_QUOTES = "\"'“”«»„‘’「」『』"
# the cue rules of patterns.py, which see a caseless word as a capitalised one in the shadow copy
_CUE_RULES = [*_NAME_RULES, _RELATIVE_RULE, *_HEADER_RULES]


def _script(word: str) -> str:
    c = word[0]
    for name, chars in (("han", _HAN), ("kana", _KANA), ("hangul", _HANGUL), ("arabic", _ARABIC), ("hebrew", _HEBREW)):
        if re.match(f"[{chars}]", c):
            return name
    return "other"


def _clinical_caseless(word: str) -> bool:
    """A word of a script without capitals that is clinical or ordinary, never a name."""
    script = _script(word)
    if script == "han":
        return (any(c in words("names", "han_clinical_characters") for c in word)
                or word in words("names", "han_clinical_words"))
    if script == "hangul":
        return word in words("names", "hangul_clinical_words")
    if script in _SPACED:
        return word in words("names", f"{script}_not_names")
    return False


def _shadow(folded: str) -> tuple[str, list[tuple[int, int]]]:
    """The note with each caseless word written as "Zq..." of the same length (and the ideographic full stop and
    comma as "." and ","), and the spans of those words."""
    out = list(folded.replace("。", ".").replace("、", ","))
    spans = []
    for m in _CASELESS.finditer(folded):
        spans.append(m.span())
        out[m.start()] = "Z"
        for i in range(m.start() + 1, m.end()):
            out[i] = "q"
    return "".join(out), spans


def _cued_caseless(folded: str, add: Add, names: list[str], original: str) -> None:
    shadow, spans = _shadow(folded)
    starts = [s for s, _ in spans]
    for pattern in _CUE_RULES:
        for m in pattern.finditer(shadow):
            if not m.lastindex or m.group(1) is None:
                continue
            s, e = m.span(1)
            for i in range(bisect.bisect_left(starts, s), len(spans)):
                ws, we = spans[i]
                if ws >= e:
                    break
                word = original[ws:we]
                if we <= e and not _clinical_caseless(word):
                    add(ws, we, "NAME")
                    names.append(word)


def _cap_runs(text: str, add: Add, names: list[str]) -> None:
    for pattern, key in _CAP_RUNS:
        stop = words("names", key)
        for m in pattern.finditer(text):
            ws = m.group(1).split()
            if any(w.lower() in stop or any(p in stop for p in w.lower().split("-")) for w in ws):
                continue
            add(m.start(1), m.end(1), "NAME")
            names.extend(ws)
    stop = words("names", "cyrillic_not_names")
    for m in _CYR_INITIALS.finditer(text):
        g = 1 if m.group(1) else 2
        if m.group(g).lower() not in stop:
            add(m.start(), m.end(), "NAME")
            names.append(m.group(g))
    cues = "|".join(re.escape(c) for c in ordered("names", "cyrillic_cues"))
    for m in re.finditer(rf"{_NOT_LETTER_BEFORE}(?i:{cues})[ \t]*:?[ \t]+({_CYR}(?:[ \t]+{_CYR})?){_NOT_LETTER_AFTER}", text):
        ws = m.group(1).split()
        if ws[0].lower() in stop:
            continue
        if len(ws) > 1 and ws[1].lower() in stop:
            ws = ws[:1]
        add(m.start(1), m.start(1) + len(ws[0]) if len(ws) == 1 else m.end(1), "NAME")
        names.extend(ws)


def _han_names(text: str, add: Add, names: list[str], latin_note: bool) -> None:
    labels, titles = ordered("names", "han_labels"), ordered("names", "han_titles")
    ones, twos = words("names", "han_surnames"), words("names", "han_surnames_two")
    for m in _HAN_RUN.finditer(text):
        s, e = m.span()
        run = m.group()
        cue = False
        for lab in labels:
            if run.startswith(lab) and len(run) > len(lab):
                s, run, cue = s + len(lab), run[len(lab):], True
                break
        for t in titles:
            if run.endswith(t) and len(run) > len(t):
                e, run, cue = e - len(t), run[:-len(t)], True
                break
        if not cue and any(text.startswith(t, e) for t in titles):  # a kana title after the run: "田中さん"
            cue = True
        if not 2 <= len(run) <= 4 or _clinical_caseless(run):
            continue
        surname = run[0] in ones or run[:2] in twos or run[:3] in twos
        if latin_note or surname or cue:
            add(s, e, "NAME")
            names.append(run)


def _hangul_names(text: str, add: Add, names: list[str], latin_note: bool) -> None:
    surnames = words("names", "hangul_surnames")
    for m in _HANGUL_WORD.finditer(text):
        word = m.group(1)
        if word[0] not in surnames or _clinical_caseless(word):
            continue
        if latin_note or m.group(2):
            add(m.start(1), m.end(1), "NAME")
            names.append(word)


def _spaced_names(text: str, add: Add, names: list[str], latin_note: bool) -> None:
    for script, chars in _SPACED.items():
        stop = words("names", f"{script}_not_names")
        if latin_note:
            for m in _SPACED_RUNS[script].finditer(text):
                before = text[max(0, m.start() - 2):m.start()].strip()
                after = text[m.end():m.end() + 2].strip()
                if (before and before[-1] in _QUOTES) or (after and after[0] in _QUOTES):
                    continue
                if any(w in stop for w in m.group().split()):
                    continue
                add(m.start(), m.end(), "NAME")
                names.extend(m.group().split())
        cues = "|".join(re.escape(c) for c in ordered("names", f"{script}_cues"))
        for m in re.finditer(rf"(?<![{chars}])(?:{cues})[ \t]*:?[ \t]+([{chars}]{{2,30}}(?:[ \t][{chars}]{{2,30}}){{0,2}})", text):
            ws = []
            for w in m.group(1).split():
                if w in stop:
                    break
                ws.append(w)
            if ws:
                add(m.start(1), m.start(1) + len(" ".join(ws)), "NAME")
                names.extend(ws)


# a word of a spaced script, with its vowel points and harakat
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u0591-\u05c7\u064b-\u065f\u0670])+")
_GLUED = re.compile(rf"[{_HAN}]+|[{_HANGUL}]+|[{_KANA}]+")


def _recur(text: str, add: Add, names: list[str]) -> None:
    """Every other mention of a name found here: whole words for the spaced scripts, the whole name inside a run for
    Han, kana and Hangul (written without spaces, a name is glued to the words around it). Lookups in a set, so many
    distinct names cost no more than a few."""
    glued = {n for n in names if _script(n) in ("han", "hangul", "kana") and 2 <= len(n) <= 6}
    spaced = {n for n in names if n not in glued and len(n) >= 3 and " " not in n}
    if spaced:
        for m in _TOKEN.finditer(text):
            if m.group() in spaced:
                add(m.start(), m.end(), "NAME")
    if glued:
        for m in _GLUED.finditer(text):
            run, i = m.group(), 0
            while i < len(run) - 1:
                hit = next((n for n in range(6, 1, -1) if run[i:i + n] in glued), 0)
                if hit:
                    add(m.start() + i, m.start() + i + hit, "NAME")
                i += hit or 1


def find_intl_names(original: str, folded: str, add: Add) -> None:
    """Add NAME spans for names in other scripts. `original` is the note, `folded` the same note after fold.py
    (same length): capitals and words are read from the note itself, the English cues from the folded copy."""
    if original.isascii():
        return
    names: list[str] = []
    latin_note = mostly_latin(folded)
    _cap_runs(original, add, names)
    if _CASELESS.search(original):
        _cued_caseless(folded, add, names, original)
        _han_names(original, add, names, latin_note)
        _hangul_names(original, add, names, latin_note)
        _spaced_names(original, add, names, latin_note)
    _recur(original, add, names)
