"""Clinical calculators. Each returns a `CalcResult` carrying the formula, the inputs with
their units and the arithmetic, so the UI and the printed plan can show how a number was made.

Units inside the package: kg, cm, years, serum creatinine in mg/dL. Conversions at the edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

SCR_MGDL_TO_UMOLL = 88.42
LB_TO_KG = 0.45359237
IN_TO_CM = 2.54


@dataclass
class CalcResult:
    name: str
    value: float
    unit: str
    formula: str
    inputs: dict[str, str]
    steps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: str = ""

    def summary(self) -> str:
        return f"{self.name}: {fmt(self.value)} {self.unit}"


def fmt(x: float, digits: int = 2) -> str:
    """Short human number: 1.5, 70, 0.125 (no trailing zeros)."""
    if x is None:
        return "-"
    s = f"{x:.{digits}f}".rstrip("0").rstrip(".") if not float(x).is_integer() else str(int(x))
    return s if s not in ("", "-0") else "0"


# ---- unit conversions ---------------------------------------------------------
def scr_to_mgdl(value: float, unit: str) -> float:
    u = unit.replace("µ", "u").replace("μ", "u").lower().replace(" ", "")
    if u in ("mg/dl", "mgdl"):
        return value
    if u in ("umol/l", "umoll", "micromol/l"):
        return value / SCR_MGDL_TO_UMOLL
    raise ValueError(f"creatinine unit {unit!r}: use mg/dL or µmol/L")


def scr_to_umoll(mgdl: float) -> float:
    return mgdl * SCR_MGDL_TO_UMOLL


def weight_to_kg(value: float, unit: str) -> float:
    u = unit.lower().strip()
    if u in ("kg", "kgs", "kilogram", "kilograms"):
        return value
    if u in ("lb", "lbs", "pound", "pounds"):
        return value * LB_TO_KG
    raise ValueError(f"weight unit {unit!r}: use kg or lb")


def height_to_cm(value: float, unit: str) -> float:
    u = unit.lower().strip()
    if u in ("cm", "centimetre", "centimeter"):
        return value
    if u in ("in", "inch", "inches"):
        return value * IN_TO_CM
    if u in ("m", "metre", "meter"):
        return value * 100
    raise ValueError(f"height unit {unit!r}: use cm or in")


# ---- body size ------------------------------------------------------------------
def bmi(weight_kg: float, height_cm: float) -> CalcResult:
    m = height_cm / 100
    v = weight_kg / (m * m)
    return CalcResult("BMI", round(v, 1), "kg/m²", "BMI = weight (kg) / height (m)²",
                      {"weight": f"{fmt(weight_kg)} kg", "height": f"{fmt(height_cm)} cm"},
                      [f"{fmt(weight_kg)} / ({fmt(m, 3)})² = {fmt(v, 1)} kg/m²"], source="WHO BMI definition")


def bsa_mosteller(weight_kg: float, height_cm: float) -> CalcResult:
    v = math.sqrt(height_cm * weight_kg / 3600)
    return CalcResult("BSA (Mosteller)", round(v, 2), "m²", "BSA = √(height (cm) × weight (kg) / 3600)",
                      {"weight": f"{fmt(weight_kg)} kg", "height": f"{fmt(height_cm)} cm"},
                      [f"√({fmt(height_cm)} × {fmt(weight_kg)} / 3600) = √{fmt(height_cm * weight_kg / 3600, 3)} = {fmt(v)} m²"],
                      source="Mosteller RD, N Engl J Med 1987;317:1098")


def ibw_devine(sex: str, height_cm: float) -> CalcResult:
    inches = height_cm / IN_TO_CM
    base = 50.0 if _male(sex) else 45.5
    v = base + 2.3 * (inches - 60)
    notes = []
    if inches < 60:
        notes.append("Height under 5 ft: the Devine formula is not validated; result extrapolated.")
    v = max(v, 1.0)
    return CalcResult("Ideal body weight (Devine)", round(v, 1), "kg",
                      f"IBW = {fmt(base)} + 2.3 × (height in inches − 60)",
                      {"sex": sex, "height": f"{fmt(height_cm)} cm = {fmt(inches, 1)} in"},
                      [f"{fmt(base)} + 2.3 × ({fmt(inches, 1)} − 60) = {fmt(v, 1)} kg"], notes,
                      source="Devine BJ, Drug Intell Clin Pharm 1974;8:650")


def adjusted_body_weight(weight_kg: float, ibw_kg: float) -> CalcResult:
    v = ibw_kg + 0.4 * (weight_kg - ibw_kg)
    return CalcResult("Adjusted body weight", round(v, 1), "kg", "AdjBW = IBW + 0.4 × (actual − IBW)",
                      {"actual weight": f"{fmt(weight_kg)} kg", "IBW": f"{fmt(ibw_kg, 1)} kg"},
                      [f"{fmt(ibw_kg, 1)} + 0.4 × ({fmt(weight_kg)} − {fmt(ibw_kg, 1)}) = {fmt(v, 1)} kg"],
                      source="Bauer LA, Applied Clinical Pharmacokinetics (adjusted weight factor 0.4)")


# ---- renal function -------------------------------------------------------------
WEIGHT_RULES = ("auto", "actual", "ideal", "adjusted")


def crcl_cockcroft_gault(age: float, sex: str, weight_kg: float, scr_mg_dl: float,
                         height_cm: float | None = None, weight_rule: str = "auto") -> CalcResult:
    """Cockcroft-Gault creatinine clearance (mL/min).

    Weight rule `auto`: actual weight if below IBW; IBW if actual is up to 120% of IBW;
    adjusted body weight above 120% of IBW (obesity). Needs height for anything but `actual`.
    """
    if weight_rule not in WEIGHT_RULES:
        raise ValueError(f"weight rule {weight_rule!r}: choose one of {', '.join(WEIGHT_RULES)}")
    steps, notes = [], []
    used, label = weight_kg, "actual"
    if weight_rule != "actual":
        if height_cm is None:
            notes.append("No height given: actual body weight used.")
        else:
            ibw = ibw_devine(sex, height_cm).value
            rule = weight_rule
            if rule == "auto":
                if weight_kg < ibw:
                    rule = "actual"
                elif weight_kg <= 1.2 * ibw:
                    rule = "ideal"
                else:
                    rule = "adjusted"
                steps.append(f"Weight rule (auto): actual {fmt(weight_kg)} kg vs IBW {fmt(ibw, 1)} kg "
                             f"(ratio {fmt(weight_kg / ibw)}) → use {rule} weight")
            if rule == "ideal":
                used, label = ibw, "ideal"
            elif rule == "adjusted":
                used, label = adjusted_body_weight(weight_kg, ibw).value, "adjusted"
    female = not _male(sex)
    raw = (140 - age) * used / (72 * scr_mg_dl)
    v = raw * (0.85 if female else 1.0)
    steps.append(f"(140 − {fmt(age)}) × {fmt(used, 1)} kg / (72 × {fmt(scr_mg_dl)}) = {fmt(raw, 1)} mL/min")
    if female:
        steps.append(f"× 0.85 (female) = {fmt(v, 1)} mL/min")
    if scr_mg_dl < 0.7 and age >= 65:
        notes.append("Low creatinine in an older adult may overestimate clearance (low muscle mass).")
    return CalcResult("Creatinine clearance (Cockcroft-Gault)", round(v, 1), "mL/min",
                      "CrCl = (140 − age) × weight / (72 × SCr) [× 0.85 if female]",
                      {"age": f"{fmt(age)} y", "sex": sex, "weight used": f"{fmt(used, 1)} kg ({label})",
                       "serum creatinine": f"{fmt(scr_mg_dl)} mg/dL ({fmt(scr_to_umoll(scr_mg_dl), 0)} µmol/L)"},
                      steps, notes, source="Cockcroft DW, Gault MH, Nephron 1976;16:31-41")


def egfr_ckd_epi_2021(age: float, sex: str, scr_mg_dl: float) -> CalcResult:
    """Race-free CKD-EPI 2021 creatinine equation (mL/min/1.73 m²)."""
    female = not _male(sex)
    kappa, alpha = (0.7, -0.241) if female else (0.9, -0.302)
    ratio = scr_mg_dl / kappa
    term_min = min(ratio, 1.0) ** alpha
    term_max = max(ratio, 1.0) ** -1.200
    age_term = 0.9938 ** age
    v = 142 * term_min * term_max * age_term * (1.012 if female else 1.0)
    steps = [
        f"SCr/κ = {fmt(scr_mg_dl)}/{kappa} = {fmt(ratio, 3)}",
        f"142 × min({fmt(ratio, 3)},1)^{alpha} × max({fmt(ratio, 3)},1)^−1.200 × 0.9938^{fmt(age)}"
        + (" × 1.012" if female else "")
        + f" = 142 × {fmt(term_min, 3)} × {fmt(term_max, 3)} × {fmt(age_term, 3)}"
        + (" × 1.012" if female else "") + f" = {fmt(v, 1)}",
    ]
    return CalcResult("eGFR (CKD-EPI 2021, race-free)", round(v, 1), "mL/min/1.73 m²",
                      "eGFR = 142 × min(SCr/κ,1)^α × max(SCr/κ,1)^−1.200 × 0.9938^age × 1.012 [female]; "
                      "κ 0.7 F / 0.9 M; α −0.241 F / −0.302 M",
                      {"age": f"{fmt(age)} y", "sex": sex, "serum creatinine": f"{fmt(scr_mg_dl)} mg/dL"}, steps,
                      source="Inker LA et al., N Engl J Med 2021;385:1737-49")


# ---- dosing arithmetic ----------------------------------------------------------
def achievable_doses(strengths: list[float], max_units: int = 4) -> list[float]:
    """Doses made of 1..max_units whole units of one strength (tablets, syringes, sachets)."""
    out = {round(k * s, 4) for s in strengths for k in range(1, max_units + 1)}
    return sorted(out)


def round_dose(raw: float, *, step: float | None = None, strengths: list[float] | None = None,
               cap: float | None = None) -> tuple[float, str]:
    """Round a computed dose to something that can be given, never above `cap`."""
    if step:
        v = math.floor(raw / step + 0.5 - 1e-9) * step  # halves round down (the smaller dose)
        if cap is not None and v > cap:
            v = math.floor(cap / step) * step
        return round(v, 4), f"rounded to the nearest {fmt(step)} step"
    if strengths:
        options = achievable_doses(strengths)
        if cap is not None:
            options = [o for o in options if o <= cap + 1e-9] or [min(strengths)]
        v = min(options, key=lambda o: (abs(o - raw), o))
        return v, "rounded to the nearest achievable dose from available strengths " + \
            ", ".join(fmt(s) for s in strengths)
    return round(raw, 2), "not rounded (no strengths listed)"


def weight_based_dose(per_kg: float, weight_kg: float, unit: str, *, max_dose: float | None = None,
                      step: float | None = None, strengths: list[float] | None = None) -> CalcResult:
    raw = per_kg * weight_kg
    steps = [f"{fmt(per_kg, 3)} {unit}/kg × {fmt(weight_kg, 1)} kg = {fmt(raw, 2)} {unit}"]
    notes = []
    value = raw
    if max_dose is not None and raw > max_dose:
        value = max_dose
        steps.append(f"capped at the maximum dose {fmt(max_dose)} {unit}")
    rounded, how = round_dose(value, step=step, strengths=strengths, cap=max_dose)
    if rounded != value:
        steps.append(f"{how}: {fmt(rounded)} {unit}")
    return CalcResult("Weight-based dose", rounded, unit, f"dose = {fmt(per_kg, 3)} {unit}/kg × weight",
                      {"weight": f"{fmt(weight_kg, 1)} kg", "dose per kg": f"{fmt(per_kg, 3)} {unit}/kg"},
                      steps, notes)


def _male(sex: str) -> bool:
    s = str(sex).strip().lower()
    if s in ("m", "male", "man"):
        return True
    if s in ("f", "female", "woman"):
        return False
    raise ValueError(f"sex {sex!r}: use female or male (the equations are sex-specific)")
