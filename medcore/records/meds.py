"""Medications (dose, unit, route, frequency, status), found around the drug names the records matchers located in
a sentence. Allergies are read in records/allergies.py."""

from __future__ import annotations

import re

from medcore.knowledge.normalize import LATER_THOUSANDS_GROUP
from medcore.records.allergies import BUT_REACTION, caution_next
from medcore.records.entities import Medication
from medcore.records.measure import NUM as _NUM
from medcore.records.med_listed import drug_hits_in  # noqa: F401 (extract.py reads it from here)
from medcore.records.med_schedule import (COMBINED_STRENGTHS, combined, counted_strength, days_of_schedule,
                                          interval_frequencies, measured_after_percent, strength_after_count,
                                          time_of_day)
from medcore.records.med_relative import relative_status, said_of_earlier
from medcore.records.med_switch import replaced

# (session 15: a weight-based rate per minute as written, "mcg/kg/minute", "mcg/kg per minute"; "gm" for grams)
# (session 16: a dose per body surface area, "mg/m2")
_UNITS = (r"mg/sq\.?\s?m(?:eters?|etres?)?\b|mg/m\^2|mg/m2|mg/m²|mg/kg/day|mg/kg/dose|mg/kg|mcg/kg/minute|mcg/kg\s+per\s+minute|mcg/kg/min|units/kg/h|units/min|mg/h|mcg/min|ml/hour|ml/hr|ml/h|cc/hour|cc/hr|cc/h|"
          r"(?:ml|cc|units?|mg)\s+(?:an|per|a|each)\s+(?:hour|hr)|mg|mcg|µg|ug|micrograms?|milligrams?|g|grams?|units?|iu|meq|"
          r"gm|mmol|ml|cc|l|puffs?|tablets?|tabs?|capsules?|caps?|drops?|teaspoons?|tablespoons?|tsp|tbsp|%")
# (session 17: a dose per square metre written out, "75 mg/sq m"; a liquid measured in spoons, "2 to 4 teaspoons")
# a range ("1-2 tablets") or the strengths of a combination product ("37.5/25 mg")
_DOSE = re.compile(rf"(?<![\w./])(?!1/2\b){LATER_THOUSANDS_GROUP}({_NUM}(?:\s*(?:-|to)\s*{_NUM}|(?:/{_NUM}){{1,2}})?)\s*-?\s*({_UNITS})"
                   r"(?![\w/])|(?<![\w./])(\d+(?:\.\d+)?)\s*(mg|mcg)(?=/day\b)",
                   re.I)  # "240 mg", "240-mg"; a daily amount "0.05 mg/day" (session 15) is the dose, taken once daily
# a count of tablets in words, and half tablets: "one tablet", "two tabs", "1/2 tablet", "one-half tablet", "half a tab"
_WORD_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "1/2": "0.5", "½": "0.5", "one-half": "0.5", "one half": "0.5", "half a": "0.5",
                 "half": "0.5"}
_COUNT = r"one[- ]half|half a|half|1/2|½|one|two|three|four|five|six|seven|eight|nine|ten"
# ... or a range of counts: "one to two tablets", "two to three pills", "1-2 tabs" (the dose is "1-2")
_COUNT_DOSE = re.compile(rf"(?<![\w/])({_COUNT}|\d{{1,2}})(?:\s*(?:-|to|or)\s*(two|three|four|five|six|\d{{1,2}}))?\s+"
                         r"(tablets?|tabs?|capsules?|caps?|pills?|puffs?|drops?|sprays?|teaspoons?|tablespoons?)\b", re.I)  # (s16: "two sprays")
# a dose written before the drug: "40 mg of famotidine", "10 units of oxytocin", "20 mL of 0.25% bupivacaine", "2% lidocaine"
# (session 15: "a 10 mL bolus of X", "0.4 mg of sublingual X")
_DOSE_BEFORE = re.compile(rf"(?<![\w.]){LATER_THOUSANDS_GROUP}({_NUM})\s*({_UNITS})\s+(?:(?:bolus|dose|injection)\s+)?(?:of\s+)?"
                          rf"(?:{_NUM}\s*%\s+)?(?:of\s+)?"
                          r"(?:(?:iv|i\.v\.|intravenous|po|p\.o\.|oral|im|i\.m\.|subcutaneous|sc|sublingual|"
                          r"transdermal|topical|inhaled|intranasal|intrathecal)\s+)?$|"
                          rf"(?<![\w.]){LATER_THOUSANDS_GROUP}({_NUM})\s*(%)\s+(?:of\s+)?$|"
                          r"(?<![\w/])(one[- ]half|half a|half|1/2|½|one|two|three|four)\s+(tablets?|tabs?|capsules?|caps?)\s+of\s+$|"
                          r"(?<![\w/-])(one|two|three|four)\s+$",  # "one aspirin a day": a count of the drug's units
                          re.I)
# a change of dose, "from 84 units down to 60 units"
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|approximately\s+)?$", re.I)
_FROM_TO = re.compile(rf"(?<!\s)\s*(?:down\s+|up\s+)?to\s+({_NUM})\s*({_UNITS})(?![\w/])", re.I)
# a strength in per cent right before the name ("0.5% Marcaine"; s29: "0.5% preservative-free Xylocaine")
_PERCENT_BEFORE = re.compile(rf"(?<![\w.]){LATER_THOUSANDS_GROUP}({_NUM})\s*%\s+"
                             r"(?:(?:preservative[- ]free|plain|viscous|buffered|topical|sterile)\s+)?$", re.I)
# a dose without a unit after the name, before a route, a schedule or the item's end: "allopurinol 300 daily"
_BARE_DOSE = re.compile(rf"\s*(?:(?:XL|XR|SR|ER|CR|LA|DS)\s+)?({_NUM}(?:-{_NUM})?|one|two|three|four)(?=\s*(?:[,;]|$|\.(?!\d)|#\d|p\.?\s?o\b|i\.?v\b|"
                        r"daily|nightly|once|twice|every|q\.?\s?\w|b\.?i\.?d|t\.?i\.?d|at bedtime|prn|p\.r\.n|to take\b))", re.I)
# ... and the unit written after the schedule: "Lantus 24 at bedtime units", "NPH 20 q.a.m. units"
_UNIT_AFTER_SCHEDULE = re.compile(r"[ \t]*+(?:(?:p\.?o\.?|iv|sc|subcutaneously|at|in|the|every|q\.?[a-z.0-9]*|h\.?s\.?|daily|nightly|"
                                  r"bedtime|morning|evening|b\.?i\.?d\.?|t\.?i\.?d\.?)[ \t]++)+(units?|iu|mg|mcg)\b", re.I)
# a count of units written right before the name ("one aspirin a day"); a tablet form after combination strengths
_COUNT_BEFORE = re.compile(r"(?<![\w/-])(one|two|three|four|half a)\s+$", re.I)
_FORM_UNIT = re.compile(r"tablets?|tabs?|capsules?|caps?", re.I)
# the strengths of a combination product written without a unit right after its name ("Advair 250/50")
_STRENGTHS = re.compile(rf"\s+({_NUM}/{_NUM}(?:/{_NUM})?)(?![\w/%]|\.\d|\s*-?\s*(?:{_UNITS})(?![\w/]))", re.I)
_NEXT_DRUG_DOSE = re.compile(rf"\s*(?:of\s+)?(?:{_NUM}\s*%\s*)?(?:of\s+)?$", re.I)
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
    _dose(s, d, window, stop, med)
    last = max(d.end(), med.end)
    plain, where = _dotless(window)
    for name, pat in m.route:
        r = pat.search(plain)
        if r and where[r.start()] < 60:
            med.route = name
            last = max(last, d.end() + where[r.end() - 1] + 1)
            break
    freqs = []
    for name, pat in m.frequency:
        f = pat.search(plain)
        if f and name == "once" and _FOR_NOW.search(plain, 0, f.start()) and f.group().lower() == "now":
            f = None  # "start insulin for now": for the time being, not a single dose
        if f and where[f.start()] < 80:
            freqs.append((where[f.start()], -(f.end() - f.start()), name, where[f.end() - 1] + 1))
    for a, b, name in interval_frequencies(plain, m.rules or {}):  # "every 10 minutes", "every 2 to 4 hours"
        if where[a] < 80:
            freqs.append((where[a], -(b - a), name, where[b - 1] + 1))
    if any(f[2] == "sliding scale" for f in freqs) and any(f[2] not in ("sliding scale", "as needed") for f in freqs):
        # a sliding scale sets how much, a meal or a time of day when: "sliding scale Humalog before meals" (session 15)
        freqs = [f for f in freqs if f[2] != "sliding scale"]
    for _, _, name, end in sorted(freqs):  # at one place the longest form wins ("once daily", not "once")
        if name == "as needed":
            med.prn = True
        if name == "once" and med.frequency:
            continue
        if not med.frequency or (med.frequency == "as needed" and name != "as needed"):
            med.frequency = name if name != "as needed" or not med.frequency else med.frequency
        last = max(last, d.end() + end)
    split = _SPLIT_DOSE.search(plain[:80])
    if split and med.frequency in ("", "once daily", "at bedtime") and not _TAKEN_OFF.search(split.group()):  # "25 mg am and 25 mg pm"
        med.frequency = "twice daily"
        last = max(last, d.end() + where[split.end() - 1] + 1)
    before = _FREQ_BEFORE.search(s, max(0, d.start() - 25), d.start()) if not med.frequency else None
    if before:  # "tapered prednisone", "a tapering dose of prednisone", "a daily aspirin", "nightly melatonin"
        med.frequency = _FREQ_BEFORE_NAMES[before.group(1).lower()[:5]]
    med.frequency, end = days_of_schedule(plain, med.frequency, med.prn)
    if end:  # "for 5 days every 4 weeks", "b.i.d. on Mon/Wed/Fri", "every Tuesday and Thursday"
        last = max(last, d.end() + where[end - 1] + 1)
    day_time = time_of_day(window, med.end - d.end()) if med.dose and not med.frequency and med.end > d.end() else 0
    if day_time:  # "omeprazole 20 mg a.m."
        med.frequency, last = "once daily", max(last, d.end() + day_time)
    if med.prn and med.frequency and med.frequency != "as needed":
        med.frequency += " as needed"
    med.status = med_status(s, d, window, m, section)
    med.end = last
    med.text = s[med.start:med.end]
    return med


_FOR_NOW = re.compile(r"\b(?:for|until|by|as\s+of|right)\s+$", re.I)
# a dose split over the day: twice daily
# (session 16: "before breakfast and before supper")
_SPLIT_DOSE = re.compile(r"\b(?:morning|am|a\s?m|breakfast)\b[^;]{0,25}?\band\b[^;]{0,25}?\b(?:evening|night|bedtime|bed|pm|p\s?m|supper|dinner)\b",
                         re.I)
_TAKEN_OFF = re.compile(r"\band\s+(?:\w+\s+){0,2}?(?:off|removed?|taken\s+off)\b", re.I)  # s29: a patch "on ... and off at night"
# a schedule written before the name
# (session 14: a dose between them, "given daily 1 g ceftriaxone"; a single dose, "a dose of ceftriaxone"; a permission, "may use X")
_FREQ_BEFORE = re.compile(r"(?<![\w.])(taper(?:ed|ing)?|daily|nightly|weekly|monthly|sliding[- ]scale|p\.r\.n\.|prn|"
                          r"(?:a|one|a\s+single|single)\s+dose\s+of|(?:may|can)\s+(?:use|take))\s+"
                          r"(?:(?:dose|doses|course)\s+of\s+)?(?:\d+(?:\.\d+)?\s*(?:mg|mcg|g|units?)\s+(?:of\s+)?)?"
                          r"(?:oral\s+|iv\s+|low[- ]dose\s+)?(?:[\w-]+\s+or\s+)?$", re.I)
_FREQ_BEFORE_NAMES = {"taper": "taper", "daily": "once daily", "night": "at bedtime", "weekl": "weekly",
                      "month": "monthly", "slidi": "sliding scale", "p.r.n": "as needed", "prn": "as needed",
                      "a dos": "once", "one d": "once", "a sin": "once", "singl": "once", "may u": "as needed",
                      "can u": "as needed", "may t": "as needed", "can t": "as needed"}


# a name that ends its sentence, then one that starts with the dose ("Augmentin. 875 mg bid."; also "Humibid L.A.")
_NAME_THEN_DOSE = re.compile(rf"(?:\s+(?:L\.?A|X\.?L|X\.?R|S\.?R|E\.?R|C\.?R|D\.?R))?\.[ \t]+(?=(?:{_NUM})\s*(?:mg|mcg|g|units?|ml|meq|tablets?|tabs?|capsules?|puffs?)\b)", re.I)


_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z]|\s*$)")


def dose_in_next_sentence(text: str, med: Medication, m) -> None:
    """A medication without dose whose name ends its sentence takes the dose, route and schedule that open the next
    one, when that sentence names no drug of its own (a transcription that put a full stop after the name)."""
    name = med.mention
    if med.dose or med.frequency or med.end != med.start + len(name) or name.lower() not in m.drug_lookup:
        return
    gap = _NAME_THEN_DOSE.match(text, med.end)
    if not gap:
        return
    nxt = gap.end()
    # the sentence ends at a full stop before a capital or the end, not inside "b.i.d." or a decimal point
    end = _SENTENCE_END.search(text, nxt + 1)
    stop = end.start() + 1 if end else len(text)
    sentence = text[nxt:stop]
    if m.drug.search(sentence) or "\n" in sentence:
        return
    joined = f"{name} {sentence}"
    probe = medication(joined, re.match(re.escape(name), joined), len(joined), m, med.section)
    med.dose, med.unit, med.route = probe.dose, probe.unit, med.route or probe.route
    med.frequency, med.prn = probe.frequency, med.prn or probe.prn


def _dotless(window: str) -> tuple[str, list[int]]:
    """The window without full stops, so dotted abbreviations read as written plain ("q.8h." is "q8h", "q.h.s." is
    "qhs", "p.r.n." is "prn"), and where each character of it stands in the window."""
    keep = [i for i, ch in enumerate(window) if ch != "."]
    return "".join(window[i] for i in keep), keep


def _count(word: str) -> str:
    """A count in words or digits as digits: "one" -> "1", "one-half" -> "0.5", "2" -> "2"."""
    return word if word.isdigit() else _WORD_NUMBERS[re.sub(r"[- ]+", " ", word.lower()).replace("one half", "one-half")]


def _dose(s: str, d: re.Match, window: str, stop: int, med: Medication) -> None:
    """Dose and unit: written after the name (not one that belongs to the next drug: "heparin, then 100 mg of
    aminophylline"), a count of tablets in words, a dose before the name, or a number without a unit."""
    strength = _PERCENT_BEFORE.search(s, max(0, d.start() - 32), d.start())
    if strength:  # "2 cc of 4% lidocaine": the strength is the dose, the volume only how much was given
        med.dose, med.unit = strength.group(1), "%"
        return
    before = _DOSE_BEFORE.search(s[max(0, d.start() - 30):d.start()])
    if before:
        if before.group(1):
            med.dose, med.unit = before.group(1), before.group(2)
            times = strength_after_count(window, med.dose) if _FORM_UNIT.fullmatch(med.unit) else None
            if times:  # "2 tablets of Tylenol 500 mg": 1000 mg taken (session 17)
                med.dose, med.unit, med.end = times[0], times[1], d.end() + times[2]
        elif before.group(3):
            med.dose, med.unit = before.group(3), "%"
        elif before.group(5):
            med.dose, med.unit = _count(before.group(5)), before.group(6)
            times = strength_after_count(window, med.dose)
            if times:  # "one half tablet of warfarin 5 mg": 2.5 mg taken (session 17)
                med.dose, med.unit, med.end = times[0], times[1], d.end() + times[2]
        else:
            med.dose = _count(before.group(7))
        return
    strengths = _STRENGTHS.match(window)
    if strengths and "insulin" in med.name.lower() and strengths.group(1) in ("70/30", "75/25", "50/50"):
        strengths = None  # "NovoLog 70/30, 20 units": a premixed insulin's name, the dose follows (session 16)
    if strengths:  # "Advair 250/50 one puff": the product's strengths, not the count of puffs
        med.dose = strengths.group(1)
        med.end = d.end() + strengths.end()
        return
    dose = _DOSE.search(window)
    both = COMBINED_STRENGTHS.search(window)
    if both and both.start() < 40 and (not dose or both.start() <= dose.start()):  # "80 mg/12.5 mg", "125 mg-31.25 mg" (session 16)
        (med.dose, med.unit), med.end = combined(both), d.end() + both.end()
        return
    # a dose right before the next drug is that drug's, unless a ";" ends this item first (session 15: "Diastat
    # 10 mg; Keppra ..." kept no dose)
    next_drug_dose = stop < len(s) and d.end() + len(window) == stop and _NEXT_DRUG_DOSE.fullmatch(window[dose.end():]) \
        if dose else False
    if dose and dose.start() < 40 and not next_drug_dose:
        if dose.group(3):  # "0.05 mg/day"
            med.dose, med.unit, med.frequency = dose.group(3), dose.group(4), "once daily"
            med.end = d.end() + dose.end() + len("/day")
            return
        med.dose, med.unit = dose.group(1), dose.group(2)
        to = _FROM_TO.match(window, dose.end()) if _FROM_BEFORE.search(window, 0, dose.start()) else None
        if to:  # "from 84 units down to 60 units": the dose now is the one it was changed to (session 15)
            med.dose, med.unit, dose = to.group(1), to.group(2), to
        if "/" in med.dose and _FORM_UNIT.fullmatch(med.unit):
            med.unit = ""  # "Bactrim 400/80 Tab": the strengths of one tablet, not 400/80 tablets
        med.end = d.end() + dose.end()
        counted = counted_strength(window, dose.end(), med.dose, med.unit)
        if counted:  # "25 mg, one half tablet": 12.5 mg taken (session 16)
            med.dose, med.end = counted[0], d.end() + counted[1]
        drops = measured_after_percent(window, dose.end()) if med.unit == "%" else None
        if drops:  # "0.3% drops, two drops to each eye": two drops (session 17)
            med.dose, med.unit, med.end = drops[0], drops[1], d.end() + drops[2]
        return
    count = _COUNT_DOSE.search(window)
    if count and count.start() < 30:
        low = _count(count.group(1))
        med.dose = f"{low}-{_count(count.group(2))}" if count.group(2) else low
        med.unit = count.group(3)
        med.end = d.end() + count.end()
        return
    counted = _COUNT_BEFORE.search(s, max(0, d.start() - 12), d.start())
    if counted:  # "one aspirin a day", "two Tylenol at bedtime"
        med.dose = _count(counted.group(1))
        return
    bare = _BARE_DOSE.match(window)
    if bare:  # "allopurinol 300 daily"; "multivitamins one daily" is one tablet
        med.dose = _count(bare.group(1)) if bare.group(1).isalpha() else bare.group(1)
        med.end = d.end() + bare.end()
        late = _UNIT_AFTER_SCHEDULE.match(window, bare.end())
        if late and not bare.group(1).isalpha():  # "Lantus 24 at bedtime units" (session 16)
            med.unit = late.group(1).lower()


# a drug not taken: "no aspirin", "not on any anticoagulants", "denies taking X" (s15: "precluding the use of X"; s29: "has not had X")
_NEGATED_BEFORE = re.compile(r"(?:^|[^\w-])(?:no|not\s+on|not\s+taking|not\s+currently\s+on|never\s+(?:took|taken|been\s+on|on)|(?:has|have|had)\s+(?:not|never)\s+(?:had|taken|tried|received|been\s+on)|"
                             r"denies|denied|denying|without|precludes?|precluding|"
                             r"(?:precludes?|precluding)\s+(?:the\s+)?use\s+of|hesitant\s+to\s+(?:use|start|give|prescribe))\s+(?:(?:any|taking|using|the|prior|other)\s+){0,2}$", re.I)
# "avoid X" (session 15) or a caution ("do not give X", "X is contraindicated": session 30 review, read as a negation, so
# "heparin should not be used", stopped, keeps its status): allergies.caution_next. No medicine of the record.
_NEGATED_JOIN = re.compile(r"\s*(?:,\s*(?:or\s+|nor\s+)?|or\s+|nor\s+)", re.I)


def not_taken(s: str, hits: list, meds: list[Medication]) -> set[int]:
    """Indices of the drugs a sentence says the patient does not take ("No aspirin or NSAIDs", "She is not on any
    anticoagulant"): neither a current nor a stopped medication, so they are left out, like a denied allergy. A
    drug with a status word of its own ("no longer on", "avoid") keeps it."""
    out: set[int] = set()
    for i, h in enumerate(hits):
        negated = _NEGATED_BEFORE.search(s[max(0, h.start() - 40):h.start()]) is not None
        kept_away = caution_next(s, h.start(), h.end())  # "avoid X" whatever its status; a caution as a negation
        avoided, negated = kept_away == "avoid", negated or kept_away == "caution"
        if not (negated or avoided) and i - 1 in out:  # a later item of the same negated list ("no aspirin or NSAIDs")
            negated = _NEGATED_JOIN.fullmatch(s[hits[i - 1].end():h.start()]) is not None
        if (negated and not meds[i].status or avoided) and not meds[i].dose:
            out.add(i)
    return out


_TURN = re.compile(r"\b(?:but|later|subsequently)\b", re.I)
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
_FOR_ALL = re.compile(r",\s*(?:all|both|each)\s+\S", re.I)  # (session 16)
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or|,|/)\s*", re.I)


def share_status(s: str, hits: list, meds: list[Medication]) -> None:
    """Drugs joined in one phrase share its status and schedule: "metoprolol and lisinopril were stopped",
    "Claritin and Zyrtec p.r.n." (a bare name before 'and' takes the status and schedule of the drug after it)."""
    for i in range(len(meds) - 2, -1, -1):
        if not meds[i].dose and _JOINED.fullmatch(s[hits[i].end():hits[i + 1].start()]):
            # (session 17) the schedule is shared even when a verb gave both a status: "we start Motrin and
            # Tylenol as needed" (both "started", both as needed)
            if not meds[i].status:
                meds[i].status = meds[i + 1].status
            if not meds[i].frequency and not meds[i + 1].dose and meds[i].status == meds[i + 1].status:
                meds[i].frequency, meds[i].prn = meds[i + 1].frequency, meds[i + 1].prn
    shared = set()  # one schedule for a whole list: "X 25 mg, Y 10 mg, and Z 81 mg, all daily" (session 16)
    for i in range(len(meds) - 2, -1, -1):
        nxt = meds[i + 1]
        if not meds[i].frequency and nxt.frequency and meds[i].end > hits[i].end() \
                and (i + 1 in shared or _FOR_ALL.search(nxt.text)) and _LIST_GAP.fullmatch(s, meds[i].end, hits[i + 1].start()):
            meds[i].frequency, meds[i].prn = nxt.frequency, nxt.prn
            shared.add(i)
    for i in range(1, len(meds)):  # ... and a stop said before the first reaches the bare names joined after it:
        # "held metoprolol and lisinopril", "prior medications included Topamax and Depakote"
        if meds[i - 1].status == "stopped" and not meds[i].status and not meds[i].dose \
                and _JOINED.fullmatch(s[hits[i - 1].end():hits[i].start()]):
            meds[i].status = "stopped"


# status words said of the drug only right before it ("quit aspirin"; "refused surgery and takes aspirin": current)
_ADJACENT_ONLY = {"quit", "off", "failed", "refused", "refuses", "ran out of", "run out of", "not getting",
                  "not been getting", "not been taking", "not been given", "not to take", "not to use", "not want to take",
                  "not want to use", "declined to take", "declined to start"}
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be)\s+(?:\w+ly\s+)?$", re.I)  # a status said after its drug
_ADJACENT_GAP = re.compile(r"\s*(?:(?:the|his|her|their|all|of|taking)\s+){0,2}", re.I)  # "quit taking her Paxil"
# ... and modal verbs of the plan: "Coumadin needs to be stopped", "metformin should be held"
# and a relative pronoun or a dash before them: "Coumadin, which was discontinued", "Metformin - not taking"
# (session 14: a person between, "azathioprine, which we held")
_AUX = re.compile(r"^[\s,;-]*(?:(?:is|was|were|are|has|have|had|been|being|to|be|will|now|then|it|them|needs|need|should|"
                  r"must|would|can|may|which|that|currently|we|i|they|he|she)\s+){0,4}", re.I)
# not taken, said after the name only ("Metformin - not taking"; before it, "not taking aspirin" denies the drug)
# (session 17: a plan that rules the drug out, "heparin must not be given", "aspirin is not to be restarted")
_NOT_TAKING_AFTER = re.compile(r"not\s+(?:taking|using|taken)\b|no\s+longer\s+(?:taking|using|on)\b|"
                               r"not\s+(?:to\s+)?be\s+(?:used|given|started|restarted|resumed|continued)\b", re.I)
# taken once, in the past: "was on metoprolol in the past", "tried nortriptyline years ago"
_ONCE_BEFORE = re.compile(r"\b(?:was|were|had\s+been)\s+(?:on|tried\s+on|given)\s+$|\b(?:took|tried)\s+$", re.I)
_ONCE_AFTER = re.compile(r"[^.;]{0,30}?\b(?:in\s+the\s+(?:remote\s+)?past|previously|years\s+ago|at\s+one\s+time|long\s+ago|"
                         r"as\s+a\s+child)\b", re.I)
# an adverse effect the drug had, in the past tense ("because Percocet was causing nausea"): a course given up
# (session 16: a relative clause, "moved to clindamycin, which caused diarrhea")
_HAD_EFFECT = re.compile(r"[\s,]*(?:(?:which|that)\s+)?(?:(?:was|were|had\s+been)\s+(?:causing|giving\s+(?:her|him|them))|caused)\s+",
                         re.I)


def med_status(s: str, d: re.Match, window: str, m, section: str) -> str:
    p = _PAREN_STATUS.search(window)
    if p:
        word = p.group(1).lower()
        return _STATUS_MAP.get(word, word)
    if replaced(s, d.start(), d.end(), m):
        return "stopped"
    # a status verb shortly before the drug ("Stop amlodipine", "increase atorvastatin to 40 mg"),
    # or right after it ("Ibuprofen discontinued")
    before = s[max(0, d.start() - 30):d.start()]
    # after it, past a comma and auxiliaries: "apixaban has been on hold", "enalapril has now been discontinued"
    after = _AUX.sub("", window[:45], count=1)
    onward = _AUX.sub("", s[d.end():d.end() + 60], count=1)  # the same, past the window's end at the next drug
    best = None
    for name, pat in m.status:
        for hit in pat.finditer(before):
            dist = len(before) - hit.end()
            if re.sub(r"\s+", " ", hit.group().lower()) in _ADJACENT_ONLY and not _ADJACENT_GAP.fullmatch(before[hit.end():]):
                continue  # "quit smoking and takes aspirin": aspirin goes on
            if _PASSIVE.search(before, 0, hit.start()) and m.drug.search(before, 0, hit.start()) or said_of_earlier(s, d.start() - len(before) + hit.start(), m.drug):
                continue  # "Aspirin was stopped and Plavix given", "aspirin, which is now stopped, and X": of aspirin
            if best is None or dist < best[0]:
                best = (dist, name)
        hit = pat.match(after)
        if hit and m.drug.match(onward, _ADJACENT_GAP.match(onward, hit.end()).end()):
            hit = None  # "Continue aspirin, stop metoprolol": the verb after the comma is said of the next drug
        if hit and (best is None or best[0] > 0):
            best = (0, name)
    if _NOT_TAKING_AFTER.match(after):
        return "stopped"
    if told := relative_status(s, d.end(), m):  # "aspirin 325 mg daily, which is currently stopped" (session 29)
        return told
    if _ONCE_BEFORE.search(s, max(0, d.start() - 20), d.start()) and _ONCE_AFTER.match(window):
        return "stopped"
    if BUT_REACTION.match(window):  # "begun on X, but she had a reaction" (session 16)
        return "stopped"
    effect = _HAD_EFFECT.match(window)
    if effect and m.reaction.search(window, effect.end(), effect.end() + 25):  # "was causing severe nausea"
        return "stopped"
    stopped = dict(m.status).get("stopped")
    turn = _TURN.search(window)
    if stopped is not None and turn and stopped.search(window[turn.end():turn.end() + 40]):
        return "stopped"  # "were begun on admission but were discontinued"
    if best:
        return best[1]
    if re.search(r"\b(?:to|from)\s+" + _NUM + r"\s*\w+", window[:40]) and re.search(r"\b(increase|decrease|reduce|change)",
                                                                                      s, re.I):
        return "changed"
    return ""
