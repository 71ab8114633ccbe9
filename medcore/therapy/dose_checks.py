"""A clinician's dose and course against the knowledge base, graded on the planner's one severity scale.

- Above the drug's label maximum (single dose or daily total): major; twice the maximum or more:
  contraindicated (the amount must not be given as written, like a renal or hepatic 'avoid').
- Below the lowest dose the planner itself gives this patient for the drug (the KB's options for the plan's
  condition, each computed with the patient's kidney, liver, PGx and dose rules): moderate (likely too little to
  work); under half of it: major. A drug the plan's condition has no dose for is compared with its other
  indications' doses, as a minor note only (another indication may rightly use less).
- A course longer than the guideline course of the plan's condition: moderate; twice it or more: major. A
  shorter course: minor; under half of it: moderate.
- A Beers criterion about use beyond N weeks (PPIs) is a reminder (minor) for a course of N weeks or less,
  for the planner's options and a clinician's item alike.

The thresholds are this project's grading rule (not a clinical source); the limits they compare against are the
KB's, each warning citing the source of the limit.
"""

from __future__ import annotations

import re

from medcore.therapy import calculators as calc
from medcore.therapy.dosing import PER_DAY, compute_dose
from medcore.therapy.issues import Issue
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.profile import Patient

NOT_COMPARED = ("PRN", "titrate")  # an as-needed or titrated amount has no daily total to compare

_COURSE = re.compile(r"^\s*(?:up to\s+)?(\d+(?:\.\d+)?)\s*(day|week|month)s?\b", re.I)
_WEEKS = {"day": 1 / 7, "week": 1.0, "month": 52 / 12}


def course_weeks(duration: str | None) -> float | None:
    """The course length in weeks from a duration ('8 weeks, ...', '14 days', 'up to 6 weeks'); None for
    long-term or unstated courses."""
    m = _COURSE.match(str(duration or ""))
    return float(m.group(1)) * _WEEKS[m.group(2).lower()] if m else None


def grade_above(ratio: float) -> str | None:
    return None if ratio <= 1 + 1e-9 else "contraindicated" if ratio >= 2 - 1e-9 else "major"


def grade_below(ratio: float) -> str | None:
    return None if ratio >= 1 - 1e-9 else "major" if ratio < 0.5 - 1e-9 else "moderate"


def grade_course(ratio: float) -> str | None:
    if ratio > 1 + 1e-9:
        return "major" if ratio >= 2 - 1e-9 else "moderate"
    if ratio < 1 - 1e-9:
        return "moderate" if ratio < 0.5 - 1e-9 else "minor"
    return None


def beers_for_course(drug: dict, duration: str | None, issue: Issue, pen: float = 0.0) -> tuple[Issue, float]:
    """A Beers criterion about use beyond N weeks does not apply to a course of N weeks or less: keep it as a
    reminder (minor, no penalty) instead of a moderate warning."""
    limit = drug.get("beers_beyond_weeks")
    weeks = course_weeks(duration)
    if issue.kind != "beers" or limit is None or weeks is None or weeks > limit + 1e-9:
        return issue, pen
    return Issue("minor", "beers", f"{issue.text}. This plan is a {weeks:g}-week course, within the criterion: "
                 f"review at the end and do not continue beyond {limit:g} weeks without an indication",
                 issue.source, issue.drugs), 0.0


def _components(kb: KnowledgeBase, drug_id: str, condition_id: str | None) -> list[tuple[dict, dict, dict]]:
    """(condition, option, component) for the drug: the plan's condition first, else every condition."""
    def of(conds):
        return [(c, o, comp) for c in conds for o in c["options"] for comp in o["components"] if comp["drug"] == drug_id]
    own = of([kb.conditions[condition_id]]) if condition_id in kb.conditions else []
    return own or of(kb.conditions.values())


def dose_limits(kb: KnowledgeBase, drug: dict, item: dict) -> list[Issue]:
    """The item's dose against the drug's label maximum (single dose and daily total), graded."""
    out: list[Issue] = []
    unit, name = item["unit"], item["drug"]
    if drug.get("max_dose"):
        sev = grade_above(item["dose"] / drug["max_dose"])
        if sev:
            out.append(Issue(sev, "dose", f"{name}: {calc.fmt(item['dose'])} {unit} is above the maximum single dose "
                             f"{calc.fmt(drug['max_dose'])} {unit}", drug["source"], [drug["id"]]))
    if drug.get("max_daily") and item["frequency"] not in ("once",) + NOT_COMPARED:
        total = item["dose"] * PER_DAY.get(item["frequency"], 1)
        sev = grade_above(total / drug["max_daily"])
        if sev:
            out.append(Issue(sev, "dose", f"{name}: {calc.fmt(total)} {unit}/day is above the label maximum "
                             f"{calc.fmt(drug['max_daily'])} {unit}/day", drug["source"], [drug["id"]]))
    return out


def under_range(kb: KnowledgeBase, p: Patient, crcl: float | None, egfr: float | None, drug: dict, item: dict,
                condition_id: str | None, pgx_factor: tuple[float, str] | None) -> list[Issue]:
    """The item's dose against the lowest the planner gives this patient for the drug (same frequency kind:
    a single dose against single doses, a regimen's daily total against regimens' daily totals)."""
    freq = item["frequency"]
    if freq in NOT_COMPARED:
        return []
    once = freq == "once"
    best = None  # (amount, option, condition, dose)
    for cond, opt, comp in _components(kb, drug["id"], condition_id):
        d = compute_dose(kb, comp, p, crcl, egfr, pgx_factor)
        if d.avoid or d.dose is None or d.frequency in NOT_COMPARED or (d.frequency == "once") != once:
            continue
        amount = d.dose if once else d.daily_total
        if best is None or amount < best[0]:
            best = (amount, opt, cond, d)
    if best is None:
        return []
    amount, opt, cond, d = best
    given = item["dose"] if once else item["dose"] * PER_DAY.get(freq, 1)
    sev = grade_below(given / amount)
    if not sev:
        return []
    per = "" if once else "/day"
    other = cond["id"] != condition_id  # the plan's condition has no dose for this drug: another indication's
    if other:
        sev = "minor"  # a different indication may rightly use less: a note, not a graded warning
    return [Issue(sev, "dose", f"{item['drug']}: {calc.fmt(given, 4)} {item['unit']}{per} is below the lowest dose "
                  f"the knowledge base gives this patient for it ({calc.fmt(amount, 4)} {item['unit']}{per}: "
                  f"{d.text()}, {cond['name']}" + ("; this plan's condition has no dose for it" if other else "")
                  + "); check that it is enough to work", opt["source"], [drug["id"]])]


def course_limits(kb: KnowledgeBase, drug: dict, item: dict, condition_id: str | None) -> list[Issue]:
    """The item's course length against the guideline course of the plan's condition for this drug."""
    weeks = course_weeks(item.get("duration"))
    if weeks is None or condition_id not in kb.conditions:
        return []
    courses = [(course_weeks(comp.get("duration")), _course_text(comp.get("duration")), opt)
               for opt in kb.conditions[condition_id]["options"] for comp in opt["components"]
               if comp["drug"] == drug["id"]]
    courses = [c for c in courses if c[0] is not None]
    if not courses:
        return []
    cond = kb.conditions[condition_id]["name"]
    given = _course_text(item["duration"])
    longest, shortest = max(courses, key=lambda c: c[0]), min(courses, key=lambda c: c[0])
    if weeks > longest[0] + 1e-9:
        return [Issue(grade_course(weeks / longest[0]), "duration", f"{item['drug']}: a course of {given} is longer "
                      f"than the guideline course for {cond} ({longest[1]}); review the need to continue",
                      longest[2]["source"], [drug["id"]])]
    if weeks < shortest[0] - 1e-9:
        return [Issue(grade_course(weeks / shortest[0]), "duration", f"{item['drug']}: a course of {given} is "
                      f"shorter than the guideline course for {cond} ({shortest[1]})", shortest[2]["source"],
                      [drug["id"]])]
    return []


def _course_text(duration: str | None) -> str:
    """'8 weeks' from '8 weeks, 30-60 minutes before breakfast'."""
    m = _COURSE.match(str(duration or ""))
    return m.group(0).strip() + ("s" if float(m.group(1)) != 1 and not m.group(0).strip().endswith("s") else "") \
        if m else str(duration or "")


def parse_duration(text: str) -> str:
    """A clinician's course, kept as 'N days', 'N weeks' or 'N months' only (ValueError otherwise): nothing
    else typed after it is stored or shown."""
    weeks = course_weeks(" ".join(str(text).split()))
    if weeks is None or not weeks > 0:
        raise ValueError(f"duration {str(text)[:40]!r}: give it as a number of days, weeks or months (e.g. '5 days')")
    return _course_text(" ".join(str(text).split()))
