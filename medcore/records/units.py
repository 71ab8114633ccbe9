"""Units and codes of measurements: one key for the ways a unit is written, the unit's UCUM code
(assets/kb/records/ucum.csv) and the LOINC code of a measurement in a unit (loinc.csv), for the FHIR export.

A LOINC code names a property (mass or moles per volume), so a lab written in another unit than the code's has
no code rather than a wrong one ('creatinine 142 umol/L' is 14682-9, never the mg/dL code 2160-0). A row with
no unit (vitals such as temperature) holds for any unit of that measurement. Every code's check digit is
verified at load, so a mistyped code cannot ship."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from medcore.errors import DomainError
from medcore.records.kb_csv import kb_rows

UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"

_UNIT_EQUIV = {"x10^9/l": "x10^9/l", "x109/l": "x10^9/l", "mmol/l": "mmol/l", "meq/l": "mmol/l", "°c": "c", "c": "c",
               "°f": "f", "µmol/l": "umol/l", "μmol/l": "umol/l", "bpm": "beats/min", "/min": "beats/min",
               "mcg/dl": "ug/dl", "mcg/ml": "ug/ml", "units/l": "u/l", "ml/min/1.73m2": "ml/min/1.73m2"}


def unit_key(unit: str) -> str:
    """One key for the ways a unit is written ('mEq/L' and 'mmol/L', 'bpm' and '/min', '°F' and 'F')."""
    u = unit.lower().replace(" ", "")
    return _UNIT_EQUIV.get(u, u)


def spelling(unit: str) -> str:
    """A unit as written, without case, spaces or the ways of writing micro and degrees: the key of the UCUM
    table, which keeps units that are only equivalent apart ('mEq/L' is meq/L, not mmol/L)."""
    u = unit.lower().replace(" ", "").replace("µ", "u").replace("μ", "u").replace("°", "")
    return "x10^9/l" if u == "x109/l" else u


class CodesError(DomainError):
    """ucum.csv or loinc.csv is missing or malformed; the message names the file and row."""


@dataclass(frozen=True)
class LoincCode:
    name: str  # the measurement's name in lab_ranges.csv / vital_ranges.csv ('blood pressure systolic': a component)
    unit: str  # '' = any unit
    code: str
    display: str
    source: str


@dataclass
class ObservationCodes:
    ucum: dict[str, str] = field(default_factory=dict)  # spelling(unit) -> UCUM code
    loinc: dict[str, list[LoincCode]] = field(default_factory=dict)  # measurement name (lower) -> rows

    def ucum_code(self, unit: str) -> str:
        """The UCUM code of a unit as written ('' when the table has none)."""
        return self.ucum.get(spelling(unit), "") if unit else ""

    def loinc_for(self, name: str, unit: str) -> LoincCode | None:
        """The LOINC code of `name` measured in `unit`: the row for that unit, else a row for any unit. A test
        with no unit (requested, pending, "normal") takes its only row; with rows for several units (creatinine
        in mg/dL or umol/L) the property is unknown, so it has no code."""
        rows = self.loinc.get(name.lower(), ())
        if not unit:
            return rows[0] if len(rows) == 1 else next((r for r in rows if not r.unit), None)
        key = unit_key(unit)
        return next((r for r in rows if r.unit and unit_key(r.unit) == key), None) or \
            next((r for r in rows if not r.unit), None)


def loinc_check_digit(number: str) -> int:
    """LOINC's mod-10 check digit of the code's number part (LOINC Users' Guide, 'Calculating Mod 10 check
    digits'): the digits in odd places from the right form a number that is doubled, the digits in even places
    are put in front of it, and the check digit brings the sum of all those digits up to a multiple of ten."""
    rev = number[::-1]
    odd, even = rev[0::2][::-1], rev[1::2][::-1]
    total = sum(int(c) for c in even + str(int(odd) * 2))
    return (10 - total % 10) % 10


_CODE = re.compile(r"(\d{1,7})-(\d)")


def load_codes(root: Path, measurement_names) -> ObservationCodes:
    """ucum.csv and loinc.csv under `root`. Every LOINC row names a known measurement (or a component of one:
    'blood pressure systolic'), has a valid check digit and a unit the UCUM table knows."""
    out = ObservationCodes()
    for i, row in kb_rows(Path(root) / "ucum.csv", ("unit", "ucum", "source"), CodesError):
        key = spelling(row["unit"])
        if out.ucum.get(key, row["ucum"]) != row["ucum"]:
            raise CodesError(f"ucum.csv row {i}: {row['unit']!r} is already mapped to {out.ucum[key]!r}")
        out.ucum[key] = row["ucum"]
    known = {n.lower() for n in measurement_names}
    for i, row in kb_rows(Path(root) / "loinc.csv", ("name", "loinc", "display", "source"), CodesError):
        name = row["name"]
        if name.lower() not in known and not any(name.lower().startswith(k + " ") for k in known):
            raise CodesError(f"loinc.csv row {i}: {name!r} is not a measurement of lab_ranges.csv or vital_ranges.csv")
        m = _CODE.fullmatch(row["loinc"])
        if not m or loinc_check_digit(m.group(1)) != int(m.group(2)):
            raise CodesError(f"loinc.csv row {i}: {row['loinc']!r} is not a LOINC code (wrong form or check digit)")
        if row["unit"] and not out.ucum_code(row["unit"]):
            raise CodesError(f"loinc.csv row {i}: unit {row['unit']!r} has no UCUM code in ucum.csv")
        out.loinc.setdefault(name.lower(), []).append(LoincCode(name, row["unit"], row["loinc"], row["display"],
                                                                row["source"]))
    return out
