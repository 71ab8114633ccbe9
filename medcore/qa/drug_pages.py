"""Drug pages for the listed most used drugs, generated from the knowledge graph (the therapy KB's
conditions, cautions, interactions and pregnancy data, the drug lexicon's classes), plus curated text."""

from __future__ import annotations

from pathlib import Path

from medcore.knowledge import drugs as kdrugs
from medcore.qa import plain
from medcore.qa.model import DRUG_SECTIONS, EducationPage, Passage, Section

LIST_MAX = 8
INTERACTIONS_SHOWN = 6  # per severity: a longer list of drug names reads as one very long sentence
CLASS_KINDS = ("therapeutic", "pharmacological")
MISSING = {
    "used_for": "We do not yet have checked information on what this medicine is used for.",
    "how_to_take": "We do not yet have checked advice on how to take it. Follow the leaflet and your pharmacist.",
    "side_effects_common": "We do not yet have a checked list of common side effects. The leaflet in the pack lists them.",
    "side_effects_serious": "We do not yet have checked information on serious side effects. Read the leaflet.",
    "interactions": ("We have no record of important mixes with other medicines. That does not prove there are "
                     "none. Ask a pharmacist before you mix medicines."),
    "pregnancy_breastfeeding": ("We do not yet have checked information on pregnancy or breastfeeding. "
                                "Ask a doctor or pharmacist first."),
}
PREGNANCY = {"avoid": "Do not take it if you are pregnant, unless a doctor says you must.",
             "caution": "If you are pregnant, take it only if a doctor says the benefit is worth the risk.",
             "compatible": "It is usually thought to be safe in pregnancy. Still tell your doctor you are pregnant."}
LACTATION = {"avoid": "Do not take it while breastfeeding, unless a doctor says so.",
             "caution": "If you breastfeed, ask a doctor first. Small amounts may pass into breast milk.",
             "compatible": "It is usually thought to be safe while breastfeeding."}
SEVERITY = (("contraindicated", "Never take it with these medicines"),
            ("major", "Do not mix it with these medicines unless a doctor says so"),
            ("moderate", "Ask a pharmacist before you take it with these medicines"),
            ("minor", "These mixes seldom cause trouble, but tell your pharmacist if you take"))
FLAGS = {"qt": "In rare cases it can upset the heart's rhythm. Tell a doctor if you faint or feel your heart race.",
         "serotonergic": "Taking it with other medicines that raise serotonin (a brain chemical) can cause a rare "
                         "but serious reaction.",
         "cns_depressant": "It can make you sleepy. Take care when driving. Alcohol makes this worse."}


def build_all(kb_dir: Path, kg, content) -> dict[str, EducationPage]:
    lex = kdrugs.load(kb_dir)
    ids = [_drug_id(item, lex) for item in content.top_drugs]
    common = {f"drug:{d}": i for i, d in enumerate(ids)}  # interaction partners that are common drugs come first
    return {f"drug:{did}": build(kg, did, content.drugs.get(did, {}), content.glossary, common) for did in ids}


def _drug_id(item: dict, lex) -> str:
    from medcore.qa.curated import ContentError

    if item.get("id") and item["id"] in lex.ingredients:
        return item["id"]
    r = kdrugs.resolve(item.get("id") or item["name"], lex=lex)
    if len(r.ingredients) != 1:
        raise ContentError(f"top_drugs.yaml: {item['name']!r} does not resolve to one drug in the lexicon")
    return r.ingredients[0]


def build(kg, did: str, cur: dict, glossary: dict | None = None, common: dict | None = None) -> EducationPage:
    glossary, common = glossary or {}, common or {}
    nid = f"drug:{did}"
    node = kg.node(nid)
    a = node["attrs"]
    sections = {k: Section(k, t, missing=MISSING.get(k, "")) for k, t in DRUG_SECTIONS.items()}
    src = node["sources"][0] if node["sources"] else "Medcore drug lexicon"
    sections["used_for"].passages += _used_for(kg, nid, node, src, glossary)
    sections["side_effects_serious"].passages += _cautions(kg, nid, a, src, glossary)
    sections["interactions"].passages += _interactions(kg, nid, common)
    preg = [Passage(PREGNANCY[a["pregnancy"]], src, "therapy_kb", (f"{nid} pregnancy",))] if a.get("pregnancy") in PREGNANCY else []
    if a.get("lactation") in LACTATION:
        preg.append(Passage(LACTATION[a["lactation"]], src, "therapy_kb", (f"{nid} lactation",)))
    sections["pregnancy_breastfeeding"].passages += preg
    for key, items in cur.items():
        sections[key].passages += items
    title = node["name"][0].upper() + node["name"][1:]
    codes = {k: list(v) for k, v in node["codes"].items()}
    return EducationPage(nid, "drug", title, codes, list(sections.values()))


def _named(kg, ids: list[str], glossary: dict) -> tuple[list[str], list[str]]:
    """Plain names for graph nodes, with glossary meanings, and the glossary sources used."""
    names, srcs = [], []
    for n in ids:
        name, gsrc = plain.explain(plain.lower_first(kg.name(n)), glossary)
        if gsrc and name[name.rindex(" ("):] in "".join(names):
            name, gsrc = plain.lower_first(kg.name(n)), None  # the same meaning once per sentence
        names.append(name)
        if gsrc:
            srcs.append(f"plain words: {gsrc}")
    return names, srcs


def _used_for(kg, nid: str, node: dict, src: str, glossary: dict) -> list[Passage]:
    out = []
    # the therapeutic group first (plainer: 'antihypertensives'), then the drug family; not CYP or risk lists
    member = kg.edges(nid, "member_of")
    classes = [e for kind in CLASS_KINDS for e in member if kg.node(e.end)["attrs"].get("kind") == kind][:2]
    if classes:
        names, gsrc = _named(kg, [e.end for e in classes], glossary)
        out.append(Passage(f"It belongs to these groups of medicines: {plain.join(names)}.",
                           "; ".join(dict.fromkeys([*(e.source for e in classes), *gsrc])), "graph",
                           tuple(f"{nid} member_of {e.end}" for e in classes)))
    uses = list({e.start: e for e in kg.edges(nid, "treated_by", "in")}.values())[:LIST_MAX]
    if uses:
        names, gsrc = _named(kg, [e.start for e in uses], glossary)
        out.append(Passage(f"Doctors use it to treat {plain.join(names)}.",
                           "; ".join(dict.fromkeys([*(e.source for e in uses), *gsrc])), "therapy_kb",
                           tuple(f"{e.start} treated_by {nid}" for e in uses)))
    brands = node["attrs"].get("brands") or []
    if brands:
        out.append(Passage(f"Brand names include {plain.join(brands[:3])}.", src, "graph", (nid,)))
    return out


def _cautions(kg, nid: str, a: dict, src: str, glossary: dict) -> list[Passage]:
    out = []
    for rel, lead in (("contraindicated_in", "Do not take it if you have"),
                      ("caution_in", "Take special care, and tell your doctor, if you have")):
        edges = kg.edges(nid, rel)[:LIST_MAX]
        if edges:
            names, gsrc = _named(kg, [e.end for e in edges], glossary)
            out.append(Passage(f"{lead}: {plain.join(names)}.", "; ".join([edges[0].source, *gsrc]), "therapy_kb",
                               tuple(f"{nid} {rel} {e.end}" for e in edges)))
    if kg.edges(nid, "renal_dose"):
        out.append(Passage("If your kidneys do not work well, you may need a lower dose or another medicine.",
                           kg.edges(nid, "renal_dose")[0].source, "therapy_kb", (f"{nid} renal_dose",)))
    if kg.edges(nid, "hepatic_dose"):
        out.append(Passage("If you have liver disease, your doctor may change the dose or choose another medicine.",
                           kg.edges(nid, "hepatic_dose")[0].source, "therapy_kb", (f"{nid} hepatic_dose",)))
    risk = {e.end for e in kg.edges(nid, "member_of")}
    flags = {"qt": bool(a.get("qt")) or any(r.startswith("class:qt_") for r in risk),
             "serotonergic": bool(a.get("serotonergic")) or "class:serotonergic" in risk,
             "cns_depressant": bool(a.get("cns_depressant")) or "class:cns_depressant" in risk}
    for k, on in flags.items():
        if on:
            out.append(Passage(FLAGS[k], src, "graph", (f"{nid} {k}",)))
    return out


def _interactions(kg, nid: str, common: dict) -> list[Passage]:
    # each medicine once, under the most severe of the rules that pair it with this drug
    order = {sev: i for i, (sev, _) in enumerate(SEVERITY)}
    worst: dict[str, object] = {}
    for e in kg.edges(nid, "interacts_with"):
        o, sev = e.other(nid), e.attrs.get("severity", "moderate")
        if o not in worst or order.get(sev, 9) < order.get(worst[o].attrs.get("severity", "moderate"), 9):
            worst[o] = e
    by_sev: dict[str, dict[str, object]] = {}
    for o, e in worst.items():
        by_sev.setdefault(e.attrs.get("severity", "moderate"), {})[o] = e
    out = []
    for sev, lead in SEVERITY:
        edges = list(by_sev.get(sev, {}).values())
        if not edges:
            continue
        others = sorted({e.other(nid) for e in edges}, key=lambda o: (common.get(o, len(common)), kg.name(o)))
        names = [kg.name(o) for o in others]
        shown = names[:INTERACTIONS_SHOWN]
        more = f" There are {len(names) - len(shown)} more. A pharmacist can check them all." if len(names) > len(shown) else ""
        out.append(Passage(f"{lead}: {plain.join(shown)}.{more}",
                           "; ".join(list(dict.fromkeys(e.source for e in edges))[:3]), "therapy_kb",
                           tuple(f"{nid} interacts_with {e.other(nid)}" for e in edges)))
    return out
