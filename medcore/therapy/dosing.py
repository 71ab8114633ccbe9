"""Dose for one component of an option, for one patient, with every step of arithmetic kept.

Order: base dose (adult fixed, adult per-kg, or paediatric per-kg) -> the option's dose rules
(e.g. apixaban's age/weight/creatinine criteria) -> renal band -> hepatic class -> PGx dose
factor -> caps (single dose, daily total, mg/kg/day). Every change is written to `steps`
with its source, so the clinician sees how the number was made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medcore.therapy import calculators as calc
from medcore.therapy.issues import Issue
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.profile import Patient

PER_DAY = {"once": 1, "daily": 1, "qhs": 1, "BID": 2, "TID": 3, "QID": 4, "5x_daily": 5, "q4h": 6, "q6h": 4,
           "q8h": 3, "q12h": 2, "q18h": 24 / 18, "q24h": 1, "q48h": 0.5, "q72h": 1 / 3, "weekly": 1 / 7,
           "q6months": 1 / 182, "yearly": 1 / 365, "every_other_day": 0.5, "titrate": 1, "PRN": 1}
FREQ_TEXT = {"once": "once (single dose)", "daily": "once daily", "qhs": "at bedtime", "BID": "twice daily",
             "TID": "three times daily", "QID": "four times daily", "5x_daily": "five times daily",
             "q4h": "every 4 hours", "q6h": "every 6 hours", "q8h": "every 8 hours", "q12h": "every 12 hours",
             "q18h": "every 18 hours", "q24h": "every 24 hours", "q48h": "every 48 hours", "q72h": "every 72 hours",
             "weekly": "once weekly", "q6months": "every 6 months", "yearly": "once yearly",
             "every_other_day": "every other day", "titrate": "as titrated", "PRN": "as needed"}
MIN_ADULT_DOSE_AGE = 12  # below this a child needs a paediatric (mg/kg) dose from the KB


@dataclass
class DoseResult:
    drug_id: str
    drug: str
    dose: float | None
    unit: str
    frequency: str
    route: str = ""
    duration: str = ""
    dose_label: str = ""
    steps: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    avoid: bool = False
    avoid_reason: str = ""
    max_per_day: int | None = None
    edited: bool = False

    @property
    def per_day(self) -> float:
        if self.frequency == "PRN":
            return float(self.max_per_day or 1)
        return PER_DAY.get(self.frequency, 1)

    @property
    def daily_total(self) -> float | None:
        return None if self.dose is None else round(self.dose * self.per_day, 4)

    @property
    def frequency_text(self) -> str:
        t = FREQ_TEXT.get(self.frequency, self.frequency)
        if self.frequency == "PRN" and self.max_per_day:
            t += f" (maximum {self.max_per_day} doses/day)"
        return t

    def text(self) -> str:
        if self.dose is None:
            return f"{self.drug}: no dose (see warnings)"
        amount = f"{calc.fmt(self.dose, 4)} {self.unit}"
        if self.dose_label and not self.edited:
            amount += f" ({self.dose_label})"
        parts = [f"{self.drug} {amount} {self.frequency_text}"]
        if self.route:
            parts.append(self.route)
        if self.duration:
            parts.append(self.duration)
        return ", ".join(parts)


def patient_vars(p: Patient, crcl: float | None, egfr: float | None) -> dict[str, float | None]:
    bmi = None
    if p.weight_kg and p.height_cm:
        bmi = p.weight_kg / (p.height_cm / 100) ** 2
    return {"age": p.age, "weight": p.weight_kg, "scr": p.scr_mg_dl, "crcl": crcl, "egfr": egfr,
            "height": p.height_cm, "bmi": bmi}


_COND = re.compile(r"^([a-z_]+) *(<=|>=|<|>|==) *([0-9.]+)$")


def eval_condition(expr: str, env: dict[str, float | None]) -> bool | None:
    """True/False, or None when the patient value is unknown."""
    m = _COND.match(expr.strip())
    if not m:
        raise ValueError(f"bad dose-rule condition {expr!r}")
    name, op, value = m.group(1), m.group(2), float(m.group(3))
    v = env.get(name)
    if v is None:
        return None
    return {"<=": v <= value, ">=": v >= value, "<": v < value, ">": v > value, "==": v == value}[op]


def renal_band(drug: dict, crcl: float | None, egfr: float | None) -> tuple[dict | None, str, float | None]:
    """The most specific band that applies (lowest threshold above the patient's value)."""
    best, basis, value = None, "", None
    for band in drug.get("renal", []):
        v, used = kidney_value(band.get("by", "crcl"), crcl, egfr)
        if v is None:
            continue
        if v < band["below"] and (best is None or band["below"] < best["below"]):
            best, basis, value = band, used, v
    return best, basis, value


def kidney_value(by: str, crcl: float | None, egfr: float | None) -> tuple[float | None, str]:
    """(value, "crcl" or "egfr"): the kidney estimate a limit written against `by` reads; with that one missing, the
    other one rather than skip the check (one home: the renal dose bands and the interaction rules' kidney
    contexts, PatientContext.rule_crcl)."""
    v = crcl if by == "crcl" else egfr
    if v is not None:
        return v, by
    return (egfr, "egfr") if by == "crcl" else (crcl, "crcl")


def renal_where(band: dict, basis: str, value: float, egfr_basis: str = "") -> str:
    """'CrCl 25 < 30', the comparison a renal band (or an interaction rule's kidney context, {"below": n}) fired on
    (one home: the planner's steps and warnings and the medication review's). An estimate standing in for the one
    the limit is written in (kidney_value's fallback) and an eGFR not measured (the top of a stated CKD stage's
    range) say so."""
    label = "CrCl" if basis == "crcl" else "eGFR"
    by = band.get("by", "crcl")
    stood = f", {label} in place of {'CrCl' if by == 'crcl' else 'eGFR'}" if basis != by else ""
    note = f"; {egfr_basis}" if basis == "egfr" and egfr_basis else ""
    return f"{label} {calc.fmt(value, 1)} < {calc.fmt(band['below'])}{stood}{note}"


def renal_max_daily(drug: dict, band: dict | None) -> float | None:
    """The kidney maximum daily dose a renal band sets (one home: the planner's caps, the titration text and the
    clinician-override check all use it). An explicit `max_daily`; else a band that fixes the regimen (dose and
    frequency, not marked `start`: a starting dose the label titrates above) allows that dose at that interval;
    else a `dose_factor` band allows that fraction of the label's maximum daily dose. None: the band sets no
    daily maximum (an interval-only band, or a starting dose with no stated maximum)."""
    if not band or band.get("action") != "adjust":
        return None
    if band.get("max_daily"):
        return float(band["max_daily"])
    if band.get("start"):
        return None
    if "dose" in band and "frequency" in band:
        return round(float(band["dose"]) * PER_DAY[band["frequency"]], 4)
    if "dose_factor" in band and drug.get("max_daily"):
        return round(float(drug["max_daily"]) * band["dose_factor"], 4)
    return None


def compute_dose(kb: KnowledgeBase, comp: dict, p: Patient, crcl: float | None, egfr: float | None,
                 pgx_factor: tuple[float, str] | None = None, egfr_basis: str = "") -> DoseResult:
    drug = kb.drugs[comp["drug"]]
    unit = drug["unit"]
    name = kb.drug_name(drug["id"])
    res = DoseResult(drug["id"], name, None, unit, comp["frequency"], comp.get("route", ""), comp.get("duration", ""),
                     comp.get("dose_label", ""), max_per_day=comp.get("max_per_day"))
    src = drug["source"]
    strengths = drug.get("strengths")

    # 1. base dose
    peds = comp.get("peds")
    if p.age < 18 and peds:
        if not p.weight_kg:
            res.avoid, res.avoid_reason = True, "weight is needed for the paediatric mg/kg dose"
            return res
        w = calc.weight_based_dose(peds["per_kg"], p.weight_kg, unit, max_dose=peds.get("max_dose"),
                                   step=peds.get("round_to"), strengths=None if peds.get("round_to") else strengths)
        res.dose, res.frequency = w.value, peds["frequency"]
        res.dose_label = ""
        res.steps.append(f"Paediatric dose (age {calc.fmt(p.age)} y): " + "; ".join(w.steps))
    elif comp.get("per_kg"):
        if not p.weight_kg:
            res.avoid, res.avoid_reason = True, "weight is needed for this weight-based dose"
            return res
        w = calc.weight_based_dose(comp["dose"], p.weight_kg, unit, max_dose=comp.get("max_dose"),
                                   step=comp.get("round_to"), strengths=None if comp.get("round_to") else strengths)
        res.dose = w.value
        res.steps.append("Weight-based: " + "; ".join(w.steps))
    else:
        res.dose = float(comp["dose"])
        res.steps.append(f"Standard adult dose: {calc.fmt(res.dose, 4)} {unit} {FREQ_TEXT.get(res.frequency, res.frequency)}")
        if MIN_ADULT_DOSE_AGE <= p.age < 18:
            res.issues.append(Issue("moderate", "age", f"{name}: adult dose used for a {calc.fmt(p.age)}-year-old; "
                                    "confirm adolescent dosing", src, [drug["id"]]))

    # 2. the option's dose rules (criteria-based adjustments, including weight-band doses for children)
    env = patient_vars(p, crcl, egfr)
    rule_fired = False
    for rule in comp.get("dose_rules", []):
        results = [eval_condition(c, env) for c in rule["when"]]
        need = rule.get("min_count", len(rule["when"]))
        met = sum(1 for r in results if r)
        unknown = sum(1 for r in results if r is None)
        if met >= need:
            if rule.get("avoid"):
                res.avoid, res.avoid_reason = True, rule["note"]
                res.steps.append(f"Rule met ({', '.join(rule['when'])}): avoid. {rule['note']}")
                return res
            rule_fired = True
            if "dose" in rule:
                res.dose = float(rule["dose"])
            if "frequency" in rule:
                res.frequency = rule["frequency"]
            res.dose_label = ""
            res.steps.append(f"Dose rule met ({met} of {', '.join(rule['when'])}): {rule['note']} → "
                             f"{calc.fmt(res.dose, 4)} {unit}")
        elif met + unknown >= need and unknown:
            missing = sorted({m.group(1) for c in rule["when"] if (m := _COND.match(c)) and env.get(m.group(1)) is None})
            res.issues.append(Issue("major", "dose", f"{name}: cannot check dose rule '{rule['note']}' "
                                    f"(missing {', '.join(missing)})", src, [drug["id"]]))

    if p.age < MIN_ADULT_DOSE_AGE and not peds and not comp.get("per_kg") and not rule_fired:
        res.avoid, res.avoid_reason = True, (f"no paediatric dose for {name} in this option "
                                             f"(age {calc.fmt(p.age)} y); needs specialist dosing")
        return res

    # 3. renal
    band, basis, value = renal_band(drug, crcl, egfr)
    band_max_daily = None
    if band:
        bsrc = band.get("source", src)
        head = f"Renal ({renal_where(band, basis, value, egfr_basis)})"
        if band["action"] == "avoid":
            res.avoid, res.avoid_reason = True, f"{head}: {band.get('note', 'avoid')} [{bsrc}]"
            res.steps.append(f"{head}: avoid. {band.get('note', '')}")
            return res
        if band["action"] == "adjust":
            before = res.dose
            if "dose_factor" in band:
                raw = res.dose * band["dose_factor"]
                res.dose, how = calc.round_dose(raw, strengths=strengths)
                res.steps.append(f"{head}: {calc.fmt(before, 4)} × {band['dose_factor']} = {calc.fmt(raw, 4)} {unit}; "
                                 f"{how} → {calc.fmt(res.dose, 4)} {unit}. {band.get('note', '')} [{bsrc}]")
                res.dose_label = ""
            if "dose" in band and "frequency" in band:
                res.dose, res.frequency = float(band["dose"]), band["frequency"]
            elif "dose" in band:
                res.dose = min(res.dose, float(band["dose"]))
            elif "frequency" in band:
                res.frequency = band["frequency"]
            if "dose" in band or "frequency" in band:
                res.dose_label = ""
                res.steps.append(f"{head}: {calc.fmt(res.dose, 4)} {unit} {FREQ_TEXT.get(res.frequency, res.frequency)}"
                                 f" (was {calc.fmt(before, 4)} {unit}). {band.get('note', '')} [{bsrc}]")
            band_max_daily = renal_max_daily(drug, band)
            if not any(k in band for k in ("dose", "frequency", "dose_factor", "max_daily")):
                res.issues.append(Issue("major", "renal", f"{name}: {head}: {band.get('note', 'adjust dose')}",
                                        bsrc, [drug["id"]]))
        else:
            res.issues.append(Issue("moderate", "renal", f"{name}: {head}: {band.get('note', 'use with caution')}",
                                    bsrc, [drug["id"]]))
    elif drug.get("renal") and crcl is None and egfr is None:
        res.issues.append(Issue("moderate" if p.age >= 18 else "minor", "renal",
                                f"{name}: renal function unknown; this drug needs renal dose checking", src, [drug["id"]]))

    # 4. hepatic
    hep = drug.get("hepatic") or {}
    hep_max_daily = None
    if p.child_pugh in ("B", "C") and hep.get(p.child_pugh):
        action = hep[p.child_pugh]
        hsrc = hep.get("source", src)
        head = f"Hepatic (Child-Pugh {p.child_pugh})"
        if action == "avoid":
            res.avoid, res.avoid_reason = True, f"{head}: {hep.get('note', 'avoid')} [{hsrc}]"
            res.steps.append(f"{head}: avoid. {hep.get('note', '')}")
            return res
        if action == "adjust":
            if "dose" in hep:
                before = res.dose
                res.dose = min(res.dose, float(hep["dose"]))
                res.steps.append(f"{head}: {calc.fmt(res.dose, 4)} {unit} (was {calc.fmt(before, 4)}). {hep.get('note', '')}")
            hep_max_daily = hep.get("max_daily")
            if "dose" not in hep and "max_daily" not in hep:
                res.issues.append(Issue("major", "hepatic", f"{name}: {head}: {hep.get('note', 'adjust dose')}",
                                        hsrc, [drug["id"]]))
        else:
            res.issues.append(Issue("moderate", "hepatic", f"{name}: {head}: {hep.get('note', 'use with caution')}",
                                    hsrc, [drug["id"]]))

    # 5. pharmacogenomics
    if pgx_factor:
        factor, why = pgx_factor
        before = res.dose
        raw = res.dose * factor
        res.dose, how = calc.round_dose(raw, strengths=strengths)
        res.dose_label = ""
        res.steps.append(f"Pharmacogenomics: {calc.fmt(before, 4)} × {factor} = {calc.fmt(raw, 4)} {unit}; {how} → "
                         f"{calc.fmt(res.dose, 4)} {unit} ({why})")

    # 6. caps
    caps = [("drug maximum single dose", drug.get("max_dose"))]
    for label, cap in caps:
        if cap and res.dose > cap + 1e-9:
            res.steps.append(f"Capped at {label} {calc.fmt(cap, 4)} {unit} (was {calc.fmt(res.dose, 4)}) [{src}]")
            res.dose = float(cap)
    max_daily_caps = [("label maximum daily dose", drug.get("max_daily"), src),
                      ("renal maximum daily dose", band_max_daily, band.get("source", src) if band else src),
                      ("hepatic maximum daily dose", hep_max_daily, hep.get("source", src))]
    if drug.get("max_mg_per_kg_day") and p.weight_kg:
        cap = drug["max_mg_per_kg_day"] * p.weight_kg
        max_daily_caps.append((f"maximum {calc.fmt(drug['max_mg_per_kg_day'])} {unit}/kg/day × "
                               f"{calc.fmt(p.weight_kg, 1)} kg", cap, src))
    cap_titration(res, [(label, cap, csrc) for label, cap, csrc in max_daily_caps if cap])
    for label, cap, csrc in max_daily_caps:
        if not cap or res.frequency in ("once",):
            continue
        total = res.dose * res.per_day
        if total > cap + 1e-9:
            raw = cap / res.per_day
            new, how = calc.round_dose(raw, strengths=strengths, cap=raw)
            res.steps.append(f"Daily total {calc.fmt(res.dose, 4)} × {calc.fmt(res.per_day, 3)} = {calc.fmt(total, 4)} "
                             f"{unit} exceeds the {label} ({calc.fmt(cap, 4)} {unit}); {calc.fmt(cap, 4)} / "
                             f"{calc.fmt(res.per_day, 3)} = {calc.fmt(raw, 4)} {unit} per dose; {how} → {calc.fmt(new, 4)} "
                             f"{unit} [{csrc}]")
            res.dose = new
            res.dose_label = ""
    if res.frequency not in ("once",) and res.dose is not None and res.per_day != 1:
        res.steps.append(f"Daily total: {calc.fmt(res.dose, 4)} {unit} × {calc.fmt(res.per_day, 3)} = "
                         f"{calc.fmt(res.daily_total, 4)} {unit}/day"
                         + (f" (label maximum {calc.fmt(drug['max_daily'], 4)} {unit}/day)" if drug.get('max_daily') else ""))
    return res


# A titration target in a guideline's duration text ("titrate to 150 mg twice daily", "1800-3600 mg/day"):
# the highest amount and how often it is taken, so it can be compared with a daily cap.
# ("(?<!\d)": an amount starts where its digits start; from every digit it rescanned a long run. A combination's
# "97/103 mg" is the first ingredient's amount, the one its doses are written in: the "/103" is skipped, not read
# as 103 mg)
_AMOUNT = re.compile(r"(?<![\d/])(\d+(?:\.\d+)?)(?:/\d+(?:\.\d+)?)?(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(mg|mcg|g|units?)\b(?!\s*/\s*(?:dl|l|kg|ml|m2)\b)\s*"
                     r"(/\s*day|per day|a day|daily|once daily|twice daily|twice a day|three times daily|"
                     r"four times daily|three times a day|four times a day|bid|tid|qid|at night|/\s*week|weekly)?", re.I)
_TIMES = {"twice daily": 2, "twice a day": 2, "three times daily": 3, "four times daily": 4, "three times a day": 3,
          "four times a day": 4, "bid": 2, "tid": 3, "qid": 4}


def titration_daily_max(text: str, unit: str, per_day: float) -> float | None:
    """The highest daily amount a titration clause names, in the drug's unit (None when it names none, or
    names a weekly amount or another unit)."""
    best = None
    for m in _AMOUNT.finditer(text):
        if m.group(3).lower().rstrip("s") != unit.lower().rstrip("s"):
            continue
        how = (m.group(4) or "").lower().replace(" ", "")
        if "week" in how:
            continue
        value = float(m.group(2) or m.group(1))
        mult = next((v for k, v in _TIMES.items() if k.replace(" ", "") == how), None)
        daily = value * (mult if mult else 1 if how else per_day)
        best = daily if best is None else max(best, daily)
    return best


def cap_titration(res: DoseResult, caps: list[tuple[str, float, str]]) -> None:
    """The duration text must never suggest a dose past a cap that applies to this patient (the kidney or liver
    maximum, or the label maximum): a titration clause ("titrate to 150 mg twice daily") or a step of a written
    schedule ("..., then 1 mg twice daily for 12 weeks") naming more per day is rewritten to stop at the lowest cap."""
    if not res.duration or not caps or res.dose is None:
        return
    label, cap, src = min(caps, key=lambda c: c[1])
    out = []
    for clause in (c.strip() for c in res.duration.split(";")):
        if "titrat" in clause.lower():
            out.append(_capped(res, clause, label, cap, src, f"titrate only up to the {label} of "
                                                               f"{calc.fmt(cap, 4)} {res.unit}/day"))
            continue
        steps = []
        for step in (s.strip() for s in clause.split(",")):
            if not step.lower().startswith("then "):  # a loading dose or another drug's amount is not a step
                steps.append(step)
                continue
            course = _COURSE.search(step)
            steps.append(_capped(res, step, label, cap, src, f"then no more than the {label} of "
                                 f"{calc.fmt(cap, 4)} {res.unit}/day" + (f" {course.group(0)}" if course else "")))
        out.append(", ".join(steps))
    res.duration = "; ".join(out)


_COURSE = re.compile(r"\bfor (?:at least )?\d+(?:-\d+)? (?:days?|weeks?|months?)\b.*$", re.I)


def _capped(res: DoseResult, text: str, label: str, cap: float, src: str, new: str) -> str:
    target = titration_daily_max(text, res.unit, res.per_day)
    if target is None or target <= cap + 1e-9:
        return text
    res.steps.append(f"Dose text '{text}' ({calc.fmt(target, 4)} {res.unit}/day) exceeds the {label} "
                     f"({calc.fmt(cap, 4)} {res.unit}/day): shown as '{new}' [{src}]")
    return new
