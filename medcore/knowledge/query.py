"""Questions in plain words to graph queries: rules and the name matcher, no language model.

`ask(kg, question, resolver)` returns an `Answer`: the query as understood (intent, concepts,
filters), result rows (concept, relation, target, source), a short text and `ok`. A question it
cannot map says so and shows what it did understand. The question forms live in `query_forms`."""

from __future__ import annotations

import re

from medcore.knowledge import query_forms as forms
from medcore.knowledge.answer import Answer, unmapped
from medcore.knowledge.graph import KnowledgeGraph
from medcore.knowledge.resolve import Hit, Resolver


def _in_order(*parts: str) -> str:
    """What `A.*B.*C` finds with search() (a line with A, then B, then C), read once per line: the line's first A,
    the first B after it, then C. `A.*B` retried from every A rescans the rest of the line: quadratic over "A A A…".
    Only whether it matches counts (detect_intent), not where."""
    return "^" + "".join(rf"(?:(?!{p}).)*+{p}" for p in parts[:-1]) + ".*" + parts[-1]


# Order matters: the first intent whose pattern matches wins ("which tests confirm X" is about
# tests, not causes; "red flags" is not a test).
INTENTS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(p)) for name, p in (
    ("pgx", r"\bcpic\b|pharmacogen|\bpgx\b|metaboli[sz]er|\bgenotype|\bphenotype"),
    ("renal_dose", "(?m)" + _in_order(r"\b(crcl|creatinine clearance|e?gfr)\b", r"\d")
                   + "|" + _in_order(r"\b(renal|kidney)\b", r"\bdos(e|ing)\b", r"\d")
                   + "|" + _in_order(r"\bdos(e|ing)\b", r"\b(crcl|e?gfr|renal|kidney)\b", r"\d")),
    ("hepatic_dose", "(?m)" + _in_order(r"\b(hepatic|liver|child[- ]pugh)\b", r"\bdos(e|ing)")
                     + "|" + _in_order(r"\bdos(e|ing)\b", r"\b(hepatic|liver|child[- ]pugh)\b")),
    ("interactions", r"(?m)\binteract|\b(safe|ok|okay|fine) to (take|use|give|combine|mix)\b|"
                     + _in_order(r"\bcan (i|you|we|he|she|they) (take|use|give|combine|mix)\b", r"\b(with|and)\b")
                     + "|" + _in_order(r"\bcombin(e|ed|ing|ation)\b", r"\bwith\b") + r"|\btogether\b"),
    ("causes", r"\bdifferential\b"),
    ("red_flags", r"\bred[- ]?flags?\b|\bwarning signs?\b|\bdanger signs?\b|\balarm (signs?|symptoms?)\b"),
    ("tests", r"\btests?\b|\binvestigat|\bconfirm|\bdiagnos\w*|\bwork[- ]?up\b|\blabs?\b"),
    ("treatment", r"\bfirst[- ]line\b|\btreat|\btherapy\b|\bmanage(ment)?\b|\bdrug of choice\b|\bprescribe\b"
                  r"|\bmedications? for\b|\bantibiotics? for\b"),
    ("causes", r"\bcaus|\bcould be\b|\bdifferential\b|\breasons? for\b|\bwhy (do|does|would|am|is)\b"),
))


def detect_intent(question: str) -> str | None:
    q = question.lower()
    for name, pattern in INTENTS:
        if pattern.search(q):
            return name
    return None


def intent_from_concepts(hits: list[Hit]) -> str | None:
    """No question words matched: what the concepts alone make clear (a gene with a drug is a CPIC
    question; two drugs side by side ask whether they interact)."""
    types = [h.type for h in hits]
    if "gene" in types and ("drug" in types or "product" in types):
        return "pgx"
    if len({(h.start, h.end) for h in hits if h.type in ("drug", "product")}) >= 2:
        return "interactions"
    return None


def ask(kg: KnowledgeGraph, question: str, resolver: Resolver, max_rows: int = 200) -> Answer:
    question = " ".join(str(question).split())[:500]
    hits = resolver.find(question)
    intent = detect_intent(question) or intent_from_concepts(hits)
    drug_spans = {(h.start, h.end) for h in hits if h.type in ("drug", "product")}
    if intent == "interactions" and not re.search(r"\binteract", question.lower()) and len(drug_spans) < 2:
        intent = None  # "safe to take X in pregnancy" is no interaction question
    understood = {"intent": intent, "concepts": _concepts(hits)}
    if intent is None:
        return unmapped(question, understood, "I could not tell which kind of question this is.")
    handler = getattr(forms, intent)
    answer = handler(kg, question, hits, understood)
    answer.rows = answer.rows[:max_rows]
    return answer


def _concepts(hits: list[Hit]) -> list[dict]:
    return [{"id": h.concept_id, "type": h.type, "name": h.name, "matched": h.synonym} for h in hits]
