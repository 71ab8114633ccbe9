"""The planner: rank a condition's guideline options for one patient, exclude or penalise
each for this patient, dose the survivor, and explain the choice.

Ranking is guideline order, then penalties: an option is *excluded* (never proposed) for an
allergy or cross-reactivity marked avoid, an absolute contraindication (including pregnancy
or lactation 'avoid'), a contraindicated interaction with a current medicine, a PGx action of
avoid/use_alternative, a renal or hepatic 'avoid' band, a dose rule that says avoid, or a
missing paediatric dose. An option with a major interaction with a current medicine whose
source says to *avoid* the combination (`avoid: true` in interactions.yaml, e.g. a DOAC with a
strong CYP3A4/P-gp inducer) is kept but ranked below every option without such a problem, and
the explanation says why with the source. Softer problems add penalties (major interaction 2,
caution state, Beers or same-class duplication 1, moderate interaction or PGx dose change 0.5)
and a guideline 'preferred if' match subtracts 1.5. Whole penalty points demote an option across
guideline lines; fractions only reorder options within a line (see `rank_key`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from medcore.therapy import interactions as ix
from medcore.therapy import pgx as pgxmod
from medcore.therapy.calculators import CalcResult
from medcore.therapy.dosing import DoseResult, compute_dose
from medcore.therapy.issues import Issue, grouped
from medcore.therapy.kb import KnowledgeBase, as_jsonable
from medcore.therapy.names import resolve_allergen, resolve_condition, resolve_drug, resolve_state
from medcore.therapy.profile import Patient, organ_function

PENALTY = {"major_interaction": 2.0, "moderate_interaction": 0.5, "caution_state": 1.0, "beers": 1.0,
           "duplicate_class": 1.0, "pgx_adjust": 0.5, "qt_risk": 2.0, "allergy_caution": 1.0}
PREFERRED_BONUS = 1.5
DISCLAIMER = ("Decision support only: this draft plan was generated from the shipped knowledge base and must be "
              "reviewed by a licensed clinician before use. It is not a prescription.")
LINE_TEXT = {"first": "first-line", "alternative": "alternative", "if_first_line_contraindicated":
             "for use when first-line options are unsuitable"}


class PlanError(ValueError):
    pass


@dataclass
class OptionResult:
    option_id: str
    label: str
    line: str
    order: int
    drugs: list[str]
    source: str
    status: str = "candidate"  # recommended | alternative | excluded
    penalty: float = 0.0
    exclusions: list[Issue] = field(default_factory=list)
    cautions: list[Issue] = field(default_factory=list)
    doses: list[DoseResult] = field(default_factory=list)
    preferred_because: list[str] = field(default_factory=list)
    pgx: list[pgxmod.PgxResult] = field(default_factory=list)
    avoid_with: list[Issue] = field(default_factory=list)  # 'avoid' interactions with current medicines

    @property
    def excluded(self) -> bool:
        return bool(self.exclusions)


@dataclass
class Plan:
    condition_id: str
    condition_name: str
    guideline: str
    condition_source: str
    patient: dict
    calculations: list[CalcResult]
    input_warnings: list[str]
    medications: list[dict]
    problems: list[dict]
    allergies: list[dict]
    options: list[OptionResult]
    chosen: str | None
    explanation: list[str]
    warnings: list[Issue]
    interactions: list[ix.Finding]
    non_drug: list[str]
    monitoring: list[str]
    follow_up: str
    crcl: float | None = None
    egfr: float | None = None
    disclaimer: str = DISCLAIMER
    created: str = ""
    kb: dict = field(default_factory=dict)

    def chosen_option(self) -> OptionResult | None:
        return next((o for o in self.options if o.option_id == self.chosen), None)

    def grouped_warnings(self) -> dict[str, list[Issue]]:
        return grouped(self.warnings)

    def to_dict(self) -> dict[str, Any]:
        d = as_jsonable(self)
        for o, od in zip(self.options, d["options"]):
            for dose, dd in zip(o.doses, od["doses"]):
                dd["text"] = dose.text()
                dd["daily_total"] = dose.daily_total
                dd["frequency_text"] = dose.frequency_text
        d["warnings_by_severity"] = {k: [as_jsonable(i) for i in v] for k, v in self.grouped_warnings().items()}
        return d


@dataclass
class _Ctx:
    kb: KnowledgeBase
    p: Patient
    states: set[str]
    state_names: dict[str, str]
    allergies: list[dict]
    med_ids: list[str]
    crcl: float | None
    egfr: float | None


def _severe(kb: KnowledgeBase, reaction: str) -> bool | None:
    r = reaction.lower().strip()
    if not r:
        return None
    return any(t in r for t in kb.severe_reaction_terms)


def build_context(kb: KnowledgeBase, p: Patient) -> tuple[_Ctx, list[str], list[dict], list[dict], list[dict],
                                                          list[CalcResult]]:
    warnings: list[str] = []
    states: dict[str, str] = {}
    problems = []
    for text in p.conditions:
        r = resolve_state(kb, text)
        problems.append({"text": text, "id": r.id, "how": r.how})
        if r.ok:
            states[r.id] = text
            if r.how == "fuzzy":
                warnings.append(r.message(kb, "problem"))
        else:
            warnings.append(r.message(kb, "problem") + " - contraindications for it were not checked")
    if p.pregnant:
        states["pregnancy"] = "pregnant"
    if p.lactating:
        states["lactation"] = "breastfeeding"
    meds = []
    med_ids = []
    for text in p.medications:
        r = resolve_drug(kb, text)
        meds.append({"text": text, "id": r.id, "name": " + ".join(kb.drug_name(i) for i in r.ids) if r.ok else None,
                     "how": r.how, "suggestions": r.suggestions, "ids": r.ids,
                     "interaction_only": r.interaction_only, "unchecked": r.unchecked})
        if r.ok:
            med_ids.extend(r.ids)  # a combination product: each ingredient is checked
            if r.how == "fuzzy" or r.interaction_only or r.unchecked:
                warnings.append(r.message(kb))
        else:
            warnings.append(r.message(kb) + " - interactions with it were not checked")
    allergies = []
    for a in p.allergies:
        drug_id, klass, r = resolve_allergen(kb, a.substance)
        severe = _severe(kb, a.reaction)
        entry = {"text": a.substance, "reaction": a.reaction, "drug": drug_id, "class": klass,
                 "severe": True if severe is None else severe, "reaction_recorded": severe is not None}
        allergies.append(entry)
        if drug_id is None and klass is None:
            warnings.append(f"allergy '{a.substance}' not recognised" +
                            (f" (did you mean {', '.join(r.suggestions)}?)" if r.suggestions else "") +
                            " - not checked")
    organ = organ_function(p)
    warnings += organ.notes
    names = {s: (kb.states.get(s) or kb.conditions.get(s) or {"name": s})["name"] for s in states}
    ctx = _Ctx(kb, p, set(states), names, allergies, med_ids, organ.crcl, organ.egfr)
    return ctx, warnings, meds, problems, allergies, organ.calcs


def allergy_issues(ctx: _Ctx, drug: dict) -> list[Issue]:
    kb = ctx.kb
    out: list[Issue] = []
    dclass = drug.get("allergy_class")
    name = kb.drug_name(drug["id"])
    for a in ctx.allergies:
        label = a["text"] + (f" ({a['reaction']})" if a["reaction"] else " (reaction not recorded: treated as severe)")
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


def drug_issues(ctx: _Ctx, drug: dict) -> tuple[list[Issue], list[tuple[Issue, float]], list[pgxmod.PgxResult],
                                                tuple[float, str] | None]:
    """(exclusions, cautions with penalty, pgx results, pgx dose factor) for one drug."""
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
    if drug.get("beers") and p.age >= 65:
        caut.append((Issue("moderate", "beers", f"{name} (age {p.age:g}): {drug['beers']}", kb.flag_sources["beers"],
                           [drug["id"]]), PENALTY["beers"]))
    if "long_qt" in ctx.states and drug.get("qt") == "known" and "long_qt" not in drug.get("contraindicated_in", []):
        caut.append((Issue("major", "qt", f"{name} has known torsades risk and the patient has QT prolongation",
                           kb.flag_sources["qt"], [drug["id"]]), PENALTY["qt_risk"]))
    # current medicines: the same drug, the same class, interactions
    for m in ctx.med_ids:
        if m == drug["id"]:
            excl.append(Issue("info", "duplicate", f"patient already takes {name}", "medication list", [drug["id"]]))
            continue
        shared = set(kb.drug_info(m)["classes"]) & set(drug["classes"]) & kb.duplicate_classes
        if shared:
            caut.append((Issue("moderate", "duplicate", f"{name} duplicates {kb.drug_name(m)} "
                               f"({', '.join(sorted(k.replace('_', ' ') for k in shared))})", kb.duplicate_source,
                               [drug["id"], m]), PENALTY["duplicate_class"]))
        f = ix.pair(kb, drug["id"], m)
        if f:
            issue = Issue(f.severity, "interaction", f"{f.drugs[0]} + {f.drugs[1]}: {f.effect} ({f.mechanism}). "
                          f"Management: {f.management}", f.source, list(f.drug_ids),
                          avoid=f.avoid and f.severity == "major")
            if f.severity == "contraindicated":
                excl.append(issue)
            else:
                caut.append((issue, {"major": PENALTY["major_interaction"],
                                     "moderate": PENALTY["moderate_interaction"]}.get(f.severity, 0.0)))
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
            if r.dose_factor:
                factor = (r.dose_factor, f"{r.gene} {r.phenotype}, CPIC")
        else:
            caut.append((issue, 0.0))
    for prob in problems:
        caut.append((Issue("minor", "pgx", prob, "CPIC", [drug["id"]]), 0.0))
    return excl, caut, results, factor


_COURSE = re.compile(r"^\s*(?:up to\s+)?(\d+(?:\.\d+)?)\s*(day|week|month)s?\b", re.I)
_WEEKS = {"day": 1 / 7, "week": 1.0, "month": 52 / 12}


def course_weeks(duration: str | None) -> float | None:
    """The planned course length in weeks from a component's duration ('8 weeks, ...', '14 days',
    'up to 6 weeks'); None for long-term or unstated courses."""
    m = _COURSE.match(str(duration or ""))
    return float(m.group(1)) * _WEEKS[m.group(2).lower()] if m else None


def _beers_for_course(drug: dict, comp: dict, issue: Issue, pen: float) -> tuple[Issue, float]:
    """A Beers criterion about use beyond N weeks does not apply to a planned course of N weeks
    or less: keep it as a reminder (minor, no penalty) instead of demoting the option."""
    limit = drug.get("beers_beyond_weeks")
    weeks = course_weeks(comp.get("duration"))
    if issue.kind != "beers" or limit is None or weeks is None or weeks > limit + 1e-9:
        return issue, pen
    return Issue("minor", "beers", f"{issue.text}. This plan is a {weeks:g}-week course, within the criterion: "
                 f"review at the end and do not continue beyond {limit:g} weeks without an indication",
                 issue.source, issue.drugs), 0.0


def assess_option(ctx: _Ctx, opt: dict, order: int) -> OptionResult:
    kb, p = ctx.kb, ctx.p
    drugs = [c["drug"] for c in opt["components"]]
    label = opt.get("label") or " + ".join(kb.drug_name(d) for d in drugs)
    res = OptionResult(opt["id"], label, opt["line"], order, drugs, opt["source"])
    for s in opt.get("not_if", []):
        if s in ctx.states:
            res.exclusions.append(Issue("info", "guideline", f"guideline: this option is not for patients with "
                                        f"{ctx.state_names[s]}", opt["source"]))
    if opt.get("adult_only") and p.age < 18:
        res.exclusions.append(Issue("info", "age", "adults only", opt["source"]))
    if opt.get("pediatric_only") and p.age >= 18:
        res.exclusions.append(Issue("info", "age", "children only", opt["source"]))
    for s in opt.get("preferred_if", []):
        if s in ctx.states:
            res.preferred_because.append(ctx.state_names[s])
    if res.preferred_because:
        res.penalty -= PREFERRED_BONUS
    for comp in opt["components"]:
        drug = kb.drugs[comp["drug"]]
        excl, caut, results, factor = drug_issues(ctx, drug)
        caut = [_beers_for_course(drug, comp, issue, pen) for issue, pen in caut]
        res.exclusions += excl
        res.pgx += results
        for issue, pen in caut:
            res.cautions.append(issue)
            res.penalty += pen
            if issue.avoid:
                res.avoid_with.append(issue)
        dose = compute_dose(kb, comp, p, ctx.crcl, ctx.egfr, factor)
        if dose.avoid:
            kind = "renal" if dose.avoid_reason.startswith("Renal") else \
                "hepatic" if dose.avoid_reason.startswith("Hepatic") else "dose"
            res.exclusions.append(Issue("contraindicated" if kind in ("renal", "hepatic") else "major", kind,
                                        f"{kb.drug_name(drug['id'])}: {dose.avoid_reason}", drug["source"],
                                        [drug["id"]]))
        res.cautions += dose.issues
        res.doses.append(dose)
    # interactions inside a multi-drug regimen
    for f in ix.check_ids(kb, drugs):
        issue = Issue(f.severity, "interaction", f"within the regimen, {f.drugs[0]} + {f.drugs[1]}: {f.effect}. "
                      f"Management: {f.management}", f.source, list(f.drug_ids))
        (res.exclusions if f.severity == "contraindicated" else res.cautions).append(issue)
    return res


def make_plan(kb: KnowledgeBase, p: Patient, condition: str, input_warnings: list[str] | None = None) -> Plan:
    r = resolve_condition(kb, condition)
    if not r.ok:
        raise PlanError(r.message(kb, "condition"))
    cond = kb.conditions[r.id]
    ctx, warnings, meds, problems, allergies, calcs = build_context(kb, p)
    warnings = list(input_warnings or []) + warnings
    results = [assess_option(ctx, opt, i) for i, opt in enumerate(cond["options"])]
    ranked = sorted((o for o in results if not o.excluded), key=rank_key)
    for o in results:
        o.status = "excluded" if o.excluded else "alternative"
    chosen = ranked[0] if ranked else None
    if chosen:
        chosen.status = "recommended"

    explanation = _explain(kb, cond, results, chosen)
    plan_issues: list[Issue] = []
    if chosen:
        plan_issues += chosen.cautions
    findings = ix.check_ids(kb, ctx.med_ids + (chosen.drugs if chosen else []))
    chosen_ids = set(chosen.drugs) if chosen else set()
    for f in findings:
        if chosen_ids & set(f.drug_ids):
            continue  # already reported through the option's cautions
        plan_issues.append(Issue(f.severity, "interaction", f"current medicines {f.drugs[0]} + {f.drugs[1]}: {f.effect} "
                                 f"({f.mechanism}). Management: {f.management}", f.source, list(f.drug_ids)))
    burden = [(kb.drug_name(i), kb.drug_info(i).get("acb", 0)) for i in dict.fromkeys(ctx.med_ids + sorted(chosen_ids))
              if kb.drug_info(i).get("acb", 0)]
    total = sum(v for _, v in burden)
    if total >= 3:
        plan_issues.append(Issue("moderate" if p.age >= 65 else "minor", "anticholinergic",
                                 f"anticholinergic burden score {total} ({', '.join(f'{n} {v}' for n, v in burden)}); "
                                 "a total of 3 or more is linked to cognitive impairment and falls",
                                 kb.flag_sources["acb"], [n for n, _ in burden]))
    labels = [m["text"] if len(m["ids"]) == 1 else f"{m['text']} ({kb.drug_name(i)})" for m in meds for i in m["ids"]]
    for d in ix.duplicates(kb, ctx.med_ids, labels):
        plan_issues.append(Issue("moderate", "duplicate", "current medicines: " + d.text, d.source, d.drugs))
    for w in warnings:
        plan_issues.append(Issue("moderate", "input", w, "input check"))
    if chosen is None:
        plan_issues.append(Issue("contraindicated", "guideline", "every option in the knowledge base is excluded "
                                 "for this patient: specialist review needed", cond["source"]))
    return Plan(
        condition_id=cond["id"], condition_name=cond["name"], guideline=cond["guideline"],
        condition_source=cond["source"], patient=p.to_dict(), calculations=calcs, input_warnings=warnings,
        medications=meds, problems=problems, allergies=allergies, options=results,
        chosen=chosen.option_id if chosen else None, explanation=explanation, warnings=plan_issues,
        interactions=findings, non_drug=list(cond["non_drug"]), monitoring=list(cond["monitoring"]),
        follow_up=cond["follow_up"], crcl=ctx.crcl, egfr=ctx.egfr,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"), kb=kb.counts(),
    )


def rank_key(o: OptionResult) -> tuple:
    """An interaction with a current medicine that its source says to avoid puts an option after
    every option without one (whatever the guideline line); then major concerns (a whole penalty
    point or more) demote an option across guideline lines; smaller ones only reorder options
    within the same line (first-line vs the rest)."""
    import math

    return (1 if o.avoid_with else 0, math.floor(o.penalty + 1e-9), 0 if o.line == "first" else 1, o.penalty,
            o.order)


def _avoid_text(o: OptionResult) -> str:
    return "; ".join(f"{i.text} [source: {i.source}]" for i in o.avoid_with)


def _reasons(o: OptionResult) -> str:
    if o.exclusions:
        return "; ".join(i.text for i in o.exclusions)
    if o.avoid_with:
        return "ranked below options without such a problem because its source advises avoiding the combination " \
               "with a current medicine: " + _avoid_text(o)
    pens = [i.text for i in o.cautions if i.severity in ("major", "moderate")]
    return "ranked lower after penalties: " + ("; ".join(pens) if pens else "guideline order")


def _explain(kb: KnowledgeBase, cond: dict, results: list[OptionResult], chosen: OptionResult | None) -> list[str]:
    lines = []
    if chosen is None:
        lines.append(f"No option for {cond['name']} could be proposed safely. Reasons by option:")
        for o in results:
            lines.append(f"- {o.label}: {_reasons(o)}")
        return lines
    why = f"Proposed: {chosen.label} ({LINE_TEXT[chosen.line]} per {cond['guideline']})."
    if chosen.preferred_because:
        why += f" The guideline prefers it for patients with {', '.join(chosen.preferred_because)}."
    if not chosen.cautions:
        why += " No allergy, contraindication, interaction or pharmacogenomic problem was found."
    else:
        n = sum(1 for c in chosen.cautions if c.severity in ("major", "moderate"))
        if n:
            why += f" It carries {n} caution(s) listed under warnings."
    lines.append(why)
    if chosen.avoid_with:
        lines.append("Every option that could be proposed has a combination with a current medicine that its source "
                     "advises avoiding; review whether that medicine can be changed: " + _avoid_text(chosen) + ".")
    for o in results:
        if o is chosen:
            continue
        if o.order < chosen.order:
            lines.append(f"Not {o.label}: {_reasons(o)}.")
    later = [o for o in results if o.order > chosen.order and o.excluded]
    for o in later:
        lines.append(f"Also excluded, {o.label}: {_reasons(o)}.")
    return lines
