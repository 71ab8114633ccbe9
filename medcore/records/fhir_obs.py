"""Vitals and labs as FHIR R4B Observations: the LOINC code the records KB has for the measurement in its unit,
the value as a Quantity with its UCUM unit, the reference range when it is in the same unit, and an
interpretation from the range's flag. A lab that is only requested or pending is an Observation with status
'registered' and no value. Every Observation is 'preliminary' (read by a machine from a note) and quotes its
source characters."""

from __future__ import annotations

import re
import uuid

from medcore.records.entities import Measurement
from medcore.records.units import LOINC, UCUM, ObservationCodes, unit_key

CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
_INTERPRETATION = {"high": ("H", "High"), "low": ("L", "Low"), "normal": ("N", "Normal"), "abnormal": ("A", "Abnormal"),
                   "positive": ("POS", "Positive"), "negative": ("NEG", "Negative")}
_WAITING = {"pending", "requested"}
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_REFERENCE = re.compile(r"([\d.]*)-([\d.]*)\s*(.*)")


def observations(measurements: list[tuple[str, Measurement]], codes: ObservationCodes, patient_ref: dict,
                 meta: dict) -> list[dict]:
    """(category, measurement) pairs, category 'vital-signs' or 'laboratory', as Observation resources."""
    return [observation(m, category, codes, patient_ref, meta) for category, m in measurements]


def observation(m: Measurement, category: str, codes: ObservationCodes, patient_ref: dict, meta: dict) -> dict:
    res = {"resourceType": "Observation", "id": str(uuid.uuid4()), "meta": meta, "status": "preliminary",
           "category": [{"coding": [{"system": CATEGORY, "code": category}]}],
           "code": _code(m.name, m.unit, codes), "subject": patient_ref,
           "note": [{"text": f"Source: \"{m.text}\" (characters {m.start}-{m.end})"}]}
    value = m.value.strip()
    parts = value.split("/")
    if value.lower() in _WAITING:
        res["status"] = "registered"
    elif len(parts) == 2 and all(_NUMBER.fullmatch(p) for p in parts) and m.name.lower() == "blood pressure":
        res["component"] = [{"code": _code(f"{m.name} {side}", m.unit, codes),
                             "valueQuantity": quantity(p, m.unit, codes)}
                            for side, p in zip(("systolic", "diastolic"), parts)]
    elif _NUMBER.fullmatch(value):
        res["valueQuantity"] = quantity(value, m.unit, codes, _comparator(m))
    elif value:
        res["valueString"] = value
    word = m.flag or value.lower()
    if word in _INTERPRETATION:
        code, display = _INTERPRETATION[word]
        res["interpretation"] = [{"coding": [{"system": INTERPRETATION, "code": code, "display": display}]}]
    if (rng := reference_range(m, codes)) is not None:
        res["referenceRange"] = [rng]
    return res


def _code(name: str, unit: str, codes: ObservationCodes) -> dict:
    row = codes.loinc_for(name, unit)
    out: dict = {"text": name}
    if row is not None:
        out["coding"] = [{"system": LOINC, "code": row.code, "display": row.display}]
    return out


def quantity(number: str, unit: str, codes: ObservationCodes, comparator: str = "") -> dict:
    """A Quantity: the unit as written, with its UCUM system and code when the table has it."""
    text = number.replace(",", "")
    q: dict = {"value": float(text) if "." in text else int(text)}
    if comparator:
        q["comparator"] = comparator
    if unit:
        q["unit"] = unit
        if ucum := codes.ucum_code(unit):
            q["system"], q["code"] = UCUM, ucum
    return q


def _comparator(m: Measurement) -> str:
    hit = re.search(r"([<>]=?)\s*" + re.escape(m.value) + r"(?![\d.])", m.text)
    return hit.group(1) if hit else ""


def reference_range(m: Measurement, codes: ObservationCodes) -> dict | None:
    """The range the value was judged by ('136-145 mmol/L'), only when it is in the value's unit."""
    hit = _REFERENCE.fullmatch(m.reference.strip()) if m.reference else None
    if not hit or not (hit.group(1) or hit.group(2)):
        return None
    unit = hit.group(3)
    if m.unit and unit and unit_key(unit) != unit_key(m.unit):
        return None
    rng = {}
    for key, number in (("low", hit.group(1)), ("high", hit.group(2))):
        if _NUMBER.fullmatch(number):
            rng[key] = quantity(number, unit, codes)
    return rng or None
