"""What to do while waiting for emergency help (hand check s11own01: "collapsed and not breathing properly" got
the emergency line and a named likely cause, but no word on CPR). Shown by `ask` after the emergency advice,
which stays first and unchanged: the basic-life-support lines of assets/kb/qa/while_waiting.yaml when the
symptom chat's engine read a collapse or no response, otherwise the self-care lines of the education page of
the emergency condition the chat's assessment puts first."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from medcore.errors import DomainError
from medcore.knowledge.validate import read_checked
from medcore.llm.grounding import doses_in

log = logging.getLogger(__name__)
SECTION = "while_you_wait"


class WaitingError(DomainError):
    pass


_LINE = {"type": "object", "required": ["text", "source"], "additionalProperties": False,
         "properties": {"text": {"type": "string", "minLength": 10}, "source": {"type": "string", "minLength": 3}}}
SCHEMA = {
    "type": "object", "required": ["version", "source", "heading", "max_lines", "basic_life_support"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1}, "source": {"type": "string", "minLength": 10},
        "heading": {"type": "string", "minLength": 3}, "max_lines": {"type": "integer", "minimum": 1},
        "basic_life_support": {
            "type": "object", "required": ["when_findings", "lines"], "additionalProperties": False,
            "properties": {"when_findings": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                           "lines": {"type": "array", "items": _LINE, "minItems": 1}}}}}

_CACHE: dict[str, dict] = {}
_LOCK = threading.Lock()


def load(kb_dir: Path) -> dict:
    path = Path(kb_dir) / "qa" / "while_waiting.yaml"
    key = f"{path}|{path.stat().st_mtime_ns if path.exists() else 0}"
    with _LOCK:
        hit = _CACHE.get(key)
    if hit is None:
        hit = read_checked(path, SCHEMA, WaitingError, "while-you-wait lines")
        with _LOCK:
            _CACHE[key] = hit
    return hit


def _page_lines(pages: dict, condition: str | None) -> list[dict]:
    """The self-care passages of an emergency page (there they say what to do while waiting). A passage that
    says there is nothing to do at home ("None at home. Do not wait...") is no line to act on while waiting, and
    one with a dose is left to the page and the call handler: a dose is never given from a question's
    answer (the heart attack page's aspirin line names one)."""
    page = pages.get(f"condition:{condition}") if condition else None
    if page is None or page.level != "emergency" or page.section("self_care") is None:
        return []
    return [{"text": p.text, "source": p.source} for p in page.section("self_care").passages
            if not p.text.strip().lower().startswith("none") and not doses_in(p.text)]


def lines(kb_dir: Path, pages: dict, symptoms: list[str], condition: str | None,
          order=None) -> tuple[str, list[dict]]:
    """(heading, [{text, source}]): where the chat read a collapse or no response, the basic-life-support lines
    only (a cause guessed from a collapse is too unsure for its own first aid: "collapsed at the gym" put
    alcohol poisoning first); else the page's own lines, put in `order` for the person asked about (a baby's own
    first aid: act_now.for_whom); at most `max_lines`."""
    data = load(kb_dir)
    bls = data["basic_life_support"]
    out = list(bls["lines"]) if set(bls["when_findings"]) & set(symptoms) else _page_lines(pages, condition)
    if order is not None:
        out = order(out)
    return data["heading"], out[: data["max_lines"]]
