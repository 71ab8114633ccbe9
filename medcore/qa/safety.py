"""Emergencies and personal symptom descriptions, read by the symptom chat's own engine (medcore.triage):
its NLU, red-flag rules and crisis resources. No second word list lives here."""

from __future__ import annotations

from dataclasses import dataclass, field

from medcore.triage import input_guard
from medcore.triage.input_checks import EMERGENCY_LINE
from medcore.triage.rules import LEVEL_TEXT

NON_COMPLAINT = {"course", "risk", "measured"}


@dataclass
class Reading:
    """What the triage engine made of the question text."""

    level: str
    symptoms: list[str]  # present findings that are symptoms (not history, risks or measurements)
    reasons: list[dict] = field(default_factory=list)  # {text, source} of each emergency rule or red flag
    crisis: dict | None = None
    self_harm_statement: bool = False
    condition: str | None = None  # the emergency condition the chat's assessment puts first (triage id)


@dataclass
class Emergency:
    kind: str  # crisis | red_flag
    heading: str
    sentences: list[dict]  # {text, source}
    contacts: list[str] = field(default_factory=list)
    waiting_heading: str = ""
    while_waiting: list[dict] = field(default_factory=list)  # {text, source}: what to do until help comes

    def to_dict(self) -> dict:
        return {"kind": self.kind, "heading": self.heading, "sentences": self.sentences, "contacts": self.contacts,
                "waiting_heading": self.waiting_heading, "while_waiting": self.while_waiting}


def read(engine, question: str) -> Reading:
    res, _ = engine.one_shot(question)
    symptoms = [f["id"] for f in res.findings if f["present"] and f["origin"] == "text"
                and engine.kb.finding(f["id"]).category not in NON_COMPLAINT]
    reasons = [{"text": r["reason"], "source": r["source"]} for r in res.fired_rules if r["level"] == "emergency"]
    reasons += [{"text": f"{rf['name']} is a warning sign of {rf['condition']}.", "source": rf["source"]}
                for rf in res.red_flags if rf.get("condition") and rf["level"] == "emergency"]
    if res.triage == "emergency" and not reasons:
        # the chat's level came from the weight of its differential, not from one rule ("a crushing pain in my
        # chest going down my left arm"): name the most likely emergency condition, with its own source
        reasons = _likely_emergency(engine, res)
    guard = input_guard.check(question)
    return Reading(res.triage, symptoms, reasons, res.crisis, bool(guard.self_harm_mention),
                   _first_condition(engine, res))


def _first_condition(engine, res) -> str | None:
    """The emergency condition the chat's assessment puts first: of those its red flags name, the highest in its
    differential; with no named one, its most likely emergency condition (as _likely_emergency names it)."""
    named = {rf["condition"] for rf in res.red_flags if rf.get("condition") and rf["level"] == "emergency"}
    ids = {c.id for c in engine.kb.conditions if c.name in named}
    emergencies = [d.id for d in res.differential if d.triage == "emergency"]
    return next((i for i in emergencies if i in ids), None) or (emergencies[0] if emergencies and not ids else None)


def _likely_emergency(engine, res) -> list[dict]:
    for d in res.differential:
        if d.triage == "emergency":
            c = next((c for c in engine.kb.conditions if c.id == d.id), None)
            if c is not None:
                return [{"text": f"These symptoms can be a sign of {c.name}, which needs emergency care.",
                         "source": c.source}]
    return []


def emergency(reading: Reading, personal: bool, crisis_source: str = "") -> Emergency | None:
    """An emergency is the chat's emergency level with a named reason, said about someone now (a question
    about the warning signs of a stroke in general is not one), or any statement of self-harm."""
    if reading.crisis and (reading.self_harm_statement or personal):
        c = reading.crisis
        sents = [{"text": c["text"], "source": c.get("source", crisis_source)}]
        return Emergency("crisis", LEVEL_TEXT["emergency"], sents, list(c.get("contacts", [])))
    if reading.level == "emergency" and reading.reasons and personal:
        sents = [{"text": LEVEL_TEXT["emergency"] + ".", "source": reading.reasons[0]["source"]}]
        seen = set()
        for r in reading.reasons:
            if r["text"] not in seen:
                seen.add(r["text"])
                sents.append(r)
        sents.append({"text": EMERGENCY_LINE, "source": "Medcore symptom chat"})
        return Emergency("red_flag", LEVEL_TEXT["emergency"], sents[:4])
    return None
