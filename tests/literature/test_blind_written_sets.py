"""Shape of the hand-written literature blind sets (s27 on), one parametrised test per check instead of a near copy
per set (the s27 and s28 files were folded in here in session 29). Each set is one row of WRITTEN: its split, the
group and design counts and the gold counts its README states, and how many abstracts are unheaded. Shape only
(tests/literature/_blind_split.py); a blind set is scored once before and once after, never per item. A later
hand-written set adds a row here; the drawn (PubMedQA) sets are tests/literature/test_blind_drawn_sets.py's."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pytest

from medcore import kbyaml
from medcore.config import REPO_ROOT
from medcore.literature.evaluate import load_written, written_text
from tests.literature import _blind_split as bs

NAMED = ("interventions", "comparators", "outcomes_primary", "outcomes_secondary")
DESIGNS = {"rct", "cohort", "case_control", "cross_sectional", "case_series", "case_report", "diagnostic_accuracy",
           "nonrandomised_trial", "qualitative", "meta_analysis"}


@dataclass(frozen=True)
class Written:
    split: str
    groups: dict
    designs: dict
    lists: dict  # gold entries per list field
    scalars: dict  # papers with a gold value per scalar field
    unheaded: int
    count: int = 20
    ids: str = field(default="")

    @property
    def name(self) -> str:
        return f"pubmedqa_extract_{self.split}.yaml"


WRITTEN = [
    Written("blind_s27", {"drug_trial": 7, "nondrug_trial": 1, "observational": 12},
            {"rct": 8, "cohort": 4, "case_control": 3, "cross_sectional": 3, "diagnostic_accuracy": 1, "case_series": 1},
            {"conditions": 13, "interventions": 12, "comparators": 7, "effects": 34, "p_values": 27,
             "outcomes_primary": 15, "outcomes_secondary": 2},
            {"n": 20, "setting": 12, "blinding": 8, "age": 12, "female_pct": 11}, unheaded=4, ids="hw27-"),
    Written("blind_s28", {"drug_trial": 4, "nondrug_trial": 3, "observational": 13},
            {"rct": 7, "cohort": 4, "case_control": 3, "cross_sectional": 2, "diagnostic_accuracy": 1,
             "meta_analysis": 1, "case_series": 1, "qualitative": 1},
            {"conditions": 13, "interventions": 11, "comparators": 8, "effects": 49, "p_values": 28,
             "outcomes_primary": 19, "outcomes_secondary": 5},
            {"n": 20, "setting": 5, "blinding": 6, "age": 16, "female_pct": 12}, unheaded=5, ids="hw28-"),
    Written("blind_s29", {"drug_trial": 7, "nondrug_trial": 4, "observational": 9},
            {"rct": 10, "nonrandomised_trial": 1, "cohort": 2, "case_control": 2, "cross_sectional": 1,
             "diagnostic_accuracy": 1, "meta_analysis": 2, "case_series": 1},
            {"conditions": 15, "interventions": 16, "comparators": 12, "effects": 34, "p_values": 24,
             "outcomes_primary": 14, "outcomes_secondary": 3},
            {"n": 20, "setting": 3, "blinding": 9, "age": 9, "female_pct": 10}, unheaded=5, ids="hw29-"),
    Written("blind_s30", {"drug_trial": 4, "nondrug_trial": 10, "observational": 6},
            {"rct": 12, "nonrandomised_trial": 2, "cohort": 1, "case_control": 1, "cross_sectional": 1,
             "diagnostic_accuracy": 1, "meta_analysis": 2},
            {"conditions": 14, "interventions": 16, "comparators": 16, "effects": 32, "p_values": 42,
             "outcomes_primary": 18, "outcomes_secondary": 8},
            {"n": 20, "setting": 8, "blinding": 8, "age": 17, "female_pct": 12}, unheaded=5, ids="hw30-"),
]


@pytest.fixture(params=WRITTEN, ids=lambda w: w.split)
def written_set(request) -> Written:
    return request.param


def test_loads_with_the_stated_groups_designs_and_gold_counts(written_set):
    w = written_set
    papers = bs.check_papers(w.name, w.split, w.count, w.groups, max_words=6, name_fields=NAMED, designs=DESIGNS)
    assert Counter(p["design"] for p in papers) == w.designs
    assert {f: sum(len(p[f]) for p in papers) for f in w.lists} == w.lists
    assert {f: sum(p.get(f) is not None for p in papers) for f in w.scalars} == w.scalars
    assert all(p["pmid"].startswith(w.ids) for p in papers)


def test_every_gold_paper_has_its_written_abstract_with_a_real_source(written_set):
    doc = bs.load(written_set.name)
    written = load_written(REPO_ROOT / doc["abstracts_file"])
    assert [p["pmid"] for p in doc["papers"]] == list(written)
    for item in written.values():
        assert item["title"] and item["source"] and item["sections"]
        assert all(set(s) == {"heading", "text"} and s["text"].strip() for s in item["sections"])
    assert sum(all(not s["heading"] for s in i["sections"]) for i in written.values()) == written_set.unheaded
    assert kbyaml.load(REPO_ROOT / doc["abstracts_file"])["split"] == written_set.split


def test_is_not_in_any_other_annotation_file(written_set):
    bs.check_not_in_other_files(written_set.name)


def test_cli_accepts_the_split(written_set):
    bs.check_cli_accepts(written_set.split)


def test_abstracts_file_at_its_usual_path_names_its_split(written_set):
    path = REPO_ROOT / f"assets/literature/abstracts_{written_set.split}.yaml"
    assert kbyaml.load(path)["split"] == written_set.split


def test_written_text_keeps_or_drops_the_headings():
    item = {"title": "A made-up trial", "sections": [{"heading": "METHODS", "text": "We randomised 40 adults."},
                                                      {"heading": "", "text": "Nothing else."}]}
    assert written_text(item) == ("A made-up trial", "METHODS: We randomised 40 adults.\nNothing else.")
    assert written_text(item, headings=False) == ("A made-up trial", "We randomised 40 adults. Nothing else.")
