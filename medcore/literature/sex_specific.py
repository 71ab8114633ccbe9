"""A population of one sex known from what only that sex can have (session 27, issue 15): a condition coded in an
ICD-10 range of one sex (pregnancy, the female or male genital organs) or a word for such a condition, procedure or
screening ("oophorectomy", "mammographic screening", "prostatectomy"), said in the title or in the sentence that
counts the people, while no sentence of the abstract names people of the other sex and the people counted are not
others beside them (babies of the pregnancies, partners, health workers). Data: assets/kb/literature/
sex_specific.yaml (ICD-10 chapters and the CMS Medicare Code Editor sex-conflict lists)."""

from __future__ import annotations

import logging
import re

from medcore.literature import kb
from medcore.literature.model import PicoItem, Sentence
from medcore.literature.population_sex import FEMALE_WORDS, MALE_WORDS

log = logging.getLogger(__name__)


def _in_ranges(code: str, ranges: list[str]) -> bool:
    """`code` as the reader writes it ("ICD-10-CM N83.519"): its three-character category within a range."""
    cat = code.split(" ")[-1][:3].upper()
    return any(lo <= cat <= hi for lo, hi in (r.split("-") for r in ranges))


# (review fix) the cue joined by "and" / "or" to another organ under one head noun ("prostate and rectal cancer",
# "rectal or prostate cancer"): a mixed population
_HEAD = r"(?:cancers?|carcinomas?|tumou?rs?|malignanc\w*|neoplasms?|surgery|surgeries|resections?|disease|imaging|mri|ct)\b"
_JOINED_AFTER = re.compile(r"(?<!\s)\s++(?:and|or|/)\s++(?P<w>[A-Za-z][\w\-]*+)\s++" + _HEAD, re.I)
_JOINED_BEFORE = re.compile(r"(?<![\w\-])(?P<w>[A-Za-z][\w\-]*+)\s++(?:and|or|/)\s++$", re.I)


_HEAD_AFTER = re.compile(r"(?<![\w\-])[\w\-]++\s++" + _HEAD, re.I)


def _mixed(text: str, m: re.Match, same: re.Pattern) -> bool:
    after = _JOINED_AFTER.match(text, _word_end(text, m.end()))
    before = _JOINED_BEFORE.search(text[:m.start()])
    if after and not same.fullmatch(after.group("w")):
        return True
    return bool(before and not same.search(before.group("w")) and _HEAD_AFTER.match(text, m.start()))


def _word_end(text: str, i: int) -> int:
    while i < len(text) and (text[i].isalnum() or text[i] == "-"):
        i += 1
    return i


# the others named are the ones with the condition: "children with ovarian torsion", "pupils who had orchidopexy"
_HAVING = re.compile(r"(?<!\s)(?!\w)\s*+(?:\w++\s++){0,2}?(?:with|undergoing|who\s+(?:had|underwent|have)|having|after)\s", re.I)


_IN_BEFORE = re.compile(r"\b(?:in|among)\s++(?:\w++\s++)?$", re.I)


def _has_it(text: str, m: re.Match, cue: re.Pattern) -> bool:
    """The people word at `m` is followed by "with / undergoing / who had" and a one-sex cue within the clause."""
    h = _HAVING.match(text, _word_end(text, m.end()))
    if h and cue.search(re.split(r"[.;,]", text[h.end():h.end() + 60])[0]):
        return True
    before = text[max(0, m.start() - 60):m.start()]
    return bool(_IN_BEFORE.search(before) and cue.search(re.split(r"[.;,:]", before)[-1]))


def one_sex(settings, sentences: list[Sentence], n_idx: int, title: str, conditions: list[PicoItem]) -> dict:
    """{"female_pct": 100.0 or 0.0, ..., "inferred": why} with the title's (-1) or the N sentence's index, else {}."""
    data = kb.load(settings, "sex_specific")
    n_sent = next((s for s in sentences if s.idx == n_idx), None)
    where = [(-1, title or "")] + ([(n_sent.idx, n_sent.text)] if n_sent is not None else [])
    # the people counted may be the babies, the partners or the staff: looked for wherever the people are said
    # (the title, the N sentence, the objective and methods), as the N sentence may not be found
    said = where + [(s.idx, s.text) for s in sentences if s.role in ("objective", "methods", "")]
    others = kb.cue_regex(data["others"]["words"])
    either = kb.cue_regex(data["female"]["words"] + data["male"]["words"])
    found = [(text, m) for _, text in said for m in others.finditer(text)]
    # a people word said once with the condition ("children with ovarian torsion", "ovarian torsion in children")
    # names the people who have it, wherever else it is said
    may_be = {w.lower() for w in data["others"].get("may_be_the_patients", [])}
    excused = {m.group(0).lower() for text, m in found if m.group(0).lower() in may_be and _has_it(text, m, either)}
    if any(m.group(0).lower() not in excused for _, m in found):
        return {}
    # a condition prevented, found by chance or looked like: not the counted people's (review fix)
    if any(kb.cue_regex(data["not_the_people"]["words"]).search(text) for _, text in where):
        return {}
    everything = [title or ""] + [s.text for s in sentences]
    cues = {sex: kb.cue_regex(data[sex]["words"]) for sex in ("female", "male")}
    # conditions or operations of both sexes anywhere ("hysterectomy or prostatectomy", "ovarian or testicular")
    if all(any(cues[sex].search(t) for t in everything) for sex in cues):
        return {}
    for sex, other in (("female", MALE_WORDS), ("male", FEMALE_WORDS)):
        words = cues[sex]
        hit = next(((idx, text[m.start():_word_end(text, m.end())], text, m) for idx, text in where for m in [words.search(text)] if m), None)
        if hit is not None and _mixed(hit[2], hit[3], words):
            log.debug("one-sex cue %r passed over: joined with another organ", hit[1])
            return {}
        if hit is None:  # a coded condition of one sex, named where the people are said
            hit = next(((idx, c.text, text, None) for c in conditions if c.code.startswith("ICD") and _in_ranges(c.code, data[sex].get("codes", []))
                        for idx, text in where if c.text and c.text.lower() in text.lower()), None)
        if hit is None:
            continue
        if any(other.search(s.text) for s in sentences) or other.search(title or ""):
            log.debug("one-sex cue %r passed over: the other sex is named", hit[1])
            return {}
        f = 100.0 if sex == "female" else 0.0
        return {"female_pct": f, "male_pct": 100.0 - f, "sentence_idx": hit[0], "text": hit[1],
                "inferred": f"a condition or operation of {'women' if sex == 'female' else 'men'} only: {hit[1]}"}
    return {}
