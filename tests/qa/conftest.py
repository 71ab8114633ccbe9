"""QA fixtures: the shipped education pages, built once per session (graph from the shipped KB); one data
folder and one health-questions engine for the answering tests (the pages, the triage engine and the
terminology take tens of seconds to load on this CPU; once, not per test)."""

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


@pytest.fixture(scope="session")
def _qa_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("qa-answer-data")


@pytest.fixture
def data_dir(_qa_data_dir):
    return _qa_data_dir


@pytest.fixture
def qa(settings):
    """(settings, engine): the real pages, the real triage engine; no MiniLM so the tests stay fast."""
    from medcore.qa import service

    return settings, service.engine(settings, use_embeddings=False)
