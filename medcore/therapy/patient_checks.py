"""What one patient brings to every option: the context (conditions, allergies, current medicines, kidney
function) and the per-drug checks against it (allergy and cross-reactivity, contraindications, interactions with
current medicines, pharmacogenomics, renal and hepatic bands, Beers). The planner ranks options with these; the
medication review runs the same checks on the current medicines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from medcore.therapy import interactions as ix
from medcore.therapy import pgx as pgxmod
from medcore.therapy.calculators import CalcResult
from medcore.therapy.course import after_stop
from medcore.therapy.dosing import kidney_value, renal_where
from medcore.therapy.issues import Issue
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.allergy_text import as_written, reaction_first
from medcore.therapy.non_drug import non_drug_caution
from medcore.therapy.names import resolve_allergen, resolve_drug, resolve_non_drug_allergen, resolve_state
from medcore.therapy.profile import Allergy, Patient, organ_function, stopped_days_ago, without_stop_time


# Penalty points by kind of problem (see the planner's module docstring for how they rank options).
PENALTY = {"major_interaction": 2.0, "moderate_interaction": 0.5, "caution_state": 1.0, "beers": 1.0,
           "duplicate_class": 1.0, "pgx_adjust": 0.5, "qt_risk": 2.0, "allergy_caution": 1.0}


BEERS_AGE = 65  # AGS Beers Criteria apply from 65


@dataclass
class PatientContext:
    kb: KnowledgeBase
    p: Patient
    states: set[str]
    state_names: dict[str, str]
    allergies: list[dict]
    med_ids: list[str]
    crcl: float | None
    egfr: float | None
    # daily amount of a current medicine where its text states one ("simvastatin 40 mg daily"): read by the
    # interaction rules whose severity depends on dose
    med_doses: dict[str, float] = field(default_factory=dict)
    # course of a current medicine where its text states one ("for 5 days", "long-term"; math.inf), read by the
    # rules whose severity depends on duration; medicines stopped recently as (text, drug id, days ago)
    med_days: dict[str, float] = field(default_factory=dict)
    stopped: list[tuple[str, str, float]] = field(default_factory=list)
    # route a current medicine's text names ("hydrocortisone cream": topical), read by interactions.by_route
    med_routes: dict[str, str] = field(default_factory=dict)
    # where the eGFR is not measured but the top of a stated CKD stage's KDIGO range: said beside every renal cap
    egfr_basis: str = ""

    @property
    def rule_crcl(self) -> float | None:
        """The kidney function the interaction rules read (theirs is CrCl): the measured CrCl; with none, the eGFR
        (typed, or of a stated CKD stage: dabigatran + amiodarone at stage 4 is the label's "CrCl < 30" case), the
        renal bands' fallback (dosing.kidney_value)."""
        return kidney_value("crcl", self.crcl, self.egfr)[0]

    @property
    def rule_where(self) -> Callable[[float], str]:
        """How an interaction rule's kidney context says its comparison (dosing.renal_where: an eGFR standing in
        for CrCl, and a stage's eGFR not measured, say so)."""
        value, basis = kidney_value("crcl", self.crcl, self.egfr)
        return lambda below: renal_where({"below": below}, basis, value, self.egfr_basis)


def _severe(kb: KnowledgeBase, reaction: str) -> bool | None:
    r = reaction.lower().strip()
    if not r:
        return None
    return any(t in r for t in kb.severe_reaction_terms)


def build_context(kb: KnowledgeBase, p: Patient) -> tuple[PatientContext, list[str], list[dict], list[dict], list[dict],
                                                          list[CalcResult]]:
    warnings: list[str] = []
    states: dict[str, str] = {}
    problems = []
    for text in p.conditions:
        r = resolve_state(kb, text)
        problems.append({"text": text, "id": r.id, "how": r.how, "stage": r.stage})
        if r.ok:
            for i in r.ids:  # "CKD 5D": chronic kidney disease and on dialysis
                states[i] = text
            if r.how in ("fuzzy", "named"):
                warnings.append(r.message(kb, "problem"))
        else:
            warnings.append(r.message(kb, "problem") + " - contraindications for it were not checked")
    if p.pregnant:
        states["pregnancy"] = "pregnant"
    if p.lactating:
        states["lactation"] = "breastfeeding"
    meds = []
    med_ids = []
    named = []
    resolved = []
    for text in p.medications:
        r = resolve_drug(kb, text)
        if r.ok:
            named.append((text, r.ids))
            resolved.append(r)
        meds.append({"text": text, "id": r.id, "name": " + ".join(kb.drug_name(i) for i in r.ids) if r.ok else None,
                     "how": r.how, "suggestions": r.suggestions, "ids": r.ids,
                     "interaction_only": r.interaction_only, "unchecked": r.unchecked})
        if r.ok:
            med_ids.extend(r.ids)  # a combination product: each ingredient is checked
            if r.how in ("fuzzy", "spelling", "shortened") or r.interaction_only or r.unchecked:
                warnings.append(r.message(kb))
        else:
            warnings.append(r.message(kb) + " - interactions with it were not checked")
    stopped = []
    for text in p.stopped_medications:
        r = resolve_drug(kb, without_stop_time(text))
        if r.ok:
            stopped += [(text, i, stopped_days_ago(text) or 0.0) for i in r.ids]
        else:
            warnings.append(r.message(kb) + " - interactions that outlast it were not checked")
    allergies = read_allergies(kb, p, warnings)
    organ = organ_function(p)
    staged = None if p.scr_mg_dl is not None or p.egfr is not None else stage_kidney_function(kb, problems)
    if staged:  # a stated CKD stage and no creatinine or eGFR: the caps of the stage's top eGFR, said as such
        organ.egfr, basis, calc_row = staged
        organ.calcs.append(calc_row)
        organ.notes = [n for n in organ.notes if not n.startswith("No creatinine")] + [calc_row.notes[0]]
    warnings += organ.notes
    names = {s: (kb.states.get(s) or kb.conditions.get(s) or {"name": s})["name"] for s in states}
    ctx = PatientContext(kb, p, set(states), names, allergies, med_ids, organ.crcl, organ.egfr,
                         ix.stated_doses(kb, named), ix.stated_courses(named), stopped, ix.typed_routes(resolved))
    ctx.egfr_basis = staged[1] if staged else ""
    return ctx, warnings, meds, problems, allergies, organ.calcs


def stage_kidney_function(kb: KnowledgeBase, problems: list[dict]) -> tuple[float, str, CalcResult] | None:
    """(eGFR, how it was found, calculation row) from the most advanced CKD stage among the patient's problems, for
    a patient with no creatinine or eGFR: the top of the stage's KDIGO GFR range (stage 4: 29, so every cap "eGFR <
    30" applies; conservative). None when no stage with an upper bound was stated (G1 sets none)."""
    staged = [(kb.ckd_stages[g], pr) for pr in problems for g in (pr.get("stage", "").rstrip("D"),)
              if kb.ckd_stages.get(g, {}).get("upper")]
    if not staged:
        return None
    cat, pr = min(staged, key=lambda x: x[0]["upper"])
    basis = f"from the stated CKD stage {cat['stage']}, not a measured value"
    note = (f"Kidney function: no creatinine or eGFR given; renal dose caps applied from the stated CKD stage "
            f"('{pr['text']}': KDIGO {cat['stage']}, eGFR {cat['range']} mL/min/1.73 m²) at the top of its range, "
            f"eGFR {cat['upper']}; caps set for a lower kidney function within the stage are not applied. Not a measured "
            "value: give a creatinine or eGFR for exact dosing.")
    row = CalcResult(f"eGFR from stated CKD stage {cat['stage']}", float(cat["upper"]), "mL/min/1.73 m²",
                     "top of the stage's KDIGO GFR category (not measured)",
                     {"stated": pr["text"], "stage": cat["stage"], "KDIGO range": cat["range"]},
                     [f"{cat['stage']}: eGFR {cat['range']} → {cat['upper']} (the range's upper bound: every renal cap "
                      f"of the stage applies)"], [note], kb.ckd_stage_source)
    return float(cat["upper"]), basis, row


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


def beers_for(kb: KnowledgeBase, drug_id: str) -> tuple[str, str] | None:
    """(criterion text, source) of the AGS Beers criterion for a drug, or None: the drug's own entry, else its
    class's (shared.yaml beers_classes). One home for options and current medicines alike."""
    own = (kb.drugs.get(drug_id) or {}).get("beers")
    if own:
        return own, kb.flag_sources["beers"]
    for k in sorted(kb.drug_info(drug_id)["classes"]):
        b = kb.beers_classes.get(k)
        if b and drug_id not in b.get("except", ()):
            return b["text"], b["source"]
    return None


def allergy_issues(ctx: PatientContext, drug: dict) -> list[Issue]:
    kb = ctx.kb
    out: list[Issue] = []
    dclass = drug.get("allergy_class")
    name = kb.drug_name(drug["id"])
    for a in ctx.allergies:
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


def drug_issues(ctx: PatientContext, drug: dict, daily: float | None = None, days: float | None = None,
                route_notes: list[str] | None = None
                ) -> tuple[list[Issue], list[tuple[Issue, float]], list[pgxmod.PgxResult], tuple[float, str] | None]:
    """(exclusions, cautions with penalty, pgx results, pgx dose factor) for one drug; `daily`: its planned daily
    amount, for interaction rules whose severity depends on dose; `days`: its planned course (math.inf for
    long-term), for rules whose severity depends on duration. `route_notes`: when given, gets the note of each
    pair with a current medicine that was not raised, or was regraded, because that medicine was typed as a skin,
    eye or ear form (the same notes the plan and the interaction check show)."""
    kb, p = ctx.kb, ctx.p
    name = kb.drug_name(drug["id"])
    src = drug["source"]
    excl: list[Issue] = []
    caut: list[tuple[Issue, float]] = []
    for i in allergy_issues(ctx, drug):
        if i.severity == "contraindicated":
            excl.append(i)
        else:
            caut.append((i, PENALTY["allergy_caution"] if i.severity == "major" else 0.0))
    for s in drug.get("contraindicated_in", []):
        if s in ctx.states:
            note = drug.get("pregnancy_note", "") if s == "pregnancy" else ""
            excl.append(Issue("contraindicated", "pregnancy" if s == "pregnancy" else "contraindication",
                              f"{name} is contraindicated in {ctx.state_names[s]}" + (f". {note}" if note else ""),
                              src, [drug["id"]]))
    for s in drug.get("caution_in", []):
        if s in ctx.states:
            caut.append((Issue("moderate", "contraindication", f"{name}: use with caution in {ctx.state_names[s]}",
                               src, [drug["id"]]), PENALTY["caution_state"]))
    if p.pregnant and "pregnancy" not in drug.get("contraindicated_in", []):
        if drug.get("pregnancy") == "avoid":
            excl.append(Issue("contraindicated", "pregnancy", f"{name}: avoid in pregnancy. "
                              + drug.get("pregnancy_note", ""), src, [drug["id"]]))
        elif drug.get("pregnancy") == "caution":
            caut.append((Issue("moderate", "pregnancy", f"{name}: use in pregnancy only if benefit outweighs risk. "
                               + drug.get("pregnancy_note", ""), src, [drug["id"]]), 0.5))
        elif drug.get("pregnancy") is None:
            caut.append((Issue("moderate", "pregnancy", f"{name}: no pregnancy safety entry in the knowledge base; "
                               "check the label", src, [drug["id"]]), 1.0))
    if p.lactating:
        if drug.get("lactation") == "avoid":
            excl.append(Issue("contraindicated", "lactation", f"{name}: avoid while breastfeeding", src, [drug["id"]]))
        elif drug.get("lactation") == "caution":
            caut.append((Issue("moderate", "lactation", f"{name}: caution while breastfeeding", src, [drug["id"]]), 0.5))
    if drug.get("min_age") is not None and p.age < drug["min_age"]:
        excl.append(Issue("contraindicated", "age", f"{name}: not for age under {drug['min_age']:g} years. "
                          + drug.get("age_note", ""), src, [drug["id"]]))
    beers = beers_for(kb, drug["id"]) if p.age >= BEERS_AGE else None
    if beers:
        caut.append((Issue("moderate", "beers", f"{name} (age {p.age:g}): {beers[0]}", beers[1], [drug["id"]]),
                     PENALTY["beers"]))
    if "long_qt" in ctx.states and drug.get("qt") == "known" and "long_qt" not in drug.get("contraindicated_in", []):
        caut.append((Issue("major", "qt", f"{name} has known torsades risk and the patient has QT prolongation",
                           kb.flag_sources["qt"], [drug["id"]]), PENALTY["qt_risk"]))
    # current medicines: the same drug, the same class, interactions
    for m in ctx.med_ids:
        if m == drug["id"]:
            excl.append(Issue("info", "duplicate", f"patient already takes {name}", "medication list", [drug["id"]]))
            continue
        shared = set(kb.drug_info(m)["classes"]) & set(drug["classes"]) & kb.duplicate_classes
        if shared and not ix.local_form(kb, m, ctx.med_routes):  # a steroid cream is not a second systemic steroid
            caut.append((Issue("moderate", "duplicate", f"{name} duplicates {kb.drug_name(m)} "
                               f"({', '.join(sorted(k.replace('_', ' ') for k in shared))})", kb.duplicate_source,
                               [drug["id"], m]), PENALTY["duplicate_class"]))
        doses = {**ctx.med_doses, **({drug["id"]: daily} if daily else {})}
        f = ix.pair(kb, drug["id"], m, ctx.rule_crcl, doses, {**ctx.med_days, **({drug["id"]: days} if days else {})},
                    ctx.med_routes, ctx.p.child_pugh, ctx.rule_where)
        if f and ctx.med_routes:  # a skin, eye or ear form: systemic-only rules are not raised (routes.yaml)
            kept, notes = ix.by_route(kb, [f], ctx.med_routes)
            f = kept[0] if kept else None
            if route_notes is not None:
                route_notes += [n for n in notes if n not in route_notes]
        if f:
            # a dose limit broken by the CURRENT medicine's dose (aspirin 325 mg with new ticagrelor): the remedy is
            # to lower that medicine, which the management says; the new option is not ranked as one to avoid
            current_over = m in ix.avoid_dose_of(kb, drug["id"], m, doses)
            issue = Issue(f.severity, "interaction", f"{f.drugs[0]} + {f.drugs[1]}: {f.effect} ({f.mechanism}). "
                          f"Management: {f.management}", f.source, list(f.drug_ids),
                          avoid=f.avoid and f.severity == "major" and not current_over)
            if f.severity == "contraindicated":
                excl.append(issue)
            else:
                caut.append((issue, {"major": PENALTY["major_interaction"],
                                     "moderate": PENALTY["moderate_interaction"]}.get(f.severity, 0.0)))
    for issue in after_stop(kb, drug["id"], ctx.stopped, ctx.rule_crcl, name, ctx.rule_where):
        if issue.severity == "contraindicated":
            excl.append(issue)
        else:
            caut.append((issue, {"major": PENALTY["major_interaction"],
                                 "moderate": PENALTY["moderate_interaction"]}.get(issue.severity, 0.0)))
    results, problems = pgxmod.patient_results(kb, drug["id"], p.genotypes)
    factor = None
    for r in results:
        text = f"{name}, {r.gene} {r.phenotype}: {r.recommendation} (CPIC {r.strength})"
        issue = Issue("major" if r.action in ("avoid", "use_alternative") else
                      "moderate" if r.action == "adjust_dose" else "info", "pgx", text, r.source, [drug["id"]])
        if r.action in ("avoid", "use_alternative"):
            excl.append(issue)
        elif r.action == "adjust_dose":
            caut.append((issue, PENALTY["pgx_adjust"]))
            if r.dose_factor and (factor is None or r.dose_factor < factor[0]):  # two genes: the lower factor
                factor = (r.dose_factor, f"{r.gene} {r.phenotype}, CPIC")
        else:
            caut.append((issue, 0.0))
    for prob in problems:
        caut.append((Issue("minor", "pgx", prob, "CPIC", [drug["id"]]), 0.0))
    return excl, caut, results, factor
