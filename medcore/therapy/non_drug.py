"""Allergens that are not medicines (foods, venoms, equipment; knowledge/non_drug_allergens.yaml): what the plan shows
of them, and the caution a medicine named by an allergen's source gets (propofol with an egg or soy allergy). One
home for both: a proposed option (patient_allergies.allergy_issues) and a current medicine (med_review) read the same
caution."""

from __future__ import annotations

from medcore.therapy.allergy_text import as_written
from medcore.therapy.issues import Issue
from medcore.therapy.kb import KnowledgeBase


def non_drug_caution(kb: KnowledgeBase, allergy: dict, drug_id: str, who: str, label: str) -> Issue | None:
    """The allergen's note as a major caution for `drug_id` when its source names that drug; None otherwise.
    `who` names the medicine as the caller says it, `label` the allergy entry as typed."""
    nd = kb.non_drug_allergens[allergy["non_drug"]]
    if drug_id not in nd.get("drugs", ()):
        return None
    return Issue("major", "allergy", f"{who}: patient allergy to {label}, not a medicine. {nd['note']}", nd["source"],
                 [drug_id])


def non_drug_allergies(kb: KnowledgeBase, allergies: list[dict]) -> list[dict]:
    """The plan's non-drug allergies: as typed, the KB name and kind, and the drug relevance with its source."""
    out = []
    for a in allergies:
        nd = kb.non_drug_allergens.get(a.get("non_drug") or "")
        if nd:
            out.append({"text": as_written(a["text"], a["reaction"]), "id": nd["id"],
                        "name": nd["name"], "kind": nd["kind"], "note": nd.get("note", ""), "source": nd["source"]})
    return out
