"""One data folder and one health-questions engine for the whole qa test session (the pages, the triage
engine and the terminology take tens of seconds to load on this CPU; once, not per test)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def _qa_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("qa-data")


@pytest.fixture
def data_dir(_qa_data_dir):
    return _qa_data_dir


@pytest.fixture
def qa(settings):
    """(settings, engine): the real pages, the real triage engine; no MiniLM so the tests stay fast."""
    from medcore.qa import service

    return settings, service.engine(settings, use_embeddings=False)
