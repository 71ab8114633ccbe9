"""Blind set s14 (PICO / results extraction): the annotation file loads in the scorer's form, it shares no abstract
with the earlier sets, its PMIDs are the ones the committed draw rule gives, and the CLI accepts the split. Only the
file's shape is checked here; the set is scored once before and once after, never per item."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest
import yaml

from medcore.config import REPO_ROOT
from medcore.literature.evaluate import ANNOTATIONS, LISTS, SCALARS

NAME = "pubmedqa_extract_blind_s14.yaml"
DRAW = REPO_ROOT / "docs" / "evals" / "literature-blind-s14" / "draw.py"


def _doc() -> dict:
    return yaml.safe_load((ANNOTATIONS / NAME).read_text(encoding="utf-8"))


def test_blind_s14_loads_with_twenty_papers_in_the_drawn_groups():
    doc = _doc()
    assert doc["split"] == "blind_s14" and doc["extra_scalars"] == ["setting"]
    papers = doc["papers"]
    assert len({p["pmid"] for p in papers}) == len(papers) == 20
    assert Counter(p["group"] for p in papers) == {"nondrug_trial": 3, "comparative": 6, "observational": 11}
    known = {"pmid", "group", "setting", *SCALARS, *LISTS}
    for p in papers:
        assert set(p) <= known, set(p) - known
        assert all(f in p for f in LISTS)  # every list field is scored (an empty list means nothing to find)
        for name in p["interventions"] + p["comparators"]:
            assert name == name.lower() and len(name.split()) <= 5, name  # short names, never copied sentences
        assert all(len(e) == 4 for e in p["effects"]) and all(len(v) == 2 for v in p["p_values"])
        assert all(len(c) == 3 and c[0].isalpha() and c[1:].isdigit() for c in p["conditions"]), p["conditions"]


def test_blind_s14_is_not_in_any_other_annotation_file():
    pmids = {p["pmid"] for p in _doc()["papers"]}
    for f in ANNOTATIONS.glob("*.yaml"):
        if f.name == NAME:
            continue
        doc = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        items = doc.get("papers", []) + doc.get("abstracts", [])  # extraction sets and sentence-role files
        assert items, f.name  # a file in another layout would pass unchecked
        assert not pmids & {str(p.get("pmid")) for p in items if isinstance(p, dict)}, f.name


def test_blind_s14_is_what_the_draw_rule_gives():
    data = REPO_ROOT.parent / "shared" / "data" / "pubmedqa" / "pqal_dev.json"
    has_base = subprocess.run(["git", "-C", str(REPO_ROOT), "cat-file", "-e", "52d9e66^{commit}"],
                              capture_output=True).returncode == 0
    if not data.is_file() or not has_base:
        pytest.skip("the draw needs ../shared/data/pubmedqa and the base commit 52d9e66")
    out = subprocess.run([sys.executable, str(DRAW)], capture_output=True, text=True, check=True).stdout
    drawn = Counter()
    for line in out.splitlines():
        group, _, pmids = line.partition(": ")
        if group in ("drug_trial", "nondrug_trial", "comparative", "observational"):
            drawn.update({(group, p) for p in pmids.split()})
    assert set(drawn) == {(p["group"], p["pmid"]) for p in _doc()["papers"]}


def test_cli_accepts_the_blind_s14_split():
    from medcore.cli import build_parser

    args = build_parser().parse_args(["literature", "eval-extract", "--split", "blind_s14", "--json"])
    assert args.split == "blind_s14"
