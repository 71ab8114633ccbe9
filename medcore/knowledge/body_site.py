"""Body sites (knowledge layer; the records summarizer and the literature reader both code with it).

Injuries coded by body site (issue 11): 'laceration', 'fracture', 'contusion' or 'injury' alone name an
unspecified body region in ICD-10-CM (T14.8, T14.90); notes name the site in the same sentence ('two lacerations
of the penile shaft', 'contusion over the right forearm', 'fractured her ankle'). The site named nearest to the
injury word gives the code, from assets/kb/knowledge/body_sites.yaml. The same holds for
other words coded without a site (swelling R60, bleeding R58, infection B99.9): 'bleeding from the rectum' is K62.5.

An examination sign (erythema, swelling, effusion, perforation, infection; `subject_kinds`) with no site beside it
takes the site its clause is about (session 17): the site that opens the clause and is then described ('Tonsils show
no exudate or erythema', 'Gums look healthy, with no erythema, swelling or infection',
'Left TM with an effusion'). Examination findings are written region by region, each region the subject of its
own sentence (Bates Guide to Physical Examination), so the sign belongs to that region, not to the unsited R60/L53.9.

A joint or limb code takes the side written with it (`sided`, session 20-21) and a spinal disc code the level written
with it (`leveled`, session 21: 'C5-6 disc herniation' M50.222), each from a table of the same file."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from medcore import kbyaml
from medcore.errors import DomainError
from medcore.knowledge import link_words

log = logging.getLogger(__name__)

DATA_FILE = "body_sites.yaml"  # under the KB's knowledge/ folder

# how far from the injury word a site may be named, in characters, on either side; a bare kind ('swelling') needs
# its site just after it ('swelling of the right hand') or right before it ('orbital swelling'), not the site of
# another symptom earlier in a list ('chest pain, cough or swelling')
WINDOW = 80
BARE_AFTER, BARE_BEFORE = 30, 12
_CLAUSE_BREAK = re.compile(r"[,;.:]")
_JOIN = re.compile(r"\b(?:and|or)\b", re.I)
# the clause's subject site: at most SUBJECT_WORDS words before it in its clause ('The left tympanic membrane'),
# then a verb or preposition that describes it before the sign ('shows no', 'is normal without', 'with some')
SUBJECT_WORDS = 3
_WORDS = re.compile(r"[A-Za-z0-9'-]+")
_DESCRIBES = re.compile(r"\b(?:is|are|was|were|shows?|showed|reveals?|revealed|has|have|had|with|without|appears?|"
                        r"demonstrates?|exhibits?)\b", re.I)
_SUBJECT_BREAK = re.compile(r"[.;:]|\bbut\b", re.I)  # 'Throat clear, ... but she did have erythema': a new clause
# the side of a sided joint code: written right before the mention ('left knee osteoarthritis', 'right-sided hip
# pain'), inside it, or before the code's own site in the phrase after it ('pain in the right hip', 'of both knees')
_SIDE_WORD = r"(left|right|bilateral|both)"
_SIDE_BEFORE = re.compile(r"(?:\b(left|right)[ ]+(?:and|&)[ ]+)?\b" + _SIDE_WORD + r"(?:-sided)?[ ]$", re.I)
_SIDE_IN = re.compile(r"\b" + _SIDE_WORD + r"\b", re.I)
_SIDE_AFTER = re.compile(r"\b" + _SIDE_WORD + r"[ ]+([a-z]+)", re.I)
# or before the code's own site written right before a bare mention ('right wrist osteoarthritis')
_SIDE_SITE_BEFORE = re.compile(r"\b" + _SIDE_WORD + r"(?:-sided)?[ ]+([a-z]+)[ ]$", re.I)
SIDE_BEFORE_CHARS = 24
LEVEL_BEFORE_CHARS = 40  # room for a listed run of levels before the mention ('C4-5, C5-6 and C6-7 disc bulges')
# a spinal level ('C5-6', 'C6-C7', 'L5/S1'): vertebra, number, dash or slash, the next vertebra (its letter may be
# left out: 'C5-6'); read in the mention's own phrase, as the side is
_LEVEL = re.compile(r"\b([ctls])(\d{1,2})[ ]?[-/\u2013][ ]?([ctls]?)(\d{1,2})\b", re.I)
_BEFORE_GAP = re.compile(r"[ ]*(?:(?:disc|disk|level|the)[ ]+)?", re.I)  # 'C5-6 disc herniation', 'C5-6 level disc ...'
# a diagnosis-list form: the level right after a comma ('Herniated nucleus pulposus, C5-C6')
_COMMA_LEVEL = re.compile(r",[ ]*(?=[ctls]\d)", re.I)
# the diagnosis-line form '<problem>, <side> <site>.' ('Osteoarthritis, right knee.', 'Epiretinal membrane, left eye'):
# the item after the comma is only a side and a site word, then the line or item ends, so the site is the problem's own
# (session 26). The side is required: '<problem>, knee' alone is rarer than a list of two problems
_COMMA_SIDE_SITE = re.compile(r",[ ]*+(?:the[ ]+)?" + _SIDE_WORD + r"[ ]+([a-z]+)(?=[ ]*+(?:[.,;]|$))", re.I)
_NOTHING = re.compile("")
# a disc disorder and the myelopathy or radiculopathy it causes told in one phrase ('disc herniation with myelopathy',
# 'herniated disc at L4-5 causing radiculopathy'); not 'and' or a list, which keep two problems
_NERVE_LINK = re.compile(rf"\b(?:{link_words.alternation(link_words.FORWARD)})\b", re.I)
_LINK_WORDS = re.compile(r"[A-Za-z&]+")
_STOP = re.compile(r"[;.:]")
_BEFORE_LINK = frozenset({"at", "of", "the", "level", "levels", "and", "or", "&", "disc", "disk", "space"})  # around levels
_NOT_LINKED = frozenset({"and", "or", "no", "not", "without", "possible", "probable", "questionable", "rule"})
LINKED_WORDS = 3  # words between the link and the nerve problem ('with left C6 radiculopathy', 'with early myelopathy')
_LEVEL_GAP = re.compile(r"[ ]*(?:,|and|or|&)?[ ]*(?:(?:and|or)[ ]+)?", re.I)  # 'C5-6 and C6-7', 'C4-5, C5-6, and C6-7'


def _level_key(m: re.Match) -> str:
    """'c5-c6' for 'C5-6', 'C5/C6' or 'c5-c6'."""
    return f"{m.group(1).lower()}{m.group(2)}-{(m.group(3) or m.group(1)).lower()}{m.group(4)}"


def _joined_run(sentence: str, levels: list[re.Match]) -> list[re.Match]:
    """The first level of `levels` (in reading order or its reverse) and those listed with it, up to the first gap
    that is more than a comma or an 'and'."""
    run = levels[:1]
    for m in levels[1:]:
        lo, hi = (run[-1].end(), m.start()) if m.start() >= run[-1].end() else (m.end(), run[-1].start())
        if not _LEVEL_GAP.fullmatch(sentence, lo, hi):
            break
        run.append(m)
    return run


class InjurySiteError(DomainError):
    pass


_ONE_SIDE = re.compile(r"\b(?:left|right)\b", re.I)
# how far before a mention a site word that runs into it may start (the longest multiword site word is shorter)
_STRADDLE = 40


@dataclass(frozen=True)
class InjurySites:
    generic: frozenset[str]  # codes of an unspecified body region
    kinds: tuple[tuple[str, re.Pattern], ...]  # (kind, words of that kind), most specific kind first
    site_words: re.Pattern  # any site word, longest first
    site_of: dict[str, str]  # site word (lower case) -> site
    codes: dict[str, dict[str, str]]  # site -> kind -> ICD-10-CM code
    bare: frozenset[str] = frozenset()  # kinds read only from the bare word ('swelling', not 'leg swelling')
    subject_kinds: frozenset[str] = frozenset()  # kinds that take their clause's subject site ('Tonsils show no erythema')
    # a kind a site lists no code for takes the code of another kind there: a tender foot is coded as foot pain
    # (M79.67-), a localized mass as the region's localized swelling (R22.-); `kind_fallback` in the table
    fallback: dict[str, str] = field(default_factory=dict)
    # a sign joined to the mention by 'and'/'or' ('erythema and edema at her soft palate'): the site after the last
    # one is the site of all of them, so the window after the mention starts past the list
    joined: re.Pattern | None = None
    # a part of a larger region (the nasal septum, the gums: the face; the tonsils: the neck), for the note's topic
    # (records/note_site.py): a note about a broken nose that names the septum often is still about the face
    region_of: dict[str, str] = field(default_factory=dict)
    # an unspecified-side code -> side (right, left, bilateral) -> its sided code (`sided` in the table)
    sides: dict[str, dict[str, str]] = field(default_factory=dict)
    # a region-level spinal disc code -> level ('c5-c6') -> the code of that level or region (`levels` in the table)
    levels: dict[str, dict[str, str]] = field(default_factory=dict)
    # a disc code -> myelopathy / radiculopathy -> the combination code; the codes of those two (`disc_with_nerve`)
    disc_nerve: dict[str, dict[str, str]] = field(default_factory=dict)
    nerve_kind: dict[str, str] = field(default_factory=dict)
    # only these kinds fall back to a site's unspecified injury ('thoracic disc herniation' is never a chest injury)
    injury_kinds: frozenset[str] = frozenset()
    # spinal kinds (a disc, a radiculopathy) also read the spine's region words ('thoracic', 'lumbosacral', 'C6'),
    # which for other kinds name nothing or another site (a 'thoracic' injury is the chest's); `spinal` in the table
    spinal_kinds: frozenset[str] = frozenset()
    spinal_words: re.Pattern | None = None
    spinal_site_of: dict[str, str] = field(default_factory=dict)
    # an operation named in the sentence gives its organ to a cancer written without one ('papillary carcinoma found at
    # thyroidectomy' C73); `operations` in the table: which kinds read them, and the organ of each operation word
    operation_kinds: frozenset[str] = frozenset()
    operations: re.Pattern | None = None
    operation_site: dict[str, str] = field(default_factory=dict)
    # session 27: legs swollen on both sides, dependent or with no side written are oedema, not one limb's R22.4-
    edema_words: re.Pattern | None = None
    needs_side: frozenset[str] = frozenset()

    def leveled(self, sentence: str, start: int, end: int, code: str) -> str:
        """The level code of the disc code `code` for the mention at [start, end) when a spinal level is named in its
        own phrase ('C5-6 disc herniation', 'herniated disc at C6-C7'), else `code` unchanged. Levels listed together
        ('C5-6 and C6-7') take the most superior one (ICD-10-CM M50 note: code to the most superior level)."""
        by_level = self.levels.get(code)
        if not by_level:
            return code
        before = list(_LEVEL.finditer(sentence, max(0, start - LEVEL_BEFORE_CHARS), start))
        if before and _BEFORE_GAP.fullmatch(sentence, before[-1].end(), start):  # 'C5-6 disc herniation'
            run = _joined_run(sentence, before[::-1])
        else:  # 'herniated disc at C6-C7', in the phrase after it: not past a comma or an 'and' ...
            after = (_COMMA_LEVEL.match(sentence, end) or _NOTHING.match(sentence, end)).end()  # ... but 'HNP, C5-6'
            stop = min([len(sentence), after + BARE_AFTER] + [m.start() for m in (
                _CLAUSE_BREAK.search(sentence, after), _JOIN.search(sentence, after)) if m])
            first = _LEVEL.search(sentence, after, stop)
            run = _joined_run(sentence, [first, *_LEVEL.finditer(sentence, first.end())]) if first else []
        order = list(by_level)  # the table lists each code's levels from the most superior down
        levels = [lv for lv in map(_level_key, run) if lv in by_level]
        return by_level[min(levels, key=order.index)] if levels else code

    def with_nerve(self, sentence: str, disc_end: int, disc_code: str, nerve_start: int, nerve_code: str) -> str | None:
        """The one code of the disc disorder `disc_code` (mention ending at `disc_end`) told with the myelopathy or
        radiculopathy `nerve_code` (mention starting at `nerve_start`) it causes in the same phrase ('C5-6 disc herniation
        with myelopathy' M50.022), else None (`disc_with_nerve` in the table)."""
        kind = self.nerve_kind.get(nerve_code)
        both = self.disc_nerve.get(disc_code, {}).get(kind) if kind else None
        link = _NERVE_LINK.search(sentence, disc_end, nerve_start) if both and disc_end <= nerve_start else None
        if link is None or _CLAUSE_BREAK.search(sentence, link.end(), nerve_start):
            return None
        before = _LEVEL.sub(" ", sentence[disc_end:link.start()])  # only the disc's levels ('HNP, C5-C6 with ...')
        if _STOP.search(before) or not set(_LINK_WORDS.findall(before.lower())) <= _BEFORE_LINK:
            return None
        between = [w.lower() for w in _LINK_WORDS.findall(_LEVEL.sub(" C ", sentence[link.end():nerve_start]))]
        return both if len(between) <= LINKED_WORDS and not _NOT_LINKED.intersection(between) else None

    def sided(self, sentence: str, start: int, end: int, code: str) -> str:
        """The sided code of `code` for the mention at [start, end) when one side is written in its own phrase,
        else `code` unchanged (no side, two sides in a family without a bilateral code, or not a sided code)."""
        by_side = self.sides.get(code)
        if not by_side:
            return code
        sites = {s for s, codes in self.codes.items() if code in codes.values()}
        found = {m.group(1).lower() for m in _SIDE_IN.finditer(sentence, start, end)}
        before = _SIDE_BEFORE.search(sentence[max(0, start - SIDE_BEFORE_CHARS):start])
        if before:  # 'left and right knee pain': both sides
            found.update(g.lower() for g in before.groups() if g)
        named = _SIDE_SITE_BEFORE.search(sentence[max(0, start - SIDE_BEFORE_CHARS):start])
        if named and self.site_of.get(named.group(2).lower()) in sites:  # 'right wrist osteoarthritis'
            found.add(named.group(1).lower())
        stop = min([len(sentence), end + BARE_AFTER] + [m.start() for m in (_CLAUSE_BREAK.search(sentence, end),
                                                                         _JOIN.search(sentence, end)) if m])
        for m in _SIDE_AFTER.finditer(sentence, end, stop):
            if self.site_of.get(m.group(2).lower()) in sites:  # 'pain in the right hip', not 'radiating to the left leg'
                found.add(m.group(1).lower())
        own_item = _COMMA_SIDE_SITE.match(sentence, end)
        # 'Osteoarthritis, right knee.'; a code no site of the table lists ('Epiretinal membrane, left eye') takes it too
        if own_item and (not sites or self.site_of.get(own_item.group(2).lower()) in sites):
            found.add(own_item.group(1).lower())
        found = {"bilateral" if f == "both" else f for f in found}
        if len(found) == 2 and "bilateral" not in found:
            found = {"bilateral"}  # 'left and right knee' named inside one mention
        return by_side.get(next(iter(found)), code) if len(found) == 1 else code

    def sign_code(self, site_word: str, sign: str) -> str | None:
        """The code of the examination sign `sign` ('tenderness', 'masses') at the site named by `site_word`
        ('testes', 'abdomen'), or None (not a site word, not a kind, or no code of that kind there)."""
        site = self.site_of.get(site_word.lower())
        kind = next((k for k, words in self.kinds if words.fullmatch(sign.lower())), None)
        if site is None or kind is None:
            return None
        codes = self.codes[site]
        return codes.get(kind) or codes.get(self.fallback.get(kind, ""))

    def code(self, sentence: str, start: int, end: int, generic_code: str) -> str | None:
        """The site's code for the injury mention at [start, end) of `sentence`, or None (not a generic injury
        code, no kind word in the mention, or no site named near it)."""
        if generic_code not in self.generic:
            return None
        mention = sentence[start:end].lower()
        kind = next((k for k, words in self.kinds if words.search(mention)), None)
        if kind is None:
            return None
        before, after = (BARE_BEFORE, BARE_AFTER) if kind in self.bare else (WINDOW, WINDOW)
        if kind in self.bare and not dict(self.kinds)[kind].fullmatch(mention):
            # a bare kind inside a longer mention is coded only by a site the mention itself names ('facial swelling',
            # 'rectal bleeding'), never by one nearby ('leg swelling' stays oedema: the leg has no swelling code)
            before = after = 0
        joined = self.joined.match(sentence, end) if self.joined is not None and kind in self.bare and after else None
        lo, hi = max(0, start - before), min(len(sentence), (joined.end() if joined else end) + after)
        while 0 < lo < start and (sentence[lo - 1].isalnum() or sentence[lo - 1] == "-"):
            lo -= 1  # a long site word that ends in the window counts whole ('parapharyngeal cellulitis')
        words, site_of = (self.spinal_words, self.spinal_site_of) if kind in self.spinal_kinds and \
            self.spinal_words is not None else (self.site_words, self.site_of)
        best = None
        # the diagnosis-list form 'degenerative disc disease, C5-6': a level right after the comma is the mention's own
        listed = _COMMA_LEVEL.match(sentence, end) if kind in self.bare else None
        own_item = _COMMA_SIDE_SITE.match(sentence, end) if kind in self.bare else None
        # a site word running into the mention names it too, even where nothing before it may count: the mention
        # 'aortic aneurysm' in 'thoracic aortic aneurysm' is the thoracic aorta's, not the bare aorta's
        scan = max(0, lo - _STRADDLE) if lo == start else lo
        for m in words.finditer(sentence, scan, hi):
            if m.start() < lo and m.end() <= start:
                continue
            if kind in self.bare and _CLAUSE_BREAK.search(sentence, min(end, m.start()), max(m.start(), end)) and \
                    not (listed and m.start() == listed.end() and self._level_code(site_of[m.group().lower()], kind)) \
                    and not (own_item and m.start() == own_item.start(2)):
                continue  # a bare kind's site is in its own phrase ('cancer of the colon'), not past a comma or stop
            if kind in self.bare and m.end() <= start and _JOIN.search(sentence, m.end(), start):
                continue  # a site before 'and' belongs to the phrase before ('pain to the arm and pain to the jaw')
            distance = 0 if (m.start() < end and start < m.end()) else min(abs(m.start() - end), abs(start - m.end()))
            if best is None or distance < best[0]:
                best = (distance, m.group().lower())
        if best is None and kind in self.operation_kinds and self.operations is not None:
            organs = {self.operation_site[m.group().lower()] for m in self.operations.finditer(sentence)}
            if len(organs) == 1:  # two organs operated on name neither
                return self.codes[organs.pop()].get(kind)
        if best is None:
            subject = self._subject(sentence, start) if kind in self.subject_kinds and before else None
            return self.codes[self.site_of[subject]].get(kind) if subject else None
        codes = self.codes[site_of[best[1]]]
        if kind == "swelling" and self._as_edema(sentence, start, end, best[1]):
            return None  # both legs swollen, or a leg with no side: oedema stays
        # a site without a code of this kind: an injury kind takes the site's unspecified injury, any other kind none
        return codes.get(kind) or (codes.get("injury") if kind in self.injury_kinds else None)

    def _as_edema(self, sentence: str, start: int, end: int, site_word: str) -> bool:
        lo, hi = max(0, start - _STRADDLE), min(len(sentence), end + _STRADDLE)
        sides = {m.group().lower() for m in _ONE_SIDE.finditer(sentence, lo, hi)}
        return bool(self.edema_words and self.edema_words.search(sentence, lo, hi)) or \
            (site_word in self.needs_side and len(sides) != 1)  # no side, or both: oedema

    def _level_code(self, site: str, kind: str) -> bool:
        """Whether `kind` at `site` has a code that a spinal level refines (a disc code of `levels`): only a disc
        problem takes a level after a comma ('Pain, C5-6 tenderness' stays a bare pain)."""
        return self.codes[site].get(kind) in self.levels

    def _subject(self, sentence: str, start: int) -> str | None:
        """The site word (lower case) that opens the clause holding `start` and is described up to it, or None."""
        lo = max((m.end() for m in _SUBJECT_BREAK.finditer(sentence, 0, start)), default=0)
        first = self.site_words.search(sentence, lo, start)
        if first is None or len(_WORDS.findall(sentence, lo, first.start())) > SUBJECT_WORDS:
            return None
        if self.site_words.search(sentence, first.end(), start) or not _DESCRIBES.search(sentence, first.end(), start):
            return None  # another site named between them, or the site is not what the clause describes
        return first.group().lower()


def build(doc: dict | None) -> InjurySites | None:
    """From the body-site mapping (generic_codes, bare_kinds, kinds, sites); None when there is none."""
    if not doc:
        return None
    try:
        kinds = tuple((k, re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(ws, key=len, reverse=True))) + r")\b"))
                      for k, ws in doc["kinds"].items())
        site_of, codes, region_of = {}, {}, {}
        for entry in doc["sites"]:
            if not entry.get("source"):
                raise InjurySiteError(f"body_sites: {entry.get('site')!r} needs a source")
            codes[entry["site"]] = {str(k): str(v) for k, v in entry["codes"].items()}
            if entry.get("region"):
                region_of[entry["site"]] = str(entry["region"])
            for w in entry["words"]:
                site_of.setdefault(str(w).lower(), entry["site"])
        words = sorted(site_of, key=len, reverse=True)
        site_words = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)
        kind_words = sorted({str(w) for ws in doc["kinds"].values() for w in ws}, key=len, reverse=True)
        # read right after a word (the lookbehind keeps a search over a run of blanks linear)
        joined = re.compile(r"(?<![\s,])(?:,?\s+(?:and|or)\s+(?:" + "|".join(map(re.escape, kind_words)) + r")\b)+", re.I)
        return InjurySites(frozenset(map(str, doc["generic_codes"])), kinds, site_words, site_of, codes,
                           frozenset(map(str, doc.get("bare_kinds") or ())),
                           frozenset(map(str, doc.get("subject_kinds") or ())),
                           {str(k): str(v) for k, v in (doc.get("kind_fallback") or {}).items()}, joined, region_of,
                           {str(k): {str(a): str(b) for a, b in v.items()} for k, v in (doc.get("sided") or {}).items()},
                           {str(k): {str(a): str(b) for a, b in v.items()} for k, v in (doc.get("levels") or {}).items()},
                           *_disc_with_nerve(doc.get("disc_with_nerve")),
                           frozenset(map(str, doc.get("injury_kinds") or ())), *_spinal(doc.get("spinal"), site_of, codes),
                           *_operations(doc.get("operations"), codes),
                           edema_words=_word_regex(doc.get("swelling_as_edema")),
                           needs_side=frozenset(str(w).lower() for w in doc.get("swelling_needs_side") or ()))
    except (KeyError, TypeError, AttributeError) as exc:
        raise InjurySiteError(f"body_sites: {exc}") from exc


def _word_regex(words) -> re.Pattern | None:  # one regex of whole words, longest first; None for no words
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ws)) + r")\b", re.I) \
        if (ws := sorted({str(w).lower() for w in words or ()}, key=len, reverse=True)) else None


def _operations(doc: dict | None, codes: dict) -> tuple[frozenset[str], re.Pattern | None, dict[str, str]]:
    """The kinds that read an operation's organ, the operation words, and the site of each (`operations`)."""
    if not doc:
        return frozenset(), None, {}
    if not doc.get("source"):
        raise InjurySiteError("body_sites: operations needs a source")
    site_of = {str(w).lower(): str(site) for w, site in doc["words"].items()}
    unknown = sorted(set(site_of.values()) - set(codes))
    if unknown:
        raise InjurySiteError(f"body_sites: operations name unknown sites {unknown}")
    words = sorted(site_of, key=len, reverse=True)
    return (frozenset(map(str, doc["kinds"])), re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I),
            site_of)


def _disc_with_nerve(doc: dict | None) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    if not doc:
        return {}, {}
    if not doc.get("source"):
        raise InjurySiteError("body_sites: disc_with_nerve needs a source")
    return ({str(k): {str(a): str(b) for a, b in v.items()} for k, v in doc["codes"].items()},
            {str(k): str(v) for k, v in doc["nerve"].items()})


def _spinal(doc: dict | None, site_of: dict[str, str], codes: dict) -> tuple[frozenset[str], re.Pattern | None, dict]:
    """The spinal kinds, and the site words they read: every site word plus the spine's own region words."""
    if not doc:
        return frozenset(), None, {}
    if not doc.get("source"):
        raise InjurySiteError("body_sites: spinal needs a source")
    extra = {str(w).lower(): str(site) for w, site in doc["words"].items()}
    unknown = sorted(set(extra.values()) - set(codes))
    if unknown:
        raise InjurySiteError(f"body_sites: spinal words name unknown sites {unknown}")
    spinal_site_of = {**site_of, **extra}
    words = sorted(spinal_site_of, key=len, reverse=True)
    return (frozenset(map(str, doc["kinds"])), re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I),
            spinal_site_of)


def read_doc(kb_dir: Path) -> dict:
    """The body-site table of the KB at `kb_dir` (assets/kb), checked for a top-level source."""
    path = Path(kb_dir) / "knowledge" / DATA_FILE
    try:
        doc = kbyaml.load(path)
    except (OSError, kbyaml.KBYamlError) as exc:
        raise InjurySiteError(f"{path}: {exc}") from exc
    if not isinstance(doc, dict) or not str(doc.get("source") or "").strip():
        raise InjurySiteError(f"{path}: needs a top-level source")
    return {k: v for k, v in doc.items() if k != "source"}


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> InjurySites | None:
    return build(read_doc(Path(path)))


def load(kb_dir: Path) -> InjurySites | None:
    """The compiled body-site coder of the KB at `kb_dir`, cached per KB and file modification time."""
    path = Path(kb_dir) / "knowledge" / DATA_FILE
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise InjurySiteError(f"{path}: {exc}") from exc
    return _load(str(Path(kb_dir)), mtime)
