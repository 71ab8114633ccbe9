"""Allergies with their reactions: the allergens of an allergy section or line, allergies said inline ("allergic to
penicillin (rash)", "codeine caused her to be excitable"), and whether each is an allergy or an intolerance. Moved
out of meds.py (session 12) so each module stays small; the vocabularies are data in assets/kb/records/rules.yaml."""

from __future__ import annotations

import re


def allergen_name(word: str, m) -> str:
    """The name an allergen is recorded under: the lexicon's ("ASA" -> aspirin), an allergy abbreviation's ("PCN" ->
    penicillin), or the word as written."""
    low = word.lower()
    if low in m.drug_lookup:
        return m.drug_lookup[low].name
    return (m.allergen_names or {}).get(low, word)


def allergies_in(s: str, m):
    """Allergy-section sentence: every allergen with the reaction that follows it."""
    hits = [a for a in m.allergen.finditer(s)]
    # a capitalised unknown word before '(' in an allergy list is an allergen too ("Sulfasalazine (rash)")
    for u in re.finditer(r"\b([A-Z][a-z]{3,})\b(?=\s*(?:\(|-|caused|causes))", s):
        if not any(h.start() <= u.start() < h.end() for h in hits) and not m.reaction.fullmatch(u.group(1).lower()) \
                and u.group(1).lower() not in ("allergy", "allergies", "known"):
            hits.append(u)
    hits.sort(key=lambda x: x.start())
    # what the patient takes without trouble is not an allergen ("codeine, but he can take morphine")
    tolerated = _TOLERATED.search(s)
    if tolerated:
        hits = [h for h in hits if h.start() < tolerated.start()]
    # a denied list ("denies eczema or latex allergy") names no allergy, in the allergy section too
    hits = [h for h in hits if not (re.match(r"\s+allerg(?:y|ies)\b", s[h.end():h.end() + 12], re.I)
                                    and _DENIED_LIST.search(s, max(0, h.start() - 100), h.start()))]
    # a drug the sentence says the patient takes is a medicine ("She takes ibuprofen for pain", "; uses Claritin")
    hits = [h for h in hits if not _TAKEN.search(re.split(r"[;,]|\bbut\b", s[max(0, h.start() - 60):h.start()])[-1])]
    # a clinical caution is not an allergy ("Avoid fluoroquinolones given her aneurysm", "NSAIDs are contraindicated
    # with her ulcer"), unless the sentence gives an allergy as its reason ("avoid sulfa: allergic")
    if not _ALLERGY_WORD.search(s) and not m.reaction.search(s):
        hits = [h for h in hits if not caution(s, h.start(), h.end())]
    # one allergen written in two known words ("contrast dye") is one allergy
    joined = []
    for h in hits:
        if joined and not s[joined[-1][1]:h.start()].strip():
            joined[-1] = (joined[-1][0], h.end(), joined[-1][2])
        else:
            joined.append((h.start(), h.end(), h))
    out = []
    for i, (start, end, a) in enumerate(joined):
        if m.reaction.fullmatch(a.group()):
            continue
        nxt = joined[i + 1][0] if i + 1 < len(joined) else len(s)
        r = m.reaction.search(s, end, nxt)
        reaction = r.group() if r else ""
        out.append((start, end, allergen_name(a.group(), m), reaction))
    return out


# a clause of what is tolerated, from its first word on ("but she can take", "tolerates", "has had X with no problem")
_TOLERATED = re.compile(r"\b(?:but|however|although|though)\b[^.;]{0,60}?\b(?:can|could|is able to|was able to|does|did)\s+"
                        r"(?:get|take|have|use|tolerate)\b|\btolerat(?:es|ed|ing)\b", re.I)
# a verb of taking right before the drug, with no word of allergy between ("takes ibuprofen", "is on aspirin")
_TAKEN = re.compile(r"\b(?:takes|taking|took|uses|using|is\s+on|was\s+on|prescribed|started\s+on|given)\b"
                    r"(?:(?!allerg|reaction|intoleran|sensitiv)[^.;])*$", re.I)
# a clinical caution about a drug (session 30): a verb of keeping it away from the patient before it, in its clause
# ("avoid", "do not give", "should not receive", "hold off on"), or "is/are contraindicated" right after it
_CAUTION_BEFORE = re.compile(r"\b(?:avoid(?:s|ed|ing)?|(?:do|does|should|must|will)\s+not\s+(?:give|use|prescribe|start|"
                             r"receive|take|be\s+given)|not\s+to\s+(?:be\s+given|receive|take|use)|caution\s+(?:with|against)|"
                             r"contraindicat\w*)\b[^.;:,]{0,40}$", re.I)
# (possessive blanks from a run's first blank: matched at a position, and a run of blanks split every way is quadratic)
_CAUTION_AFTER = re.compile(r"[^.;:]{0,30}?\b(?:is|are|were|was)\s++(?:relatively\s++)?contraindicated\b|"
                            r"(?<!\s)\s++(?:to\s++be\s++)?avoided\b", re.I)


# the caution read for a medication (session 30 review): only right beside the drug, so that "avoid alcohol while on
# metformin" or "she takes metformin and contrast is contraindicated" keep the metformin a medicine of the record
_CAUTION_NEXT_BEFORE = re.compile(r"\b(?:avoid(?:s|ed|ing)?|(?:do|does|should|must|will)\s+not\s+(?:give|use|prescribe|"
                                  r"start|receive|be\s+given)|not\s+to\s+(?:be\s+given|receive|use))\s+"
                                  r"(?:(?:any|all|the|further|taking|using|other)\s+){0,2}$", re.I)
_CAUTION_NEXT_AFTER = re.compile(r"(?<![ \t])[ \t]*+(?:(?:is|are)[ \t]++(?:relatively[ \t]++|absolutely[ \t]++)?contraindicated|"
                                 r"(?:should|must)[ \t]++(?:be[ \t]++avoided|not[ \t]++be[ \t]++(?:given|used|started)))\b",
                                 re.I)


def caution_next(s: str, start: int, end: int) -> str:
    """How the drug at s[start:end] is kept from the patient by the words right beside it: "avoid" ("avoid X"),
    "caution" ("do not give X", "X is contraindicated", "X should be avoided"), or "" (not)."""
    before = _CAUTION_NEXT_BEFORE.search(s, max(0, start - 40), start)
    if before is not None and before.group().lower().startswith("avoid"):
        return "avoid"
    return "caution" if before is not None or _CAUTION_NEXT_AFTER.match(s, end) else ""


def caution(s: str, start: int, end: int) -> bool:
    """Whether the substance at s[start:end] is named in a clinical caution ("avoid X given her aneurysm"), not as an
    allergen."""
    return bool(_CAUTION_BEFORE.search(s, max(0, start - 60), start) or _CAUTION_AFTER.match(s, end))


# a denial whose list runs up to the substance ("denies asthma, eczema or latex allergy"); a contrast or "except"
# ends its reach
_DENIED_LIST = re.compile(r"\b(?:no|denies|denied|denying|without|negative\s+for)\b(?:(?!\b(?:but|however|except|"
                          r"although|though)\b)[^.;:]){0,100}$", re.I)


def _bare_reaction(s: str, r: re.Match) -> bool:
    """'allergic to penicillin (rash)' names only the reaction; '(anaphylaxis as a child)' tells its story too."""
    return bool(re.match(r"\s*(?:\)|[.;,]|$)", s[r.end():])) and bool(_BEFORE_REACTION.search(s[:r.start()].rstrip()))


# what stands between an allergen and its bare reaction: "(", "-", ":", ",", an arrow ("→", "->", "=>"), "causes";
# not a story's "which caused loose stools" (a course stopped for its effect: the effect is what the patient had)
_BEFORE_REACTION = re.compile(r"(?:[(:,=>\u2192\u2013\u2014-]|(?<!which )(?<!that )\b(?:causes|caused|gives|gave)"
                              r"|\breaction)$", re.I)


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
# ... or in a relative clause, when a reaction follows (session 15: "switched to X, which caused loose stools")
_WHICH_CAUSED = re.compile(r"(?<![ \t])[ \t]*+,?[ \t]*+(?:which|that)[ \t]++(?:caused|causes|gave|gives)[ \t]++", re.I)


def _caused(s: str, end: int, m):
    """The words after a substance that put an adverse effect on it, or None."""
    said = _CAUSED.match(s, end)
    if said:
        return said
    which = _WHICH_CAUSED.match(s, end)
    return which if which and m.reaction.search(s, which.end(), min(len(s), which.end() + 30)) else None
# a reaction said right after the drug: "started on X, but had a reaction" (meds.med_status reads this one too: the
# course ended), "stopped X due to hives"
_BUT_REACTION = r"[ \t]*+,?[ \t]*+but[ \t]+(?:had|developed|got)[ \t]+(?:an?[ \t]+)?(?:\w+[ \t]+)?reaction\b"
BUT_REACTION = re.compile(_BUT_REACTION, re.I)
_REACTION_AFTER = re.compile(_BUT_REACTION + r"|[ \t]*+,?[ \t]*+(?:due[ \t]+to|because[ \t]+of|secondary[ \t]+to)[ \t]+(?:an?[ \t]+)?"
                             r"(?:hives|urticaria|rash|anaphyla\w*|angioedema|allergic[ \t]+reaction|allergy)\b", re.I)
# session 30: "never" too ("she has never had a reaction to penicillin")
_DENIED = re.compile(r"\b(?:no|not|never|denies|denied|denying|without|negative for)\b(?:\s+\w+){0,3}\s*$", re.I)


def allergy_kind(s: str, start: int, end: int, reaction: str, m) -> str:
    """'intolerance' when the note says so near the substance ("intolerant of statins", "lactose intolerance",
    "nausea with codeine (side effect)"), else 'allergy'. A reaction alone does not decide it."""
    if (reaction or "").lower() == "intolerance":
        return "intolerance"
    caused = _caused(s, end, m)
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
    """(start, end, substance, reaction, reaction span to keep off the problem list, taken): substance '' for an
    allergy the note denies; `taken` when the sentence tells of a course stopped for the reaction ("stopped X due to
    hives"), so the drug is also a medicine of the record (with its status), not only an allergen."""
    out = []
    for a in m.allergen.finditer(s):
        sign = None
        after = s[a.end():a.end() + 10].lower()
        w0 = max(0, a.start() - 90)
        cue = _ALLERGY_LIST.search(s[w0:a.start()])
        denied = cue and _DENIED.search(s[max(0, w0 + cue.start() - 40):w0 + cue.start()])
        if not cue and re.match(r"\s+allerg(?:y|ies)\b", after):  # "denies eczema or latex allergy"
            denied = _DENIED_LIST.search(s, max(0, a.start() - 100), a.start())
        if denied:
            out.append((a.start(), a.end(), "", "", None, False))  # "denied any allergy to codeine": neither
            continue
        said_so = cue or re.match(r"\s+allerg(?:y|ies)\b", after) or _caused(s, a.end(), m) or (
            sign := _SIGN_BEFORE.search(s, max(0, a.start() - 60), a.start()))
        # a course stopped for its reaction is also a medicine ("switched to X, which caused loose stools" too)
        course = not said_so and _REACTION_AFTER.match(s, a.end()) or (
            not cue and not _CAUSED.match(s, a.end()) and _caused(s, a.end(), m))
        if said_so or course:
            r = m.reaction.search(s, a.end(), min(len(s), a.end() + 60))
            name = allergen_name(a.group(), m)
            said = m.reaction.search(sign.group()) if not r and sign else None  # the sign said before it
            out.append((a.start(), a.end(), name, r.group() if r else said.group() if said else "",
                        (r.start(), r.end()) if r and _bare_reaction(s, r) else None, bool(course)))
    return out


