"""The problem-oriented structured summary. Every item carries the index and offsets of the
sentence it came from, so the page can highlight the source of each line."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

from medcore.knowledge.assertions import is_chronic
from medcore.records.extract import Extraction
from medcore.records.med_course import LIST_SECTIONS
from medcore.records.text import Sentence


@dataclass
class Item:
    text: str
    sentence: int
    start: int  # offsets of the source sentence in the original note
    end: int
    kind: str = ""
    detail: dict = field(default_factory=dict)


@dataclass
class StructuredSummary:
    one_liner: str
    problems: list[Item]
    medications: list[Item]
    allergies: list[Item]
    abnormal_results: list[Item]
    plan: list[Item]
    follow_ups: list[Item]
    # problems named only as a risk, a prevention or an if-then ("prophylaxis of GI bleeding", "risks of bleeding",
    # "return if fever"): kept apart, never a problem of the patient and never in the one-liner
    hypothetical: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def items(self) -> list[Item]:
        return (self.problems + self.medications + self.allergies + self.abnormal_results + self.plan + self.follow_ups
                + self.hypothetical)


_AGE_SEX = re.compile(r"\b(\d{1,3}|90\+)[- ](?:year|yr)s?[- ]old\s+(man|woman|male|female|boy|girl|gentleman|lady)|"
                      r"\b(\d{1,3})\s*(?:y/?o|yo)\s*([MF])\b|\b(\d{1,3})([MF])\b", re.I)
_SEX = {"m": "man", "f": "woman", "male": "man", "female": "woman", "gentleman": "man", "lady": "woman"}
_PLAN_SECTIONS = ("assessment_and_plan", "follow_up")
_MAIN_SECTIONS = ("chief_complaint", "reason_for_consult", "assessment_and_plan", "hospital_course")


def _item(text: str, sent: Sentence, kind: str, **detail) -> Item:
    return Item(text, sent.index, sent.start, sent.end, kind, detail)


def age_sex(text: str) -> str:
    m = _AGE_SEX.search(text)
    if not m:
        return ""
    groups = [g for g in m.groups() if g]
    age, sex = groups[0], groups[1].lower()
    return f"{age}-year-old {_SEX.get(sex, sex)}"


def med_line(med) -> str:
    parts = [med.name]
    if med.dose:
        parts.append(f"{med.dose} {med.unit}".strip())
    if med.route:
        parts.append(med.route)
    if med.frequency:
        parts.append(med.frequency)
    line = " ".join(parts)
    return f"{line} ({med.status})" if med.status else line


def build(text: str, sentences: list[Sentence], ex: Extraction, kind: str = "") -> StructuredSummary:
    by_index = {s.index: s for s in sentences}

    # active problems: present assertions, one line per concept, assessment/plan mentions first
    seen: dict[str, Item] = {}
    present = [p for p in ex.problems if p.assertion == "present"]
    present.sort(key=lambda p: (p.section not in _MAIN_SECTIONS, p.start))
    for p in present:
        key = p.name.lower()
        if key not in seen:
            seen[key] = _item(p.text if p.text[:1].isupper() else p.text.capitalize(), by_index[p.sentence], "problem",
                              name=p.name, assertion=p.assertion, mention=[p.start, p.end],
                              background=_chronic_background(p))
    problems = list(seen.values())

    # medications: the last mention of each drug decides the line; any stated change is kept
    meds: dict[str, Item] = {}
    for med in ex.medications:
        key = med.name.lower()
        prev = meds.get(key)
        status = med.status or (prev.detail.get("status") if prev else "")
        if not med.status and status == "stopped" and med.section in LIST_SECTIONS:
            status = ""  # listed again after a stop (a discharge list): taken, as records/med_course.py reads it
        if prev and not (med.dose or med.status) and prev.detail.get("dose"):
            continue  # a bare later mention ("continue metformin") keeps the fuller line
        merged = replace(med)  # a copy: the extraction keeps its own status
        if prev and not med.dose:
            merged = type(med)(**{**med.__dict__, "dose": prev.detail.get("dose", ""), "unit": prev.detail.get("unit", ""),
                                  "route": med.route or prev.detail.get("route", ""),
                                  "frequency": med.frequency or prev.detail.get("frequency", "")})
        merged.status = status
        meds[key] = _item(med_line(merged), by_index[med.sentence], "medication", name=merged.name, dose=merged.dose,
                          unit=merged.unit, route=merged.route, frequency=merged.frequency, status=status,
                          mention=[med.start, med.end])
    medications = list(meds.values())

    allergies = []
    for a in ex.allergies:
        line = f"{a.substance} ({a.reaction})" if a.reaction else a.substance
        if a.kind == "intolerance" and a.reaction.lower() != "intolerance":
            line += " (intolerance)"
        if all(x.text.lower() != line.lower() for x in allergies):
            allergies.append(_item(line, by_index[a.sentence], "allergy", substance=a.substance, reaction=a.reaction,
                                   category=a.kind, mention=[a.start, a.end]))
    if not allergies and ex.no_known_allergies:
        allergies.append(Item("No known drug allergies", -1, 0, 0, "allergy", {"substance": "", "reaction": ""}))

    abnormal, seen_results = [], set()
    trend = trends(ex.labs + ex.vitals)  # a value read more than once shows its course (trends below)
    for meas in ex.labs + ex.vitals:
        if meas.flag in ("high", "low") and (meas.name, meas.value) not in seen_results:
            seen_results.add((meas.name, meas.value))
            course = f"; trend {trend[meas.name]}" if meas.name in trend else ""
            line = f"{meas.name} {meas.value} {meas.unit}".strip() + f" ({meas.flag}; ref {meas.reference}{course})"
            abnormal.append(_item(line,
                                  by_index[meas.sentence], "lab" if meas in ex.labs else "vital", name=meas.name,
                                  value=meas.value, unit=meas.unit, flag=meas.flag, source=meas.source,
                                  trend=trend.get(meas.name, ""), mention=[meas.start, meas.end]))
    abnormal.sort(key=lambda i: i.start)

    follow_idx = {f.sentence for f in ex.follow_ups}
    plan = [_item(s.text.strip(), s, "plan") for s in sentences
            if s.section in _PLAN_SECTIONS and s.index not in follow_idx and len(s.text.split()) >= 3
            and not re.fullmatch(r"[A-Za-z /&-]+:?", s.text.strip())]
    follow_ups = [_item(f.action, by_index[f.sentence], "follow_up", when=f.when) for f in ex.follow_ups]

    return StructuredSummary(one_liner(text, ex, kind), problems, medications, allergies, abnormal, plan, follow_ups,
                             hypothetical_items(text, ex, by_index))


HYPOTHETICAL_TITLE = "Mentioned only as a risk, prevention or if-then (not a current problem)"


def hypothetical_items(text: str, ex: Extraction, by_index: dict[int, Sentence]) -> list[Item]:
    """One line per concept asserted hypothetical, with the words around it, so the reader sees why it is not a
    problem of the patient ("GI bleeding: ... primary prophylaxis of GI bleeding")."""
    out: dict[str, Item] = {}
    for p in ex.problems:
        if p.assertion != "hypothetical" or p.name.lower() in out or p.sentence not in by_index:
            continue
        sent = by_index[p.sentence]
        lo, hi = max(sent.start, p.start - 70), min(sent.end, p.end + 40)
        context = " ".join(text[lo:hi].split())
        context = ("…" if lo > sent.start else "") + context + ("…" if hi < sent.end else "")
        out[p.name.lower()] = _item(f"{p.text}: \"{context}\"", sent, "hypothetical", name=p.name,
                                    assertion=p.assertion, mention=[p.start, p.end])
    return list(out.values())


def _chronic_background(p) -> bool:
    """A chronic condition named outside the note's main sections: a present problem, but the patient's
    background rather than what this encounter is for."""
    return p.assertion == "present" and p.section not in _MAIN_SECTIONS and is_chronic(p.text)


# Sections whose present problems are too weak to drive the one-liner: a review-of-systems positive is a symptom
# asked about, not the reason for the encounter; family history belongs to a relative.
_UNSURE_SECTIONS = ("review_of_systems", "family_history")


def confident(p) -> bool:
    """A problem sure enough to drive the one-liner: coded by the knowledge layer (a concept or an ICD-10-CM code)
    and not from a review of systems or the family history."""
    return bool(p.concept_id or p.icd10cm) and p.section not in _UNSURE_SECTIONS


def one_liner(text: str, ex: Extraction, kind: str = "") -> str:
    """Only confident problems appear: present ones drive it ("seen for"), past and chronic ones are background."""
    who = age_sex(text) or "Patient"
    hist, seen_hist = [], set()
    # background: past events, and chronic conditions named outside the note's main sections (present, but
    # not what this encounter is for: "with hypertension and type 2 diabetes, seen for chest pain")
    for p in ex.problems:
        if (p.assertion == "historical" or _chronic_background(p)) and confident(p) and p.name.lower() not in seen_hist:
            seen_hist.add(p.name.lower())
            hist.append(p.text)
    main, seen_main = [], set()
    for p in sorted((p for p in ex.problems if p.assertion == "present" and confident(p)),
                    key=lambda p: (p.section not in _MAIN_SECTIONS, p.start)):
        if p.name.lower() not in seen_main and p.name.lower() not in seen_hist:
            seen_main.add(p.name.lower())
            main.append(p.text)
    line = who
    if hist:
        line += " with a history of " + _join(hist[:3])
    if main:
        line += (", " if hist else " ") + "seen for " + _join(main[:3])
    if kind:
        line += f" ({kind})"
    return line + "."


def _join(items: list[str]) -> str:
    items = [i.lower() if not i.isupper() else i for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def trends(readings) -> dict[str, str]:
    """Each measurement read more than once, with its readings in the order the extraction lists them (time order:
    "WBC": "18,000 cells/uL -> 9.6 x10^9/L"): where a value repeats, the summary shows how it went."""
    by_name: dict[str, list] = {}
    for r in readings:
        by_name.setdefault(r.name, []).append(f"{r.value} {r.unit}".strip())
    return {name: " -> ".join(values) for name, values in by_name.items() if len(values) > 1}
