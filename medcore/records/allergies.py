"""Allergies with their reactions: the allergens of an allergy section or line, allergies said inline ("allergic to
penicillin (rash)", "codeine caused her to be excitable"), and whether each is an allergy or an intolerance. Moved
out of meds.py (session 12) so each module stays small; the vocabularies are data in assets/kb/records/rules.yaml."""

from __future__ import annotations

import re


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


# the allergen after "allergic to" / "allergy:", or a later item of that list: an allergy, never a current medication
_ALLERGY_LIST = re.compile(r"(?:allergic\s+(?:reactions?\s+)?to|allerg(?:y|ies)\s*(?:to|:|-)|allergies\s+(?:including|include|includes|such as|"
                           r"to include)|intoleran(?:t|ce)\s+(?:of|to)|"
                           # a person's sensitivity, not an organism's ("E. coli sensitive to ceftriaxone")
                           r"\b(?:she|he|they|patient|i)\s+(?:is|was|are|were|am)\s+sensitive\s+to|(?:adverse\s+|bad\s+)?reactions?\s+to|"
                           r"(?:did|could|does|can)\s*(?:not|n't)\s+tolerate)\s+"
                           r"(?:[\w-]+(?:\s+[\w-]+)?(?:\s*\([^)]{0,40}\))?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+))*$", re.I)


# an adverse effect the note puts on the substance: "codeine caused her to be excitable", "X gave him a rash"
_CAUSED = re.compile(r"\s++(?:caused|causes|gave|gives|made|makes)\s++(?:her|him|them|me|the patient)\b", re.I)
_DENIED = re.compile(r"\b(?:no|not|denies|denied|denying|without|negative for)\b(?:\s+\w+){0,3}\s*$", re.I)


def allergy_kind(s: str, start: int, end: int, reaction: str, m) -> str:
    """'intolerance' when the note says so near the substance ("intolerant of statins", "lactose intolerance",
    "nausea with codeine (side effect)"), else 'allergy'. A reaction alone does not decide it."""
    if (reaction or "").lower() == "intolerance":
        return "intolerance"
    caused = _CAUSED.match(s, end)
    if caused:  # "codeine caused her to be excitable" is a side effect; "... gave him hives" an allergic reaction
        return "allergy" if _ALLERGIC_SIGN.search(s, caused.end(), min(len(s), caused.end() + 40)) else "intolerance"
    # after the substance up to the next item ("allergic to Keflex and intolerant of Vicodin": Keflex stays an allergy)
    after = _NEXT_ITEM.split(s[end:min(len(s), end + 40)], maxsplit=1)[0]
    if m.intolerance.search(after):
        return "intolerance"
    before = re.split(r"[);]", s[max(0, start - 70):start])[-1]  # back to the previous item's "(reaction)"
    said = [w.start() for w in m.intolerance.finditer(before)]
    allergic = [a.start() for a in _ALLERGY_WORD.finditer(before)]
    return "intolerance" if said and (not allergic or allergic[-1] < said[-1]) else "allergy"


# an allergic sign said before the substance (session 13): "broke out in hives after taking amoxicillin", "a rash
# from sulfa", "had hives with penicillin" ("with" only after a verb of having it: "rash treated with" is a treatment)
_SIGNS = r"(?:hives|urticaria|(?:a\s+)?rash|anaphyla\w*|angioedema|(?:lip\s+|facial\s+|tongue\s+)?swelling|wheezing)"
_SIGN_BEFORE = re.compile(rf"\b{_SIGNS}\s+(?:to|from|after(?:\s+(?:taking|receiving|using|being\s+given))?)\s+"
                          rf"(?:(?:the|her|his|a|an)\s+)?$|"
                          rf"\b(?:had|has|have|got|gets|developed|develops|reports?|reported|experienced)\s+(?:an?\s+)?"
                          rf"{_SIGNS}\s+with\s+(?:(?:the|her|his)\s+)?$", re.I)
_ALLERGIC_SIGN = re.compile(r"\b(?:hives|urticaria|rash|anaphyla\w*|angioedema|swell\w*|wheez\w*|itch\w*|allergic)\b", re.I)
_NEXT_ITEM = re.compile(r"\band\b|;|\.\s", re.I)
_ALLERGY_WORD = re.compile(r"\ballerg(?:ic|y|ies)\b|\banaphyla", re.I)


def inline_allergies(s: str, m):
    """(start, end, substance, reaction, reaction span to keep off the problem list); substance '' for an
    allergy the note denies."""
    out = []
    for a in m.allergen.finditer(s):
        sign = None
        after = s[a.end():a.end() + 10].lower()
        w0 = max(0, a.start() - 90)
        cue = _ALLERGY_LIST.search(s[w0:a.start()])
        if cue and _DENIED.search(s[max(0, w0 + cue.start() - 40):w0 + cue.start()]):
            out.append((a.start(), a.end(), "", "", None))  # "denied any allergy to codeine": neither allergy nor drug
        elif cue or re.match(r"\s+allerg(?:y|ies)\b", after) or _CAUSED.match(s, a.end()) or (
                sign := _SIGN_BEFORE.search(s, max(0, a.start() - 60), a.start())):
            r = m.reaction.search(s, a.end(), min(len(s), a.end() + 60))
            name = m.drug_lookup[a.group().lower()].name if a.group().lower() in m.drug_lookup else a.group()
            said = m.reaction.search(sign.group()) if not r and sign else None  # the sign said before it
            out.append((a.start(), a.end(), name, r.group() if r else said.group() if said else "",
                        (r.start(), r.end()) if r and _bare_reaction(s, r) else None))
    return out


