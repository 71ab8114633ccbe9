"""One data folder for the whole knowledge test session: the terminology builds its lexicon cache
there once (ICD-10-CM and HPO take tens of seconds on this CPU) instead of once per test."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def _knowledge_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("knowledge-data")


@pytest.fixture
def data_dir(_knowledge_data_dir):
    return _knowledge_data_dir
