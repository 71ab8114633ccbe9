"""The patient profile the planner works on, and validation of what the user typed.

Impossible values are refused with the valid range (nothing is guessed); implausible but
possible values are accepted with a warning. Units are explicit: a weight comes with kg or
lb, a creatinine with mg/dL or µmol/L, and is converted once here.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from medcore.errors import DomainError
from medcore.therapy import calculators as calc
from medcore.therapy.allergy_text import split_allergy

# (valid_min, valid_max, plausible_min, plausible_max) in internal units
RANGES = {
    "age": (0, 120, 0, 105, "years"),
    "weight_kg": (0.5, 350, 2.0, 250, "kg"),
    "height_cm": (30, 250, 45, 215, "cm"),
    "scr_mg_dl": (0.1, 25, 0.3, 10, "mg/dL"),
    "egfr": (1, 200, 5, 150, "mL/min/1.73 m²"),
}
FIELD_LABELS = {"age": "Age", "weight_kg": "Weight", "height_cm": "Height", "scr_mg_dl": "Serum creatinine",
                "egfr": "eGFR"}
CHILD_PUGH = ("A", "B", "C")


class ProfileError(DomainError):
    """Input that cannot be used; `problems` lists every field with what is allowed."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Allergy:
    substance: str
    reaction: str = ""


@dataclass
class Patient:
    age: float
    sex: str
    weight_kg: float | None = None
    height_cm: float | None = None
    pregnant: bool = False
    lactating: bool = False
    scr_mg_dl: float | None = None
    egfr: float | None = None
    child_pugh: str | None = None
    allergies: list[Allergy] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    medications: list[str] = field(default_factory=list)
    genotypes: dict[str, str] = field(default_factory=dict)
    weight_rule: str = "auto"
    # medicines stopped recently, each with when ("rifampin stopped 5 days ago"): an inducer's interactions
    # outlast it (rules with `persists` in interactions.yaml)
    stopped_medications: list[str] = field(default_factory=list)
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _num(data: dict, key: str, problems: list[str]) -> float | None:
    v = data.get(key)
    if v is None or v == "":
        return None
    if isinstance(v, bool):  # JSON true/false is not a number (float(True) would read as 1)
        problems.append(f"{key}: {str(v).lower()} is a yes/no value, not a number")
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        problems.append(f"{key}: {v!r} is not a number")
        return None


def check_range(field_name: str, value: float | None, problems: list[str], warnings: list[str],
                shown: str | None = None) -> None:
    if value is None:
        return
    lo, hi, plo, phi, unit = RANGES[field_name]
    label = FIELD_LABELS[field_name]
    shown = shown or f"{calc.fmt(value)} {unit}"
    if not (lo <= value <= hi) or (field_name != "age" and value <= 0):
        problems.append(f"{label} {shown} is impossible: valid range is {calc.fmt(lo)}-{calc.fmt(hi)} {unit}")
    elif not (plo <= value <= phi):
        warnings.append(f"{label} {shown} is unusual (typical {calc.fmt(plo)}-{calc.fmt(phi)} {unit}); "
                        "accepted, please double-check")


def parse_patient(data: dict[str, Any]) -> tuple[Patient, list[str]]:
    """Build a Patient from a dict (form, JSON file, hand-off). Returns (patient, warnings);
    raises ProfileError listing every impossible or missing value."""
    if not isinstance(data, dict):
        raise ProfileError(["patient must be a JSON object"])
    problems: list[str] = []
    warnings: list[str] = []
    age = _num(data, "age", problems)
    if age is None and not isinstance(data.get("age"), bool) and not any(p.startswith("age:") for p in problems):
        # the form leaves out an empty Age box; "null" is what a JSON file says, and only there is it worth naming
        problems.append("age is required (years)" + (": null is not an age" if "age" in data and data["age"] is None
                                                      else ""))
    sex = str(data.get("sex") or data.get("gender") or "").strip().lower()
    sex = {"f": "female", "m": "male", "woman": "female", "man": "male"}.get(sex, sex)
    if sex not in ("female", "male"):
        problems.append("sex is required: female or male (dosing equations are sex-specific)")

    weight = _num(data, "weight_kg", problems)
    shown_w = None
    if weight is None and data.get("weight") not in (None, ""):
        w = _num(data, "weight", problems)
        unit = str(data.get("weight_unit") or "").strip()
        if w is not None:
            if not unit:
                problems.append("weight_unit is required with weight: kg or lb")
            else:
                try:
                    weight = calc.weight_to_kg(w, unit)
                    shown_w = f"{calc.fmt(w)} {unit}"
                except ValueError as exc:
                    problems.append(str(exc))
    height = _num(data, "height_cm", problems)
    if height is None and data.get("height") not in (None, ""):
        h = _num(data, "height", problems)
        unit = str(data.get("height_unit") or "").strip()
        if h is not None:
            if not unit:
                problems.append("height_unit is required with height: cm or in")
            else:
                try:
                    height = calc.height_to_cm(h, unit)
                except ValueError as exc:
                    problems.append(str(exc))
    scr = _num(data, "scr_mg_dl", problems)
    shown_scr = None
    if scr is None and data.get("scr") not in (None, ""):
        s = _num(data, "scr", problems)
        unit = str(data.get("scr_unit") or "").strip()
        if s is not None:
            if not unit:
                problems.append("scr_unit is required with scr: mg/dL or µmol/L")
            else:
                try:
                    scr = calc.scr_to_mgdl(s, unit)
                    shown_scr = f"{calc.fmt(s)} {unit}"
                except ValueError as exc:
                    problems.append(str(exc))
    egfr = _num(data, "egfr", problems)

    check_range("age", age, problems, warnings, f"{calc.fmt(age)} years" if age is not None else None)
    check_range("weight_kg", weight, problems, warnings, shown_w)
    check_range("height_cm", height, problems, warnings)
    check_range("scr_mg_dl", scr, problems, warnings, shown_scr)
    check_range("egfr", egfr, problems, warnings)

    cp = data.get("child_pugh")
    cp = str(cp).strip().upper() if cp not in (None, "", "none", "None") else None
    if cp is not None and cp not in CHILD_PUGH:
        problems.append(f"child_pugh {cp!r}: use A, B, C or leave empty")

    pregnant = _bool(data.get("pregnant"))
    lactating = _bool(data.get("lactating") or data.get("breastfeeding"))
    if sex == "male" and (pregnant or lactating):
        problems.append("pregnant/lactating is set for a male patient")
    if pregnant and age is not None and not (9 <= age <= 60):
        warnings.append(f"pregnancy at age {calc.fmt(age)} is unusual; please double-check")

    allergies = []
    for a in as_list(data, "allergies", problems):
        if isinstance(a, str):
            if a.strip():  # "penicillin (hives)", "penicillin - hives", "PCN: rash", "allergic to amoxil"
                allergies.append(Allergy(*split_allergy(a)))
        elif isinstance(a, dict) and str(a.get("substance") or "").strip():
            substance, reaction = str(a["substance"]).strip(), str(a.get("reaction") or "").strip()
            if not reaction:  # {"substance": "penicillin - hives"}: the reaction typed into the substance
                substance, reaction = split_allergy(substance)
            allergies.append(Allergy(substance, reaction))
        elif a:
            problems.append(f"allergy {a!r}: give a substance name (and optionally a reaction)")
    conditions = [_text(c, "conditions", problems) for c in as_list(data, "conditions", problems)]
    conditions = [c for c in conditions if c]
    meds = [_text(m, "medications", problems) for m in as_list(data, "medications", problems)]
    meds = [m for m in meds if m]
    stopped = [_text(m, "stopped_medications", problems) for m in as_list(data, "stopped_medications", problems)]
    stopped = [m for m in stopped if m]
    for m in stopped:
        if stopped_days_ago(m) is None:
            problems.append(f"stopped_medications: {m!r}: say when it was stopped, e.g. 'rifampin stopped 5 days ago' "
                            "or an object with stopped_days_ago")
    raw_geno = data.get("genotypes") or {}
    if not isinstance(raw_geno, dict):
        problems.append("genotypes: give an object of gene to phenotype or diplotype, e.g. {\"CYP2D6\": \"*1/*4\"}")
        raw_geno = {}
    genotypes = {str(k).strip(): str(v).strip() for k, v in raw_geno.items()
                 if str(k).strip() and isinstance(v, (str, int, float)) and str(v).strip()}
    rule = str(data.get("weight_rule") or "auto")
    if rule not in calc.WEIGHT_RULES:
        problems.append(f"weight_rule {rule!r}: choose one of {', '.join(calc.WEIGHT_RULES)}")
    if problems:
        raise ProfileError(problems)
    return Patient(age=age, sex=sex, weight_kg=_r(weight), height_cm=_r(height), pregnant=pregnant,
                   lactating=lactating, scr_mg_dl=_r(scr, 3), egfr=egfr, child_pugh=cp, allergies=allergies,
                   conditions=conditions, medications=meds, genotypes=genotypes, weight_rule=rule,
                   stopped_medications=stopped,
                   label=str(data.get("label") or "")), warnings


_SEPARATORS = "\n;,"


def split_items(text: str) -> list[str]:
    """One item per line, semicolon or comma, but not a comma inside brackets ("amoxicillin (rash, hives)"). One
    left-to-right pass that counts bracket depth: the look-ahead regex this replaces rescanned the rest of the text
    at every comma (quadratic on a long comma list)."""
    items, cur, depth = [], [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in _SEPARATORS and not (ch == "," and depth):
            items.append("".join(cur))
            cur = []
            if ch != ",":
                depth = 0  # a line or semicolon always ends an item, even after an unclosed bracket
            continue
        cur.append(ch)
    items.append("".join(cur))
    return [x.strip() for x in items if x.strip()]
# "penicillin (hives)": the same groups as r"^\s*([^()]+?)\s*\(([^()]*)\)\s*$", read once: the name ends at a
# non-blank (or is the one blank before "(" when there is nothing else), so a long run of blanks is not retried
# from each of its positions (that was cubic)
_NAME_KEYS = ("name", "text", "drug", "medication", "substance", "condition")


MAX_ITEMS = 200  # entries of one list: far above any real medicines list; 30,000 pasted lines took 30 s to check


def as_list(data: dict, key: str, problems: list[str]) -> list:
    """A list field given as a list, a string ("penicillin", "warfarin; aspirin") or one object is normalised to a
    list: a string is split into items, never into letters; anything else is refused with a message, and so is a
    list longer than MAX_ITEMS (a paste gone wrong, refused in words rather than checked for half a minute)."""
    v = data.get(key)
    if v is None or v == "":
        return []
    if isinstance(v, str):
        v = split_items(v)
    if isinstance(v, list):
        if len(v) > MAX_ITEMS:
            problems.append(f"{key}: {len(v):,} entries, more than the {MAX_ITEMS} one profile may hold; list each "
                            "one once")
            return []
        return v
    if isinstance(v, dict):
        return [v]
    problems.append(f"{key}: give a list (or one text) of items, not {type(v).__name__} {v!r}")
    return []


def _text(item: Any, key: str, problems: list[str]) -> str:
    """One medication or condition: a string, or an object whose name field is taken (with dose and frequency
    for a medication)."""
    if isinstance(item, str):
        return item.strip()
    if isinstance(item, dict):
        name = next((str(item[k]).strip() for k in _NAME_KEYS if isinstance(item.get(k), str) and item[k].strip()), "")
        if name:
            extra = [str(item[k]).strip() for k in ("dose", "unit", "frequency") if item.get(k) not in (None, "")]
            course = str(item.get("duration") or "").strip()
            if course:  # read by the duration-dependent interaction rules (course.course_days)
                extra.append(f"for {course}" if course[0].isdigit() else course)
            if item.get("stopped_days_ago") not in (None, "") and not isinstance(item["stopped_days_ago"], bool):
                extra.append(f"stopped {item['stopped_days_ago']} days ago")
            return " ".join([name] + extra)
    problems.append(f"{key}: item {item!r} has no name; give text or an object with a name")
    return ""


_AGO = re.compile(r"\b(\d+(?:\.\d+)?)\s*(day|week|month)s?\s+ago\b", re.I)
UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 365 / 12}


def stopped_days_ago(text: str) -> float | None:
    """Days since a medicine was stopped, from '... stopped 5 days ago' / '2 weeks ago'."""
    m = _AGO.search(str(text))
    return float(m.group(1)) * UNIT_DAYS[m.group(2).lower()] if m else None


_STOP_TIME = re.compile(r"\b(?:(?:stopped|discontinued|ended)\s+)?\d+(?:\.\d+)?\s*(?:day|week|month)s?\s+ago\b\)?",
                        re.I)


def without_stop_time(text: str) -> str:
    """The medicine of a stopped-medicine entry, without its 'stopped 5 days ago'."""
    return _STOP_TIME.sub("", str(text)).strip(" ,;(")


def _r(v: float | None, nd: int = 2) -> float | None:
    return None if v is None else round(v, nd)


def _bool(v: Any) -> bool:
    if isinstance(v, str):
        return v.strip().lower() in ("1", "true", "yes", "y", "on")
    return bool(v)


@dataclass
class RenalHepatic:
    crcl: float | None
    egfr: float | None
    calcs: list[calc.CalcResult]
    notes: list[str]


def organ_function(p: Patient) -> RenalHepatic:
    """CrCl (Cockcroft-Gault) and eGFR (CKD-EPI 2021) where the inputs allow, plus body size."""
    calcs: list[calc.CalcResult] = []
    notes: list[str] = []
    crcl = None
    egfr = p.egfr
    if p.weight_kg and p.height_cm:
        calcs.append(calc.bmi(p.weight_kg, p.height_cm))
        calcs.append(calc.bsa_mosteller(p.weight_kg, p.height_cm))
        calcs.append(calc.ibw_devine(p.sex, p.height_cm))
    if p.scr_mg_dl:
        if p.age >= 18:
            e = calc.egfr_ckd_epi_2021(p.age, p.sex, p.scr_mg_dl)
            calcs.append(e)
            if egfr is None:
                egfr = e.value
        if p.weight_kg and p.age >= 18:
            c = calc.crcl_cockcroft_gault(p.age, p.sex, p.weight_kg, p.scr_mg_dl, p.height_cm, p.weight_rule)
            calcs.append(c)
            crcl = c.value
        elif p.age < 18:
            notes.append("Cockcroft-Gault and CKD-EPI are for adults; renal bands not applied from creatinine.")
    elif egfr is None:
        notes.append("No creatinine or eGFR: renal dose adjustments cannot be checked.")
    return RenalHepatic(crcl, egfr, calcs, notes)
