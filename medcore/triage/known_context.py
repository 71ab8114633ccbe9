"""The known condition or treatment that makes a present complaint an emergency: 'have you had chemotherapy in the
last 6 weeks?' for a fever, 'do you have sickle cell disease?' for a fever, chest pain or breathlessness.

One 'yes' fires an emergency rule of red_flags.yaml (fever_on_chemotherapy, sickle_cell_pain_or_fever), so the
safety net asks these first, before the warning signs of the serious conditions: NICE NG51 (sepsis) asks about the
risk factors that weaken the immune system (chemotherapy, sickle cell disease, long-term steroids) in anyone with a
possible infection, and UKONS/NICE CG151 and NICE CG143 make a fever on chemotherapy or in sickle cell disease an
emergency. Session 23 (issue 12): the case trainer's neutropenic sepsis and acute chest syndrome patients, opening
with a fever, were never asked either (the question came last, after the net's six warning signs) and went urgent.

Only `risk` findings (a known disease, a treatment, an exposure) are asked here: what the patient knows about
themselves; signs and pregnancy keep their place (engine.rule_completing_question, asked last)."""

from __future__ import annotations

from medcore.triage.engine import NO_ANCHOR  # 'under a day' or a blood pressure starts no rule
from medcore.triage.kb import KnowledgeBase


def context_questions(kb: KnowledgeBase, known: set[str], present: set[str]) -> list[str]:
    """The unasked `risk` findings that, each with the present findings, fire an emergency rule, in rule order. A rule
    counts as started by a present finding it names (in `all` or `any`, not a course or a measurement), so a fever
    starts 'sickle cell disease with fever' although its required part is the disease."""
    cat = lambda f: kb.finding(f).category if f in kb.finding_index else ""  # noqa: E731
    out: dict[str, None] = {}
    for rule in kb.rules:
        if rule.level != "emergency":
            continue
        if not any(f in present and cat(f) not in NO_ANCHOR for f in (*rule.all, *rule.any)):
            continue
        for fid in (*rule.all, *rule.any):
            if fid not in known and fid not in present and cat(fid) == "risk" and rule.fires(present | {fid}):
                out[fid] = None
    return list(out)
