"""The shared model cache is bounded by Settings (count and bytes), evicts the least recently used under its lock,
loads each key once however many sessions ask at the same moment, and is not poisoned by a failed load.
Tiny objects stand in for models."""

from __future__ import annotations

import threading
import time

import pytest

from medcore.config import Settings, SettingsError
from medcore.model_cache import ModelCache, estimate_bytes


class Loads:
    """A factory that records each load; each object is `size` bytes."""

    def __init__(self, size: int = 10):
        self.size, self.calls = size, []

    def __call__(self, key: str):
        def factory():
            self.calls.append(key)
            return bytes(self.size)

        return factory


def test_the_count_limit_evicts_the_least_recently_used():
    cache, load = ModelCache(max_items=2, max_bytes=10**6), Loads()
    a = cache.get("a", load("a"))
    cache.get("b", load("b"))
    assert cache.get("a", load("a")) is a  # a hit, and now a is the most recent
    cache.get("c", load("c"))  # over the count: b (least recently used) goes, not a
    assert cache.keys() == ["a", "c"] and load.calls == ["a", "b", "c"]
    cache.get("b", load("b"))  # b is loaded again; a is now the oldest and goes
    assert cache.keys() == ["c", "b"] and load.calls == ["a", "b", "c", "b"]
    assert cache.stats() == {"items": 2, "bytes": 20, "max_items": 2, "max_bytes": 10**6, "hits": 1,
                                  "misses": 4, "evictions": 2}


def test_the_byte_limit_evicts_until_the_rest_fits():
    cache, load = ModelCache(max_items=100, max_bytes=1000), Loads(size=400)
    for key in "abc":
        cache.get(key, load(key))
    assert cache.keys() == ["b", "c"] and cache.total_bytes == 800 <= 1000
    big = cache.get("huge", Loads(size=5000)("huge"))  # bigger than the limit alone: served, and kept alone
    assert big.obj == bytes(5000) and cache.keys() == ["huge"]
    cache.get("d", load("d"))
    assert cache.keys() == ["d"]  # the next load pushes the oversized one out


def test_each_key_loads_once_when_sessions_ask_at_the_same_moment():
    cache, calls = ModelCache(max_items=4, max_bytes=10**6), []
    slow_started = threading.Event()

    def slow():
        calls.append("model")
        slow_started.set()
        time.sleep(0.2)
        return bytes(8)

    got: list = []
    threads = [threading.Thread(target=lambda: got.append(cache.get("model", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    slow_started.wait(5)
    other = cache.get("other", lambda: b"x")  # another key is served while the slow one loads
    for t in threads:
        t.join(10)
    assert calls == ["model"] and len(got) == 8 and all(g is got[0] for g in got)
    assert other.obj == b"x" and cache.stats()["misses"] == 2


def test_a_failed_load_caches_nothing_and_the_next_request_retries():
    cache = ModelCache(max_items=2, max_bytes=100)

    def broken():
        raise RuntimeError("checkpoint unreadable")

    with pytest.raises(RuntimeError, match="unreadable"):
        cache.get("m", broken)
    assert cache.keys() == [] and cache.get("m", lambda: b"ok").obj == b"ok"


def test_sizes_of_tiny_models_and_the_objects_holding_them():
    torch = pytest.importorskip("torch")
    lin = torch.nn.Linear(4, 4)  # 16 weights + 4 biases, float32
    assert estimate_bytes(lin) == 80
    tied = torch.nn.Sequential(lin, torch.nn.ReLU(), lin)  # the same weights twice are counted once
    assert estimate_bytes(tied) == 80
    assert estimate_bytes(torch.zeros(10, dtype=torch.float64)) == 80

    class Engine:  # an engine object holding a model and a table
        def __init__(self):
            self.model, self.table = lin, {"k": bytes(100)}

    assert estimate_bytes(Engine()) >= 180

    class Declared:
        def cache_bytes(self):
            return 12345

    assert estimate_bytes(Declared()) == 12345


def test_the_limits_are_typed_settings():
    settings = Settings.load(env={"MEDCORE_MODEL_CACHE_MAX_ITEMS": "3", "MEDCORE_MODEL_CACHE_MAX_MB": "0.5",
                                  "MEDCORE_DATA_DIR": "/tmp/x"}, secrets={})
    cache = ModelCache.from_settings(settings)
    assert (cache.max_items, cache.max_bytes) == (3, 512 * 1024)
    defaults = Settings(data_dir="/tmp/x")
    assert (defaults.model_cache_max_items, defaults.model_cache_max_mb) == (8, 4096.0)
    for bad in ({"MEDCORE_MODEL_CACHE_MAX_ITEMS": "0"}, {"MEDCORE_MODEL_CACHE_MAX_MB": "-1"}):
        with pytest.raises(SettingsError, match="model_cache_max"):
            Settings.load(env={**bad, "MEDCORE_DATA_DIR": "/tmp/x"}, secrets={})
    with pytest.raises(SettingsError, match="MEDCORE_MODEL_CACHE_MAX_ITEMS"):
        Settings.load(env={"MEDCORE_MODEL_CACHE_MAX_ITEMS": "many", "MEDCORE_DATA_DIR": "/tmp/x"}, secrets={})


def test_the_apps_shared_helper_uses_the_settings_limits(settings, monkeypatch):
    from ui import loaders

    monkeypatch.setenv("MEDCORE_MODEL_CACHE_MAX_ITEMS", "1")
    loaders._model_cache.clear()
    load = Loads()
    first = loaders.shared("page-model:a", load("a"))
    assert loaders.shared("page-model:a", load("a")) is first
    loaders.shared("page-model:b", load("b"))  # one item allowed: a goes
    loaders.shared("page-model:a", load("a"))
    assert load.calls == ["a", "b", "a"] and loaders.model_cache().max_items == 1
    loaders._model_cache.clear()


def test_the_model_lab_shows_the_cache_and_its_limits(settings, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import REPO
    from ui import loaders

    monkeypatch.setenv("MEDCORE_MODEL_CACHE_MAX_ITEMS", "3")
    monkeypatch.setenv("MEDCORE_MODEL_CACHE_MAX_MB", "1.5")
    loaders._model_cache.clear()
    loaders.shared("page-model:a", lambda: bytes(2**19))
    at = AppTest.from_file(str(REPO / "pages" / "model_lab.py"), default_timeout=60).run()
    assert not at.exception and not at.error
    assert any("Shared model cache on this server: 1 of 3 models loaded, 0.5 of 1.5 MB" in c.value for c in at.caption)
    loaders._model_cache.clear()
