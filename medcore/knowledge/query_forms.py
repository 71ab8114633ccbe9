"""One function per question form: (kg, question, hits, understood) -> Answer.

Every row is one graph edge and carries that edge's source; nothing here adds a clinical fact."""

from __future__ import annotations

import re
from dataclasses import replace

from medcore.knowledge.answer import Answer, Row, unmapped
from medcore.knowledge.graph import Edge, KnowledgeGraph
from medcore.knowledge.interaction_rules import SEVERITY_RANK
from medcore.knowledge.resolve import Hit, norm, singular
from medcore.knowledge.treatment_filters import treatment

__all__ = ["interactions", "renal_dose", "hepatic_dose", "red_flags", "causes", "treatment", "pgx", "tests"]

ACTION_RANK = {"avoid": 3, "contraindicated": 3, "adjust": 2, "caution": 1}
TYPICAL = 0.5  # P(finding | condition) at or above which a condition "typically presents" with the finding
LEVEL_RANK = {"emergency": 0, "urgent": 1, "routine": 2, "self_care": 3}


def row(kg: KnowledgeGraph, e: Edge, flip: bool = False, **extra) -> Row:
    a, b = (e.end, e.start) if flip else (e.start, e.end)
    return Row(a, e.relation, b, e.source, kg.name(a), kg.name(b), {**e.attrs, **extra})


def pick(kg: KnowledgeGraph, hits: list[Hit], types: set[str], relation: str, direction: str = "out") -> list[str]:
    """The mentioned concepts of the wanted types; of several candidates for one phrase, those that
    have the relation asked about (\"pulmonary embolism\" is both a triage condition and a therapy one)."""
    by_span: dict[tuple[int, int], list[str]] = {}
    for h in hits:
        if h.type in types:
            by_span.setdefault((h.start, h.end), []).append(h.concept_id)
    out: list[str] = []
    for cands in by_span.values():
        with_rel = [c for c in cands if kg.edges(c, relation, direction)]
        out += with_rel or cands[:1]
    return list(dict.fromkeys(out))


def _names(rows: list[Row], n: int = 8, key: str = "target_name", extra=None) -> str:
    parts = [f"{getattr(r, key)}{f' ({extra(r)})' if extra else ''}" for r in rows[:n]]
    more = f" and {len(rows) - n} more" if len(rows) > n else ""
    return ", ".join(parts) + more


def number_in(question: str) -> float | None:
    m = re.search(r"(?<![a-z0-9*])(\d+(?:\.\d+)?)", question.lower())
    return float(m.group(1)) if m else None


# ---------- what interacts with X ----------

def interactions(kg, question, hits, understood) -> Answer:
    """One drug (or one product, for all its ingredients): everything it interacts with. Two or more
    mentioned: only the interactions between them (\"does A interact with B\")."""
    groups: dict[tuple[int, int], list[str]] = {}
    for h in hits:
        ids: list[str] = []
        if h.type == "drug":
            ids = [h.concept_id]
        elif h.type == "product":  # a brand or combination product stands for its ingredients
            as_one = f"drug:{h.concept_id.split(':', 1)[1]}"  # the therapy KB keeps some combinations as one drug
            ids = [as_one] if as_one in kg else [e.end for e in kg.edges(h.concept_id, "has_ingredient")]
        if ids:
            span = groups.setdefault((h.start, h.end), [])
            span += [i for i in ids if i in kg and i not in span]
    # of several readings of one phrase, the one with interactions (\"Percocet\" the product, not only oxycodone)
    sets = [g for g in groups.values() if g]
    understood["drugs"] = drugs = list(dict.fromkeys(d for g in sets for d in g))
    if not drugs:
        return unmapped(question, understood, "I did not find a drug in the question.")
    rows = []
    for gi, group in enumerate(sets):
        others = {d for gj, g in enumerate(sets) if gj != gi for d in g}
        for d in group:
            for e in kg.edges(d, "interacts_with"):
                if others and e.other(d) not in others:
                    continue  # "does A interact with B": only the pair
                rows.append(row(kg, e, flip=e.start != d))
    rows = list({(frozenset((r.concept, r.target)), r.detail.get("rule")): r for r in rows}.values())
    rows.sort(key=lambda r: (-SEVERITY_RANK.get(r.detail.get("severity"), 0), r.target_name))
    names = " and ".join(kg.name(d) for d in drugs)
    groups_text, group_rows = _group_interactions(kg, sets)
    if not rows and not group_rows:
        return Answer(question, understood, [], f"No interaction of {names} is in the knowledge base.", True)
    if len(sets) > 1:
        text = " ".join(f"{r.concept_name} + {r.target_name}: {r.detail.get('severity')}. {r.detail.get('effect', '')}"
                        f" ({r.detail.get('mechanism', '')}). Management: {r.detail.get('management', '')}."
                        for r in rows)
        return Answer(question, understood, group_rows + rows, " ".join(t for t in (text, groups_text) if t), True)
    sev = {s: sum(r.detail.get("severity") == s for r in rows) for s in SEVERITY_RANK}
    counts = ", ".join(f"{n} {s}" for s, n in sev.items() if n)
    text = (f"{names}: {len(rows)} interactions in the knowledge base ({counts}). Most severe: "
            + _names(rows, extra=lambda r: r.detail.get("severity")) + "." if rows else "")
    return Answer(question, understood, group_rows + rows, " ".join(t for t in (text, groups_text) if t), True)


def _classes_of(kg, drug: str) -> list[str]:
    """The drug's class nodes with their ancestors (member_of, then subclass_of)."""
    todo, seen = [e.end for e in kg.edges(drug, "member_of")], []
    while todo:
        c = todo.pop()
        if c not in seen:
            seen.append(c)
            todo += [e.end for e in kg.edges(c, "subclass_of")]
    return seen


def _group_interactions(kg, sets: list[list[str]]) -> tuple[str, list[Row]]:
    """Interactions of three or more drugs together (`interacts_in_group`, from interactions.yaml group_rules) that
    the asked drugs are part of: one row per rule and drug. With several drugs asked, only rules that two or more
    of them fall into (in different groups); the text names the groups still missing."""
    found: dict[tuple[str, str], tuple[Row, set[int]]] = {}
    for d in dict.fromkeys(x for g in sets for x in g):
        for node in [d, *_classes_of(kg, d)]:
            for e in kg.edges(node, "interacts_in_group"):
                mine = {e.attrs["start_group"] if node == e.start else e.attrs["end_group"]}
                key = (e.attrs.get("rule", ""), d)
                if key in found:
                    found[key][1].update(mine)
                    continue
                r = Row(d, "interacts_in_group", e.other(node), e.source, kg.name(d), "", dict(e.attrs))
                found[key] = (r, set(mine))
    rows, parts = [], []
    for rule in dict.fromkeys(k[0] for k in found):
        per_drug = {d: v for (rid, d), v in found.items() if rid == rule}
        covered = set().union(*(v[1] for v in per_drug.values()))
        if len(sets) > 1 and len(per_drug) < 2:
            continue
        for d, (r, mine) in per_drug.items():
            groups = r.detail.get("groups") or []
            rows.append(replace(r, target_name=" + ".join(g for i, g in enumerate(groups) if i not in mine)))
        r0 = next(iter(per_drug.values()))[0]
        groups = r0.detail.get("groups") or []
        missing = [gname for i, gname in enumerate(groups) if i not in covered]
        asked = " and ".join(kg.name(d) for d in per_drug)
        lead = f"Together with {' and '.join(missing)}, {asked} {'is' if len(per_drug) == 1 else 'are'} part of" \
            if missing else f"{asked} together make"
        parts.append(f"{lead} a {len(groups)}-drug interaction "
                     f"({' + '.join(groups)}): {r0.detail.get('severity')}. {r0.detail.get('effect', '')}. "
                     f"Management: {r0.detail.get('management', '')} [source: {r0.source}]")
    return " ".join(parts), rows


# ---------- which drugs need a dose change when CrCl is below N ----------

def renal_dose(kg, question, hits, understood) -> Answer:
    n = number_in(question)
    by_egfr = bool(re.search(r"\be?gfr\b", question.lower()))
    measure = "test:egfr" if by_egfr else "test:crcl"
    understood.update({"threshold": n, "measure": kg.name(measure)})
    if n is None:
        return unmapped(question, understood, "I did not find the clearance threshold (a number).")
    rows, lower = [], []
    for d in kg.nodes_of("drug"):
        bands = sorted((e for e in kg.edges(d, "renal_dose") if e.end == measure), key=lambda e: e.attrs["below"])
        applies = [e for e in bands if e.attrs["below"] >= n]
        if applies:  # the band that holds just below N: the lowest cut-off at or above N
            rows.append(row(kg, applies[0]))
        elif bands:
            lower.append(row(kg, bands[-1], applies_only_below=bands[-1].attrs["below"]))
    rows.sort(key=lambda r: (-ACTION_RANK.get(r.detail.get("action"), 0), r.concept_name))
    lower.sort(key=lambda r: (-r.detail["below"], r.concept_name))
    understood["drugs_changing_only_at_lower_values"] = len(lower)
    avoid = [r for r in rows if r.detail.get("action") in ("avoid", "contraindicated")]
    text = (f"{len(rows)} drugs in the knowledge base have a renal rule that applies when "
            f"{kg.name(measure)} is below {n:g}: {len(avoid)} to avoid ({_names(avoid, 6, 'concept_name')}), "
            f"the rest to adjust or use with caution. {len(lower)} more change only at lower values "
            "(listed after them).")
    return Answer(question, understood, rows + lower, text, True)


def hepatic_dose(kg, question, hits, understood) -> Answer:
    rows = [row(kg, e) for e in kg.all_edges("hepatic_dose")]
    drugs = pick(kg, hits, {"drug"}, "hepatic_dose")
    if drugs:
        rows = [r for r in rows if r.concept in drugs]
    rows.sort(key=lambda r: (-ACTION_RANK.get(r.detail.get("child_pugh_c"), 0), r.concept_name))
    text = (f"{len(rows)} drugs in the knowledge base have a hepatic-impairment rule (Child-Pugh B/C): "
            + _names(rows, key="concept_name", extra=lambda r: f"B {r.detail.get('child_pugh_b')}, "
                                                             f"C {r.detail.get('child_pugh_c')}") + ".")
    return Answer(question, understood, rows, text, True)


# ---------- red flags of X ----------

def red_flags(kg, question, hits, understood) -> Answer:
    conds = pick(kg, hits, {"condition"}, "red_flag")
    findings = [h.concept_id for h in hits if h.type == "finding"]
    rows = []
    for c in conds:
        rows += [row(kg, e) for e in kg.edges(c, "red_flag")]
    if not rows and findings:  # "red flags of headache": the red-flag rules that involve the symptom
        for f in findings:
            key = f.split(":", 1)[1]
            for r in kg.side.get("red_flag_rules", []):
                involved = [*r.get("all", []), *r.get("any", [])]
                if key not in involved:
                    continue
                others = [x for x in involved if x != key] or [key]
                for o in others:
                    oid = f"finding:{o}"
                    rows.append(Row(f, "red_flag_rule", oid, r["source"], kg.name(f), kg.name(oid),
                                    {"rule": r["id"], "level": r["level"], "reason": r["reason"]}))
    if findings:  # and the warning signs of the conditions that typically present with the symptom
        seen = {r.target for r in rows}
        for f in findings:
            for e in sorted(kg.edges(f, "has_finding", "in"), key=lambda e: -e.attrs["likelihood"]):
                if e.attrs["likelihood"] < TYPICAL:
                    continue
                for rf in kg.edges(e.start, "red_flag"):
                    if rf.end not in seen and rf.end != f:
                        seen.add(rf.end)
                        rows.append(row(kg, rf, triage=kg.node(e.start)["attrs"].get("triage")))
    understood["conditions"], understood["findings"] = conds, findings
    if not rows:
        return unmapped(question, understood, "I did not find a condition or symptom with red flags in the question.")
    subject = " / ".join(kg.name(x) for x in (conds or findings))
    return Answer(question, understood, rows, f"Red flags of {subject}: {_names(rows, 12)}.", True)


# ---------- what can cause X ----------

def causes(kg, question, hits, understood) -> Answer:
    findings = pick(kg, hits, {"finding"}, "has_finding", "in")
    tests_ = [h.concept_id for h in hits if h.type == "test"]
    understood["findings"] = findings
    rows: list[Row] = []
    if findings:
        per = [{e.start: e for e in kg.edges(f, "has_finding", "in")} for f in findings]
        common = set(per[0]).intersection(*per[1:]) if per else set()
        for c in common:
            p = 1.0
            for m in per:
                p *= m[c].attrs["likelihood"]
            first = per[0][c]
            rows.append(row(kg, first, score=round(p, 4), triage=kg.node(c)["attrs"].get("triage")))
        rows.sort(key=lambda r: (-r.detail["score"], LEVEL_RANK.get(r.detail.get("triage"), 9), r.concept_name))
    elif tests_:
        for t in tests_:
            rows += [row(kg, e, triage=kg.node(e.start)["attrs"].get("triage")) for e in kg.edges(t, "tested_by", "in")]
        rows.sort(key=lambda r: -r.detail.get("p_abnormal", 0))
    if not rows:
        why = ("No condition in the knowledge base lists all of these findings." if findings
               else "I did not find a symptom, sign or test result in the question.")
        return unmapped(question, understood, why) if not findings else Answer(question, understood, [], why, True)
    subject = " + ".join(kg.name(x) for x in (findings or tests_))
    emergencies = [r for r in rows if r.detail.get("triage") == "emergency"]
    text = (f"{len(rows)} conditions in the knowledge base list {subject}, most likely first (P(finding | condition)): "
            + _names(rows, 10, "concept_name", lambda r: f"{r.detail.get('score', r.detail.get('p_abnormal', 0)):.2f}, "
                                                        f"{r.detail.get('triage')}")
            + f". {len(emergencies)} of them are emergencies.")
    return Answer(question, understood, rows, text, True)


# ---------- what does CPIC recommend for drug X in gene phenotype Y ----------

def pgx(kg, question, hits, understood) -> Answer:
    drugs = pick(kg, hits, {"drug"}, "pgx_action", "in")
    genes = [h.concept_id for h in hits if h.type == "gene"]
    understood.update({"drugs": drugs, "genes": genes})
    edges = [e for d in drugs for e in kg.edges(d, "pgx_action", "in") if not genes or e.start in genes]
    if not drugs and genes:
        edges = [e for g in genes for e in kg.edges(g, "pgx_action")]
    if not edges:
        return unmapped(question, understood, "I found no CPIC gene-drug pair for the drug or gene in the question.")
    phenotype = _phenotype(kg, question, {e.start for e in edges})
    understood["phenotype"] = phenotype
    if phenotype:
        edges = [e for e in edges if e.attrs["phenotype"] == phenotype] or edges
    rows = [row(kg, e) for e in edges]
    if phenotype:
        text = "; ".join(f"{r.concept_name} {r.detail['phenotype']}, {r.target_name}: {r.detail['recommendation']} "
                         f"(CPIC action: {r.detail['action']}, strength {r.detail.get('strength')})" for r in rows)
    else:
        text = (f"CPIC recommendations for {', '.join(sorted({r.target_name for r in rows}))} by phenotype of "
                f"{', '.join(sorted({r.concept_name for r in rows}))}; name a phenotype (e.g. poor metabolizer) "
                "to narrow it.")
    return Answer(question, understood, rows, text, True)


def _phenotype(kg: KnowledgeGraph, question: str, genes: set[str]) -> str | None:
    q = norm(question)
    q = f" {q} {' '.join(singular(w) for w in q.split())} "
    best: tuple[int, str] | None = None
    for g in genes:
        for name, aliases in kg.node(g)["attrs"].get("phenotypes", {}).items():
            for alias in [name, *aliases]:
                a = norm(alias)
                variants = {a, a.replace("metabolizer", "metaboliser")}
                if any(f" {v} " in q for v in variants if v) and (best is None or len(a) > best[0]):
                    best = (len(a), name)
    return best[1] if best else None


# ---------- which tests confirm X ----------

def tests(kg, question, hits, understood) -> Answer:
    subjects = pick(kg, hits, {"condition", "finding"}, "tested_by")
    rows = [row(kg, e) for s in subjects for e in kg.edges(s, "tested_by")]
    understood["conditions"] = subjects
    if not rows:
        return unmapped(question, understood, "I found no condition with characteristic test results in the question.")
    rows.sort(key=lambda r: -r.detail.get("p_abnormal", 0))
    subject = " / ".join(kg.name(s) for s in subjects if kg.edges(s, "tested_by"))
    text = (f"Tests with a characteristic result in {subject}, by how often they are abnormal: "
            + _names(rows, 8, extra=lambda r: f"abnormal in {r.detail.get('p_abnormal', 0):.0%}") + ".")
    return Answer(question, understood, rows, text, True)
