"""One data folder for the whole knowledge test session: the terminology builds its lexicon cache
there once (ICD-10-CM and HPO take tens of seconds on this CPU) instead of once per test. Assertion
tests run each tool's reader on its own kind of text: clinical sentences through the record summarizer's
pipeline, lay sentences through the symptom chat's NLU."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def _knowledge_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("knowledge-data")


@pytest.fixture
def data_dir(_knowledge_data_dir):
    return _knowledge_data_dir


@pytest.fixture
def kb(settings):
    from medcore.records import kb as kb_mod

    return kb_mod.load(settings)


@pytest.fixture(scope="session")
def lexicon():
    from medcore.config import REPO_ROOT
    from medcore.triage.kb import load_kb
    from medcore.triage.nlu import Lexicon

    return Lexicon(load_kb(REPO_ROOT / "assets" / "kb" / "triage"))
