"""The Image generator's Generate button: sampling in a background thread, with a progress bar, an ETA and Cancel.

Sampling used to run in the page script under a spinner: nothing said how far it was, and only the worker pool's
time budget could stop it. Now it runs as a ui.background task (the engine worker pool still bounds it) and writes
its step to a medcore.imaging.sample_progress file after every denoising step; a fragment here redraws the bar from
that file every second and the Cancel button leaves the file the loop stops at, as a training job's panel
(ui.jobs_panel) reads progress rows and sets a cancel flag.
"""

from __future__ import annotations

import functools
from concurrent.futures import Future, wait
from dataclasses import dataclass

import streamlit as st

from medcore.imaging.bounded import sample_bounded
from medcore.imaging.sample import SampleBatch, SampleRequest
from medcore.imaging.sample_progress import SampleProgress
from ui.background import background
from ui.jobs_panel import fmt_seconds

PENDING = "img_pending"
QUICK_S = 2.0  # a batch done within this is shown at once: no bar flashes up and away


@dataclass
class Pending:
    future: Future
    progress: SampleProgress
    params: dict
    path: str
    save: bool  # a new request (save it and audit it), not a reload regenerating the saved one


def start(settings, store, path: str, req: SampleRequest, params: dict, *, save: bool, loaded, lock) -> None:
    """Start sampling in the background; the page picks it up with `collect`."""
    old = st.session_state.get(PENDING)
    if old is not None:  # a new Generate replaces a batch still running: that one stops at its next step
        old.progress.cancel()
    progress = SampleProgress.new(settings)
    run = functools.partial(sample_bounded, loaded=loaded, lock=lock, user=store.principal, progress=progress)
    fut = background(("imaging-sample", progress.folder), run, settings, path, req)
    st.session_state[PENDING] = Pending(fut, progress, params, path, save)
    wait([fut], timeout=QUICK_S)  # done or not, collect() takes it from here (and raises what it raised)


def collect() -> tuple[SampleBatch, Pending] | None:
    """The finished batch with its request, or None while it runs (the progress bar is drawn then). A failed or
    cancelled run raises its error here, once, for the page to show."""
    p: Pending | None = st.session_state.get(PENDING)
    if p is None:
        return None
    if not p.future.done():
        _progress_panel(p)
        return None
    del st.session_state[PENDING]
    p.progress.close()
    return p.future.result(), p


def _progress_panel(p: Pending) -> None:
    @st.fragment(run_every=1.0)
    def _poll() -> None:
        if p.future.done():
            st.rerun()  # the whole page: the batch, its downloads and the quality tab
        now = p.progress.read()
        if not now.total:
            text = f"Loading the model… ({fmt_seconds(now.elapsed_s)})"
        else:
            text = (f"Sampling: step {now.done} of {now.total}, {fmt_seconds(now.elapsed_s)} so far, "
                    f"about {fmt_seconds(now.eta_s)} left")
        st.progress(now.fraction, text=text)
        if p.progress.cancelled():
            st.caption("Cancelling after the current step…")
        elif st.button("Cancel", key="img-cancel", icon=":material/cancel:"):
            p.progress.cancel()
            st.rerun(scope="fragment")

    _poll()
