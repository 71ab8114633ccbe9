"""Assertion tests run each tool's reader on its own kind of text: clinical sentences through the record
summarizer's pipeline (sections, sentences, problem vocabulary), lay sentences through the symptom chat's NLU."""

from __future__ import annotations

import pytest


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
