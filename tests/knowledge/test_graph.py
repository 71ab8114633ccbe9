"""The knowledge graph: built from the KBs with sources, cached by the files' digest, exported."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import networkx as nx
import pytest

from medcore.knowledge.concepts import CONCEPT_TYPES
from medcore.knowledge.export import EDGE_FIELDS, NODE_FIELDS, export
from medcore.knowledge.graph import RELATIONS, load_graph, load_graph_dir
from medcore.knowledge.kbfiles import KnowledgeKBError

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def kg():
    return load_graph_dir(REPO / "assets" / "kb")


def test_every_relation_is_present_and_every_edge_has_a_source(kg):
    st = kg.stats()
    assert set(st["relations"]) == set(RELATIONS)
    for u, v, d in kg.g.edges(data=True):
        assert d["source"].strip(), (u, d["relation"], v)


def test_node_ids_follow_the_concept_scheme(kg):
    for n, d in kg.g.nodes(data=True):
        kind, key = n.split(":", 1)
        assert kind in CONCEPT_TYPES and key and d["type"] == kind, n
        assert d["name"], n


def test_edges_carry_the_kb_facts(kg):
    mi = {e.end: e for e in kg.edges("condition:myocardial_infarction", "has_finding")}
    assert mi["finding:chest_pain"].attrs["likelihood"] == pytest.approx(0.88)
    assert "NICE CG95" in mi["finding:chest_pain"].source
    flags = {e.end for e in kg.edges("condition:myocardial_infarction", "red_flag")}
    assert flags == {"finding:chest_pain_crushing", "finding:chest_pain_radiating", "finding:sweating"}
    # a class rule (ACE inhibitor + ARB) expanded to its member pairs, as the therapy KB does
    pair = [e for e in kg.edges("drug:lisinopril", "interacts_with") if e.other("drug:lisinopril") == "drug:losartan"]
    assert pair and pair[0].attrs["rule"] == "acei_arb" and pair[0].attrs["severity"] == "major"
    cpic = [e for e in kg.edges("gene:CYP2C19", "pgx_action") if e.end == "drug:clopidogrel"
            and e.attrs["phenotype"] == "Poor Metabolizer"]
    assert cpic[0].attrs["action"] == "use_alternative" and "CPIC" in cpic[0].source
    assert any(e.end == "condition:pregnancy" for e in kg.edges("drug:lisinopril", "contraindicated_in"))
    renal = {e.attrs["below"] for e in kg.edges("drug:lisinopril", "renal_dose")}
    assert renal == {30.0, 10.0}
    tests = {e.end: e for e in kg.edges("condition:myocardial_infarction", "tested_by")}
    assert tests["test:troponin"].attrs["p_abnormal"] == pytest.approx(0.95)


def test_therapy_and_triage_conditions_are_one_concept(kg):
    """cap (therapy) and pneumonia (triage) share ICD-10 J18.9: one node with both kinds of edges."""
    assert "condition:cap" not in kg
    pn = kg.concept("condition:pneumonia")
    assert pn.attrs["therapy_id"] == "cap" and "J18.9" in pn.codes["icd10cm"]
    assert kg.edges("condition:pneumonia", "treated_by") and kg.edges("condition:pneumonia", "has_finding")


def _copy_kb(tmp_path: Path) -> Path:
    kb = tmp_path / "kb"
    for sub in ("triage", "therapy", "knowledge"):
        shutil.copytree(REPO / "assets" / "kb" / sub, kb / sub)
    (kb / "cases").mkdir(parents=True)
    shutil.copy(REPO / "assets" / "kb" / "cases" / "tests.yaml", kb / "cases" / "tests.yaml")
    return kb


def test_an_edit_to_a_kb_file_shows_up_in_the_graph(tmp_path):
    kb = _copy_kb(tmp_path)
    first = load_graph_dir(kb)
    assert load_graph_dir(kb) is first  # warm: the cached graph
    path = kb / "triage" / "conditions_emergency.yaml"
    text = path.read_text(encoding="utf-8")
    assert "findings: {chest_pain: 0.88," in text
    path.write_text(text.replace("findings: {chest_pain: 0.88,", "findings: {chest_pain: 0.425,", 1), encoding="utf-8")
    second = load_graph_dir(kb)
    assert second is not first and second.digest != first.digest
    lik = {e.end: e.attrs["likelihood"] for e in second.edges("condition:myocardial_infarction", "has_finding")}
    assert lik["finding:chest_pain"] == pytest.approx(0.425)


def test_a_broken_reference_fails_with_the_file_named(tmp_path):
    kb = _copy_kb(tmp_path)
    path = kb / "triage" / "conditions_emergency.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("red_flags: [chest_pain_crushing,",
                                                             "red_flags: [no_such_finding,", 1), encoding="utf-8")
    with pytest.raises(KnowledgeKBError, match="conditions_emergency.yaml.*no_such_finding"):
        load_graph_dir(kb)


def test_graphml_export_reads_back_with_networkx(kg, tmp_path):
    [path] = export(kg, "graphml", tmp_path / "out")
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == kg.g.number_of_nodes() and g.number_of_edges() == kg.g.number_of_edges()
    assert g.nodes["condition:meningitis"]["type"] == "condition"
    rels = {d["relation"] for _, _, d in g.edges(data=True)}
    assert rels == set(RELATIONS)


def test_csv_export_has_neo4j_import_headers(kg, tmp_path):
    nodes, edges = export(kg, "csv", tmp_path / "csv")
    with open(nodes, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == NODE_FIELDS and rows[0][:2] == ["id:ID", ":LABEL"]
    assert len(rows) - 1 == kg.g.number_of_nodes()
    ids = {r[0] for r in rows[1:]}
    with open(edges, newline="", encoding="utf-8") as fh:
        erows = list(csv.reader(fh))
    assert tuple(erows[0]) == EDGE_FIELDS and erows[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(erows) - 1 == kg.g.number_of_edges()
    assert all(r[0] in ids and r[1] in ids and r[3] for r in erows[1:])
    assert {r[2] for r in erows[1:]} == {r.upper() for r in RELATIONS}


def test_load_graph_uses_the_settings_kb(settings):
    assert load_graph(settings).stats()["nodes"] > 900


def test_a_new_process_reads_the_built_graph_from_the_disk_cache(tmp_path):
    from medcore.knowledge.graph import clear_cache

    kb = _copy_kb(tmp_path)
    built = load_graph_dir(kb, cache_dir=tmp_path / "cache")
    assert not built.from_cache and list((tmp_path / "cache").glob("graph-*.json"))
    clear_cache()  # as a new process would start
    again = load_graph_dir(kb, cache_dir=tmp_path / "cache")
    assert again.from_cache and again.build_s == built.build_s and again.digest == built.digest
    assert again.stats()["relations"] == built.stats()["relations"]
    assert sorted(again.g.nodes) == sorted(built.g.nodes)
    assert again.edges("condition:myocardial_infarction", "has_finding") == built.edges(
        "condition:myocardial_infarction", "has_finding")
    path = kb / "therapy" / "interactions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    clear_cache()
    assert not load_graph_dir(kb, cache_dir=tmp_path / "cache").from_cache  # a changed input rebuilds
    assert len(list((tmp_path / "cache").glob("graph-*.json"))) == 1


def test_the_graph_holds_the_same_interaction_pairs_as_the_planner(kg, settings):
    """One expansion of the class rules (knowledge.interaction_rules) for both: no drift."""
    from medcore.therapy.kb import load_kb

    kb = load_kb(settings)
    planner = {(frozenset(k), r.rule, r.severity) for k, rules in kb.pairs.items() for r in rules}
    graph = {(frozenset((e.start.split(":", 1)[1], e.end.split(":", 1)[1])), e.attrs["rule"], e.attrs["severity"])
             for e in kg.all_edges("interacts_with")}
    assert graph == planner and len(graph) > 1000


def test_group_rules_are_relations_with_their_source(kg, settings):
    """interactions.yaml group_rules (three drugs together) become interacts_in_group edges between the members of
    every two groups, each with the rule's source; the same rules as the planner's."""
    from medcore.therapy.kb import load_kb

    kb = load_kb(settings)
    edges = kg.all_edges("interacts_in_group")
    assert {e.attrs["rule"] for e in edges} == {g["id"] for g in kb.group_rules}
    whammy = [e for e in edges if e.attrs["rule"] == "triple_whammy"]
    assert {frozenset((e.start, e.end)) for e in whammy} == {
        frozenset(p) for p in [("class:nsaid", "class:ace_inhibitor"), ("class:nsaid", "class:arb"),
                               ("class:nsaid", "class:diuretic"), ("class:ace_inhibitor", "class:diuretic"),
                               ("class:arb", "class:diuretic")]}
    for e in whammy:
        assert e.attrs["severity"] == "major" and "Lapi" in e.source and len(e.attrs["groups"]) == 3
    # found from either end (symmetric)
    assert any(e.attrs["rule"] == "triple_whammy" for e in kg.edges("class:diuretic", "interacts_in_group"))
