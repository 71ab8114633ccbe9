"""Build the knowledge graph from the knowledge bases under assets/kb/ (triage, therapy, cases).

Nodes are concepts with ids from `concepts.py`; every edge carries `relation` and `source` (the
citation of the KB entry it came from). Node data: type, name, synonyms, codes, sources, attrs.
Relations (all directed):
  condition -has_finding-> finding     likelihood P(finding | condition)      triage conditions
  condition -red_flag-> finding        the warning signs of the condition     triage conditions
  condition -treated_by-> drug         line of therapy, option, guideline     therapy conditions.yaml
  drug -interacts_with-> drug          severity, mechanism, management,       therapy interactions.yaml
                                       route condition (routes.yaml; route-only rules)
  class|drug -interacts_in_group-> class|drug  three or more drugs together    therapy interactions.yaml group_rules
                                       (one edge between the members of every two groups, each with the whole rule)
  gene -pgx_action-> drug              one edge per phenotype (CPIC action)   therapy pgx.yaml
  drug -contraindicated_in/caution_in-> condition (patient state)             therapy drugs
  drug -renal_dose-> test:crcl|test:egfr, drug -hepatic_dose-> condition:hepatic_impairment
  drug -member_of-> class                                                     therapy drugs
  condition|finding -tested_by-> test  characteristic result, P(abnormal)     cases tests.yaml
  product -has_ingredient-> drug, class -subclass_of-> class                  knowledge drugs (drugs.py)
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import networkx as nx

from medcore.knowledge.concepts import concept_id
from medcore.knowledge.interaction_rules import expand_interactions, risk_profile, route_conditions
from medcore.knowledge.kbfiles import KnowledgeKBError, read_mapping, require

log = logging.getLogger(__name__)

TRIAGE_LEVELS = ("emergency", "urgent", "routine", "self_care")


def add_node(g: nx.MultiDiGraph, node_id: str, name: str, *, synonyms=(), codes=None, sources=(), **attrs) -> None:
    """Add a concept, or merge into one already there (a therapy condition that is also a triage one)."""
    if node_id in g:
        d = g.nodes[node_id]
        d["synonyms"] = _unique([*d["synonyms"], *([name] if name != d["name"] else []), *synonyms])
        for k, v in (codes or {}).items():
            d["codes"][k] = _unique([*d["codes"].get(k, ()), *v])
        d["sources"] = _unique([*d["sources"], *sources])
        for k, v in attrs.items():
            d["attrs"].setdefault(k, v)
        return
    g.add_node(node_id, type=node_id.split(":", 1)[0], name=name,
               synonyms=_unique([s for s in synonyms if s and s != name]),
               codes={k: _unique(v) for k, v in (codes or {}).items() if v}, sources=_unique(sources), attrs=attrs)


def _unique(xs) -> list:
    seen, out = set(), []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _edge(g: nx.MultiDiGraph, a: str, b: str, relation: str, source: str, **attrs) -> None:
    for n in (a, b):
        if n not in g:
            raise KnowledgeKBError(f"edge {relation} {a} -> {b}: unknown concept {n}")
    g.add_edge(a, b, relation=relation, source=source, **{k: v for k, v in attrs.items() if v is not None})


def build(kb_dir: Path) -> tuple[nx.MultiDiGraph, dict]:
    """The graph, plus side tables that are rules over several nodes rather than edges
    (red-flag rules, allergy cross-reactivity)."""
    kb_dir = Path(kb_dir)
    g = nx.MultiDiGraph()
    side: dict = {}
    _triage(g, kb_dir / "triage", side)
    lex = _drug_lexicon(g, kb_dir)
    _therapy(g, kb_dir / "therapy", side, lex)
    _tests(g, kb_dir / "cases" / "tests.yaml")
    return g, side


# ---------- triage: conditions, findings, red flags ----------

def _triage(g: nx.MultiDiGraph, root: Path, side: dict) -> None:
    fdata = read_mapping(root / "findings.yaml")
    fsource = fdata.get("source", "triage findings.yaml")
    for f in fdata["findings"]:
        require(f, ("id", "name"), "findings.yaml")
        add_node(g, concept_id("finding", f["id"]), f["name"], synonyms=f.get("synonyms", []),
                 sources=[fsource], category=f.get("category", ""), question=f.get("question", ""))
    rules = read_mapping(root / "red_flags.yaml").get("rules", [])
    side["red_flag_rules"] = rules
    for r in rules:
        for fid in [*r.get("all", []), *r.get("any", [])]:
            node = g.nodes.get(concept_id("finding", fid))
            if node is not None:
                levels = node["attrs"].setdefault("red_flag_rules", [])
                levels.append(r["id"])
    for path in sorted(root.glob("conditions_*.yaml")):
        for c in read_mapping(path)["conditions"]:
            require(c, ("id", "name", "triage", "findings", "source"), path.name)
            cid = concept_id("condition", c["id"])
            add_node(g, cid, c["name"], codes={"icd10cm": [c["icd10"]] if c.get("icd10") else []},
                     sources=[c["source"]], triage=c["triage"], system=c.get("system", ""),
                     what=(c.get("education") or {}).get("what", ""))
            for fid, p in c["findings"].items():
                src = c["source"]
                if isinstance(p, list):
                    p, src = p[0], p[1]
                _finding_placeholder(g, fid, path.name)
                _edge(g, cid, concept_id("finding", fid), "has_finding", src, likelihood=float(p))
            for fid in c.get("red_flags", []):
                _finding_placeholder(g, fid, path.name)
                reasons = [r["reason"] for r in rules if fid in [*r.get("all", []), *r.get("any", [])]]
                _edge(g, cid, concept_id("finding", fid), "red_flag", c["source"],
                      reason=reasons[0] if reasons else None)


def _finding_placeholder(g: nx.MultiDiGraph, fid: str, where: str) -> None:
    if concept_id("finding", fid) not in g:
        raise KnowledgeKBError(f"{where}: finding {fid!r} is not in findings.yaml")


# ---------- therapy: conditions and options, drugs, states, interactions, pgx ----------

def condition_node_ids(g: nx.MultiDiGraph, therapy_conditions: list[dict]) -> dict[str, str]:
    """Therapy condition id -> graph node id: the triage concept when the id or the ICD-10 code is
    the same (one concept per condition), else condition:<therapy id>."""
    by_icd: dict[str, str] = {}
    for n, d in g.nodes(data=True):
        if d["type"] == "condition":
            for code in d["codes"].get("icd10cm", []):
                by_icd.setdefault(code, n)
    out = {}
    for c in therapy_conditions:
        same = concept_id("condition", c["id"])
        out[c["id"]] = same if same in g else by_icd.get(c.get("icd10", ""), same)
    return out


def _therapy(g: nx.MultiDiGraph, root: Path, side: dict, lex) -> None:
    shared = read_mapping(root / "shared.yaml")
    conditions = read_mapping(root / "conditions.yaml")["conditions"]
    drugs: dict[str, dict] = {}
    for path in sorted((root / "drugs").glob("*.yaml")):
        for d in read_mapping(path)["drugs"]:
            require(d, ("id", "source"), path.name)
            if d["id"] not in lex.ingredients and d["id"] not in lex.products:
                raise KnowledgeKBError(f"{path.name}: drug {d['id']} is not in the drug lexicon")
            # classes and QT/serotonergic/CNS flags come from the lexicon, as in the therapy KB
            prof = risk_profile(lex, d["id"])
            drugs[d["id"]] = {**d, **{k: v for k, v in prof.items() if k in ("classes", "serotonergic",
                                                                             "cns_depressant", "qt")},
                              "name": d.get("name", prof["name"])}
    interaction_only = {i: risk_profile(lex, i) for i in lex.ingredients if i not in drugs}
    cmap = condition_node_ids(g, conditions)
    for c in conditions:
        require(c, ("id", "name", "options", "source"), "conditions.yaml")
        codes = {"icd10cm": [c["icd10"]] if c.get("icd10") else [], "snomed": [c["snomed"]] if c.get("snomed") else []}
        add_node(g, cmap[c["id"]], c["name"], synonyms=c.get("synonyms", []), codes=codes, sources=[c["source"]],
                 therapy_id=c["id"], guideline=c.get("guideline", ""))
    states = {}
    for s in shared.get("states", []):
        sid = concept_id("condition", s["id"])
        states[s["id"]] = sid
        add_node(g, sid, s["name"], synonyms=s.get("synonyms", []), sources=["therapy shared.yaml (patient states)"],
                 kind="patient_state")
    state_ids = {**states, **cmap}
    add_node(g, "test:crcl", "Creatinine clearance (Cockcroft-Gault)", synonyms=["crcl", "creatinine clearance"],
             sources=["therapy drug files (renal dose bands)"], unit="mL/min")
    add_node(g, "test:egfr", "Estimated GFR", synonyms=["egfr", "gfr", "glomerular filtration rate"],
             sources=["therapy drug files (renal dose bands)"], unit="mL/min/1.73m2")
    add_node(g, "condition:hepatic_impairment", "Hepatic impairment (Child-Pugh B or C)",
             synonyms=["liver impairment", "liver disease", "cirrhosis", "child-pugh"],
             sources=["therapy drug files (hepatic dose rules)"], kind="patient_state")
    classes: dict[str, set[str]] = {}
    for d in drugs.values():
        _drug(g, d, state_ids)
    for d in [*drugs.values(), *interaction_only.values()]:
        for k in d["classes"]:
            classes.setdefault(k, set()).add(d["id"])
    side["allergy_classes"] = {a["id"]: a for a in shared.get("allergy_classes", [])}
    side["cross_reactivity"] = shared.get("cross_reactivity", [])
    for c in conditions:
        for o in c["options"]:
            for comp in o["components"]:
                _edge(g, cmap[c["id"]], concept_id("drug", comp["drug"]), "treated_by", o.get("source", c["source"]),
                      line=o.get("line", ""), option=o["id"], label=o.get("label", ""),
                      guideline=c.get("guideline", ""), therapy_condition=c["id"],
                      not_if=[state_ids.get(s, s) for s in o.get("not_if", [])],
                      preferred_if=[state_ids.get(s, s) for s in o.get("preferred_if", [])],
                      dose=comp.get("dose_label") or _dose(comp, drugs[comp["drug"]]), frequency=comp.get("frequency"),
                      route=comp.get("route"), duration=comp.get("duration"), combination=len(o["components"]) > 1)
    inter = read_mapping(root / "interactions.yaml")
    infos = {**interaction_only, **drugs}
    pairs, _ = expand_interactions(inter, infos, classes, error=KnowledgeKBError)
    route_condition = route_conditions(infos, read_mapping(lex.root / "routes.yaml"))
    for key in sorted(pairs, key=sorted):
        for r in pairs[key]:
            r = r.in_context(None)  # a kidney-dependent rule names its CrCl thresholds in the management
            a, b = r.drugs
            # the route condition travels with the edge: skin/eye/ear forms, label exceptions, route-only rules
            _edge(g, concept_id("drug", a), concept_id("drug", b), "interacts_with", r.source, severity=r.severity,
                  mechanism=r.mechanism, effect=r.effect, management=r.management, rule=r.rule, avoid=r.avoid,
                  **route_condition(r))
    _group_rules(g, inter.get("group_rules", []))
    _pgx(g, read_mapping(root / "pgx.yaml"))


def _group_rules(g: nx.MultiDiGraph, rules: list[dict]) -> None:
    """Interactions of three or more drugs together (the 'triple whammy'): an `interacts_in_group` edge between
    the members (a class or a drug) of every two of a rule's groups, each carrying the whole rule (`groups`: the
    groups by name, so an edge says which third drug completes it; `start_group`, `end_group`: the groups of its
    two ends)."""
    for r in rules:
        require(r, ("id", "groups", "severity", "effect", "management", "source"), "interactions.yaml group_rules")
        members = [[concept_id("class", k) for k in grp.get("classes", [])] +
                   [concept_id("drug", d) for d in grp.get("drugs", [])] for grp in r["groups"]]
        names = [" or ".join(g.nodes[m]["name"] if m in g else m for m in ms) for ms in members]
        for i, j in itertools.combinations(range(len(members)), 2):
            for a in members[i]:
                for b in members[j]:
                    _edge(g, a, b, "interacts_in_group", r["source"], rule=r["id"], severity=r["severity"],
                          mechanism=r.get("mechanism", ""), effect=r["effect"], management=r["management"],
                          groups=names, start_group=i, end_group=j, avoid=bool(r.get("avoid", False)),
                          duration=[c["management"] for c in r.get("duration", [])])


def _dose(comp: dict, drug: dict) -> str | None:
    return f"{comp['dose']:g} {drug.get('unit', '')}".strip() if "dose" in comp else None


def _drug(g: nx.MultiDiGraph, d: dict, state_ids: dict[str, str]) -> None:
    did = concept_id("drug", d["id"])
    scalar = ("pregnancy", "pregnancy_note", "lactation", "qt", "allergy_class", "serotonergic", "cns_depressant",
              "acb", "beers", "unit", "max_daily", "min_age", "note", "side_chain")
    add_node(g, did, d["name"], synonyms=[*d.get("brands", []), *d.get("synonyms", [])], sources=[d["source"]],
             classes=list(d["classes"]), **{k: d[k] for k in scalar if k in d})
    node = g.nodes[did]["attrs"]
    node["classes"] = list(d["classes"])  # with ancestors, as the interaction rules test them
    node.update({k: d[k] for k in scalar if k in d})
    for rel, key in (("contraindicated_in", "contraindicated_in"), ("caution_in", "caution_in")):
        for s in d.get(key, []):
            target = state_ids.get(s, concept_id("condition", s))
            if target not in g:
                raise KnowledgeKBError(f"drug {d['id']}: unknown patient state {s!r}")
            _edge(g, did, target, rel, d["source"])
    for band in d.get("renal", []):
        _edge(g, did, "test:egfr" if band.get("by") == "egfr" else "test:crcl", "renal_dose", band.get("source", d["source"]),
              below=float(band["below"]), action=band.get("action", "adjust"), note=band.get("note", ""),
              dose=band.get("dose"), frequency=band.get("frequency"), dose_factor=band.get("dose_factor"),
              max_daily=band.get("max_daily"))
    h = d.get("hepatic")
    if h:
        _edge(g, did, "condition:hepatic_impairment", "hepatic_dose", h.get("source", d["source"]),
              child_pugh_b=h.get("B"), child_pugh_c=h.get("C"), note=h.get("note", ""), max_daily=h.get("max_daily"))


def _pgx(g: nx.MultiDiGraph, pgx: dict) -> None:
    for gene in pgx.get("genes", []):
        add_node(g, concept_id("gene", gene["gene"]), gene["gene"], sources=[gene.get("source", "therapy pgx.yaml")],
                 phenotypes={k: list(v) for k, v in gene.get("phenotypes", {}).items()})
    for r in pgx.get("rules", []):
        for drug in (r["drug"], *r.get("also", [])):  # `also`: drugs the guideline gives the same table
            _pgx_edges(g, r, concept_id("gene", r["gene"]), concept_id("drug", drug))


def _pgx_edges(g: nx.MultiDiGraph, r: dict, gid: str, did: str) -> None:
    for phenotype, rec in r["recommendations"].items():
        _edge(g, gid, did, "pgx_action", r["source"], phenotype=phenotype, action=rec.get("action", ""),
              strength=rec.get("strength"), recommendation=rec.get("recommendation", ""),
              alternatives=list(rec.get("alternatives", [])), dose_factor=rec.get("dose_factor"),
              level=r.get("level"))


# ---------- cases: tests and their characteristic results ----------

def _tests(g: nx.MultiDiGraph, path: Path) -> None:
    data = read_mapping(path)
    for t in data["tests"]:
        require(t, ("id", "name", "source"), path.name)
        tid = concept_id("test", t["id"])
        add_node(g, tid, t["name"], sources=[t["source"]], category=t.get("category", ""), normal=t.get("normal", ""),
                 cost_gbp=t.get("cost"), turnaround_min=t.get("turnaround_min"))
        for ab in t.get("abnormal", []):
            src = concept_id("condition", ab["condition"]) if "condition" in ab else concept_id("finding", ab["finding"])
            _edge(g, src, tid, "tested_by", ab.get("source", t["source"]), p_abnormal=float(ab.get("p", 1.0)),
                  result=ab.get("result", ""))


# ---------- the knowledge layer's drug lexicon: products, more ingredients, the class hierarchy ----------

def _drug_lexicon(g: nx.MultiDiGraph, kb_dir: Path):
    """Every ingredient, product and class of the knowledge drug lexicon: brands and combination products
    resolve to ingredients (Percocet -> oxycodone + acetaminophen), classes get their parents. Returns the
    lexicon, whose classes and risk flags the therapy drugs take."""
    from medcore.knowledge import drugs as kdrugs

    lex = kdrugs.load(kb_dir)
    concepts = kdrugs.drug_concepts(kb_dir)
    for c in concepts:  # nodes first, so every edge below has both ends
        add_node(g, c.id, c.name, synonyms=c.synonyms, codes=c.codes, sources=c.sources,
                 **{k: v for k, v in c.attrs.items() if k in ("ingredients", "brands", "routes", "inn", "kind")})
    for c in concepts:
        src = c.sources[0] if c.sources else "knowledge drugs KB"
        if c.type == "product":
            for i in c.attrs.get("ingredients", []):
                _edge(g, c.id, concept_id("drug", i), "has_ingredient", src)
        elif c.type == "class":
            for parent in c.attrs.get("parents", []):
                _edge(g, c.id, concept_id("class", parent), "subclass_of", src)
        elif c.type == "drug":
            have = {e[1] for e in g.out_edges(c.id)}
            for k in c.attrs.get("classes", []):
                kid = concept_id("class", k)
                if kid in g and kid not in have:
                    _edge(g, c.id, kid, "member_of", src)
    return lex
