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

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from medcore.errors import DomainError
from medcore.therapy import interactions as ix
from medcore.therapy import pgx as pgxmod
from medcore.therapy.calculators import CalcResult
from medcore.therapy.course import after_stop, course_days
from medcore.therapy.dose_checks import beers_for_course
from medcore.therapy.allergy_text import as_written
from medcore.therapy.dosing import DoseResult, compute_dose
from medcore.therapy.issues import CONFLICT_WORDS, Issue, grouped, sentences
from medcore.therapy.kb import KnowledgeBase, as_jsonable
from medcore.therapy.med_review import review_current
from medcore.therapy.non_drug import non_drug_allergies
from medcore.therapy.names import resolve_condition
from medcore.therapy.profile import Patient
from medcore.therapy.patient_checks import PENALTY, PatientContext, build_context, drug_issues

PREFERRED_BONUS = 1.5
DISCLAIMER = ("Decision support only: this draft plan was generated from the shipped knowledge base and must be "
              "reviewed by a licensed clinician before use. It is not a prescription.")
LINE_TEXT = {"first": "first-line", "alternative": "alternative", "if_first_line_contraindicated":
             "for use when first-line options are unsuitable"}


class PlanError(DomainError):
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
    # current medicines (as typed) that could not be checked at all: the plan never says "no interaction"
    unchecked: list[str] = field(default_factory=list)
    # pairs among the current medicines and the proposal that were considered and not raised (or regraded)
    # because a drug was typed as a skin, eye or ear form, with the reason and sources (routes.yaml): a
    # pharmacist sees the pair was checked, as the interaction check (`check_names`) shows it
    route_notes: list[str] = field(default_factory=list)
    # allergies (as typed, with the reaction) that could not be read: the plan was made as if they were absent.
    # A field of its own so that the page's banner and every export read it, never the wording of a warning
    unchecked_allergies: list[str] = field(default_factory=list)
    # allergies to foods, venoms or equipment (latex, eggs, bee stings): recorded, not "not checked"; each with what
    # the KB's source says about medicines (`note`, `source`; none when it holds nothing)
    non_drug_allergies: list[dict] = field(default_factory=list)
    # current medicines already taken together that their rule says not to combine (contraindicated, or major with
    # `avoid`): the new plan does not resolve them, so the page and every export show them first (also in warnings)
    current_conflicts: list[Issue] = field(default_factory=list)

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


def assess_option(ctx: PatientContext, opt: dict, order: int) -> OptionResult:
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
    planned_days: dict[str, float | None] = {}
    for comp in opt["components"]:
        drug = kb.drugs[comp["drug"]]
        days = course_days(comp.get("duration"))  # for interactions whose severity depends on the course
        planned_days[drug["id"]] = days
        excl, caut, results, factor = drug_issues(ctx, drug, None, days)
        dose = compute_dose(kb, comp, p, ctx.crcl, ctx.egfr, factor, ctx.egfr_basis)
        if dose.daily_total and ix.dose_sensitive(kb, drug["id"], ctx.med_ids):  # a dose-dependent interaction
            excl, caut, results, factor = drug_issues(ctx, drug, dose.daily_total, days)
        caut = [beers_for_course(drug, comp.get("duration"), issue, pen) for issue, pen in caut]
        res.exclusions += excl
        res.pgx += results
        for issue, pen in caut:
            res.cautions.append(issue)
            res.penalty += pen
            if issue.avoid:
                res.avoid_with.append(issue)
        if dose.avoid:
            kind = "renal" if dose.avoid_reason.startswith("Renal") else \
                "hepatic" if dose.avoid_reason.startswith("Hepatic") else "dose"
            res.exclusions.append(Issue("contraindicated" if kind in ("renal", "hepatic") else "major", kind,
                                        f"{kb.drug_name(drug['id'])}: {dose.avoid_reason}", drug["source"],
                                        [drug["id"]]))
        res.cautions += dose.issues
        res.doses.append(dose)
    # three or more drugs together (NSAID + ACE inhibitor or ARB + diuretic) with this option's drugs
    known = {k: v for k, v in planned_days.items() if v is not None}
    for f in ix.group_findings(kb, ctx.med_ids + drugs, {**ctx.med_days, **known}):
        if set(f.drug_ids) & set(drugs):
            issue = Issue(f.severity, "interaction", sentences(f"{' + '.join(f.drugs)}: {f.what_happens()}",
                                                               f"Management: {f.advice()}"),
                          f.source, list(f.drug_ids), avoid=f.avoid and f.severity == "major")
            (res.exclusions if f.severity == "contraindicated" else res.cautions).append(issue)
            res.penalty += PENALTY.get(f"{f.severity}_interaction", 0.0)
            if issue.avoid:
                res.avoid_with.append(issue)
    # interactions inside a multi-drug regimen
    for f in ix.check_ids(kb, drugs, ctx.rule_crcl, child_pugh=ctx.p.child_pugh, kidney_where=ctx.rule_where):
        issue = Issue(f.severity, "interaction", f"within the regimen, {f.drugs[0]} + {f.drugs[1]}: {f.effect}. "
                      f"Management: {f.advice()}", f.source, list(f.drug_ids))
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

    unchecked = [m["text"] for m in meds if not m["ids"] or m["unchecked"]]
    unread = [as_written(a["text"], a["reaction"]) for a in allergies
              if not a["drug"] and not a["class"] and not a.get("non_drug")]
    non_drug = non_drug_allergies(kb, allergies)
    plan_issues: list[Issue] = []
    if chosen:
        plan_issues += chosen.cautions
    findings = ix.check_ids(kb, ctx.med_ids + (chosen.drugs if chosen else []), ctx.rule_crcl, ctx.med_doses,
                            ctx.med_days, routes=ctx.med_routes,  # the routes reach rules for one route (IM)
                            child_pugh=ctx.p.child_pugh, kidney_where=ctx.rule_where)
    # a cream or eye drop: systemic-only rules not raised; the notes say which pairs and why
    findings, route_notes = ix.by_route(kb, findings, ctx.med_routes)
    chosen_ids = set(chosen.drugs) if chosen else set()
    current = [current_issue(f) for f in findings if not chosen_ids & set(f.drug_ids)]  # else in the cautions
    current += [current_issue(f) for f in ix.group_findings(kb, ctx.med_ids, ctx.med_days)]
    conflicts = [i for i in current if i.avoid]
    # a combination to stop comes first within its severity (grouped() keeps this order), before the option's cautions
    plan_issues = conflicts + plan_issues + [i for i in current if not i.avoid]
    for m in dict.fromkeys(ctx.med_ids):  # a recently stopped inducer still acts on current medicines
        plan_issues += after_stop(kb, m, ctx.stopped, ctx.rule_crcl, f"current medicine {kb.drug_name(m)}",
                                 ctx.rule_where)
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
        if ix.local_duplicate(kb, d, ctx.med_routes):
            continue
        plan_issues.append(Issue("moderate", "duplicate", "current medicines: " + d.text, d.source, d.drugs))
    plan_issues += review_current(ctx)  # each current medicine against genotype, kidneys, conditions, Beers
    for w in warnings:
        plan_issues.append(Issue("moderate", "input", w, "input check"))
    if unchecked:
        plan_issues.append(Issue("major", "unchecked", f"NOT CHECKED: {', '.join(unchecked)}. Interactions, kidney "
                                 "limits and other checks could not be run for these medicines; check them by hand "
                                 "before relying on this plan", "input check"))
    if unread:
        plan_issues.append(Issue("major", "unchecked", f"ALLERGY NOT CHECKED: {'; '.join(unread)}. The planner could "
                                 "not read this allergy, so the plan was made as if it were absent; check every "
                                 "proposed medicine against it by hand", "input check"))
    explanation = _explain(kb, cond, results, chosen, unchecked, unread, conflicts,
                           any(i.kind == "interaction" for i in current))
    if chosen is None:
        plan_issues.append(Issue("contraindicated", "guideline", "every option in the knowledge base is excluded "
                                 "for this patient: specialist review needed", cond["source"]))
    return Plan(
        condition_id=cond["id"], condition_name=cond["name"], guideline=cond["guideline"],
        condition_source=cond["source"], patient=p.to_dict(), calculations=calcs, input_warnings=warnings,
        medications=meds, problems=problems, allergies=allergies, options=results,
        chosen=chosen.option_id if chosen else None, explanation=explanation, warnings=plan_issues,
        interactions=findings, non_drug=list(cond["non_drug"]), monitoring=list(cond["monitoring"]),
        follow_up=cond["follow_up"], crcl=ctx.crcl, egfr=ctx.egfr, unchecked=unchecked, route_notes=route_notes,
        unchecked_allergies=unread, non_drug_allergies=non_drug, current_conflicts=conflicts,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"), kb=kb.counts(),
    )


def current_issue(f: ix.Finding) -> Issue:
    """The warning for an interaction among the current medicines alone. A combination its rule says not to take
    (contraindicated, or major with the source's `avoid`) is already being taken and no new option resolves it: it
    says so, asks for the change with the leading rule's own management (not a milder rule's "use with caution"
    joined to it) and carries `avoid`; any other pair reads as before."""
    names = " + ".join(f.drugs)
    if f.severity == "contraindicated" or (f.severity == "major" and f.avoid):
        what = CONFLICT_WORDS[f.severity][0]
        return Issue(f.severity, "interaction", sentences(
            f"current medicines {names}, taken together now, are {what} (the proposed plan does not resolve this)",
            f"Management: {f.lead_management or f.management}", f"Risk: {f.what_happens()}"),
            f.source, list(f.drug_ids), avoid=True)
    return Issue(f.severity, "interaction", sentences(f"current medicines {names}: {f.what_happens()}",
                                                      f"Management: {f.advice()}"), f.source, list(f.drug_ids))


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


def _explain(kb: KnowledgeBase, cond: dict, results: list[OptionResult], chosen: OptionResult | None,
             unchecked: list[str] | None = None, unread_allergies: list[str] | None = None,
             conflicts: list[Issue] | None = None, current_pairs: bool = False) -> list[str]:
    """`conflicts`: combinations of current medicines to stop or change (said first); `current_pairs`: some current
    medicines interact with each other, so "no interaction was found" would be false even for a clean option."""
    lines = [f"First, the current medicines {' + '.join(kb.drug_name(d) for d in i.drugs)}: a {i.severity} "
             f"combination already being taken, to stop or change (see warnings) [source: {i.source}]."
             for i in conflicts or ()]
    if chosen is None:
        lines.append(f"No option for {cond['name']} could be proposed safely. Reasons by option:")
        for o in results:
            lines.append(f"- {o.label}: {_reasons(o)}")
        return lines
    why = f"Proposed: {chosen.label} ({LINE_TEXT[chosen.line]} per {cond['guideline']})."
    if chosen.preferred_because:
        why += f" The guideline prefers it for patients with {', '.join(chosen.preferred_because)}."
    if unread_allergies:  # never "no allergy problem was found" while an allergy went unread
        why += (" The allergy " + "; ".join(unread_allergies) + " could not be read and was NOT checked: check this "
                "option against it by hand.")
    if not chosen.cautions and current_pairs:  # never "no interaction" beside current medicines that interact
        why += (f" This option raised no {'' if unread_allergies else 'allergy, '}contraindication or "
                "pharmacogenomic problem and interacts with none of the current medicines it could read; the "
                "interactions among the current medicines are listed under warnings.")
        if unchecked:
            why += " " + ", ".join(unchecked) + " could not be checked, so interactions with them are unknown."
    elif not chosen.cautions and unchecked:
        why += (" No problem was found with the recognised medicines, but " + ", ".join(unchecked) +
                " could not be checked, so interactions with them are unknown.")
    elif not chosen.cautions and unread_allergies:
        why += " No contraindication, interaction or pharmacogenomic problem was found with what could be read."
    elif not chosen.cautions:
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
