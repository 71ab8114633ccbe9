"""One patient's allergy list, read and checked: each entry resolved to a drug, an allergy class or a non-drug
allergen (several substances on one line, a reaction typed first, a medicine typed as the reaction), and the
allergy and cross-reactivity issues of one drug against that list. patient_checks builds the patient context with
`read_allergies` and checks each option with `allergy_issues`; the medication review reads the same context."""

from __future__ import annotations

import re

from medcore.therapy.allergy_text import as_written, reaction_first
from medcore.therapy.issues import Issue
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.names import resolve_allergen, resolve_non_drug_allergen
from medcore.therapy.non_drug import non_drug_caution
from medcore.therapy.profile import Allergy, Patient


def _severe(kb: KnowledgeBase, reaction: str) -> bool | None:
    r = reaction.lower().strip()
    if not r:
        return None
    return any(t in r for t in kb.severe_reaction_terms)


SPELLING_GUESS = ("fuzzy", "spelling", "shortened")


def read_allergies(kb: KnowledgeBase, p: Patient, warnings: list[str]) -> list[dict]:
    """Each allergy entry resolved to a drug and/or allergy class (cross-reactivity reads the class), or to a
    non-drug allergen (food, venom, equipment: `non_drug`, recorded and shown with what the KB sources say about
    medicines). A "reaction" that is itself a medicine or class ("Tylenol - codeine": a dash between two
    substances, not before a reaction) is checked as an allergy too; a reaction typed first ("hives from
    penicillin") is read as such. Unread entries keep drug, class and non_drug None: the plan lists them as not
    checked."""
    allergies = []
    for a in _one_substance_each(kb, p.allergies):
        drug_id, klass, non_drug, r, a = _read_one(kb, a)
        severe = _severe(kb, a.reaction)
        allergies.append({"text": a.substance, "reaction": a.reaction, "drug": drug_id, "class": klass,
                          "non_drug": non_drug, "severe": True if severe is None else severe,
                          "reaction_recorded": severe is not None})
        if non_drug:
            continue
        if (drug_id or klass) and r.how in SPELLING_GUESS:  # "pencillin": say how it was read
            read_as = kb.drug_name(drug_id) if drug_id else kb.allergy_classes[klass]["name"]
            warnings.append(f"allergy '{a.substance}' read as {read_as} (closest spelling); check this is right")
        if drug_id is None and klass is None:
            warnings.append(f"allergy '{a.substance}' not recognised" +
                            (f" (did you mean {', '.join(r.suggestions)}?)" if r.suggestions else "") +
                            " - not checked")
        if a.reaction:
            d2, k2, r2 = resolve_allergen(kb, a.reaction)
            if (d2 or (k2 and k2 != "other")) and r2.how not in SPELLING_GUESS:
                allergies.append({"text": a.reaction, "reaction": "", "drug": d2, "class": k2, "non_drug": None,
                                  "severe": True, "reaction_recorded": False})
                warnings.append(f"allergy '{a.substance} - {a.reaction}': {a.reaction} is a medicine, so it was "
                                "checked as a second allergy")
    return allergies


def _read_one(kb: KnowledgeBase, a: Allergy):
    """(drug id, allergy class, non-drug allergen id, resolution, the entry as read) of one allergy entry. A drug or
    class read without a spelling guess wins; then a non-drug allergen named exactly ("latex", "eggs"); then a
    reaction typed before its substance ("hives from penicillin", "rash with amoxicillin"); a spelling guess last."""
    drug_id, klass, r = resolve_allergen(kb, a.substance)
    if (drug_id or klass) and r.how not in SPELLING_GUESS:
        return drug_id, klass, None, r, a
    non_drug = resolve_non_drug_allergen(kb, a.substance)
    if non_drug:
        return None, None, non_drug, r, a
    for substance, reaction in reaction_first(a.substance):
        d2, k2, r2 = resolve_allergen(kb, substance)
        nd2 = None if (d2 or k2) else resolve_non_drug_allergen(kb, substance)
        if d2 or k2 or nd2:
            both = "; ".join(x for x in (reaction, a.reaction) if x)
            return d2, k2, nd2, r2, Allergy(substance, both)
    return drug_id, klass, None, r, a


def _is_read(kb: KnowledgeBase, text: str) -> bool:
    d, c, _ = resolve_allergen(kb, text)
    return bool(d or c or resolve_non_drug_allergen(kb, text))


_LIST_MARK = re.compile(r"[,;/&]|\band\b")


def _one_substance_each(kb: KnowledgeBase, allergies: list[Allergy]) -> list[Allergy]:
    """An entry naming several substances ("penicillin, sulfa", "codeine and morphine", "latex, eggs") that is not
    read as one is read as one entry per substance, each with the reaction, when a part is read (an unread part is
    then reported as not checked on its own: "zorblax, penicillin" still checks penicillin); otherwise it stays as
    typed."""
    out = []
    for a in allergies:
        parts = [x.strip() for x in _LIST_MARK.split(a.substance) if x.strip()]
        if len(parts) > 1 and not _is_read(kb, a.substance) and any(_is_read(kb, x) for x in parts):
            out += [Allergy(x, a.reaction) for x in parts]
        else:
            out.append(a)
    return out


def allergy_issues(kb: KnowledgeBase, allergies: list[dict], drug: dict) -> list[Issue]:
    """The allergy and cross-reactivity issues of one drug against the patient's allergies as `read_allergies`
    gave them (the exact drug or its allergy class: contraindicated; the KB's cross-reactivity rules, graded by how
    severe the reaction was; a non-drug allergen: only what its source says about this drug)."""
    out: list[Issue] = []
    dclass = drug.get("allergy_class")
    name = kb.drug_name(drug["id"])
    for a in allergies:
        label = as_written(a["text"], a["reaction"], " (reaction not recorded: treated as severe)")
        if a.get("non_drug"):  # a food or equipment allergen: only the drug relevance its source states
            issue = non_drug_caution(kb, a, drug["id"], name, label)
            if issue:
                out.append(issue)
            continue
        if a["drug"] == drug["id"]:
            out.append(Issue("contraindicated", "allergy", f"{name}: patient allergy to {label}",
                             "Patient allergy record", [drug["id"]]))
            continue
        if a["class"] and dclass and a["class"] == dclass and dclass != "other":
            cname = kb.allergy_classes[dclass]["name"]
            out.append(Issue("contraindicated", "allergy", f"{name} is in the same allergy class ({cname}) as "
                             f"{label}", "Patient allergy record; class membership from FDA label", [drug["id"]]))
            continue
        if not (a["class"] and dclass):
            continue
        handled = False
        for rule in kb.cross_reactivity:
            if rule["allergy"] != a["class"] or rule["drug_class"] != dclass:
                continue
            if rule.get("same_side_chain_only"):
                if a["drug"]:
                    chains = {kb.drugs[a["drug"]].get("side_chain")}
                else:
                    chains = {d.get("side_chain") for d in kb.drugs.values() if d.get("allergy_class") == a["class"]}
                chains.discard(None)
                if not drug.get("side_chain") or drug.get("side_chain") not in chains:
                    continue
            elif handled:
                continue
            handled = True
            level = rule["severe"] if a["severe"] else rule["mild"]
            sev = {"avoid": "contraindicated", "caution": "major", "info": "info"}[level]
            out.append(Issue(sev, "allergy", f"{name}: cross-reactivity with {label}. {rule['note']}", rule["source"],
                             [drug["id"]]))
    return out
