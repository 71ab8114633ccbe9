"""The interview as plain state transitions, so the page, the simulated patient and the
tests drive exactly the same code. State is a JSON-able dict (saved in the store)."""

from __future__ import annotations

import copy
import re
import time

from medcore.auth import User, check_tool
from medcore.triage import input_checks, interview_checks, result_view
from medcore.triage.answers import NO, UNKNOWN, YES  # noqa: F401  (the answer words' home; read from here too)
from medcore.triage.chat_state import ChatStateError, check_answer, check_state
from medcore.triage.input_checks import check_text
from medcore.triage.service import (NO_SYMPTOM_MESSAGE, TriageEngine, TriageResult, no_findings_message,
                                    not_english_message)

GREETING = ("Hello. Tell me, in your own words, what is bothering you: the main symptoms, how long you have "
            "had them, and your age and sex if you are happy to share. I will ask a few questions and then "
            "suggest what might be going on and how soon to get help. If you think this is an emergency, call "
            "your local emergency number now.")


def turn(engine: TriageEngine, state: dict, step, *args, user: User) -> dict:
    """The page's one way into the interview: one transition (`step`: user_message, answer, correct, finish_now...)
    for a user who must be allowed the triage tool, checked here and not only by the page (`user` is required; the
    system passes auth.SYSTEM). The steps themselves are the interview's state machine, called by turn, the evals
    and tests; a page never calls one directly (tests/test_service_user_required_s26.py checks the pages)."""
    check_tool(user, "triage")
    return step(engine, state, *args)


def new_state(mode: str = "patient") -> dict:
    return {"version": 1, "mode": mode, "age": None, "sex": None, "answers": {}, "origin": {}, "asked": [],
            "turns": [{"role": "assistant", "kind": "greeting", "text": GREETING, "ts": time.time()}],
            "pending": None, "questions_asked": 0, "finished": False, "self_harm": False, "result": None}


def _say(state: dict, kind: str, text: str, **data) -> dict:
    turn = {"role": "assistant", "kind": kind, "text": text, "ts": time.time(), **data}
    state["turns"].append(turn)
    return turn


def _record(state: dict, fid: str, value: str, origin: str) -> None:
    state["answers"][fid] = value
    state["origin"][fid] = origin


def _result(engine: TriageEngine, state: dict) -> TriageResult:
    return engine.result(state["answers"], state["age"], state["sex"], origin=state["origin"],
                         asked=set(state["asked"]), questions_asked=state["questions_asked"],
                         finished=state["finished"])


def advance(engine: TriageEngine, state: dict) -> dict:
    """Ask the next question, or finish with the result."""
    res = _result(engine, state)
    if not state["answers"] and not res.crisis:
        # nothing told yet but an age or sex: no level is shown, not even "so far" (issue 12; the page drew a routine
        # heading from the priors alone for "I am 34 years old"; session 23b). A duration alone is still asked about
        # (the interview finds the symptom the text did not name: refusing it cost 7 dev interviews); finish() gives
        # no level while no symptom is told
        return _no_symptom(state)
    state["result"] = res.to_dict()
    if res.crisis and not state["self_harm"]:
        state["self_harm"] = True
        _say(state, "crisis", res.crisis["text"], contacts=res.crisis["contacts"])
    q = res.next_question
    if q is None and not state["finished"]:  # what a clinician would still ask before finishing
        q = interview_checks.required_question(engine, state, res.triage)
    if q is not None and not state["finished"]:
        _ask(state, q)
        return state
    return finish(engine, state)


def _no_symptom(state: dict) -> dict:
    state["result"] = None
    state["pending"] = None
    state["finished"] = False
    _say(state, "note", NO_SYMPTOM_MESSAGE)
    return state


def _ask(state: dict, q: dict) -> None:
    state["pending"] = q
    _say(state, "question", q["text"], finding_id=q["id"], information_gain=q["information_gain"],
         separates=q["separates"], red_flag_check=q["red_flag_check"])


def _flag_contradiction(engine: TriageEngine, state: dict, text: str = "") -> bool:
    """Say so and ask, when age, sex and findings do not go together (each conflict once)."""
    found = interview_checks.contradictions(engine, state, text)
    if not found:
        return False
    state.setdefault("flagged", []).extend(c["id"] for c in found)
    _ask(state, interview_checks.check_question(engine, found[0], state))
    state["result"] = _result(engine, state).to_dict()
    return True


def finish(engine: TriageEngine, state: dict) -> dict:
    state["finished"] = True
    state["pending"] = None
    state.pop("finish_requested", None)
    res = _result(engine, state)
    if not res.symptom_told and not res.crisis:  # "Show result" after only a duration: still no level to show
        return _no_symptom(state)
    state["result"] = res.to_dict()
    _say(state, "result", result_view.summary(engine, res, state["mode"]), triage=res.triage)
    return state


def restore(engine: TriageEngine, data) -> dict:
    """A saved chat, checked (ChatStateError when damaged), with its result worked out again by this engine."""
    state = copy.deepcopy(check_state(data))
    state.setdefault("mode", "patient")
    if state.get("result") is not None:
        try:
            state["result"] = _result(engine, state).to_dict()
        except (KeyError, IndexError, TypeError, ValueError) as exc:  # e.g. a finding this knowledge base lacks
            raise ChatStateError(f"the saved chat does not fit this knowledge base ({type(exc).__name__})") from exc
    return state


def user_message(engine: TriageEngine, state: dict, text: str) -> dict:
    state = copy.deepcopy(check_state(state))
    raw = check_text(text)
    if raw.strip():  # a message of spaces is not echoed as an empty bubble; the note below asks for one
        state["turns"].append({"role": "user", "kind": "text", "text": raw[:2000] + ("…" if len(raw) > 2000 else ""),
                               "ts": time.time()})
    pending = state.get("pending")
    if pending and len(raw) < 60:
        for pattern, value in ((UNKNOWN, "unknown"), (NO, "no"), (YES, "yes")):
            if pattern.match(raw):
                return answer(engine, state, value, echo=False)
    guard, ex = engine.read_text(raw)
    for note in guard.notes:
        if guard.kind != "empty":
            _say(state, "note", note)
    if guard.kind == "empty":
        _say(state, "note", guard.notes[0] if guard.notes else "Please type a message.")
        return state
    if guard.kind == "other_language":
        _say(state, "note", not_english_message(guard.language))
        return state
    added = []
    for m in ex.mentions:
        value = "yes" if m.present else "no"
        # a "yes" said anywhere in this message wins over a "no" for the same finding
        if any(a["id"] == m.finding_id and a["value"] == "yes" for a in added):
            continue
        _record(state, m.finding_id, value, "text")
        added = [a for a in added if a["id"] != m.finding_id]
        added.append({"id": m.finding_id, "name": m.name, "value": value, "method": m.method, "phrase": m.phrase})
    if ex.age is not None:
        state["age"] = ex.age
    if ex.sex is not None:
        state["sex"] = ex.sex
    if pending and pending["id"] in state["answers"]:
        state["pending"] = None
    if not added and ex.age is None and ex.sex is None:
        _say(state, "note", no_findings_message(guard.text, engine.vocabulary))
        if pending:
            _say(state, "question", pending["text"], finding_id=pending["id"],
                 information_gain=pending["information_gain"], separates=pending["separates"],
                 red_flag_check=pending.get("red_flag_check", False))
        return state
    if added:
        names = [("" if a["value"] == "yes" else "no ") + a["name"].lower() for a in added
                 if not a["id"].startswith("duration_") or a["value"] == "yes"]
        _say(state, "recognised", "I noted: " + "; ".join(names) + ".", findings=added)
    if _flag_contradiction(engine, state, guard.text):
        return state
    if state["finished"]:
        state["finished"] = False  # new information reopens the interview
    return advance(engine, state)


def answer(engine: TriageEngine, state: dict, value: str, *, echo: bool = True) -> dict:
    """A quick-reply answer (yes / no / unknown) to the pending question."""
    check_answer(value)
    state = copy.deepcopy(check_state(state))
    pending = state.get("pending")
    if not pending:
        return state
    if echo:
        state["turns"].append({"role": "user", "kind": "answer", "ts": time.time(),
                               "text": {"yes": "Yes", "no": "No", "unknown": "I don't know"}[value]})
    if pending.get("check"):
        note = interview_checks.resolve(state, pending, value)
        if note:
            _say(state, "note", note)
        if pending["id"].startswith(interview_checks.CHECK_PREFIX):  # about the age or sex, not a finding
            state["pending"] = None
            return advance(engine, state)
    _record(state, pending["id"], value, "question")
    state["asked"].append(pending["id"])
    state["questions_asked"] += 1
    state["pending"] = None
    if state.get("finish_requested"):
        return finish_now(engine, state)
    return advance(engine, state)


def correct(engine: TriageEngine, state: dict, finding_id: str, value: str | None) -> dict:
    """The user corrects a recognised finding (value None removes it)."""
    if finding_id not in engine.kb.finding_index:
        raise input_checks.InputError(f"{str(finding_id)[:60]!r} is not a finding this knowledge base knows")
    if value is not None and value not in ("yes", "no"):
        raise input_checks.InputError(f"{str(value)[:40]!r} is not a correction: use yes, no, or None to remove it")
    state = copy.deepcopy(check_state(state))
    if value is None:
        state["answers"].pop(finding_id, None)
        state["origin"].pop(finding_id, None)
    else:
        _record(state, finding_id, value, "corrected")
    name = engine.kb.finding(finding_id).name
    _say(state, "note", f"Corrected: {name.lower()} is now " + ({"yes": "present", "no": "absent"}.get(value or "",
                                                                "removed") + "."))
    res = _result(engine, state)
    state["result"] = res.to_dict()
    if state["finished"]:
        state["finished"] = False
        return finish(engine, state)
    return state


def set_demographics(engine: TriageEngine, state: dict, age: float | None, sex: str | None) -> dict:
    """Age and sex from the form (they change the priors, so the result is recomputed)."""
    state = copy.deepcopy(check_state(state))
    try:
        age, sex = input_checks.check_age(age), input_checks.check_sex(sex)
    except input_checks.InputError as exc:
        _say(state, "note", str(exc))
        return state
    state["age"], state["sex"] = age, sex
    if state["answers"] and _flag_contradiction(engine, state):
        return state
    if state["answers"]:
        state["result"] = _result(engine, state).to_dict()
        if state["finished"]:
            return _refinish(engine, state)
    return state


def _refinish(engine: TriageEngine, state: dict) -> dict:
    """The result again after an age/sex change, said as an update: a second, silent copy of the same result in the
    chat read as a glitch (session 25 hands-on check), and a changed one must say why it changed."""
    before = next((t["text"] for t in reversed(state["turns"]) if t.get("kind") == "result"), None)
    state["finished"] = False
    state = finish(engine, state)
    last = state["turns"][-1]
    if last.get("kind") != "result":
        return state
    who = ", ".join(x for x in (f"age {state['age']:g}" if state.get("age") is not None else "",
                                state.get("sex") or "") if x) or "no age or sex"
    if last["text"] == before:
        state["turns"].pop()
        _say(state, "note", f"Updated for {who}: the result above does not change.")
    else:
        state["turns"].insert(len(state["turns"]) - 1, {"role": "assistant", "kind": "note", "ts": last["ts"],
                                                       "text": f"Updated for {who}: the result is worked out again."})
    return state


def finish_now(engine: TriageEngine, state: dict) -> dict:
    """The result now, after any question that must come first (pregnancy, when it can change the advice)."""
    state = copy.deepcopy(check_state(state))
    q = interview_checks.required_question(engine, state, _result(engine, state).triage, before_result=True)
    if q is not None:
        state["finish_requested"] = True
        _say(state, "note", "Before I show the result, one safety question.")
        _ask(state, q)
        return state
    return finish(engine, state)
