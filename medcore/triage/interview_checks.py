"""Interview safety on the chat state: the questions a clinician expects before finishing
(pregnancy in a woman of child-bearing age with an abdominal, pelvic, urinary or bleeding complaint;
the dysuria questions), and contradictions between age, sex and what was said, which are flagged
and asked about. The rules are data (assets/kb/triage/safety.yaml); this module only applies them."""

from __future__ import annotations

import re

from medcore.triage.kb import LEVEL_RANK
from medcore.triage.safety_rules import rules_for

CHECK_PREFIX = "check:"  # pending questions about a contradiction that names no finding


def _present(engine, state: dict) -> set[str]:
    return {f for f, v in engine.closure(state["answers"]).items() if v}


def required_question(engine, state: dict, level: str, before_result: bool = False) -> dict | None:
    """The first rule-required finding not yet known, as a pending question; None once all are known,
    or when the level is already emergency (the advice is 'go now' whatever the answer). With
    `before_result`, only the rules that must be asked even when the result is asked for now."""
    if LEVEL_RANK[level] == 0:
        return None
    closure = engine.closure(state["answers"])
    known = set(closure) | set(state.get("asked", ())) | set(state["answers"])
    present = {f for f, v in closure.items() if v}
    for rule in rules_for(engine.kb).required:
        if (before_result and not rule.before_result) or not rule.applies(present, state.get("age"), state.get("sex")):
            continue
        for fid in rule.ask:
            if fid not in known:
                f = engine.kb.finding(fid)
                return {"id": fid, "text": f.question, "information_gain": 0.0, "separates": [],
                        "red_flag_check": False, "required_by": rule.id}
    return None


def contradictions(engine, state: dict, text: str = "") -> list[dict]:
    """Contradictions not flagged before: {id, finding, message, clear}."""
    present = _present(engine, state)
    low = (text or "").lower()
    done = set(state.get("flagged", []))
    out = []
    for rule in rules_for(engine.kb).contradictions:
        if rule.id in done or not rule.demographic_fits(state.get("age"), state.get("sex")):
            continue
        hits = [f for f in rule.any_present if f in present and state["answers"].get(f) == "yes"]
        terms = [t for t in rule.terms if re.search(rf"\b{re.escape(t)}\b", low)]
        if not hits and not terms:
            continue
        what = engine.kb.finding(hits[0]).name.lower() if hits else terms[0]
        age = state.get("age")
        msg = rule.message.format(what=what, age=f"{age:g}" if age is not None else "unknown")
        out.append({"id": rule.id, "finding": hits[0] if hits else None, "clear": rule.clear, "message": msg})
    return out


def check_question(engine, item: dict, state: dict) -> dict:
    """The pending question for a contradiction: about the finding when one was named, otherwise
    about the age or sex itself."""
    lead = f"{item['message']} These do not usually go together, so let me check. "
    if item["finding"]:
        q, fid = engine.kb.finding(item["finding"]).question, item["finding"]
    elif item["clear"] == "age":
        q, fid = f"Is the age right ({state.get('age'):g} years)?", CHECK_PREFIX + item["id"]
    else:
        q, fid = f"Is the sex right ({state.get('sex')})?", CHECK_PREFIX + item["id"]
    return {"id": fid, "text": lead + q, "information_gain": 0.0, "separates": [], "red_flag_check": False,
            "check": item["id"], "clear": item["clear"]}


def resolve(state: dict, pending: dict, value: str) -> str | None:
    """Apply the answer to a contradiction check. Returns a note for the person, or None.
    A confirmed finding stays and the doubtful age or sex is no longer used to rule causes in or
    out; a denied finding is recorded as absent; a wrong age or sex is cleared."""
    clear = pending["clear"]
    names = {"age": "age", "sex": "sex"}
    if pending["id"].startswith(CHECK_PREFIX):
        if value == "no":
            state[clear] = None
            return f"Thanks. Please tell me the correct {names[clear]}, or set it in the box above."
        return None
    if value == "yes":
        state[clear] = None
        return (f"Thanks. I will not use the {names[clear]} to rule causes in or out; you can set it in the box "
                "above.")
    return None
