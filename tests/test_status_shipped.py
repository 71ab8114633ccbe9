"""A new data folder is fast (issue 14, speed): Home's first start in an empty data folder reads every tool's status
from the shipped counts (assets/status/, keyed by the content digest of the files they come from) instead of
loading every KB, the graph and the education pages (7.6 CPU s at session 14). A shipped count is used only for
files with exactly that content; a changed file is counted again."""

from __future__ import annotations

import json

import pytest

from medcore import status_cache
from medcore.config import Settings, StatusShip

REFRESH = "python -m medcore.status_cache --ship (then commit assets/status/)"


@pytest.fixture
def fresh(settings):
    status_cache.clear_memory()
    yield settings
    status_cache.clear_memory()


def _count_computes(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = status_cache._compute

    def watched(name, compute):
        calls.append(name)
        return real(name, compute)

    monkeypatch.setattr(status_cache, "_compute", watched)
    return calls


def test_a_shipped_count_serves_a_new_data_folder_only_for_the_same_content(tmp_path, monkeypatch):
    ship = tmp_path / "shipped"
    monkeypatch.setattr(status_cache, "SHIPPED", ship)
    f = tmp_path / "kb.yaml"
    f.write_text("a: 1\n")
    calls = _count_computes(monkeypatch)
    target = StatusShip(ship)  # what ship() passes down while it counts
    assert status_cache.cached("thing", tmp_path / "d1", [f], lambda: {"n": 1}, ship=target) == {"n": 1}
    assert json.loads((ship / "thing.json").read_text())["counts"] == {"n": 1} and target.names == {"thing"}
    status_cache.clear_memory()
    # another data folder (a new install), and the file touched but not changed: the shipped count, no counting
    f.write_text("a: 1\n")
    assert status_cache.cached("thing", tmp_path / "d2", [f], lambda: {"n": 99}) == {"n": 1}
    assert calls == ["thing"]
    assert list((tmp_path / "d2" / "status").glob("thing-*.json"))  # kept in the data folder: no hashing next time
    status_cache.clear_memory()
    f.write_text("a: 2\n")  # other content: the shipped count is not these files' count
    assert status_cache.cached("thing", tmp_path / "d3", [f], lambda: {"n": 2}) == {"n": 2}
    assert calls == ["thing", "thing"]


def test_the_digest_is_the_content_not_the_checkout(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("x: 1\n")
    b.write_text("x: 1\n")
    d = status_cache.content_digest([a])
    assert d != status_cache.content_digest([b])  # another file (outside the repo: by its path)
    a.write_text("x: 1\n")
    assert status_cache.content_digest([a]) == d
    a.write_text("x: 2\n")
    assert status_cache.content_digest([a]) != d
    inside = status_cache.REPO / "medcore" / "status_cache.py"
    assert status_cache.content_digest([inside]) == status_cache.content_digest([str(inside)])


def test_home_in_a_new_data_folder_counts_nothing(fresh, monkeypatch):
    """Fails when a KB or the code that reads it changed since the counts were shipped: run REFRESH."""
    from medcore.status import all_status

    calls = _count_computes(monkeypatch)
    got = all_status(fresh)  # the test data folder is new: only shipped counts can spare the counting
    assert calls == [], f"stale or missing shipped status for {calls}: run {REFRESH}"
    assert all(s.ready for s in got if s.tool.key in ("triage", "therapy", "cases", "qa", "knowledge", "records"))


def test_ship_mode_is_never_read_from_the_environment_or_shown():
    """Only ship() sets where counts are shipped: a variable of that name is not read, and settings shown by
    `doctor` do not list it."""
    s = Settings.load(env={"MEDCORE_STATUS_SHIP": "/tmp/x", "MEDCORE_LLM_BACKEND": "template"}, secrets={})
    assert s.status_ship is None and "status_ship" not in s.public_dict()
    assert s.replace(status_ship=StatusShip(s.data_dir)) == s  # a ship run's settings key the same caches


def test_ship_writes_what_home_counts_and_removes_names_no_longer_counted(settings, tmp_path, monkeypatch):
    folder = tmp_path / "shipped"
    folder.mkdir()
    (folder / "gone-kb.json").write_text("{}")
    monkeypatch.setattr("medcore.status.all_status",
                        lambda s: status_cache.cached("thing", s.data_dir, [], lambda: {"n": 1}, ship=s.status_ship))
    assert status_cache.ship(settings, folder) == ["thing"]
    assert sorted(p.name for p in folder.iterdir()) == ["thing.json"]
    assert settings.status_ship is None  # the caller's settings are not changed
