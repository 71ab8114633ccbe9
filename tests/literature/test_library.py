"""The library of read papers: ownership through store.as_user, dedupe by PMID/DOI, search, delete;
the evidence table and its CSV (formula cells defused); the paper's knowledge-graph edges."""

from __future__ import annotations

import csv
import io

import pytest

from medcore.auth import AccessDenied, User
from medcore.knowledge import overlay, service
from medcore.literature import evidence_table, library
from medcore.literature.graph_edges import direction, paper_edges

from ._papers import paper

ALICE, BOB = User("alice", "clinician"), User("bob", "student")


def test_user_a_cannot_see_or_delete_b_papers(store):
    a, b = store.as_user(ALICE), store.as_user(BOB)
    mine = library.save_paper(a, paper()).id
    theirs = library.save_paper(b, paper(title="Other", pmid="222", doi="10.1/other", drug=("aspirin", "drug:aspirin"),
                                          condition=("stroke", "condition:stroke"))).id
    assert [e.id for e in library.list_papers(a)] == [mine]
    assert [e.id for e in library.list_papers(b)] == [theirs]
    assert library.get_paper(b, mine) is None and library.get_paper(a, mine)["paper"]["pmid"] == "111"
    assert library.delete_paper(b, mine) is False and library.get_paper(a, mine) is not None
    assert library.search(b, "metformin") == []
    assert evidence_table.build(b, drug="metformin") == []


def test_a_role_without_the_tool_is_refused(store):
    # every role may read papers today; the check still runs, so a tool the role lacks is refused
    from medcore import auth

    saved = library.save_paper(store.as_user(BOB), paper())
    assert saved.id and auth.can_use_tool(BOB, "literature")
    orig = auth.STUDENT_TOOLS
    try:
        auth.STUDENT_TOOLS = frozenset()
        with pytest.raises(AccessDenied):
            library.list_papers(store.as_user(BOB))
        with pytest.raises(AccessDenied):
            library.save_paper(store.as_user(BOB), paper(pmid="9"))
    finally:
        auth.STUDENT_TOOLS = orig


def test_same_pmid_or_doi_is_saved_once_with_every_version_kept(store):
    a = store.as_user(ALICE)
    first = library.save_paper(a, paper())
    again = library.save_paper(a, paper(title="Metformin v placebo (corrected)", doi=""))  # same PMID
    by_doi = library.save_paper(a, paper(pmid="", doi="10.1000/MET.1"))  # same DOI, other case
    assert not first.duplicate and again.duplicate and by_doi.duplicate
    assert first.id == again.id == by_doi.id
    [entry] = library.list_papers(a)
    assert entry.version == 3 and len(store.work_versions(first.id)) == 3
    other = library.save_paper(a, paper(pmid="", doi=""))  # nothing to match on: a new paper
    assert not other.duplicate and len(library.list_papers(a)) == 2
    assert library.delete_paper(a, first.id) and [e.id for e in library.list_papers(a)] == [other.id]
    assert library.save_paper(a, paper()).id != first.id, "a deleted paper read again comes back as new"


def test_search_by_title_condition_drug_design_and_text(store):
    a = store.as_user(ALICE)
    met = library.save_paper(a, paper()).id
    asp = library.save_paper(a, paper(title="Aspirin after myocardial infarction", pmid="333", doi="",
                                      drug=("aspirin", "drug:aspirin"),
                                      condition=("myocardial infarction", "condition:mi"), design="cohort")).id
    ids = lambda hits: sorted(e.id for e in hits)  # noqa: E731
    assert ids(library.search(a, title="aspirin")) == [asp]
    assert ids(library.search(a, condition="type 2")) == [met]
    assert ids(library.search(a, condition="condition:mi")) == [asp]
    assert ids(library.search(a, drug="drug:metformin")) == [met]
    assert ids(library.search(a, design="cohort")) == [asp]
    assert ids(library.search(a, "HbA1c")) == sorted([met, asp]), "free text reaches the paper's text"
    assert ids(library.search(a, "aspirin 24 weeks")) == [asp]
    assert library.search(a, "warfarin") == []
    assert library.search(a, drug="aspirin", design="rct") == []


def test_evidence_table_side_by_side_and_csv_is_injection_safe(store):
    a = store.as_user(ALICE)
    library.save_paper(a, paper(year=2019))
    library.save_paper(a, paper(title="=HYPERLINK(\"http://x\",\"click\")", pmid="444", doi="", year=2022,
                                effect={"measure": "RR", "value": 0.8, "ci_low": 0.7, "ci_high": 0.95,
                                        "ci_level": 95, "p_value": 0.01, "p_text": "p=0.01", "p_relation": "=",
                                        "outcome": "@cmd", "sentence_idx": 2}))
    library.save_paper(a, paper(title="Unrelated", pmid="555", doi="", drug=("aspirin", "drug:aspirin")))
    rows = evidence_table.build(a, drug="metformin")
    assert [r.year for r in rows] == [2022, 2019]
    assert rows[1].main_effect == "MD -0.9 (95% CI -1.2 to -0.6), p<0.001"
    assert rows[1].direction.startswith("lower, significant") and rows[1].n == 200
    assert rows[1].intervention == "metformin" and rows[1].comparator == "placebo"
    assert rows[0].main_effect.startswith("RR 0.8 (95% CI 0.7 to 0.95)")
    text = evidence_table.to_csv(rows)
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == list(evidence_table.COLUMNS) and len(table) == 3
    for line in table[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line), line
    assert table[1][0].startswith('Doe J, Roe K. =HYPERLINK'), "a formula inside a cell is inert text"
    assert table[1][COLUMNS_IX["outcome"]] == "'@cmd"
    assert evidence_table.safe_cell("-0.5") == "'-0.5" and evidence_table.safe_cell("0.5") == "0.5"


COLUMNS_IX = {c: i for i, c in enumerate(evidence_table.COLUMNS)}


def test_paper_edges_are_coded_cited_and_marked_literature():
    [e] = paper_edges(paper())
    assert (e["start"], e["relation"], e["end"]) == ("drug:metformin", "studied_for", "condition:type2_diabetes")
    assert e["source"].startswith("Doe J, Roe K. Metformin versus placebo") and "PMID 111" in e["source"]
    a = e["attrs"]
    assert a["origin"] == "literature" and a["outcome"] == "HbA1c" and a["comparator"] == "placebo"
    assert a["effect"].startswith("MD -0.9") and a["direction"].startswith("lower, significant")
    assert paper_edges(paper(drug=("a herbal tea", ""))) == [], "an uncoded intervention gives no edge"
    [bare] = paper_edges(paper(effect={}))
    assert bare["attrs"]["outcome"] == "HbA1c" and "effect" not in bare["attrs"]


def test_paper_edges_carry_the_arms_and_skip_estimates_between_other_arms():
    p = paper()
    p["arms"] = [{"name": "metformin", "n": 100, "kind": "intervention"}, {"name": "diet", "n": 50},
                 {"name": "placebo", "n": 50, "kind": "comparator"}]
    p["effects"][0].update(arm="metformin", comparator="placebo", arm_basis="named")
    p["effects"].append(dict(p["effects"][0], value=-0.2, ci_low=-0.5, ci_high=0.1, arm="diet", comparator="placebo"))
    [e] = paper_edges(p)  # the diet vs placebo estimate says nothing about metformin
    assert (e["attrs"]["arm"], e["attrs"]["vs"], e["attrs"]["value"]) == ("metformin", "placebo", -0.9)


def test_direction_of_ratios_and_differences():
    assert direction({"measure": "HR", "value": 1.3, "ci_low": 0.9, "ci_high": 1.8}).startswith("higher, not significant")
    assert direction({"measure": "OR", "value": 0.5, "ci_low": 0.3, "ci_high": 0.8}).startswith("lower, significant")
    assert direction({"measure": "MD", "value": 2.0, "p_value": 0.2, "p_relation": "="}).startswith("higher, not sig")
    assert direction({"measure": "NNT", "value": 12}) == ""


def test_kg_ask_shows_a_saved_paper_beside_the_guideline_edges(store, settings):
    a = store.as_user(ALICE)
    library.save_paper(a, paper())
    ans = service.ask(settings, "First-line treatment of type 2 diabetes", overlay=overlay.stored_edges(a))
    assert ans.rows and all(r.detail.get("origin") != "literature" for r in ans.rows)
    [lit] = ans.literature
    assert lit.detail["origin"] == "literature" and "PMID 111" in lit.source
    assert lit.detail["effect"].startswith("MD -0.9")
    assert overlay.stored_edges(store.as_user(BOB)) == [], "another user's papers add nothing"


def test_kg_ask_cli_prints_literature_rows(store, settings, capsys):
    from medcore.cli import main

    library.save_paper(store, paper(), user=settings.user)
    assert main(["kg", "ask", "What was metformin studied for?"]) == 0
    out = capsys.readouterr().out
    assert "studied_for" in out and "[literature: Doe J, Roe K." in out
    assert main(["kg", "ask", "What was metformin studied for?", "--no-literature"]) == 1


def test_knowledge_page_shows_literature_rows_beside_guideline_rows(store, settings):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    library.save_paper(store, paper(), user=settings.user)
    page = str(Path(__file__).resolve().parents[2] / "pages" / "knowledge.py")
    at = AppTest.from_file(page, default_timeout=120).run()
    at.text_input(key="kg_question").input("First-line treatment of type 2 diabetes")
    at.button[0].click()
    at.run()
    assert not at.exception and not at.error
    guideline, lit = at.dataframe[0].value, at.dataframe[1].value
    assert "drug:metformin" in " ".join(guideline["ids"]) and not guideline["source"].str.contains("PMID 111").any()
    assert lit.iloc[0]["relation"] == "studied_for" and "PMID 111" in lit.iloc[0]["source"]
    assert "origin: literature" in lit.iloc[0]["detail"]
    assert any("From your read papers" in m.value for m in at.markdown)


def test_only_the_dosed_arm_makes_edges_when_the_paper_names_doses():
    p = paper()
    p["pico"]["interventions"] = [{"text": "semaglutide", "concept_id": "drug:semaglutide", "detail": "14 mg daily"},
                                  {"text": "metformin", "concept_id": "drug:metformin", "detail": ""}]
    assert {e["start"] for e in paper_edges(p)} == {"drug:semaglutide"}


def test_the_sample_read_end_to_end_reaches_kg_ask(store, settings):
    from medcore.literature import service as reader
    from medcore.literature.status import sample_path

    [result] = reader.read_paper(settings, sample_path(settings).read_text(encoding="utf-8"))
    a = store.as_user(ALICE)
    saved = library.save_paper(a, result)
    assert saved.edges >= 1
    ans = service.ask(settings, "What was semaglutide studied for?", overlay=overlay.stored_edges(a))
    assert ans.ok and ans.literature
    row = ans.literature[0]
    assert (row.concept, row.relation, row.target) == ("drug:semaglutide", "studied_for", "condition:type2_diabetes")
    assert "fictional sample" in row.source.lower() or "invented" in row.source.lower()
    assert row.detail["origin"] == "literature" and row.detail["effect"]



def test_a_role_correction_is_kept_on_the_paper_and_as_training_feedback(store):
    a = store.as_user(ALICE)
    item = library.save_paper(a, paper()).id
    assert library.correct_role(a, item, 1, "objective")
    s = library.get_paper(a, item)["paper"]["sentences"][1]
    assert (s["role"], s["role_source"]) == ("objective", "correction")
    [fb] = [f for f in store.list_feedback("literature") if f["kind"] == "role"]
    assert fb["data"] == {"paper": item, "idx": 1, "role": "objective"} and fb["user"] == "alice"
    assert not library.correct_role(store.as_user(BOB), item, 1, "results"), "not another user's paper"
    assert not library.correct_role(a, item, 99, "results")
    with pytest.raises(ValueError):
        library.correct_role(a, item, 1, "discussion")
