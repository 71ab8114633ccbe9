"""Blind set s12 (PICO / results extraction): the annotation file loads in the scorer's form and the CLI accepts
the split. Only the file's shape is checked here; the set is scored once before and once after, never per item."""

from __future__ import annotations

from collections import Counter

import yaml

from medcore.literature.evaluate import ANNOTATIONS, LISTS, SCALARS


def _doc() -> dict:
    return yaml.safe_load((ANNOTATIONS / "pubmedqa_extract_blind_s12.yaml").read_text(encoding="utf-8"))


def test_blind_s12_loads_with_fifteen_papers_five_per_group():
    doc = _doc()
    assert doc["split"] == "blind_s12" and doc["extra_scalars"] == ["setting"]
    papers = doc["papers"]
    assert len({p["pmid"] for p in papers}) == len(papers) == 15
    assert Counter(p["group"] for p in papers) == {"drug_trial": 5, "nondrug_trial": 5, "observational": 5}
    known = {"pmid", "group", "setting", *SCALARS, *LISTS}
    for p in papers:
        assert set(p) <= known, set(p) - known
        # every list field is annotated and scored (an empty list means nothing to find); the outcomes were added
        # by hand in session 21 (lit23), when this set became dev for outcomes
        assert all(f in p for f in LISTS), p["pmid"]
        for name in p["interventions"] + p["comparators"]:
            assert name == name.lower() and len(name.split()) <= 5, name  # short names, never copied sentences
        assert all(len(e) == 4 for e in p["effects"]) and all(len(v) == 2 for v in p["p_values"])


def test_blind_s12_is_not_in_any_other_annotation_file():
    pmids = {p["pmid"] for p in _doc()["papers"]}
    for f in ANNOTATIONS.glob("*.yaml"):
        if f.name == "pubmedqa_extract_blind_s12.yaml":
            continue
        papers = (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("papers", [])
        assert not pmids & {str(p.get("pmid")) for p in papers if isinstance(p, dict)}, f.name


def test_cli_accepts_the_blind_s12_split():
    from medcore.cli import build_parser

    args = build_parser().parse_args(["literature", "eval-extract", "--split", "blind_s12", "--json"])
    assert args.split == "blind_s12"
