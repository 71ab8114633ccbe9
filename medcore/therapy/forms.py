"""Convert between the page's form fields (plain strings and numbers, one item per line) and the
patient dict that `profile.parse_patient` validates; and take the record summarizer's hand-off."""

from __future__ import annotations

import re
from typing import Any

from medcore.therapy.allergy_text import as_written, split_allergy

FORM_DEFAULTS: dict[str, Any] = {
    "label": "", "age": None, "sex": "female", "weight": None, "weight_unit": "kg", "height": None,
    "height_unit": "cm", "scr": None, "scr_unit": "mg/dL", "egfr": None, "pregnant": False, "lactating": False,
    "child_pugh": "none", "allergies": "", "conditions": "", "medications": "", "genotypes": "",
    "stopped_medications": "", "weight_rule": "auto",
}
_GENE = re.compile(r"^\s*(HLA-[A-Z]+\*\d{2}:\d{2}|HLA-[A-Z]+|[A-Za-z0-9]+)", re.I)


def _lines(text: str) -> list[str]:
    return [ln.strip(" -•\t") for ln in str(text or "").splitlines() if ln.strip(" -•\t")]


def form_to_patient(form: dict[str, Any]) -> dict[str, Any]:
    """Form values -> patient dict. Nothing is validated here; parse_patient does that."""
    allergies = []
    for ln in _lines(form.get("allergies", "")):
        substance, reaction = split_allergy(ln)
        allergies.append({"substance": substance, "reaction": reaction})
    genotypes = {}
    for ln in _lines(form.get("genotypes", "")):
        m = _GENE.match(ln)
        if m:
            value = ln[m.end():].strip(" :=\t")
            if value:
                genotypes[m.group(1)] = value
    out: dict[str, Any] = {
        "label": form.get("label", ""), "sex": form.get("sex"),
        "pregnant": bool(form.get("pregnant")), "lactating": bool(form.get("lactating")),
        "child_pugh": None if form.get("child_pugh") in (None, "", "none") else form["child_pugh"],
        "allergies": allergies, "conditions": _lines(form.get("conditions", "")),
        "medications": _lines(form.get("medications", "")), "genotypes": genotypes,
        "stopped_medications": _lines(form.get("stopped_medications", "")),
        "weight_rule": form.get("weight_rule") or "auto",
    }
    if form.get("age") is not None:  # an empty box is left out: "age is required", not "null is not an age"
        out["age"] = form["age"]
    for key in ("weight", "height", "scr"):
        if form.get(key) is not None:
            out[key] = form[key]
            out[f"{key}_unit"] = form.get(f"{key}_unit")
    if form.get("egfr") is not None:
        out["egfr"] = form["egfr"]
    return out


def patient_to_form(d: dict[str, Any]) -> dict[str, Any]:
    """Patient dict (from FHIR, a hand-off, a JSON file or the demo) -> form values."""
    form = dict(FORM_DEFAULTS)
    form["label"] = d.get("label", "")
    form["age"] = d.get("age")
    form["sex"] = d.get("sex") if d.get("sex") in ("female", "male") else "female"
    for key, unit_default in (("weight", "kg"), ("height", "cm"), ("scr", "mg/dL")):
        if d.get(f"{key}_kg" if key == "weight" else f"{key}_cm" if key == "height" else "scr_mg_dl") is not None:
            form[key] = d[f"{key}_kg" if key == "weight" else f"{key}_cm" if key == "height" else "scr_mg_dl"]
            form[f"{key}_unit"] = unit_default
        elif d.get(key) is not None:
            form[key] = d[key]
            unit = str(d.get(f"{key}_unit") or unit_default).replace("µ", "u")
            form[f"{key}_unit"] = {"umol/L": "µmol/L"}.get(unit, unit)
    form["egfr"] = d.get("egfr")
    form["pregnant"] = bool(d.get("pregnant"))
    form["lactating"] = bool(d.get("lactating"))
    form["child_pugh"] = d.get("child_pugh") or "none"
    form["allergies"] = "\n".join(
        as_written(a["substance"], a.get("reaction")) if isinstance(a, dict) else str(a)
        for a in d.get("allergies") or [])
    form["conditions"] = "\n".join(d.get("conditions") or [])
    form["medications"] = "\n".join(d.get("medications") or [])
    form["stopped_medications"] = "\n".join(d.get("stopped_medications") or [])
    form["genotypes"] = "\n".join(f"{k}: {v}" for k, v in (d.get("genotypes") or {}).items())
    form["weight_rule"] = d.get("weight_rule") or "auto"
    return form


def _is_stopped(name: str, stopped: set[str]) -> bool:
    """A medication entry whose name is one of the stopped names, alone or before its dose ("warfarin 5 mg")."""
    low = name.strip().lower()
    return any(low == n or low.startswith(n + " ") for n in stopped)


def handoff_to_patient(data: dict[str, Any]) -> dict[str, Any]:
    """The record summarizer's hand-off {problems, medications, allergies} -> partial patient dict.
    Age, sex, weight and creatinine are not in a hand-off; the form asks for them."""
    # the summary's stopped and held medicines by name (records `handoff_data`): never entered as current, even
    # where a medication entry has no status or is a plain string (they carry no stop date, which the planner's
    # stopped list needs, so they are left for the clinician to add there)
    stopped = {str(n).strip().lower() for n in data.get("stopped_medications") or [] if str(n).strip()}
    # ... unless another entry says it goes on ("warfarin held" then "warfarin restarted"): a current medicine lost
    # loses its checks, which is worse than checking one too many
    stopped -= {str(m.get("name") or "").strip().lower() for m in data.get("medications") or []
                if isinstance(m, dict) and str(m.get("status", "")).lower() in ("started", "continued", "changed")}
    meds = []
    for m in data.get("medications") or []:
        if isinstance(m, dict):
            if str(m.get("status", "")).lower() in ("stopped", "discontinued", "held"):
                continue
            name = str(m.get("name") or m.get("text") or "")
            parts = [name, str(m.get("dose") or ""), str(m.get("unit") or ""), str(m.get("frequency") or "")]
            line = " ".join(p for p in parts if p).strip()
        else:
            line = name = str(m)
        if line and not _is_stopped(name, stopped):
            meds.append(line)
    problems = [p.get("name") or p.get("text") for p in data.get("problems") or []
                if isinstance(p, dict) and p.get("assertion", "present") in ("present", "historical")]
    problems += [str(p) for p in data.get("problems") or [] if isinstance(p, str)]
    allergies = [{"substance": a.get("substance", ""), "reaction": a.get("reaction", "")} if isinstance(a, dict)
                 else {"substance": str(a), "reaction": ""} for a in data.get("allergies") or []]
    return {"conditions": [p for p in problems if p], "medications": meds,
            "allergies": [a for a in allergies if a["substance"]]}
