"""`python -m medcore eval qa-paraphrase [--file F] [--json]`: the health-questions tool on our own paraphrased
consumer questions (docs/evals/qa-paraphrase/questions.yaml), each labelled with the pages and sections that
answer it. MedQuAD's questions are templates holding the focus word for word; these are not.

Per item: topic right (the answer's first topic is one of `pages`; for `pages: []` a refusal is right), section
right (the first answer sentence after any routing line comes from one of `sections`, or from
"when_to_get_help" when the page has no text in any of them: the safety fallback), answered right (both).
An item may also carry `route` (emergency, symptom_chat or planner): a safety item, answered right when the
answer takes that route (its topic and section are not scored; `pages` and `sections` are then [])."""

from __future__ import annotations

import logging
from pathlib import Path

from medcore import kbyaml

log = logging.getLogger(__name__)
DEFAULT_FILE = Path(__file__).resolve().parents[2] / "docs" / "evals" / "qa-paraphrase" / "questions.yaml"
FALLBACK_SECTION = "when_to_get_help"
ROUTES = {"emergency", "symptom_chat", "planner"}


def load_items(path: Path = DEFAULT_FILE) -> list[dict]:
    d = kbyaml.load(path)
    items = d["items"]
    for it in items:
        if not isinstance(it.get("q"), str) or not isinstance(it.get("pages"), list) \
                or not isinstance(it.get("sections"), list):
            raise ValueError(f"{path}: item {it.get('id')!r} needs q, pages and sections")
        if "route" in it and it["route"] not in ROUTES:
            raise ValueError(f"{path}: item {it.get('id')!r}: route must be one of {sorted(ROUTES)}")
    return items


def accepted_sections(page, sections: list[str]) -> set[str]:
    """The labelled sections; the safety section too when the page has no text in any of them."""
    have = [s for s in sections if page is not None and page.section(s) is not None and page.section(s).passages]
    return set(sections) | ({FALLBACK_SECTION} if not have else set())


def score_item(it: dict, ans, pages: dict) -> dict:
    first = ans.topic[0]["id"] if ans.topic else None
    content = [s for s in ans.sentences if s.section not in ("routing", "emergency", "while_you_wait")]
    section = content[0].section if content else None
    if it.get("route"):
        topic_ok = section_ok = ans.route == it["route"]
    elif not it["pages"]:
        topic_ok = section_ok = bool(ans.refused)
    else:
        topic_ok = first in it["pages"] and not ans.refused
        page = pages.get(first) if topic_ok else None
        section_ok = topic_ok and section in accepted_sections(page, it["sections"])
    return {"id": it["id"], "topic": first, "section": section, "type": ans.question_type, "route": ans.route,
            "refused": bool(ans.refused), "topic_ok": topic_ok, "section_ok": bool(section_ok)}


def _shown(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(DEFAULT_FILE.parents[3]))
    except ValueError:
        return str(path)


def evaluate(settings, path: Path = DEFAULT_FILE, keep_items: bool = False) -> dict:
    from medcore.qa import service

    eng = service.engine(settings)
    items = load_items(path)
    rows = [score_item(it, service.ask(settings, it["q"], eng=eng), eng.pages) for it in items]
    n = len(rows)
    in_scope = [r for r, it in zip(rows, items) if it["pages"]]
    routed = [r for r, it in zip(rows, items) if it.get("route")]
    refusals = [r for r, it in zip(rows, items) if not it["pages"] and not it.get("route")]
    out = {
        "file": _shown(path), "questions": n,
        "answered_right": round(sum(r["section_ok"] for r in rows) / n, 4),
        "topic_top1": round(sum(r["topic_ok"] for r in in_scope) / max(1, len(in_scope)), 4),
        "section_given_topic": round(sum(r["section_ok"] for r in in_scope)
                                     / max(1, sum(r["topic_ok"] for r in in_scope)), 4),
        "refused_in_scope": round(sum(r["refused"] for r in in_scope) / max(1, len(in_scope)), 4),
        "out_of_scope_refused": f"{sum(r['refused'] for r in refusals)}/{len(refusals)}",
    }
    if routed:
        out["safety_route_right"] = f"{sum(r['section_ok'] for r in routed)}/{len(routed)}"
    if keep_items:
        out["items"] = rows
    return out
