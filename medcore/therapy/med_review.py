"""Review of the patient's CURRENT medicines, the way a pharmacist reviews a drug chart: each one against the
genotype (CPIC), kidney function (renal bands of the label), liver function (the label's Child-Pugh class
entries, as for a new drug), the patient's conditions and the AGS Beers
criteria, with a concrete action (stop, switch, reduce, monitor) and its source. Interactions between current
medicines and duplicates are found by the planner's interaction check; this module adds the rest.
"""

from __future__ import annotations

from medcore.therapy import calculators as calc
from medcore.therapy import pgx as pgxmod
from medcore.therapy.allergy_text import as_written
from medcore.therapy.dosing import renal_band, renal_max_daily, renal_where
from medcore.therapy.issues import Issue, sentences
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.non_drug import non_drug_caution
from medcore.therapy.patient_checks import BEERS_AGE, PatientContext, beers_for


def review_current(ctx: PatientContext) -> list[Issue]:
    kb, p = ctx.kb, ctx.p
    out: list[Issue] = []
    for drug_id in dict.fromkeys(ctx.med_ids):
        name = kb.drug_name(drug_id)
        head = f"Current medicine {name}"
        out += _pgx(kb, p, drug_id, head)
        drug = kb.drugs.get(drug_id)
        if drug is not None:
            out += _renal(ctx, drug, head)
            out += _hepatic(ctx, drug, head)
            out += _conditions(ctx, drug, head)
        for a in (a for a in ctx.allergies if a.get("non_drug")):  # a food whose source names it (egg: propofol)
            issue = non_drug_caution(kb, a, drug_id, head, as_written(a["text"], a["reaction"]))
            if issue:
                out.append(issue)
        if p.age >= BEERS_AGE:
            b = beers_for(kb, drug_id)
            if b:
                out.append(Issue("moderate", "beers", sentences(f"{head} (age {p.age:g}): {b[0]}",
                                                         "Action: deprescribe or switch where possible"), b[1], [drug_id]))
    return out


def _pgx(kb: KnowledgeBase, p, drug_id: str, head: str) -> list[Issue]:
    results, _ = pgxmod.patient_results(kb, drug_id, p.genotypes)  # genotype problems are reported per option
    out = []
    for r in results:
        alts = ", ".join(kb.drug_name(a) for a in r.alternatives)
        if r.action in ("avoid", "use_alternative"):
            action = "stop and switch" + (f" (for example to {alts})" if alts else "")
            sev = "major"
        elif r.action == "adjust_dose":
            if r.dose_factor:
                verb = "increase" if r.dose_factor > 1 else "reduce"
                action = f"{verb} the dose to about {r.dose_factor * 100:.0f}% of the usual dose"
            else:
                action = "adjust the dose as recommended"
            sev = "moderate"
        else:
            continue  # standard dosing: nothing to do
        out.append(Issue(sev, "pgx", sentences(f"{head}, {r.gene} {r.phenotype}: {r.recommendation}",
                                              f"Action: {action} (CPIC {r.strength})"), r.source, [drug_id]))
    for text in pgxmod.pending_for(kb, drug_id, p.genotypes):  # a CPIC pair whose table the KB lacks: named
        out.append(Issue("moderate", "pgx", sentences(f"{head}: {text}", "Action: check the dose against the guideline's table"),
                         "CPIC", [drug_id]))
    return out


def _renal(ctx: PatientContext, drug: dict, head: str) -> list[Issue]:
    band, basis, value = renal_band(drug, ctx.crcl, ctx.egfr)
    if not band:
        return []
    src = band.get("source", drug["source"])
    where = renal_where(band, basis, value, ctx.egfr_basis)
    if band.get("if_taking"):  # the band is about starting the drug; this patient already takes it
        band = {**band, **band["if_taking"]}
        src = band.get("source", src)
    note = band.get("note", "")
    if band["action"] == "avoid":
        return [Issue("major", "renal", sentences(f"{head}: {where}: {note}", "Action: stop or switch to a drug "
                                                 "without this renal limit (review with the prescriber)"), src, [drug["id"]])]
    if band["action"] == "adjust":
        most = renal_max_daily(drug, band)
        cap = f" (at most {calc.fmt(most, 4)} {drug['unit']}/day)" if most else ""
        return [Issue("moderate", "renal", sentences(f"{head}: {where}: {note}",
                                                    f"Action: reduce the dose to the renal range{cap}"), src, [drug["id"]])]
    return [Issue("moderate", "renal", sentences(f"{head}: {where}: {note}",
                                                "Action: monitor kidney function and review the need"), src, [drug["id"]])]


def _hepatic(ctx: PatientContext, drug: dict, head: str) -> list[Issue]:
    """The label's Child-Pugh entry for a medicine the patient already takes: the planner excludes a new drug the
    label says to avoid (and caps one it says to adjust); for a current one the action is to stop or reduce."""
    cp = ctx.p.child_pugh
    hep = drug.get("hepatic") or {}
    action = hep.get(cp) if cp in ("B", "C") else None
    if not action:
        return []
    src = hep.get("source", drug["source"])
    where = f"Child-Pugh {cp}: {hep.get('note', '')}".rstrip(": ")
    if action == "avoid":
        return [Issue("major", "hepatic", sentences(f"{head}: {where}", "Action: stop or switch to a "
                                                   "drug without this hepatic limit (review with the prescriber)"), src, [drug["id"]])]
    if action == "adjust":
        caps = [f"at most {calc.fmt(hep['dose'], 4)} {drug['unit']} per dose" if hep.get("dose") else "",
                f"at most {calc.fmt(hep['max_daily'], 4)} {drug['unit']}/day" if hep.get("max_daily") else ""]
        cap = "; ".join(c for c in caps if c)
        return [Issue("moderate", "hepatic", sentences(f"{head}: {where}", "Action: reduce the dose to the "
                                                     "hepatic range" + (f" ({cap})" if cap else "")), src, [drug["id"]])]
    return [Issue("moderate", "hepatic", sentences(f"{head}: {where}", "Action: monitor liver function and review the need"),
                  src, [drug["id"]])]


def _conditions(ctx: PatientContext, drug: dict, head: str) -> list[Issue]:
    out = []
    for s in drug.get("contraindicated_in", []):
        if s in ctx.states:
            out.append(Issue("major", "contraindication", sentences(f"{head} is contraindicated in {ctx.state_names[s]}",
                                                                     "Action: stop and switch"), drug["source"], [drug["id"]]))
    for s in drug.get("caution_in", []):
        if s in ctx.states:
            out.append(Issue("moderate", "contraindication", sentences(f"{head}: use with caution in {ctx.state_names[s]}",
                                                                      "Action: monitor and review the need"), drug["source"], [drug["id"]]))
    return out
