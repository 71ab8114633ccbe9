"""Work that must not hold a page back (language-model text): run in a shared thread, picked up when done.

The engines' result is shown at once; the slow part runs here and the page polls it with a fragment. Tasks are
keyed by their inputs and kept process-wide, so a reload (or a second tab) finds the one already running
instead of starting another.
"""

from __future__ import annotations

from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from threading import Lock
from typing import Any, Callable, Hashable

import streamlit as st

_MAX_KEPT = 64  # finished tasks remembered (each holds one result)


@st.cache_resource(show_spinner=False)
def _tasks() -> tuple[ThreadPoolExecutor, "OrderedDict[Hashable, Future]", Lock]:
    # Two threads: each only waits on an engine worker process (medcore.workpool), which bounds the real work.
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="background"), OrderedDict(), Lock()


def background(key: Hashable, fn: Callable[..., Any], *args: Any) -> Future:
    """The task for `key`, started now if it is not already running or done."""
    pool, tasks, lock = _tasks()
    with lock:
        fut = tasks.get(key)
        if fut is None:
            fut = pool.submit(fn, *args)
            tasks[key] = fut
        tasks.move_to_end(key)
        while len(tasks) > _MAX_KEPT:
            tasks.popitem(last=False)
        return fut


def find(key: Hashable) -> Future | None:
    """The task for `key` if this server process started it and still remembers it; never starts one."""
    _, tasks, lock = _tasks()
    with lock:
        return tasks.get(key)


def poll_until_done(fut: Future, message: str, every_s: float = 2.0) -> None:
    """A caption that re-checks `fut` every few seconds and reruns the whole page once it is done."""

    @st.fragment(run_every=every_s)
    def _poll() -> None:
        if fut.done():
            st.rerun()  # the whole page: every place that shows the result picks up the new one
        st.caption(message)

    _poll()
