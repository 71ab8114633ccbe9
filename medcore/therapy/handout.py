"""The patient handout: template text, optionally phrased by the configured language model.

The model may only rephrase. Its text must pass the grounding check (no drug, condition or
dose that the plan does not contain, and every safety line of `render.must_keep_sections` kept word
for word, after its heading) or the template is shown instead, and the caller is told
which one it got. Non-local backends get the facts de-identified first.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from medcore.therapy import render
from medcore.therapy.kb import KnowledgeBase


@dataclass
class Handout:
    text: str
    source: str  # model | template
    backend: str
    note: str = ""
    plan_key: str = ""  # `plan_key` of the plan it was written from: a different key means the handout is stale


def plan_key(plan: dict) -> str:
    """A fingerprint of what a handout says: the condition, when the plan was made and every planned item
    (drug, dose, frequency, route, duration, status). Any edit to the plan changes it."""
    items = [{k: i.get(k) for k in ("drug_id", "dose", "unit", "frequency", "route", "duration", "status")}
             for i in render.planned_items(plan)]
    blob = json.dumps([plan.get("condition_id"), plan.get("created"), items], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def is_stale(handout: dict | None, plan: dict | None) -> bool:
    """True when a stored handout (its dict, with `plan_key`) was written for another version of the plan."""
    return bool(handout) and (plan is None or handout.get("plan_key") != plan_key(plan))


def vocabulary(kb: KnowledgeBase) -> list[str]:
    words = []
    for d in kb.drugs.values():
        words += [d["id"].replace("-", " "), d.get("name", "")] + list(d.get("brands", [])) + list(d.get("synonyms", []))
    for c in kb.conditions.values():
        words += [c["name"]] + list(c.get("synonyms", []))
    return [w for w in dict.fromkeys(words) if w and len(w) >= 4]


def make_handout(settings, kb: KnowledgeBase, plan: dict, backend=None) -> Handout:
    from medcore.llm import Prompt, get_backend
    from medcore.llm.phrasing import phrase

    template = render.handout_template(plan)
    items = render.planned_items(plan)
    facts = {"condition": plan["condition_name"],
             "medicines": [f"{i['drug']} {i['dose']} {i['unit']} {i.get('frequency_text') or i['frequency']}" for i in items],
             "things_to_do": plan.get("non_drug", []), "checks": plan.get("monitoring", []),
             "follow_up": plan.get("follow_up", ""), "current_medicines_to_discuss": render.conflict_lines(plan),
             "medicines_not_checked": list(plan.get("unchecked") or ())}
    backend = backend or get_backend(settings)
    if not getattr(backend, "local", True):
        from medcore.deid import deidentify

        template = deidentify(template).text
    keep = render.must_keep_lines(template)
    prompt = Prompt(task="therapy.handout",
                    instruction="Rewrite this patient handout in plain, friendly language at a 6th-grade reading level. "
                                "Keep every medicine, dose and instruction exactly; add nothing."
                                + (" Copy these lines word for word: " + " / ".join(keep) if keep else ""),
                    facts=facts, template_text=template)
    allowed = [i["drug"] for i in items] + [i["drug_id"].replace("-", " ") for i in items] + [plan["condition_name"]]
    out = phrase(backend, prompt, allowed_terms=allowed, vocabulary=vocabulary(kb),
                 must_keep=render.must_keep_sections(template))
    # The medicines' own education-page text follows, as written (never rephrased by the model), so the
    # handout and the Health questions page say the same about each drug.
    notes = medicine_notes(settings, [i["drug_id"] for i in items])
    return Handout(out.text + ("\n\n" + notes if notes else ""), out.source, out.backend, out.note, plan_key(plan))


def medicine_notes(settings, drug_ids: list[str]) -> str:
    """How to take each planned drug and what to watch for, from its education page (medcore.qa)."""
    from medcore.qa.handout import medicine_notes as notes_from_pages
    from medcore.qa.pages import get_page

    pages = [p for p in (get_page(settings, f"drug:{d}") for d in dict.fromkeys(drug_ids)) if p is not None]
    return notes_from_pages(pages)
