"""QA fixtures: the shipped education pages, built once per session (graph from the shipped KB)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KB = REPO / "assets" / "kb"


@pytest.fixture(scope="session")
def pages():
    from medcore.knowledge.graph import load_graph_dir
    from medcore.qa.pages import build_pages_from

    return build_pages_from(KB, load_graph_dir(KB))


@pytest.fixture(scope="session")
def triage_kb():
    from medcore.triage.kb import load_kb

    return load_kb(KB)


@pytest.fixture(scope="session")
def grade_settings(tmp_path_factory):
    """Only a data dir: where the readability check keeps its offline CMU dictionary."""
    from types import SimpleNamespace

    return SimpleNamespace(data_dir=tmp_path_factory.mktemp("qa-data"))
