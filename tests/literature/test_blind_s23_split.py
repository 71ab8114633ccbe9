"""Blind set s23 (comparisons of groups or treatments first): the annotation file loads in the scorer's form, it
shares no abstract with the earlier sets, its PMIDs are the ones the committed draw rule gives, and the CLI accepts
the split. Only the file's shape is checked here; the set is scored once before and once after, never per item."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from collections import Counter

import pytest
import yaml

from medcore.config import REPO_ROOT
from medcore.literature.evaluate import ANNOTATIONS, LISTS, SCALARS

NAME = "pubmedqa_extract_blind_s23.yaml"
DRAW = REPO_ROOT / "docs" / "evals" / "literature-blind-s23" / "draw.py"
DESIGNS = {"rct", "cohort", "case_control", "cross_sectional", "case_series", "case_report", "diagnostic_accuracy",
           "nonrandomised_trial", "qualitative"}


def _doc() -> dict:
    return yaml.safe_load((ANNOTATIONS / NAME).read_text(encoding="utf-8"))


def test_blind_s23_loads_with_thirty_papers_in_the_stated_groups():
    doc = _doc()
    assert doc["split"] == "blind_s23" and doc["extra_scalars"] == ["setting"]
    papers = doc["papers"]
    assert len({p["pmid"] for p in papers}) == len(papers) == 30
    assert Counter(p["group"] for p in papers) == {"observational": 25, "comparative": 4, "nondrug_trial": 1}
    known = {"pmid", "group", "setting", *SCALARS, *LISTS}
    for p in papers:
        assert set(p) <= known, set(p) - known
        assert p["design"] in DESIGNS, p["design"]
        assert all(f in p for f in LISTS)  # every list field is scored (an empty list means nothing to find)
        for name in p["interventions"] + p["comparators"] + p["outcomes_primary"] + p["outcomes_secondary"]:
            assert name == name.lower() and len(name.split()) <= 6, name  # short names, never copied clauses
        assert all(len(e) == 4 for e in p["effects"]) and all(len(v) == 2 for v in p["p_values"])
        assert all(len(c) == 3 and c[0].isalpha() and c[1:].isdigit() for c in p["conditions"]), p["conditions"]
    # the gold counts the README states
    assert sum(len(p["comparators"]) for p in papers) == 7
    assert sum(len(p["effects"]) for p in papers) == 12
    assert sum(len(p["p_values"]) for p in papers) == 62
    assert sum(len(p["outcomes_primary"]) for p in papers) == 5


def test_blind_s23_is_not_in_any_other_annotation_file():
    pmids = {p["pmid"] for p in _doc()["papers"]}
    for f in ANNOTATIONS.glob("*.yaml"):
        if f.name == NAME:
            continue
        doc = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        items = doc.get("papers", []) + doc.get("abstracts", [])  # extraction sets and sentence-role files
        assert items, f.name  # a file in another layout would pass unchecked
        assert not pmids & {str(p.get("pmid")) for p in items if isinstance(p, dict)}, f.name


def test_blind_s23_is_what_the_draw_rule_gives():
    data = REPO_ROOT.parent / "shared" / "data" / "pubmedqa" / "pqal_dev.json"
    has_base = subprocess.run(["git", "-C", str(REPO_ROOT), "cat-file", "-e", "760accef^{commit}"],
                              capture_output=True).returncode == 0
    if not data.is_file() or not has_base:
        pytest.skip("the draw needs ../shared/data/pubmedqa and the base commit 760accef")
    spec = importlib.util.spec_from_file_location("draw_s23", DRAW)
    draw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draw)
    taken, _ = draw.draw(json.loads(data.read_text(encoding="utf-8")))
    assert taken == [p["pmid"] for p in _doc()["papers"]]


def test_cli_accepts_the_blind_s23_split():
    from medcore.cli import build_parser

    args = build_parser().parse_args(["literature", "eval-extract", "--split", "blind_s23", "--json"])
    assert args.split == "blind_s23"
