"""Optional language-model phrasing of questions and advice. The engine decides; the model may
only rephrase, and its text must pass the grounding check (no condition the engine did not
rank) or the template text is shown instead, saying so."""

from __future__ import annotations

from medcore.llm.base import Prompt
from medcore.llm.phrasing import Phrased, phrase


def _vocabulary(kb) -> list[str]:
    return [c.name for c in kb.conditions] + [c.name.split(" (")[0] for c in kb.conditions]


def phrase_question(backend, kb, question: dict) -> Phrased:
    prompt = Prompt(
        task="triage.question",
        instruction="Rephrase this symptom question for a patient in one short, friendly sentence. "
                    "Ask exactly the same thing. Do not mention any illness.",
        facts={"question": question["text"]},
        template_text=question["text"])
    return phrase(backend, prompt, allowed_terms=[], vocabulary=_vocabulary(kb))


def phrase_advice(backend, kb, result: dict, template_text: str, view=None) -> Phrased:
    """`view` is the result_view.ResultView the template was written from: the model gets the same
    causes and advice (never the top condition's own advice when its level is not the heading's)."""
    diff = result.get("differential", [])
    if view is not None:
        facts = {"triage": view.heading, "reason": view.reason, "too_early_to_rank": view.too_early,
                 "possible_conditions": [d["name"] for d in view.likely],
                 "to_rule_out": [{"condition": r["name"], "warning_signs": r["warning_signs"]} for r in view.rule_out],
                 "advice": view.about or {}, "safety_net": view.safety_net}
    else:
        facts = {"triage": result.get("triage_text"), "reason": result.get("triage_reason"),
                 "possible_conditions": [d["condition"] for d in diff[:3]],
                 "advice": diff[0]["education"] if diff else {}}
    prompt = Prompt(
        task="triage.advice",
        instruction="Rewrite this symptom-checker result for a patient in plain, calm language in under 120 "
                    "words. Keep the urgency level and the advice exactly. Mention only the conditions listed.",
        facts=facts, template_text=template_text)
    allowed = [d["condition"] for d in diff] + [d["condition"].split(" (")[0] for d in diff]
    return phrase(backend, prompt, allowed_terms=allowed, vocabulary=_vocabulary(kb))
