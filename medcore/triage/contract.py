"""The CLI's JSON contract (issue 12): `triage TEXT --json` and `triage --batch IN.jsonl --json`.

One result per description: `findings`, `differential` (each entry `id`, `name`, `icd10`, `probability`,
`triage`, `evidence_for`, `evidence_against`) and `triage` (emergency / urgent / routine / self_care),
or `triage: null` with a `message` when no symptom was recognised or the input was refused.
Evaluations run through here, so it is the same engine, checks and wording as the chat."""

from __future__ import annotations

import json
import logging
from typing import IO, Iterable

from medcore.triage.input_checks import EMERGENCY_LINE, InputError, check_age, check_sex
from medcore.triage.safety_rules import rules_for

log = logging.getLogger(__name__)
NOTHING_RECOGNISED = "No symptom was recognised, so no triage level is given."


def to_contract(res, notes: list[str] = (), semigran: dict | None = None) -> dict:
    """A TriageResult as the contract's dict; `semigran` maps our level to Semigran 2015's category
    (docs/triage_levels.md), so published vignette sets can be scored on their own scale."""
    said = [f for f in res.findings if f["origin"] != "implied" or f["present"]]
    recognised = any(f["present"] for f in said)
    out = {
        "findings": [{"id": f["id"], "name": f["name"], "present": f["present"]} for f in said],
        "differential": [{"id": d.id, "name": d.condition, "icd10": d.icd10, "probability": round(d.probability, 4),
                          "triage": d.triage, "evidence_for": d.evidence_for, "evidence_against": d.evidence_against}
                         for d in res.differential] if recognised else [],
        "triage": res.triage if recognised else None,
        "triage_semigran": (semigran or {}).get(res.triage) if recognised else None,
        "red_flags": [{"finding": r["finding"], "name": r["name"], "level": r["level"],
                       "condition": r.get("condition"), "source": r["source"]} for r in res.red_flags],
        "next_question": res.next_question if recognised else None,
        "age": res.age,
        "sex": res.sex,
        "notes": list(notes),
    }
    if not recognised:
        said = list(notes) or ["Please describe the main symptom in a short sentence."]
        msg = " ".join([NOTHING_RECOGNISED, *said])
        out["message"] = msg if EMERGENCY_LINE in msg else f"{msg} {EMERGENCY_LINE}"
    return out


def refused(message: str) -> dict:
    return {"findings": [], "differential": [], "triage": None, "triage_semigran": None, "red_flags": [],
            "next_question": None,
            "age": None, "sex": None, "notes": [], "message": message}


def triage_one(engine, text: str, age=None, sex=None) -> dict:
    """One description; age and sex, when given, override what the text says. Refused input
    (an impossible age, an unknown sex) gives triage null and the reason, never a guess."""
    try:
        age, sex = check_age(age), check_sex(sex)
    except InputError as exc:
        return refused(str(exc))
    res, notes = engine.one_shot(text or "", age, sex)
    return to_contract(res, notes, rules_for(engine.kb).semigran)


def run_batch(engine, lines: Iterable[str], out: IO[str]) -> dict:
    """One `{"id", "text", "age", "sex"}` object per input line, one result object per output line
    (with the input's `id`). A bad line gets an `error` and triage null; the batch goes on."""
    n = bad = 0
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        n += 1
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text", ""), str):
                raise ValueError("each line must be a JSON object with a string 'text'")
        except ValueError as exc:
            bad += 1
            log.warning("batch line %d: %s", lineno, exc)
            row = {"id": None, "line": lineno, "error": f"line {lineno}: {exc}",
                   **refused("The line could not be read.")}
        else:
            row = {"id": item.get("id"), **triage_one(engine, item.get("text", ""), item.get("age"), item.get("sex"))}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"cases": n, "unreadable": bad}
