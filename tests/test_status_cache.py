"""Tool status without loading (issue 14, speed): what each tool's KB holds is worked out once per version of its
files, kept as JSON in the data folder, and read back by a fresh process without loading the KB, the graph or the
education pages. A changed file is counted again; a KB that does not load is never reported ready."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from medcore import status_cache


@pytest.fixture
def fresh(settings):
    status_cache.clear_memory()
    yield settings
    status_cache.clear_memory()


def _refuse(monkeypatch, module, name):
    def no(*a, **k):
        raise AssertionError(f"a status read from the data folder called {module.__name__}.{name}")

    monkeypatch.setattr(module, name, no)


def test_cached_computes_once_per_version_and_a_new_process_reads_the_file(tmp_path):
    f = tmp_path / "kb.yaml"
    f.write_text("a: 1\n")
    calls = []
    got = status_cache.cached("thing", tmp_path / "data", [f], lambda: calls.append(1) or {"n": len(calls)})
    assert got == {"n": 1} and status_cache.cached("thing", tmp_path / "data", [f], lambda: {"n": 99}) == got
    status_cache.clear_memory()  # a new process: only the data folder remembers
    assert status_cache.cached("thing", tmp_path / "data", [f], lambda: {"n": 99}) == {"n": 1}
    f.write_text("a: 1\nb: 2\n")  # a new version: counted again, the old file removed
    assert status_cache.cached("thing", tmp_path / "data", [f], lambda: {"n": 2}) == {"n": 2}
    assert len(list((tmp_path / "data" / "status").glob("thing-*.json"))) == 1


def test_a_failed_count_is_not_kept_and_a_damaged_file_is_counted_again(tmp_path):
    f = tmp_path / "kb.yaml"
    f.write_text("a: 1\n")

    def broken():
        raise ValueError("bad KB")

    with pytest.raises(ValueError):
        status_cache.cached("thing", tmp_path / "data", [f], broken)
    assert not list((tmp_path / "data").rglob("*.json"))
    status_cache.cached("thing", tmp_path / "data", [f], lambda: {"n": 1})
    status_cache.clear_memory()
    path = next((tmp_path / "data" / "status").glob("thing-*.json"))
    path.write_text("[not, a, dict")
    assert status_cache.cached("thing", tmp_path / "data", [f], lambda: {"n": 3}) == {"n": 3}
    assert json.loads(path.read_text()) == {"n": 3}


def _load_blockers(monkeypatch):
    from medcore.cases import kb as ckb
    from medcore.knowledge import graph
    from medcore.qa import pages
    from medcore.therapy import kb as thkb
    from medcore.triage import evaluate as tev
    from medcore.triage import kb as tkb

    for mod, name in ((tkb, "load_kb"), (tev, "load_vignettes"), (thkb, "load_kb"), (ckb, "load_case_kb"),
                      (graph, "load_graph"), (pages, "build_pages")):
        _refuse(monkeypatch, mod, name)


def test_a_fresh_process_reads_every_tools_status_without_loading_anything(fresh, monkeypatch):
    from medcore.status import all_status

    first = all_status(fresh)  # loads each KB once and keeps what it holds
    assert all(s.ready for s in first if s.tool.key in ("triage", "therapy", "cases", "qa", "knowledge"))
    status_cache.clear_memory()
    _load_blockers(monkeypatch)
    again = all_status(fresh)
    assert [(s.ready, s.components, s.error) for s in again] == [(s.ready, s.components, s.error) for s in first]


def test_the_counts_are_what_the_loaded_knowledge_bases_hold(fresh):
    from medcore.cases.kb import case_kb_stats, load_case_kb
    from medcore.cases.status import kb_counts as case_counts
    from medcore.therapy.kb import load_kb as load_therapy
    from medcore.therapy.status import kb_counts as therapy_counts
    from medcore.triage.kb import kb_stats, load_kb
    from medcore.triage.status import kb_counts as triage_counts

    assert triage_counts(fresh) == json.loads(json.dumps(kb_stats(load_kb(fresh.kb_dir))))
    assert therapy_counts(fresh) == load_therapy(fresh).counts()
    assert case_counts(fresh) == case_kb_stats(load_case_kb(fresh.kb_dir))


def test_a_changed_or_broken_triage_kb_is_read_again(fresh, tmp_path):
    from medcore.triage import status as tstatus

    kb_dir = tmp_path / "assets" / "kb"
    shutil.copytree(Path(fresh.kb_dir) / "triage", kb_dir / "triage")
    s = fresh.replace(assets_dir=tmp_path / "assets")
    before = tstatus.kb_counts(s)
    assert tstatus.engine_ready(s)
    rules = kb_dir / "triage" / "red_flags.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a comment changes the version\n", encoding="utf-8")
    assert tstatus.kb_counts(s) == before  # counted again (same content), still ready
    rules.write_text("rules: not a list\n", encoding="utf-8")  # broken: not ready, and the reason shown
    assert not tstatus.engine_ready(s)
    comp = tstatus.check(s)[0]
    assert not comp.ok and "red_flags.yaml" in comp.detail


def test_temporary_siblings_are_unique_per_thread_and_keep_the_suffix(tmp_path):
    import threading

    from medcore.atomic import tmp_sibling

    target = tmp_path / "cards-1.npy"
    names = []
    together = threading.Barrier(4)  # alive at once: a finished thread's id may be given to the next

    def name():
        names.append(tmp_sibling(target, ".npy"))
        together.wait()

    threads = [threading.Thread(target=name) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    names.append(tmp_sibling(target, ".npy"))
    assert len(set(names)) == 5
    assert all(n.parent == tmp_path and n.name.endswith(".npy") and n.name.startswith(".cards-1.npy.") for n in names)
