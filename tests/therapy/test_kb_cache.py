"""The therapy KB from the data folder's JSON cache (issue 14, speed): a new process does not re-read, re-validate
and re-expand the KB; what it gets equals a fresh build, and any change to a source file builds it again."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml

from medcore.knowledge import drug_lexicon
from medcore.therapy import kb as kb_mod
from medcore.therapy import kb_cache

KB_DIR = Path(__file__).resolve().parents[2] / "assets" / "kb"


@pytest.fixture(autouse=True)
def new_process():
    kb_mod._load_cached.cache_clear()
    yield
    kb_mod._load_cached.cache_clear()


def _refuse_building(monkeypatch):
    def no(*a, **k):
        raise AssertionError("a KB read from the cache re-read or re-expanded its files")

    monkeypatch.setattr(kb_mod, "read_checked", no)
    monkeypatch.setattr(kb_mod, "expand_interactions", no)


def test_a_new_process_reads_the_cache_and_gets_the_same_kb(tmp_path, monkeypatch):
    built = kb_mod.load_kb_dir(KB_DIR / "therapy", cache_dir=tmp_path)
    assert len(list(tmp_path.glob("therapy-kb-*.json"))) == 1
    kb_mod._load_cached.cache_clear()  # a new process: only the data folder remembers
    _refuse_building(monkeypatch)
    cached = kb_mod.load_kb_dir(KB_DIR / "therapy", cache_dir=tmp_path)
    assert cached is not built
    assert cached == built  # every field: drugs, conditions, 21,000 interaction pairs with their contexts, PGx
    assert [r.drugs for rs in cached.pairs.values() for r in rs] == [r.drugs for rs in built.pairs.values() for r in rs]


def test_the_drug_lexicon_rides_in_the_cache_and_a_new_process_skips_reading_it(tmp_path, monkeypatch):
    """The lexicon's YAML reading and schema checks were most of the planner's cold first render (issue 14): its
    validated docs are kept in the therapy cache (whose digest covers them), and a new process builds the lexicon
    from them, with every cross-reference check, to the same index."""
    monkeypatch.setattr(drug_lexicon, "_MEMO", {})  # a new process
    built = kb_mod.load_kb_dir(KB_DIR / "therapy", cache_dir=tmp_path)
    kb_mod._load_cached.cache_clear()
    monkeypatch.setattr(drug_lexicon, "_MEMO", {})

    def no(*a, **k):
        raise AssertionError("the drug lexicon re-read a YAML file the cache holds")

    monkeypatch.setattr(drug_lexicon, "read_checked", no)
    cached = kb_mod.load_kb_dir(KB_DIR / "therapy", cache_dir=tmp_path)
    assert cached.lexicon is not built.lexicon
    for field in ("ingredients", "products", "classes", "index", "drug_classes", "members", "folds", "refused",
                  "families", "confused", "ambiguous", "listed", "external", "class_index", "forms", "ancestors",
                  "rules"):
        assert getattr(cached.lexicon, field) == getattr(built.lexicon, field), field
    # the rest of the KB too (the fuzzy-key indexes compare by identity: they were checked through `index`)
    assert dataclasses.replace(cached, lexicon=None) == dataclasses.replace(built, lexicon=None)


def test_load_kb_keeps_the_cache_in_the_data_folder(settings):
    kb_mod.load_kb(settings)
    assert list((Path(settings.data_dir) / "therapy").glob("therapy-kb-*.json"))


def test_a_changed_source_file_builds_again(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(KB_DIR / "therapy", root / "therapy")
    shutil.copytree(KB_DIR / "knowledge" / "drugs", root / "knowledge" / "drugs")
    cache = tmp_path / "cache"
    before = kb_mod.load_kb_dir(root / "therapy", cache_dir=cache)
    old = next(cache.glob("therapy-kb-*.json"))
    path = root / "therapy" / "conditions.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = doc["conditions"][0]
    first["name"] = "Renamed for the test"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    kb_mod._load_cached.cache_clear()
    after = kb_mod.load_kb_dir(root / "therapy", cache_dir=cache)
    assert before.conditions[first["id"]]["name"] != "Renamed for the test"
    assert after.conditions[first["id"]]["name"] == "Renamed for the test"
    assert not old.exists() and len(list(cache.glob("therapy-kb-*.json"))) == 1


def test_a_changed_lexicon_file_is_a_new_digest(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(KB_DIR / "therapy", root / "therapy")
    shutil.copytree(KB_DIR / "knowledge" / "drugs", root / "knowledge" / "drugs")
    d = kb_cache.digest(root / "therapy", root)
    f = next((root / "knowledge" / "drugs").rglob("*.yaml"))
    f.write_text(f.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert kb_cache.digest(root / "therapy", root) != d


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    built = kb_mod.load_kb_dir(KB_DIR / "therapy", cache_dir=tmp_path)
    path = next(tmp_path.glob("therapy-kb-*.json"))
    path.write_text(f'{{"format": {kb_cache.FORMAT}, "digest": "x", "docs": [', encoding="utf-8")
    kb_mod._load_cached.cache_clear()
    assert kb_mod.load_kb_dir(KB_DIR / "therapy", cache_dir=tmp_path) == built
    assert path.read_text(encoding="utf-8").startswith(f'{{"format":{kb_cache.FORMAT},')  # kept again, whole


def test_route_needs_survive_the_cache(tmp_path):
    # session 16: a rule written for one route (IM olanzapine) must keep its route needs when read back from the cache
    kb_mod._load_cached.cache_clear()
    kb_mod.load_kb_dir(KB_DIR / "therapy", cache_dir=tmp_path)
    kb_mod._load_cached.cache_clear()
    cached = kb_mod.load_kb_dir(KB_DIR / "therapy", cache_dir=tmp_path)
    rule = next(h for h in cached.pairs[frozenset(("olanzapine", "lorazepam"))] if h.routes)
    assert {n.drug: n.routes for n in rule.routes}["olanzapine"] == ("im",)
    assert not rule.route_ok({}) and rule.route_ok({"olanzapine": "im"})
