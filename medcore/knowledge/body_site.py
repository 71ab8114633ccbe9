"""Body sites (knowledge layer; the records summarizer and the literature reader both code with it).

Injuries coded by body site (issue 11): 'laceration', 'fracture', 'contusion' or 'injury' alone name an
unspecified body region in ICD-10-CM (T14.8, T14.90); notes name the site in the same sentence ('two lacerations
of the penile shaft', 'contusion over the right forearm', 'fractured her ankle'). The site named nearest to the
injury word gives the code, from assets/kb/knowledge/body_sites.yaml. The same holds for
other words coded without a site (swelling R60, bleeding R58, infection B99.9): 'bleeding from the rectum' is K62.5."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from medcore import kbyaml
from medcore.errors import DomainError

log = logging.getLogger(__name__)

DATA_FILE = "body_sites.yaml"  # under the KB's knowledge/ folder

# how far from the injury word a site may be named, in characters, on either side; a bare kind ('swelling') needs
# its site just after it ('swelling of the right hand') or right before it ('orbital swelling'), not the site of
# another symptom earlier in a list ('chest pain, cough or swelling')
WINDOW = 80
BARE_AFTER, BARE_BEFORE = 30, 12
_CLAUSE_BREAK = re.compile(r"[,;.:]")
_JOIN = re.compile(r"\b(?:and|or)\b", re.I)


class InjurySiteError(DomainError):
    pass


@dataclass(frozen=True)
class InjurySites:
    generic: frozenset[str]  # codes of an unspecified body region
    kinds: tuple[tuple[str, re.Pattern], ...]  # (kind, words of that kind), most specific kind first
    site_words: re.Pattern  # any site word, longest first
    site_of: dict[str, str]  # site word (lower case) -> site
    codes: dict[str, dict[str, str]]  # site -> kind -> ICD-10-CM code
    bare: frozenset[str] = frozenset()  # kinds read only from the bare word ('swelling', not 'leg swelling')

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
        lo, hi = max(0, start - before), min(len(sentence), end + after)
        best = None
        for m in self.site_words.finditer(sentence, lo, hi):
            if kind in self.bare and _CLAUSE_BREAK.search(sentence, min(end, m.start()), max(m.start(), end)):
                continue  # a bare kind's site is in its own phrase ('cancer of the colon'), not past a comma or stop
            if kind in self.bare and m.end() <= start and _JOIN.search(sentence, m.end(), start):
                continue  # a site before 'and' belongs to the phrase before ('pain to the arm and pain to the jaw')
            distance = 0 if (m.start() < end and start < m.end()) else min(abs(m.start() - end), abs(start - m.end()))
            if best is None or distance < best[0]:
                best = (distance, m.group().lower())
        if best is None:
            return None
        codes = self.codes[self.site_of[best[1]]]
        # a site without a code of this kind: an injury kind takes the site's unspecified injury, a bare kind none
        return codes.get(kind) or (None if kind in self.bare else codes.get("injury"))


def build(doc: dict | None) -> InjurySites | None:
    """From the body-site mapping (generic_codes, bare_kinds, kinds, sites); None when there is none."""
    if not doc:
        return None
    try:
        kinds = tuple((k, re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(ws, key=len, reverse=True))) + r")\b"))
                      for k, ws in doc["kinds"].items())
        site_of, codes = {}, {}
        for entry in doc["sites"]:
            if not entry.get("source"):
                raise InjurySiteError(f"body_sites: {entry.get('site')!r} needs a source")
            codes[entry["site"]] = {str(k): str(v) for k, v in entry["codes"].items()}
            for w in entry["words"]:
                site_of.setdefault(str(w).lower(), entry["site"])
        words = sorted(site_of, key=len, reverse=True)
        site_words = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)
        return InjurySites(frozenset(map(str, doc["generic_codes"])), kinds, site_words, site_of, codes,
                           frozenset(map(str, doc.get("bare_kinds") or ())))
    except (KeyError, TypeError, AttributeError) as exc:
        raise InjurySiteError(f"body_sites: {exc}") from exc


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
