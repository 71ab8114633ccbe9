"""Medications (dose, unit, route, frequency, status) and allergies with their reactions, found around
the drug names the records matchers located in a sentence."""

from __future__ import annotations

import re

from medcore.records.entities import Medication
from medcore.records.measure import NUM as _NUM

_DOSE = re.compile(rf"(?<![\w.])({_NUM}(?:\s*(?:-|to)\s*{_NUM})?)\s*(mg/kg|mcg/kg/min|units/kg/h|units/min|mg/h|mcg/min|"
                   r"mg|mcg|µg|ug|g|grams?|units?|iu|meq|mmol|ml|l|puffs?|tablets?|tabs?|drops?)(?![\w/])", re.I)
_PAREN_STATUS = re.compile(r"\((new|continued|changed|stopped|started|increased|decreased|reduced|held|unchanged)\b",
                           re.I)
_STATUS_MAP = {"new": "started", "increased": "changed", "decreased": "changed", "reduced": "changed",
               "held": "stopped", "unchanged": "continued"}


def medication(s: str, d: re.Match, stop: int, m, section: str) -> Medication:
    drug = m.drug_lookup[d.group().lower()]
    # attributes live between this drug and the next one (or the end of the sentence)
    window_end = stop
    for sep in (";",):
        k = s.find(sep, d.end(), stop)
        if k != -1:
            window_end = k
    window = s[d.end():window_end]
    med = Medication(d.group(), d.start(), d.end(), 0, drug.name if not drug.is_class else drug.name, d.group(),
                     drug_class=drug.drug_class, section=section)
    last = d.end()
    dose = _DOSE.search(window)
    if dose and dose.start() < 40:
        med.dose, med.unit = dose.group(1), dose.group(2)
        last = max(last, d.end() + dose.end())
    for name, pat in m.route:
        r = pat.search(window)
        if r and r.start() < 60:
            med.route = name
            last = max(last, d.end() + r.end())
            break
    freqs = []
    for name, pat in m.frequency:
        f = pat.search(window)
        if f and f.start() < 80:
            freqs.append((f.start(), name, f.end()))
    for _, name, end in sorted(freqs):
        if name == "as needed":
            med.prn = True
        if name == "once" and med.frequency:
            continue
        if not med.frequency or (med.frequency == "as needed" and name != "as needed"):
            med.frequency = name if name != "as needed" or not med.frequency else med.frequency
        last = max(last, d.end() + end)
    if med.prn and med.frequency and med.frequency != "as needed":
        med.frequency += " as needed"
    med.status = med_status(s, d, window, m, section)
    med.end = last
    med.text = s[med.start:med.end]
    return med


def med_status(s: str, d: re.Match, window: str, m, section: str) -> str:
    p = _PAREN_STATUS.search(window)
    if p:
        word = p.group(1).lower()
        return _STATUS_MAP.get(word, word)
    # a status verb shortly before the drug ("Stop amlodipine", "increase atorvastatin to 40 mg"),
    # or right after it ("Ibuprofen discontinued")
    before = s[max(0, d.start() - 30):d.start()]
    after = window[:25]
    best = None
    for name, pat in m.status:
        for hit in pat.finditer(before):
            dist = len(before) - hit.end()
            if best is None or dist < best[0]:
                best = (dist, name)
        hit = pat.match(after.lstrip())
        if hit and (best is None or best[0] > 0):
            best = (0, name)
    if best:
        return best[1]
    if re.search(r"\b(?:to|from)\s+" + _NUM + r"\s*\w+", window[:40]) and re.search(r"\b(increase|decrease|reduce|change)",
                                                                                      s, re.I):
        return "changed"
    return ""


def allergies_in(s: str, m):
    """Allergy-section sentence: every allergen with the reaction that follows it."""
    hits = [a for a in m.allergen.finditer(s)]
    # a capitalised unknown word before '(' in an allergy list is an allergen too ("Sulfasalazine (rash)")
    for u in re.finditer(r"\b([A-Z][a-z]{3,})\b(?=\s*(?:\(|-|caused|causes))", s):
        if not any(h.start() <= u.start() < h.end() for h in hits) and not m.reaction.fullmatch(u.group(1).lower()) \
                and u.group(1).lower() not in ("allergy", "allergies", "known"):
            hits.append(u)
    hits.sort(key=lambda x: x.start())
    out = []
    for i, a in enumerate(hits):
        if m.reaction.fullmatch(a.group()):
            continue
        nxt = hits[i + 1].start() if i + 1 < len(hits) else len(s)
        r = m.reaction.search(s, a.end(), nxt)
        reaction = r.group() if r else ""
        name = m.drug_lookup[a.group().lower()].name if a.group().lower() in m.drug_lookup else a.group()
        out.append((a.start(), a.end(), name, reaction))
    return out


def _bare_reaction(s: str, r: re.Match) -> bool:
    """'allergic to penicillin (rash)' names only the reaction; '(anaphylaxis as a child)' tells its story too."""
    return bool(re.match(r"\s*(?:\)|[.;,]|$)", s[r.end():])) and bool(re.search(r"(?:\(|-|:|,)\s*$", s[:r.start()]))


_INLINE_ALLERGY = re.compile(r"\ballergic to\s+|\bknown\s+(?=\w+\s+allergy)|\b(?=\w+\s+allergy\b)", re.I)


# the allergen right after "allergic to" / "allergy:", or a later item of that list ("allergic to penicillin
# (rash) and sulfa"): each is an allergy, never a current medication
_ALLERGY_LIST = re.compile(r"(?:allergic\s+to|allerg(?:y|ies)\s*(?:to|:|-))\s+"
                           r"(?:[\w-]+(?:\s+[\w-]+)?(?:\s*\([^)]{0,40}\))?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+))*$", re.I)


_DENIED = re.compile(r"\b(?:no|not|denies|denied|denying|without|negative for)\b(?:\s+\w+){0,2}\s*$", re.I)


def inline_allergies(s: str, m):
    """(start, end, substance, reaction, reaction span to keep off the problem list); substance '' for an
    allergy the note denies."""
    out = []
    for a in m.allergen.finditer(s):
        after = s[a.end():a.end() + 10].lower()
        w0 = max(0, a.start() - 90)
        cue = _ALLERGY_LIST.search(s[w0:a.start()])
        if cue and _DENIED.search(s[max(0, w0 + cue.start() - 40):w0 + cue.start()]):
            out.append((a.start(), a.end(), "", "", None))  # "denied any allergy to codeine": neither allergy nor drug
        elif cue or re.match(r"\s+allerg(?:y|ies)\b", after):
            r = m.reaction.search(s, a.end(), min(len(s), a.end() + 60))
            name = m.drug_lookup[a.group().lower()].name if a.group().lower() in m.drug_lookup else a.group()
            out.append((a.start(), a.end(), name, r.group() if r else "", (r.start(), r.end()) if r and _bare_reaction(s, r) else None))
    return out


