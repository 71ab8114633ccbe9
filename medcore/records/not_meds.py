"""Drug names that do not speak of a medicine the patient takes: a drug level ("cyclosporine level was 555"), a
test named after the drug that makes it ("Persantine stress test"), wound irrigation with a solution, a medicine
the patient may need in future ("need for thyroid medication"), a skin antiseptic outside a medication list
("prepped with Betadine"), a fluid that fills a device ("filled with 60 cc of saline"), a medicine only thought about ("consider a Fleet
enema") and recreational use of a substance that is also a
drug ("cocaine and nitrous oxide use"), and a medicine another person took ("Mother received ampicillin"). Cue words are data: `not_medication` in assets/kb/records/rules.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.records.kb import phrase_regex


@dataclass(frozen=True)
class NotMedRules:
    after: re.Pattern  # right after the name
    before: re.Pattern  # right before the name
    irrigation: re.Pattern  # an irrigation verb earlier in the clause
    irrigants: frozenset[str]  # normalised drug names used as irrigation solutions
    recreational: frozenset[str]  # normalised names of substances also used recreationally
    use_after: re.Pattern
    use_before: re.Pattern
    other_person: re.Pattern  # a sentence that opens on another person
    given: re.Pattern  # ... who gives the medicine to the patient
    skin_preps: frozenset[str]  # normalised names of skin antiseptics: a medicine only in a medication list
    hypothetical: re.Pattern  # a medicine thought about, not taken: "consider a Fleet enema", "desires to be on X"


_CACHE: dict[int, NotMedRules] = {}


def rules_of(rules: dict) -> NotMedRules:
    key = id(rules)
    if key not in _CACHE:
        r = rules.get("not_medication") or {}

        def tail(words):  # the cue words ending right before the name, past articles and other names (a list's
            # earlier items too: "sensitive to cefazolin, gentamicin and ciprofloxacin")
            # (session 15: a volume, "filled with 60 cc of saline")
            return re.compile(phrase_regex(words).pattern + r"[\s,]*(?:(?:the|a|an|some|of|copious|amounts?|"
                              r"\d+(?:\.\d+)?\s*(?:cc|ml)|[\w-]+\s+and|[\w-]+,(?:\s+and)?)\s+){0,4}$", re.I)

        _CACHE[key] = NotMedRules(
            after=re.compile(r"\s*" + phrase_regex(r.get("after") or ["\x00"]).pattern, re.I),
            before=tail(r.get("before") or ["\x00"]),
            irrigation=phrase_regex(r.get("irrigation_verbs") or ["\x00"]),
            irrigants=frozenset(w.lower() for w in r.get("irrigants") or ()),
            recreational=frozenset(w.lower() for w in r.get("recreational") or ()),
            use_after=re.compile(r"\s*(?:(?:and|or|,)\s+[\w-]+(?:\s+[\w-]+)?\s+)?" +
                                 phrase_regex(r.get("use_after") or ["\x00"]).pattern, re.I),
            use_before=phrase_regex(r.get("use_before") or ["\x00"]),
            other_person=re.compile(r"\s*(?:[A-Z][A-Za-z /]{2,30}:\s*)?(?:(?:the|her|his|their|the\s+patient's|patient's)\s+)?" +
                                    phrase_regex(r.get("other_person") or ["\x00"]).pattern, re.I),
            given=phrase_regex(r.get("given_to_patient") or ["\x00"]),
            skin_preps=frozenset(w.lower() for w in r.get("skin_preps") or ()),
            hypothetical=phrase_regex(r.get("hypothetical_before") or ["\x00"]))
    return _CACHE[key]


# a drug level told as a result right after the name (session 29): "Digoxin was 1.3", "lithium is less than 0.2";
# a decimal or a comparison only, and no dose unit after it, so "Coumadin was 5 mg" and "Xanax was 1 mg" stay doses
# (s29 review: nor a schedule, a unit-less dose: "Xanax is 0.5 as needed", "Levothyroxine is 0.125 daily",
# "Coumadin is 2.5 on Mondays")
_LEVEL_RESULT = re.compile(r"(?<!\s)\s+(?:level\s+)?(?:was|is|of)\s+(?:(?:less|greater|more)\s+than\s+|[<>]\s*)?"
                           r"(?:\d{1,4}\.\d{1,3}|(?<=than\s)\d{1,4}|(?<=[<>]\s)\d{1,4}|(?<=[<>])\d{1,4})"
                           r"(?!\d|\s*(?:mg|mcg|g|units?|ml|cc|meq|tablets?|tabs?|capsules?|%|daily|nightly|once|twice|"
                           r"three|four|every|q\.?\s?\d*\s?[a-z]\w*|b\.?i\.?d|t\.?i\.?d|at\s+(?:bed|night)\w*|as\s+needed|prn|"
                           r"p\.r\.n|on\s+(?:mon|tue|wed|thu|fri|sat|sun|week|alternat|odd|even)\w*|per\s+day|a\s+day|"
                           r"in\s+the\s+(?:morning|evening)|with\s+(?:meals|breakfast|dinner|supper))\b)", re.I)


def not_a_medication(s: str, start: int, end: int, name: str, section: str, rules: dict) -> bool:
    """True where the drug name at s[start:end] (normalised `name`) is not a medicine the patient takes."""
    r = rules_of(rules)
    if name.lower() in r.skin_preps and section != "medications":
        return True  # "prepped with Betadine": the skin cleaned for a procedure, not a medicine the patient takes
    if r.after.match(s, end) or r.before.search(s[max(0, start - 60):start]) or _LEVEL_RESULT.match(s, end):
        return True
    if _thought_about(s, start, r):
        return True
    person = r.other_person.match(s)
    if person and person.end() <= start and not r.given.search(s, person.end(), start):
        return True  # "Mother received ampicillin 2 g before delivery"
    clause = re.split(r"[;:]|,\s*(?:and|but)\b", s[max(0, start - 90):start])[-1]
    low = name.lower()
    verbs = list(r.irrigation.finditer(clause)) if low in r.irrigants else []
    if verbs and re.search(r"\bwith\b", clause[verbs[-1].end():], re.I):
        return True  # "after we irrigated the wound with plenty of saline"
    if low in r.recreational:
        if section == "social_history" or r.use_after.match(s, end):
            return True
        if r.use_before.search(s[max(0, start - 45):start]):
            return True
    return False


# what may stand between the thought and the name: a few words of the same clause, perhaps "such as" and an earlier
# item of a list ("we may consider another agent such as X or Y")
_THOUGHT_GAP = re.compile(r"(?:\s+[\w-]+){0,4}?(?:\s+such\s+as(?:\s+[\w-]+(?:,|\s+or|\s+and))*)?\s+$", re.I)
# ... but a change to a drug already taken is no new thought: "consider increasing the Lasix"
_CHANGE_WORD = re.compile(r"\b(?:increas|decreas|reduc|stop|chang|switch|continu|taper|adjust|hold|titrat|wean|restart|resum)",
                          re.I)


# "might get" / "may get" offers a medicine only right before it ("might get a flu shot", "may get the booster");
# with more between, what she might get is an effect ("might get low sugars on her insulin") (s29 review)
_GET = re.compile(r"(?:might|may)\s+get", re.I)
_GET_GAP = re.compile(r"(?:\s+(?:a|an|the|her|his|their|another|one|dose|doses|of|some))*\s+", re.I)


def _thought_about(s: str, start: int, r: NotMedRules) -> bool:
    """A medicine only thought about (session 15): "consider a Fleet enema", "she desires to be on the ring"."""
    window = s[max(0, start - 60):start]
    cues = list(r.hypothetical.finditer(window))
    if not cues:
        return False
    between = window[cues[-1].end():]
    if _GET.fullmatch(cues[-1].group()) and not _GET_GAP.fullmatch(between):
        return False  # "might get dizzy from the metoprolol": the drug she takes, its effect only hedged
    return _THOUGHT_GAP.fullmatch(between) is not None and not _CHANGE_WORD.search(between)
