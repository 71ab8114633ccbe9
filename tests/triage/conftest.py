"""Triage fixtures: one engine per test session (the KB and synonym embeddings are built once)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def kb():
    from medcore.config import Settings
    from medcore.triage.kb import load_kb

    return load_kb(Settings.load(secrets={}).kb_dir)


@pytest.fixture(scope="session")
def lex(kb):
    """The chat's lexicon over the session's KB (the reading tests share one)."""
    from medcore.triage.lexicon import Lexicon

    return Lexicon(kb)


@pytest.fixture(scope="session")
def lexical_engine(kb):
    """Synonym matching only (the KB's and the shared terminology's words, as in the app): fast and
    independent of MiniLM."""
    from medcore.config import Settings
    from medcore.knowledge import load_terminology
    from medcore.triage.config import load_configs
    from medcore.triage.service import TriageEngine

    settings = Settings.load(secrets={})
    ecfg, tcfg = load_configs(settings.kb_dir)
    return TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(settings))


@pytest.fixture(scope="session")
def engine(kb, tmp_path_factory):
    """The full engine with MiniLM embeddings (skipped if the model package is missing)."""
    from medcore.config import Settings
    from medcore.embeddings import embed, minilm_path
    from medcore.triage.config import load_configs
    from medcore.triage.service import TriageEngine

    if minilm_path() is None:
        pytest.skip("all-MiniLM-L6-v2 not installed")
    ecfg, tcfg = load_configs(Settings.load(secrets={}).kb_dir)
    return TriageEngine(kb, embed_fn=embed, cache_dir=tmp_path_factory.mktemp("emb"), engine_cfg=ecfg,
                        triage_cfg=tcfg)
