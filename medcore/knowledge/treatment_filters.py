"""\"First-line treatment of X\", optionally \"in penicillin allergy\", \"in pregnancy\", \"in CKD\" or
\"when breastfeeding\": the guideline options from the graph, filtered by the therapy KB's own facts
(allergy classes and cross-reactivity, pregnancy and lactation entries, contraindications, renal
bands, the options' not_if/preferred_if). Every exclusion and caution names its source."""

from __future__ import annotations

import re

from medcore.knowledge.answer import Answer, Row, unmapped
from medcore.knowledge.graph import Edge, KnowledgeGraph
from medcore.knowledge.resolve import norm, singular

LINE_ORDER = {"first": 0, "alternative": 1, "if_first_line_contraindicated": 2}
PREGNANCY = re.compile(r"\bpregnan\w*")
LACTATION = re.compile(r"\bbreast[- ]?feed\w*|\blactat\w*|\bnursing\b")
CKD = re.compile(r"\bckd\b|\bchronic kidney( disease)?\b|\b(kidney|renal) (disease|impairment|failure|insufficiency)\b"
                 r"|\bcrcl\b[^.\d]{0,200}+\d+|\be?gfr\b[^.\d]{0,200}+\d+|\bdialysis\b")  # bounded: linear over "gfr gfr …"
ALLERGY = re.compile(r"\ballerg\w*|\banaphyla\w*|\bintoleran\w*")
DEFAULT_CKD_CRCL = 30.0  # "in CKD" without a number: stage 4 (CrCl below 30), said so in the answer


def _filters(kg: KnowledgeGraph, question: str) -> tuple[dict, list[tuple[int, int]]]:
    q = question.lower()
    filters: dict = {}
    spans: list[tuple[int, int]] = []
    for key, pattern in (("pregnancy", PREGNANCY), ("lactation", LACTATION), ("ckd", CKD)):
        m = pattern.search(q)
        if m:
            filters[key] = True
            spans.append(m.span())
    if "ckd" in filters:
        n = re.search(r"(\d+(?:\.\d+)?)", q[spans[-1][0]:]) if re.search(r"crcl|gfr", q) else None
        filters["ckd"] = {"crcl_below": float(n.group(1)) if n else DEFAULT_CKD_CRCL, "assumed": n is None}
    if ALLERGY.search(q):
        words = f" {norm(q)} {' '.join(singular(w) for w in norm(q).split())} "
        for aid, a in kg.side.get("allergy_classes", {}).items():
            names = [aid.replace("_", " "), a.get("name", ""), *a.get("synonyms", [])]
            hit = next((n for n in map(norm, names) if n and f" {n} " in words), None)
            if hit and aid != "other":
                filters.setdefault("allergy", []).append(aid)
                m = re.search(re.escape(hit.split()[0]), q)
                if m:
                    spans.append((m.start(), m.end() + len(hit)))
    return filters, spans


def _ckd_states(kg: KnowledgeGraph) -> set[str]:
    return {n for n in kg.nodes_of("condition") if kg.node(n)["attrs"].get("therapy_id") == "ckd_albuminuria"} | {
        "condition:dialysis"}


def _check(kg: KnowledgeGraph, e: Edge, filters: dict) -> tuple[list[dict], list[dict], bool]:
    """(exclusions, cautions, preferred) for one component of an option; each with reason and source."""
    drug = kg.node(e.end)
    attrs, src = drug["attrs"], (drug["sources"] or [""])[0]
    excl, caut = [], []
    states: set[str] = set()
    if filters.get("pregnancy"):
        states.add("condition:pregnancy")
        ci = [x for x in kg.edges(e.end, "contraindicated_in") if x.end == "condition:pregnancy"]
        if ci or attrs.get("pregnancy") == "avoid":
            excl.append({"reason": f"pregnancy: avoid. {attrs.get('pregnancy_note', '')}".strip(), "source": src})
        elif attrs.get("pregnancy") == "caution":
            caut.append({"reason": f"pregnancy: caution. {attrs.get('pregnancy_note', '')}".strip(), "source": src})
        elif attrs.get("pregnancy") is None:
            caut.append({"reason": "pregnancy: no pregnancy entry in the knowledge base", "source": src})
    if filters.get("lactation"):
        states.add("condition:lactation")
        if attrs.get("lactation") == "avoid":
            excl.append({"reason": "breastfeeding: avoid", "source": src})
        elif attrs.get("lactation") == "caution":
            caut.append({"reason": "breastfeeding: caution", "source": src})
    for aid in filters.get("allergy", []):
        if attrs.get("allergy_class") == aid or aid in attrs.get("classes", []):
            excl.append({"reason": f"{aid.replace('_', ' ')} allergy: same allergy class", "source": src})
            continue
        for rule in kg.side.get("cross_reactivity", []):
            if rule["allergy"] == aid and attrs.get("allergy_class") == rule["drug_class"]:
                caut.append({"reason": f"{aid.replace('_', ' ')} allergy, cross-reactivity: {rule['note']}",
                             "source": rule["source"]})
                break
    ckd = filters.get("ckd")
    if ckd:
        states |= _ckd_states(kg)
        n = ckd["crcl_below"]
        bands = sorted((b for b in kg.edges(e.end, "renal_dose") if b.attrs["below"] >= n), key=lambda b: b.attrs["below"])
        if bands:
            b = bands[0]
            entry = {"reason": f"CrCl below {n:g}: {b.attrs['action']}. {b.attrs.get('note', '')}".strip(),
                     "source": b.source}
            (excl if b.attrs["action"] in ("avoid", "contraindicated") else caut).append(entry)
    for s in e.attrs.get("not_if", []):
        if s in states:
            excl.append({"reason": f"the guideline option is not for {kg.name(s).lower()}", "source": e.source})
    preferred = any(s in states for s in e.attrs.get("preferred_if", []))
    return excl, caut, preferred


def treatment(kg, question, hits, understood) -> Answer:
    filters, spans = _filters(kg, question)
    understood["filters"] = filters
    cands: dict[tuple[int, int], list[str]] = {}
    for h in hits:
        if h.type == "condition" and not any(a <= h.start < b for a, b in spans):
            cands.setdefault((h.start, h.end), []).append(h.concept_id)
    conds = []
    for ids in cands.values():
        conds += [c for c in ids if kg.edges(c, "treated_by")]
    conds = list(dict.fromkeys(conds))
    understood["conditions"] = conds
    if not conds:
        return unmapped(question, understood, "I found no condition with guideline treatment options in the question.")
    rows: list[Row] = []
    excluded: list[Row] = []
    for c in conds:
        options: dict[str, list[Edge]] = {}
        for e in kg.edges(c, "treated_by"):
            options.setdefault(e.attrs["option"], []).append(e)
        kept = []
        for oid, comps in options.items():
            checks = [_check(kg, e, filters) for e in comps]
            excl = [x for ex, _, _ in checks for x in ex]
            caut = [x for _, ca, _ in checks for x in ca]
            preferred = any(p for _, _, p in checks)
            for e, (own, _, _) in zip(comps, checks):
                why = own or ([{"reason": "given with " + ", ".join(kg.name(x.end) for x in comps if x is not e)
                                + " in this option, which is excluded", "source": excl[0]["source"]}] if excl else [])
                r = Row(c, "treated_by", e.end, e.source, kg.name(c), kg.name(e.end),
                        {**e.attrs, "preferred": preferred, "cautions": caut, "excluded_because": why})
                (excluded if excl else kept).append(r)
        first = [r for r in kept if r.detail["line"] == "first"]
        chosen = [r for r in kept if r.detail["line"] == "first" or (filters and (r.detail["preferred"] or not first))]
        chosen.sort(key=lambda r: (not r.detail["preferred"], LINE_ORDER.get(r.detail["line"], 9)))
        rows += chosen
    text = _text(kg, conds, rows, excluded, filters)
    return Answer(question, understood, rows, text, True, excluded)


def _describe(filters: dict) -> str:
    parts = [f"{a.replace('_', ' ')} allergy" for a in filters.get("allergy", [])]
    parts += [k for k in ("pregnancy",) if filters.get(k)] + (["breastfeeding"] if filters.get("lactation") else [])
    if filters.get("ckd"):
        ck = filters["ckd"]
        parts.append(f"CKD (CrCl below {ck['crcl_below']:g}{', assumed' if ck['assumed'] else ''})")
    return " and ".join(parts)


def _text(kg, conds, rows, excluded, filters) -> str:
    where = f" in {_describe(filters)}" if filters else ""
    head = "; ".join(f"{kg.name(c)} ({kg.node(c)['attrs'].get('guideline', '')})" for c in conds)
    if not rows:
        return f"No guideline option for {head} passes the filter{where}; see the excluded options and their reasons."
    opts = []
    for r in rows:
        d = r.detail
        dose = " ".join(str(x) for x in (d.get("dose"), d.get("frequency"), d.get("duration")) if x)
        flag = " [preferred]" if d["preferred"] else (" [caution]" if d["cautions"] else "")
        opts.append(f"{r.target_name} {dose} ({d['line'].replace('_', ' ')}){flag}")
    text = f"Treatment of {head}{where}: " + "; ".join(opts) + "."
    if excluded:
        text += " Excluded: " + ", ".join(sorted({f"{r.target_name} ({r.detail['excluded_because'][0]['reason']})"
                                                  for r in excluded})) + "."
    return text
