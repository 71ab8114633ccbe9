"""A bare sign whose site is named earlier in its sentence or by its examination heading (issue 11, session 14):
"Palpation of the liver shows no tenderness or masses" (liver mass), "There is no evidence for obstruction of the
bowel" is read by the matcher, but "the bowel ... no obstruction" is not; "Ears: no drainage" (otorrhoea).

The site is any word before the sign in the same clause (nearest first, at most WORDS_BACK words, never past a
full stop, semicolon or colon), or the heading the sentence stands under. The sign and its site are put together
("liver masses") and read only when the knowledge layer names the whole phrase as a coded problem, so the code is
always the vocabulary's own; nothing is coded by guess. The mention is the sign word alone, so that ConText reads its
own negation ("no ... masses"). Which words are signs: `site_signs` in assets/kb/records/problem_vocabulary.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.errors import DomainError
from medcore.knowledge.concepts import Mention

WORDS_BACK = 12  # how many words before the sign may name its site (the clause subject: "palpation of the liver reveals ...")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_STOP = re.compile(r"[.;:]")
# the sign word in a phrase that names something else: 'mass effect' (a shift of structures), 'obstruction series'
_OTHER_SENSE = re.compile(r"\s++(?:effect|effects|series)\b", re.I)
# words that never name a site: articles, verbs of an examination, and negation
_NOT_SITE = frozenset({"no", "not", "without", "any", "or", "and", "the", "a", "an", "of", "with", "there", "is", "are",
                       "was", "were", "reveals", "revealed", "shows", "showed", "noted", "evidence", "significant",
                       "obvious", "her", "his", "their", "to", "in", "on", "for", "has", "had", "have", "mild", "some"})


class SiteSignsError(DomainError):
    pass


@dataclass(frozen=True)
class SiteSigns:
    words: re.Pattern

    def find(self, sentence: str, heading: str, named) -> list[tuple[Mention, object, str]]:
        """(mention of the sign, concept, code) for each sign whose site + sign phrase `named(phrase)` reads as a
        coded problem: `named` returns (concept, code) or None."""
        out = []
        head = heading.rstrip(":").strip().lower()
        for m in self.words.finditer(sentence):
            if _OTHER_SENSE.match(sentence, m.end()):
                continue
            lo = max(0, max((s.end() for s in _STOP.finditer(sentence, 0, m.start())), default=0))
            before = [w.group().lower() for w in _WORD.finditer(sentence, lo, m.start())][-WORDS_BACK:]
            sites = [w for w in reversed(before) if w not in _NOT_SITE and w != m.group().lower()]
            if head and " " not in head:
                sites.append(head)
            for site in sites:
                got = named(f"{site} {m.group().lower()}")
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
