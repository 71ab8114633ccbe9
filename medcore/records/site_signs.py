"""A bare sign whose site is named earlier in its sentence or by its examination heading (issue 11, session 14):
"Palpation of the liver shows no tenderness or masses" (liver mass), "There is no evidence for obstruction of the
bowel" is read by the matcher, but "the bowel ... no obstruction" is not; "Ears: no drainage" (otorrhoea).

The site is the body site named right after the sign by a preposition ("tenderness over the sinuses", "a mass in the
left breast"; at most WORDS_AFTER words), else any word before the sign in the same clause (nearest first, at most
WORDS_BACK words, never past a full stop, semicolon or colon), or the heading the sentence stands under. The sign and its site are put together
("liver masses") and read only when the knowledge layer names the whole phrase as a coded problem, or (session 17)
when the knowledge layer's body-site table codes that sign at that site ("testes ... tenderness" N50.819, "thyroid ...
masses" E04.1: knowledge/body_site.py `sign_code`), so the code is always the knowledge layer's; nothing is coded by
guess. The mention is the sign word alone, so that ConText reads its
own negation ("no ... masses"). Which words are signs: `site_signs` in assets/kb/records/problem_vocabulary.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.errors import DomainError
from medcore.knowledge.concepts import Mention

WORDS_AFTER = 5  # words after the preposition that follows the sign ('in the right lower quadrant of the abdomen')
_AFTER = re.compile(r"(?<!\s)\s+(?:in|of|over|to|at|on|along|around|behind|below|above|within|involving)\b", re.I)
WORDS_BACK = 12  # how many words before the sign may name its site (the clause subject: "palpation of the liver reveals ...")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_STOP = re.compile(r"[.;:]")
_STOP_AFTER = re.compile(r"[.;:,]")  # a site after the sign is in its own phrase, before any comma
# the sign word in a phrase that names something else: 'mass effect' (a shift of structures), 'obstruction series'
_OTHER_SENSE = re.compile(r"\s++(?:effect|effects|series)\b", re.I)
# muscle mass is the bulk of the muscles, not a lump (problem_vocabulary.yaml other_senses says so for the matcher)
_BULK = re.compile(r"\b(?:muscle|lean)\s++$", re.I)
# words that never name a site: articles, verbs of an examination, and negation
_NOT_SITE = frozenset({"no", "not", "without", "any", "or", "and", "the", "a", "an", "of", "with", "there", "is", "are",
                       "was", "were", "reveals", "revealed", "shows", "showed", "noted", "evidence", "significant",
                       "obvious", "her", "his", "their", "to", "in", "on", "for", "has", "had", "have", "mild", "some"})


# nouns that make the words before them a place of the body ('the lumbosacral area', 'the sciatic notch', 'the renal
# angle'): a sign with such a place of its own is that place's, never the examination heading's ('Abdomen: ... tenderness
# in the lumbosacral area' is not abdominal tenderness); a place the body-site table lacks leaves the sign unread
_PLACE = frozenset({"area", "areas", "region", "regions", "notch", "notches", "angle", "angles", "fossa", "aspect",
                    "aspects", "space", "spaces", "margin", "border", "triangle"})


def _with_pairs(words: list[str], first: bool = False) -> list[str]:
    """The words in order, each two-word place ('renal angle') beside its words: first when reading forward from the
    sign (a pair is tried before its first word), else after its second word once reversed (the nearest pair first)."""
    out: list[str] = []
    for i, w in enumerate(words):
        pair = f"{w} {words[i + 1]}" if first and i + 1 < len(words) else ""
        out += [pair, w] if pair else [w]
        if not first and i > 0:
            out.insert(len(out) - 1, f"{words[i - 1]} {w}")
    return out


class SiteSignsError(DomainError):
    pass


@dataclass(frozen=True)
class SiteSigns:
    words: re.Pattern

    def find(self, sentence: str, heading: str, named) -> list[tuple[Mention, object, str]]:
        """(mention of the sign, concept, code) for each sign whose site and sign `named(site, sign)` read as a
        coded problem: `named` returns (concept, code), None (not a site: try the next word), or False (a body
        site that has no code for the sign: the sign is that site's, so no farther word or heading codes it)."""
        out = []
        head = heading.rstrip(":").strip().lower()
        for m in self.words.finditer(sentence):
            if _OTHER_SENSE.match(sentence, m.end()) or m.group().lower() == "mass" and \
                    _BULK.search(sentence, max(0, m.start() - 8), m.start()):
                continue
            lo = max(0, max((s.end() for s in _STOP.finditer(sentence, 0, m.start())), default=0))
            before = [w.group().lower() for w in _WORD.finditer(sentence, lo, m.start())][-WORDS_BACK:]
            sites = _with_pairs([w for w in before if w not in _NOT_SITE and w != m.group().lower()])[::-1]
            own = bool(before) and before[-1] in _PLACE  # 'sciatic notch tenderness'
            prep = _AFTER.match(sentence, m.end())
            if prep:
                hi = next((b.start() for b in _STOP_AFTER.finditer(sentence, prep.end())), len(sentence))
                after = [w.group().lower() for w in _WORD.finditer(sentence, prep.end(), hi)][:WORDS_AFTER]
                own = own or any(w in _PLACE for w in after)  # 'tenderness in the lumbosacral area'
                sites = _with_pairs([w for w in after if w not in _NOT_SITE], first=True) + sites
            if head and " " not in head and not own:
                sites.append(head)
            for site in sites:
                got = named(site, m.group().lower())
                if got is False and " " in site:
                    continue  # a two-word place without the sign's code: its own words may name it ('oral' ulceration)
                if got is False:
                    break  # the nearest site has no code for this sign: never one farther off ('thyroid', not 'Neck:')
                if got is not None:
                    out.append((Mention(m.start(), m.end(), m.group(), got[0].id, "condition", m.group().lower(),
                                        how="context"), *got))
                    break
        return out


def build(doc) -> SiteSigns | None:
    """From the data file's `site_signs` mapping {words: [...], source} (None without one)."""
    if not doc:
        return None
    if not isinstance(doc, dict) or not doc.get("source") or not doc.get("words"):
        raise SiteSignsError("site_signs needs words and a source")
    words = sorted({str(w).lower() for w in doc["words"]}, key=len, reverse=True)
    return SiteSigns(re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I))
