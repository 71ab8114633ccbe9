"""Home's records status counts without loading the knowledge base or the terminology (issue 14, speed): the
counts are the loaded KB's, kept per version of its files, and the problem-term count is the terminology's."""

from __future__ import annotations

import pytest

from medcore import status_cache
from medcore.records import kb as kb_mod
from medcore.records import status


@pytest.fixture
def fresh(settings):
    status_cache.clear_memory()
    yield settings
    status_cache.clear_memory()


def _refuse_loading(monkeypatch):
    def no(*a, **k):
        raise AssertionError("Home's status must not load the knowledge base or the terminology")

    monkeypatch.setattr(kb_mod, "load_from", no)
    monkeypatch.setattr(kb_mod, "load", no)
    import medcore.knowledge.terminology as term

    monkeypatch.setattr(term, "load_terminology", no)


def test_counts_are_the_loaded_knowledge_bases(fresh):
    kb = kb_mod.load(fresh)  # builds or loads the terminology, as a summary does
    comps = status.check(fresh)
    assert comps[0].ok
    assert (f"{len(kb.labs)} lab ranges, {len(kb.drugs)} drug names, {len(kb.problem_terms())} problem terms"
            in comps[0].detail)
    assert f"{len(kb.sections)} section types" in comps[0].detail


def test_a_fresh_process_reads_the_counts_without_loading_anything(fresh, monkeypatch):
    from medcore.knowledge.terminology import load_terminology

    load_terminology(fresh)  # built once (the test cache), as a server's first summary does
    first = status.check(fresh)
    status_cache.clear_memory()  # a new process: only the data folder remembers
    _refuse_loading(monkeypatch)
    assert status.check(fresh) == first
    assert status.engine_ready(fresh)


def test_a_changed_kb_file_is_counted_again(fresh, monkeypatch, tmp_path):
    import shutil
    from pathlib import Path

    kb_dir = tmp_path / "assets" / "kb"
    shutil.copytree(Path(fresh.kb_dir) / "records", kb_dir / "records")
    shutil.copytree(Path(fresh.kb_dir) / "knowledge", kb_dir / "knowledge")
    s = fresh.replace(assets_dir=tmp_path / "assets")
    before = status.kb_counts(s)
    lab = kb_dir / "records" / "lab_ranges.csv"
    lab.write_text(lab.read_text() + "made-up analyte,,mmol/L,1,2,test row\n")
    kb_mod.load_from.cache_clear()
    try:
        assert status.kb_counts(s)["labs"] == before["labs"] + 1
        lab.write_text("name,aliases,unit,low,high,source\nsodium,,mmol/L,150,145,x\n")  # broken: not ready
        kb_mod.load_from.cache_clear()
        assert not status.engine_ready(s)
        assert not status.check(s)[0].ok and "low" in status.check(s)[0].detail
    finally:
        kb_mod.load_from.cache_clear()


def test_problem_terms_wait_for_the_terminology_instead_of_building_it(fresh, monkeypatch, tmp_path):
    s = fresh.replace(knowledge_cache_dir=str(tmp_path / "empty-cache"))
    status.kb_counts(s)  # the records counts are there; the terminology of this cache folder is not
    _refuse_loading(monkeypatch)
    comp = status.check(s)[0]
    assert comp.ok and "problem terms from the knowledge layer (built on first use)" in comp.detail
    assert not (tmp_path / "empty-cache").exists()
