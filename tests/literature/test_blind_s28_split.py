"""Blind set s28 (20 abstracts written by hand from real studies, harder and more varied than s27): its shape only
(tests/literature/_blind_split.py), the committed abstracts file the scorer reads instead of pqal_dev.json, and the
loader's two text forms on an abstract of our own. The set is scored once before and once after, never per item."""

from __future__ import annotations

from collections import Counter

from medcore import kbyaml
from medcore.config import REPO_ROOT
from medcore.literature.evaluate import load_written, written_text
from tests.literature import _blind_split as bs

NAME = "pubmedqa_extract_blind_s28.yaml"
NAMED = ("interventions", "comparators", "outcomes_primary", "outcomes_secondary")
DESIGNS = {"rct", "cohort", "case_control", "cross_sectional", "case_series", "case_report", "diagnostic_accuracy",
           "nonrandomised_trial", "qualitative", "meta_analysis"}


def test_blind_s28_loads_with_twenty_papers_in_the_stated_groups_and_designs():
    papers = bs.check_papers(NAME, "blind_s28", 20, {"drug_trial": 4, "nondrug_trial": 3, "observational": 13},
                             max_words=6, name_fields=NAMED, designs=DESIGNS)
    assert Counter(p["design"] for p in papers) == {"rct": 7, "cohort": 4, "case_control": 3, "cross_sectional": 2,
                                                    "diagnostic_accuracy": 1, "meta_analysis": 1, "case_series": 1,
                                                    "qualitative": 1}
    # the gold counts the README states
    assert sum(len(p["conditions"]) for p in papers) == 13
    assert sum(len(p["interventions"]) for p in papers) == 11
    assert sum(len(p["comparators"]) for p in papers) == 8
    assert sum(len(p["effects"]) for p in papers) == 49
    assert sum(len(p["p_values"]) for p in papers) == 28
    assert sum(len(p["outcomes_primary"]) for p in papers) == 19
    assert sum(len(p["outcomes_secondary"]) for p in papers) == 5
    assert sum(p.get("n") is not None for p in papers) == 20
    assert sum(p.get("setting") is not None for p in papers) == 5
    assert sum(p.get("blinding") is not None for p in papers) == 6
    assert sum(p.get("age") is not None for p in papers) == 16
    assert sum(p.get("female_pct") is not None for p in papers) == 12


def test_every_gold_paper_has_its_written_abstract_with_a_real_source():
    doc = bs.load(NAME)
    written = load_written(REPO_ROOT / doc["abstracts_file"])
    assert [p["pmid"] for p in doc["papers"]] == list(written)
    for item in written.values():
        assert item["title"] and item["source"] and item["sections"]
        assert all(set(s) == {"heading", "text"} and s["text"].strip() for s in item["sections"])
    assert sum(all(not s["heading"] for s in i["sections"]) for i in written.values()) == 5  # unheaded abstracts


def test_blind_s28_is_not_in_any_other_annotation_file():
    bs.check_not_in_other_files(NAME)


def test_written_text_keeps_or_drops_the_headings():
    item = {"title": "A made-up trial", "sections": [{"heading": "METHODS", "text": "We randomised 40 adults."},
                                                      {"heading": "", "text": "Nothing else."}]}
    assert written_text(item) == ("A made-up trial", "METHODS: We randomised 40 adults.\nNothing else.")
    assert written_text(item, headings=False) == ("A made-up trial", "We randomised 40 adults. Nothing else.")


def test_cli_accepts_the_blind_s28_split():
    bs.check_cli_accepts("blind_s28")


def test_abstracts_file_names_its_split():
    assert kbyaml.load(REPO_ROOT / "assets/literature/abstracts_blind_s28.yaml")["split"] == "blind_s28"
