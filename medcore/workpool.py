"""Heavy engine work (a summary, a plan) in a bounded pool of worker processes, each call with a time budget.

In the server process, one slow request held the GIL and stalled every other session, and nothing could
stop it. Here a request runs in a separate process: at most `size` run at once, a caller waits at most
`queue_wait_s` for a free worker ("the server is busy"), and a call over its budget is stopped by killing
its worker. When the pool is warmed (warm()), a worker lost to a crash or a time-budget stop is replaced by a
warmed one started in the background; otherwise a cold one is started on the next call. Workers are started with "spawn", never forked from a
threaded server.

The function must be importable at module level; arguments and result travel by pickle between our own
processes (never from a file or a user).
"""

from __future__ import annotations

import logging
import importlib
import multiprocessing as mp
import sys
import threading
import time
import traceback
import types
from typing import Any, Callable

log = logging.getLogger(__name__)


class WorkLimitError(RuntimeError):
    """A request refused or stopped by the pool's limits; the message is for the person."""


class EngineBusy(WorkLimitError):
    pass


class EngineTimeout(WorkLimitError):
    pass


class WorkerCrashed(WorkLimitError):
    pass


def _serve(conn) -> None:
    """The worker's loop: run each task it is sent and send back the result or the exception."""
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        fn, args, kwargs = task
        try:
            conn.send(("ok", fn(*args, **kwargs)))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, which re-raises it
            try:
                conn.send(("err", exc))
            except Exception:  # noqa: BLE001 - an exception that does not pickle travels as text
                conn.send(("err", RuntimeError(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}")))


def call_named(name: str, *args: Any) -> Any:
    """Call "package.module:function" (imported here, in the worker: the server need not import a tool to warm it)."""
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)(*args)


# "spawn" re-runs the parent's __main__ module in the child. In a Streamlit server that is the page script
# being run (Streamlit installs each script as __main__), so a child would execute a page. A bare __main__
# stands in while a worker starts; the page's own run is unaffected (it executes in its module's dict).
_start_lock = threading.Lock()


class _Worker:
    def __init__(self, ctx) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child,), daemon=True, name="medcore-engine")
        with _start_lock:
            saved = sys.modules.get("__main__")
            sys.modules["__main__"] = types.ModuleType("__main__")
            try:
                self.proc.start()
            finally:
                if saved is not None:
                    sys.modules["__main__"] = saved
        child.close()
        self.warm = False  # True once the pool's warmers ran in it

    def stop(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class WorkerPool:
    def __init__(self, size: int, *, queue_wait_s: float = 30.0):
        self.size = size
        self.queue_wait_s = queue_wait_s
        self._slots = threading.BoundedSemaphore(size)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._ctx = mp.get_context("spawn")
        # what warm() ran: (warmers, args, timeout_s); a replacement for a lost worker is warmed the same way
        self._warm_spec: tuple[list[str], tuple, float] | None = None
        self._replacing: list[threading.Thread] = []  # background replacements (tests join them)
        self._closed = False

    def call(self, fn: Callable[..., Any], *args: Any, timeout_s: float, **kwargs: Any) -> Any:
        if not self._slots.acquire(timeout=self.queue_wait_s):
            raise EngineBusy(f"The server is busy: {self.size} requests like this one are already running. "
                             "Please try again in a minute.")
        try:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
            if worker is not None and not worker.proc.is_alive():  # killed while idle (kill -9, OOM killer)
                worker.stop()
                log.warning("engine worker %d was found dead (exit code %s)", worker.proc.pid, worker.proc.exitcode)
                self._replace_in_background("found dead")
                worker = None
            if worker is None:  # this request cannot wait for warmers: it takes a cold worker now
                worker = _Worker(self._ctx)
            t0 = time.monotonic()
            worker.conn.send((fn, args, kwargs))
            if not worker.conn.poll(timeout_s):
                worker.stop()  # the only way to stop a computation: its process goes, a new one replaces it
                log.warning("%s stopped after %.0f s (time budget)", getattr(fn, "__name__", fn), timeout_s)
                self._replace_in_background("stopped at its time budget")
                raise EngineTimeout(f"This took longer than the time limit of {timeout_s:g} s and was stopped, "
                                    "so the server stays responsive for everyone. Try a shorter input.")
            try:
                status, value = worker.conn.recv()
            except (EOFError, OSError) as exc:
                worker.stop()  # joins it: its exit code (-9 after kill -9) is known for the log
                log.warning("engine worker %d stopped unexpectedly (exit code %s) running %s", worker.proc.pid,
                            worker.proc.exitcode, getattr(fn, "__name__", fn))
                self._replace_in_background("crashed")
                raise WorkerCrashed("The worker process stopped unexpectedly (out of memory?). "
                                    "Nothing was saved from this request; please try again.") from exc
            self._keep(worker)
            log.debug("%s took %.2f s in a worker", getattr(fn, "__name__", fn), time.monotonic() - t0)
            if status == "err":
                raise value
            return value
        finally:
            self._slots.release()

    def _keep(self, worker: _Worker) -> None:
        """Back to the idle list; a worker over the pool's size (one a request started while warm() was starting
        another) is stopped instead: a cold one rather than a warmed one."""
        with self._lock:
            if self._closed:
                drop = worker
            elif len(self._idle) < self.size:
                self._idle.append(worker)
                return
            else:
                cold = next((w for w in self._idle if not w.warm), None) if worker.warm else None
                drop = cold or worker
                if cold is not None:
                    self._idle.remove(cold)
                    self._idle.append(worker)
        drop.stop()

    def _warm_worker(self, worker: _Worker, warmers: list[str], args: tuple, timeout_s: float) -> bool:
        """Run each warmer in the worker; False when the worker had to be stopped (over time, or it died)."""
        for name in warmers:
            t0 = time.monotonic()
            worker.conn.send((call_named, (name, *args), {}))
            if not worker.conn.poll(timeout_s):
                log.warning("warming %s: over %.0f s, worker stopped", name, timeout_s)
                worker.stop()
                return False
            try:
                status, value = worker.conn.recv()
            except (EOFError, OSError):
                log.warning("warming %s: the worker stopped", name)
                worker.stop()
                return False
            if status == "err":  # e.g. a tool not installed here; its requests will say so themselves
                log.warning("warming %s failed: %s", name, value)
            else:
                log.info("engine worker %d: %s in %.1f s", worker.proc.pid, name, time.monotonic() - t0)
        worker.warm = True
        return True

    def _replace_in_background(self, why: str) -> threading.Thread | None:
        """A worker was lost: when the pool is warmed, start and warm one replacement in a daemon thread, so the next
        request after a crash does not wait seconds of model loads and the request that lost it is not held up.
        Without warming, the next call starts a cold worker, as before."""
        spec = self._warm_spec
        if spec is None or self._closed:
            return None
        warmers, args, timeout_s = spec

        def replace() -> None:
            t0 = time.monotonic()
            worker = _Worker(self._ctx)
            if self._warm_worker(worker, warmers, args, timeout_s):
                log.info("engine worker %d replaced a worker that %s: warmed in %.1f s", worker.proc.pid, why,
                         time.monotonic() - t0)
                self._keep(worker)

        log.info("an engine worker %s: warming a replacement in the background", why)
        t = threading.Thread(target=replace, name="medcore-engine-rewarm", daemon=True)
        with self._lock:
            self._replacing = [r for r in self._replacing if r.is_alive()] + [t]
        t.start()
        return t

    def warm(self, warmers: list[str], *args: Any, timeout_s: float = 600.0) -> int:
        """Start the pool's missing workers now, one after another (one core stays free for the server), and call
        each warmer ("module:function") with *args in each (a tool's knowledge base and lazy indexes), so no request
        pays for a worker's start: seconds of imports and loads, which under load also took a core from everyone
        else (issue 14). Workers wait idle afterwards. A warmer that fails or runs over `timeout_s` is logged; its
        worker stays (or is replaced on use). The pool remembers the warmers: a worker lost later (crash, kill -9,
        time budget) is replaced by one warmed the same way (_replace_in_background). Returns the number of workers
        started."""
        self._warm_spec = (list(warmers), tuple(args), timeout_s)
        started = 0
        while True:
            with self._lock:
                if self._closed or len(self._idle) >= self.size:
                    return started
            worker = _Worker(self._ctx)
            started += 1
            if not self._warm_worker(worker, warmers, args, timeout_s):
                return started
            self._keep(worker)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for w in self._idle:
                w.stop()
            self._idle.clear()


_pools: dict[int, WorkerPool] = {}
_pools_lock = threading.Lock()


def _pool(settings) -> WorkerPool:
    with _pools_lock:
        pool = _pools.get(settings.engine_workers)
        if pool is None:
            pool = _pools[settings.engine_workers] = WorkerPool(settings.engine_workers)
    return pool


def run(settings, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run fn(*args, **kwargs) under the settings' pool and time budget (inline when engine_workers is 0)."""
    if settings.engine_workers <= 0:
        return fn(*args, **kwargs)
    return _pool(settings).call(fn, *args, timeout_s=settings.engine_timeout_s, **kwargs)


def warm_in_background(settings, warmers: list[str]) -> threading.Thread | None:
    """Start and warm the settings' pool in a daemon thread (the server calls this once, at start); None when
    engine work runs inline (engine_workers 0) or warming is off (engine_warm). Each warmer ("module:function")
    is called as function(settings) in every worker."""
    if settings.engine_workers <= 0 or not settings.engine_warm:
        return None
    pool = _pool(settings)
    with _pools_lock:  # once per pool: `medcore serve` warms before the server starts, the app's first run asks again
        if pool._warm_spec is not None:
            return None
        pool._warm_spec = (list(warmers), (settings,), settings.engine_timeout_s)
    t = threading.Thread(target=pool.warm, args=(warmers, settings), kwargs={"timeout_s": settings.engine_timeout_s},
                         name="medcore-engine-warm", daemon=True)
    t.start()
    return t
