"""What one patient brings to every option: the context (conditions, allergies, current medicines, kidney
function) and the per-drug checks against it (contraindications, interactions with current medicines,
pharmacogenomics, renal and hepatic bands, Beers; allergy and cross-reactivity in patient_allergies). The planner
ranks options with these; the medication review runs the same checks on the current medicines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from medcore.therapy import interactions as ix
from medcore.therapy import pgx as pgxmod
from medcore.therapy.calculators import CalcResult
from medcore.therapy.course import after_stop
from medcore.therapy.dosing import kidney_value, renal_where
from medcore.therapy.issues import Issue, sentences
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.names import resolve_drug, resolve_state
from medcore.therapy.patient_allergies import allergy_issues, read_allergies
from medcore.therapy.profile import Patient, organ_function, stopped_days_ago, without_stop_time


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
    for i in allergy_issues(kb, ctx.allergies, drug):
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
                    ctx.med_routes, ctx.p.child_pugh, ctx.rule_where, added=drug["id"])  # the option is the new one
        if f and ctx.med_routes:  # a skin, eye or ear form: systemic-only rules are not raised (routes.yaml)
            kept, notes = ix.by_route(kb, [f], ctx.med_routes)
            f = kept[0] if kept else None
            if route_notes is not None:
                route_notes += [n for n in notes if n not in route_notes]
        if f:
            # a dose limit broken by the CURRENT medicine's dose (aspirin 325 mg with new ticagrelor): the remedy is
            # to lower that medicine, which the management says; the new option is not ranked as one to avoid
            current_over = m in ix.avoid_dose_of(kb, drug["id"], m, doses)
            issue = Issue(f.severity, "interaction", sentences(f"{f.drugs[0]} + {f.drugs[1]}: {f.what_happens()}",
                                                               f"Management: {f.advice()}"), f.source, list(f.drug_ids),
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
