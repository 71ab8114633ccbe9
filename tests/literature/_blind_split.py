"""The shape checks every literature blind split shares: the annotation file loads in the scorer's form, it holds
no abstract of another annotation file, its PMIDs are the ones its committed draw rule gives, and the CLI accepts
the split. Each test_blind_*_split.py states only its own numbers. Only the file's shape is checked; a blind set is
scored once before and once after, never per item."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter

import pytest
import yaml

from medcore.config import REPO_ROOT
from medcore.literature.evaluate import ANNOTATIONS, LISTS, SCALARS

PUBMEDQA = REPO_ROOT.parent / "shared" / "data" / "pubmedqa" / "pqal_dev.json"
GROUPS = ("drug_trial", "nondrug_trial", "comparative", "observational")


def load(name: str) -> dict:
    return yaml.safe_load((ANNOTATIONS / name).read_text(encoding="utf-8"))


def check_papers(name: str, split: str, count: int, groups: dict[str, int], *, max_words: int = 5,
                 name_fields: tuple[str, ...] = ("interventions", "comparators"), coded_conditions: bool = True,
                 designs: set[str] | None = None) -> list[dict]:
    """The file's header, its paper count and groups, and every paper's fields; returns the papers for the set's
    own gold counts."""
    doc = load(name)
    assert doc["split"] == split and doc["extra_scalars"] == ["setting"]
    papers = doc["papers"]
    assert len({p["pmid"] for p in papers}) == len(papers) == count
    assert Counter(p["group"] for p in papers) == groups
    known = {"pmid", "group", "setting", *SCALARS, *LISTS}
    for p in papers:
        assert set(p) <= known, set(p) - known
        assert all(f in p for f in LISTS), p["pmid"]  # every list field is scored (an empty list: nothing to find)
        if designs is not None:
            assert p["design"] in designs, p["design"]
        for text in (t for f in name_fields for t in p[f]):
            assert text == text.lower() and len(text.split()) <= max_words, text  # short names, never copied clauses
        assert all(len(e) == 4 for e in p["effects"]) and all(len(v) == 2 for v in p["p_values"])
        if coded_conditions:
            assert all(len(c) == 3 and c[0].isalpha() and c[1:].isdigit() for c in p["conditions"]), p["conditions"]
    return papers


def check_not_in_other_files(name: str) -> None:
    pmids = {p["pmid"] for p in load(name)["papers"]}
    for f in ANNOTATIONS.glob("*.yaml"):
        if f.name == name:
            continue
        doc = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        items = doc.get("papers", []) + doc.get("abstracts", [])  # extraction sets and sentence-role files
        assert items, f.name  # a file in another layout would pass unchecked
        assert not pmids & {str(p.get("pmid")) for p in items if isinstance(p, dict)}, f.name


def _need_draw_inputs(base: str) -> None:
    has_base = subprocess.run(["git", "-C", str(REPO_ROOT), "cat-file", "-e", f"{base}^{{commit}}"],
                              capture_output=True).returncode == 0
    if not PUBMEDQA.is_file() or not has_base:
        pytest.skip(f"the draw needs ../shared/data/pubmedqa and the base commit {base}")


def check_printed_draw(name: str, folder: str, base: str) -> None:
    """Older draw scripts print 'group: pmid pmid ...' lines."""
    _need_draw_inputs(base)
    draw = REPO_ROOT / "docs" / "evals" / folder / "draw.py"
    out = subprocess.run([sys.executable, str(draw)], capture_output=True, text=True, check=True).stdout
    drawn = set()
    for line in out.splitlines():
        group, _, pmids = line.partition(": ")
        if group in GROUPS:
            drawn.update((group, p) for p in pmids.split())
    assert drawn == {(p["group"], p["pmid"]) for p in load(name)["papers"]}


def check_module_draw(name: str, folder: str, base: str) -> None:
    """Newer draw scripts expose draw(items), whose first value is the PMIDs taken, in order."""
    _need_draw_inputs(base)
    spec = importlib.util.spec_from_file_location(f"draw_{folder}", REPO_ROOT / "docs" / "evals" / folder / "draw.py")
    draw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draw)
    taken = draw.draw(json.loads(PUBMEDQA.read_text(encoding="utf-8")))[0]
    assert taken == [p["pmid"] for p in load(name)["papers"]]


def check_cli_accepts(split: str) -> None:
    from medcore.cli import build_parser

    args = build_parser().parse_args(["literature", "eval-extract", "--split", split, "--json"])
    assert args.split == split
