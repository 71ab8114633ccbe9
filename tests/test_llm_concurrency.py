"""The language model under load: one backend per process, loads serialised, and any backend failure
falls back to the template text without losing the engine's result or poisoning later requests."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from medcore.llm import Prompt, get_backend
from medcore.llm.factory import reset_backends
from medcore.llm.hf_backend import HFBackend
from medcore.llm.phrasing import phrase

PROMPT = Prompt("summary.narrative", "Summarize.", {"problems": ["pneumonia"]}, "Pneumonia, on amoxicillin.")


@pytest.fixture(autouse=True)
def _fresh_backends():
    reset_backends()
    yield
    reset_backends()


def test_get_backend_returns_one_shared_backend_per_configuration(settings, tmp_path):
    hf = settings.replace(llm_backend="hf", llm_model=str(tmp_path / "model"))
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: get_backend(hf), range(32)))
    assert all(b is got[0] for b in got)
    other = get_backend(hf.replace(llm_max_new_tokens=7))
    assert other is not got[0] and other.max_new_tokens == 7


def test_backends_live_in_a_bounded_model_cache_and_the_key_hides_the_api_key(settings, tmp_path, caplog):
    from medcore.llm import factory

    first = settings.replace(llm_backend="openai", llm_base_url="http://127.0.0.1:9/v1", llm_api_key="sk-SECRET")
    evicted_before = factory._backends.stats()["evictions"]  # counters are per process: other tests evict too
    kept = get_backend(first)
    with caplog.at_level(logging.INFO, logger="medcore.model_cache"):
        for n in range(factory._MAX_BACKENDS):  # as many other configurations as the cache holds
            get_backend(first.replace(llm_max_new_tokens=10 + n))
    stats = factory._backends.stats()
    assert stats["items"] == factory._MAX_BACKENDS and stats["evictions"] - evicted_before == 1
    assert get_backend(first) is not kept  # the least recently used left and is built again on demand
    assert all("sk-SECRET" not in k for k in factory._backends.keys())
    assert caplog.records and all("sk-SECRET" not in r.getMessage() for r in caplog.records)


class _CountingLoads(HFBackend):
    """An HF backend whose 'load' is slow and detects a second load running at the same time,
    which is what broke transformers when each request built its own backend."""

    active = 0
    overlaps = 0
    loads = 0

    def _load_locked(self):
        cls = _CountingLoads
        cls.active += 1
        cls.loads += 1
        if cls.active > 1:
            cls.overlaps += 1
        time.sleep(0.05)
        cls.active -= 1
        self._tokenizer, self._model = object(), object()


def test_concurrent_first_requests_load_the_model_once(tmp_path):
    _CountingLoads.active = _CountingLoads.overlaps = _CountingLoads.loads = 0
    a, b = _CountingLoads(tmp_path / "a"), _CountingLoads(tmp_path / "b")
    barrier = threading.Barrier(12)

    def load(backend):
        barrier.wait()
        backend._load()

    threads = [threading.Thread(target=load, args=(a if i % 2 else b,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert _CountingLoads.loads == 2  # once per backend, not once per request
    assert _CountingLoads.overlaps == 0  # and never two loads at the same time, even of different models


class _Exploding:
    name = "hf"
    label = "exploding test backend"
    local = True

    def __init__(self, exc: BaseException):
        self.exc = exc
        self.calls = 0

    def generate(self, prompt, **kw):
        self.calls += 1
        raise self.exc


@pytest.mark.parametrize("exc", [NotImplementedError("Cannot copy out of meta tensor"), RuntimeError("CUDA oom"),
                                 KeyError("lm_head"), ZeroDivisionError(), AttributeError("NoneType"),
                                 OSError("disk"), MemoryError()])
def test_any_backend_exception_falls_back_to_the_template_and_is_logged(exc, caplog):
    backend = _Exploding(exc)
    with caplog.at_level(logging.WARNING, logger="medcore.llm.phrasing"):
        out = phrase(backend, PROMPT)
    assert out.source == "template" and out.text == PROMPT.template_text
    assert "failed" in out.note and type(exc).__name__ in out.note
    assert any(type(exc).__name__ in r.getMessage() for r in caplog.records)


class _FlakyThenFine:
    """Fails with a non-LLMError on its first call, then works: the failure must not stick."""

    name = "hf"
    label = "flaky test backend"
    local = True

    def __init__(self):
        self.lock = threading.Lock()
        self.calls = 0

    def generate(self, prompt, **kw):
        with self.lock:
            self.calls += 1
            first = self.calls == 1
        if first:
            raise NotImplementedError("Cannot copy out of meta tensor")
        return "Pneumonia, on amoxicillin."


def test_concurrent_phrasing_never_loses_a_result_and_recovers():
    backend = _FlakyThenFine()
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: phrase(backend, PROMPT, vocabulary=["pneumonia", "amoxicillin"]),
                                range(20)))
    assert all(r.text for r in results)
    assert sum(r.source == "template" for r in results) == 1  # only the failing call fell back
    assert sum(r.source == "model" for r in results) == 19


def test_summary_survives_a_backend_that_raises(settings, monkeypatch):
    from medcore.records import narrative as narrative_mod
    from medcore.records.pipeline import analyze
    from medcore.records import kb as kb_mod

    monkeypatch.setattr(narrative_mod, "extractive", lambda analysis, scorer=None: ([], None))
    analysis = analyze("HPI: cough and fever for 3 days.\nAssessment: community-acquired pneumonia.\n",
                       kb_mod.load(settings))
    out = narrative_mod.narrative(analysis, settings, backend=_Exploding(NotImplementedError("meta tensor")))
    assert out.method == "template" and out.text
    assert "failed" in out.note


@pytest.mark.parametrize("url,local", [("http://localhost:8000/v1", True), ("http://127.0.0.1:8000", True),
                                       ("http://127.1.2.3/v1", True), ("http://[::1]:8000/v1", True),
                                       ("http://127.evil.example/v1", False), ("http://127.0.0.1.nip.io/v1", False),
                                       ("http://localhost.evil.example/v1", False), ("https://10.0.0.5/v1", False)])
def test_only_loopback_literals_and_localhost_are_local(url, local):
    from medcore.llm.openai_backend import is_local_url

    assert is_local_url(url) is local
