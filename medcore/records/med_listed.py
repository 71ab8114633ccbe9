"""Where a drug name read only in context (matchers.Matchers.drug_in_lists: a name that is also a lab analyte or an
everyday word, a bulk-imported brand, a broad class word) means a medicine the patient takes (meds.drug_hits_in).

Session 13 (issue 11): real notes name such drugs after a verb of giving or treating ("treated with", "was given",
"receiving", "was on"), after a route word ("IV steroids", "p.o. steroids"), after a dose ("20 mg of X"), and
before "therapy", "infusion" or "drip" ("proton pump inhibitor therapy")."""

from __future__ import annotations

import re

from medcore.knowledge.normalize import LATER_THOUSANDS_GROUP
from medcore.records.measure import NUM as _NUM

# where a name that is also a lab analyte or an everyday word ("potassium", "iron", "Soma", "vitamins", "oxygen")
# or a broad class word ("antibiotics") means a medicine: a dose with a dose unit right after it (not a lab unit:
# "potassium 20 mEq", never "potassium 4.1 mEq/L"), a schedule or supplement word right after it, or a verb of
# taking right before it, a spray form after it ("saline nasal spray"); anywhere in a medication list section
_LISTED_AFTER = re.compile(rf"\s*(?:{_NUM}\s*(?:mg|mcg|µg|g|meq|units?|iu|tablets?|tabs?|capsules?|caps?)(?![\w/])|"
                           r"(?:,\s*)?(?:p\.?r\.?n\b\.?|as needed|daily|nightly|at bedtime|q\.?\s?d\b\.?|b\.?i\.?d\b\.?|"
                           r"t\.?i\.?d\b\.?|twice a day|once a day|supplements?\b|supplementation\b|tablets?\b|pills\b|"
                           r"via nasal cannula|by nasal cannula|per nasal cannula|(?:nasal\s+)?sprays?\b|nose drops\b|"
                           # (session 15) a nasal wash or rinse: "saline nasal wash twice daily"
                           r"nasal\s+(?:wash(?:es)?|rinses?|irrigations?)\b))", re.I)
# a form or a way of giving after a name that is not a class word: "potassium drip", "prostaglandin infusion"
_FORM_AFTER = re.compile(r"\s*(?:infusions?|drips?|ointment|cream|injections?)\b", re.I)
# ... and otherwise only where the item ends right after the name, so a lab result or a longer phrase read in a
# medication section stays what it is ("her potassium had risen to 5.5", "iron deficiency anemia", "oxygen saturation")
_ITEM_BOUNDARY = re.compile(r"\s*(?:[,.;:()]|$|(?:and|or|with|plus|as|p\.?o\.?|by|per|over-the-counter|otc|"
                            # ... or where a time or a place follows: "treated with X last night", "X at home"
                            r"at\s+home|last|yesterday|today|overnight|since|until|when)\b)", re.I)
# ... or a (numbered) list item, split off as its own sentence, that is the name alone ("6.  Centrum.")
_ITEM_START = re.compile(r"[\s,;:]*(?:\d{1,2}[.)]\s*)?")
_ITEM_END = re.compile(r"[\s.,;]*")


def _before_slashed_drug(s: str, end: int, m) -> bool:
    """The name is the first of two drugs written with a slash ("estradiol/Prometrium"): it ends its item too."""
    return s.startswith("/", end) and m.drug.match(s, end + 1) is not None


_LISTED_BEFORE = re.compile(r"\b(?:taking|takes|take|started on|start|restarted on|continue|continued on|resume|"
                            r"prescribed|on daily|over-the-counter|otc)\s+$", re.I)
# ... and, for a name that is not a class word (the real notes' gold reads "treated with IV antibiotics" as a course,
# not a medicine, but "was on potassium" and "treated with Diastat" as medicines): a verb of giving or treating,
# "was on" (not "on" alone: "on potassium 4.1"), or a route word right before the name
_GIVEN_BEFORE = re.compile(r"\b(?:treated with|treatment with|receiving|received|given|(?:was|is|were|are|been) on|"
                            r"put on|placed on|tapered (?:off|from)|weaned (?:off|from)|some|"
                            # a route word right before the name: "IV steroids", "p.o. steroids"
                            r"iv|i\.v\.|intravenous|p\.o\.|oral|inhaled|topical)\s+$", re.I)
# a dose right before the name says a medicine is meant, wherever the item goes on: "20 mg of X at home",
# "one liter of NS fast" (not a diluent: "5 mg in 50 mL of D5W")
_DOSE_BEFORE = re.compile(rf"(?:(?<!\bin )\b{LATER_THOUSANDS_GROUP}{_NUM}\s*(?:mg|mcg|g|units?|ml|cc|meq|l|liters?)|\b(?:a|one)\s+liter)\s+(?:of\s+)?$",
                          re.I)


def drug_hits_in(s: str, m, section: str) -> list:
    """Drug names in a sentence: every plain name, and each in-lists-only name where the context says a medicine
    is meant (`_means_a_medicine`), in order."""
    hits = list(m.drug.finditer(s))
    spans = [(h.start(), h.end()) for h in hits]
    extra = [x for x in m.drug_in_lists.finditer(s)
             if not any(a < x.end() and x.start() < b for a, b in spans) and _means_a_medicine(s, x, m, section)]
    if extra or hits:  # ... and the next name of a list whose name before it was read: "on iron and potassium"
        extra += _joined(s, m, sorted(hits + extra, key=lambda h: h.start()))
    return _class_word_of_brand(s, m, sorted(hits + extra, key=lambda h: h.start()) if extra else hits)


# a class word right after a brand of its class names the same medicine: "Humalog sliding scale insulin", "Levemir
# insulin" (session 15: read as a second, unnamed insulin)
_BRAND_CLASS_GAP = re.compile(r"\s*(?:sliding[- ]scale\s+)?", re.I)


def _class_word_of_brand(s: str, m, hits: list) -> list:
    out = []
    for h in hits:
        prev = out[-1] if out else None
        word, before = m.drug_lookup[h.group().lower()], m.drug_lookup[prev.group().lower()] if prev else None
        if (before is not None and word.is_class and not before.is_class and word.drug_class
                and word.drug_class == before.drug_class and _BRAND_CLASS_GAP.fullmatch(s, prev.end(), h.start())):
            continue
        out.append(h)
    return out


def _means_a_medicine(s: str, x: re.Match, m, section: str) -> bool:
    if _LISTED_AFTER.match(s, x.end()) or _DOSE_BEFORE.search(s, max(0, x.start() - 20), x.start()):
        return True
    named = not m.drug_lookup[x.group().lower()].is_class
    if named and _FORM_AFTER.match(s, x.end()):
        return True
    if not (_ITEM_BOUNDARY.match(s, x.end()) or _before_slashed_drug(s, x.end(), m)):
        return False
    return (section == "medications" or _LISTED_BEFORE.search(s, max(0, x.start() - 25), x.start()) is not None
            or named and _GIVEN_BEFORE.search(s, max(0, x.start() - 25), x.start()) is not None
            or _ITEM_START.fullmatch(s, 0, x.start()) is not None and _ITEM_END.fullmatch(s, x.end()) is not None)


def _joined(s: str, m, found: list) -> list:
    """In-lists-only names joined by a comma, "and" or "or" to a drug already read, when the name ends its item."""
    out, ends = [], {h.end() for h in found}
    starts = {h.start() for h in found}
    for x in m.drug_in_lists.finditer(s):
        if x.start() in starts:
            continue
        # (session 15: a strength word may stand between, "on Reglan and high-dose PPI")
        gap = re.search(r"(?:,\s*(?:and\s+|or\s+)?|(?<!\s)\s+and\s+|(?<!\s)\s+or\s+)(?:(?:high|low)[- ]dose\s+)?$",
                        s[max(0, x.start() - 20):x.start()])
        if gap and (x.start() - len(gap.group())) in ends and _ITEM_BOUNDARY.match(s, x.end()):
            out.append(x)
            ends.add(x.end())
    return out
