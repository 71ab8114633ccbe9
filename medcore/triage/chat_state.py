"""Checks on what the interview is handed: a quick-reply answer, and a chat state (a saved chat read back from
the store, or one a caller built). A bad one is refused with a message (ChatStateError) instead of failing deep
inside the interview or the page with a KeyError or AttributeError (issue 14)."""

from __future__ import annotations

from numbers import Real

from medcore.triage.input_checks import InputError
from medcore.kinds import kind_of

ANSWERS = ("yes", "no", "unknown")
MODES = ("patient", "clinician")


class ChatStateError(InputError):
    """A chat state the interview cannot use; the message says what is wrong with it."""


def check_answer(value) -> str:
    if value not in ANSWERS:
        raise InputError(f"{str(value)[:40]!r} is not a quick-reply answer: use yes, no or unknown "
                         "(typed text goes to user_message)")
    return value


def _need(ok: bool, what: str) -> None:
    if not ok:
        raise ChatStateError(f"the saved chat is damaged: {what}")


def _number_or_none(v) -> bool:
    return v is None or (isinstance(v, Real) and not isinstance(v, bool))


def check_state(state) -> dict:
    """The state itself when every field the interview and the page read has the type they expect."""
    _need(isinstance(state, dict), f"it is {kind_of(state)}, not a chat")
    _need(state.get("mode", "patient") in MODES, "'mode' is not patient or clinician")
    _need(_number_or_none(state.get("age")), "'age' is not a number")
    _need(state.get("sex") is None or isinstance(state["sex"], str), "'sex' is not text")
    for key in ("answers", "origin"):
        _need(isinstance(state.get(key), dict), f"'{key}' is not a mapping")
    _need(all(isinstance(k, str) and v in ANSWERS for k, v in state["answers"].items()),
          "'answers' holds something other than yes, no or unknown")
    _need(isinstance(state.get("asked"), list), "'asked' is not a list")
    turns = state.get("turns")
    _need(isinstance(turns, list) and all(isinstance(t, dict) and t.get("role") in ("user", "assistant")
                                          and isinstance(t.get("text"), str) for t in turns),
          "'turns' is not a list of messages")
    pending = state.get("pending")
    _need(pending is None or (isinstance(pending, dict) and isinstance(pending.get("id"), str)
                              and isinstance(pending.get("text"), str)
                              and isinstance(pending.get("separates", []), list)
                              and _number_or_none(pending.get("information_gain", 0.0))),
          "'pending' is not a question")
    _need(isinstance(state.get("questions_asked"), int) and not isinstance(state["questions_asked"], bool),
          "'questions_asked' is not a count")
    for key in ("finished", "self_harm"):
        _need(isinstance(state.get(key, False), bool), f"'{key}' is not true or false")
    _need(state.get("result") is None or isinstance(state["result"], dict), "'result' is not a result")
    return state


def restore_failed_message(exc: ChatStateError) -> str:
    """What the page says when the last saved chat cannot be restored: what is lost to view, and what is kept."""
    return (f"Your last saved chat could not be restored ({exc}), so it is not shown here and cannot be continued. "
            "It stays in the store unchanged. A new chat has started; what you type now is saved as usual.")
