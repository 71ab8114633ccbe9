"""The Image generator's Generate button: sampling in a background thread, with a progress bar, an ETA and Cancel.

Sampling used to run in the page script under a spinner: nothing said how far it was, and only the worker pool's
time budget could stop it. Now it runs as a ui.background task (the engine worker pool still bounds it) and writes
its step to a medcore.imaging.sample_progress file after every denoising step; a fragment here redraws the bar from
that file every second and the Cancel button leaves the file the loop stops at, as a training job's panel
(ui.jobs_panel) reads progress rows and sets a cancel flag.

A reload starts a new page session with an empty session state; the run's folder (in the user's folder, with the
request) and the process-wide task (ui.background, keyed by that folder) outlive it, so `reattach` brings the bar,
Cancel and the finished batch back, and the batch is saved once even when two tabs collect it.
"""

from __future__ import annotations

import functools
from concurrent.futures import Future, wait
from dataclasses import dataclass

import streamlit as st

from medcore.imaging.bounded import sample_bounded
from medcore.imaging.sample import SampleBatch, SampleRequest
from medcore.imaging.sample_progress import SampleProgress
from ui.background import background, find
from ui.jobs_panel import fmt_seconds

PENDING = "img_pending"
TRIED = "img_reattach_tried"  # once per page session: a reload is a new session
LOST = "img_lost_request"  # the request of a batch lost with a restarted server, for the form
ELSEWHERE = "img_elsewhere"  # the folder of the user's batch that another live server process is making
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
    st.session_state[TRIED] = True  # this session's own run: nothing older to re-attach to
    st.session_state.pop(LOST, None)  # made again (or a new request): the form follows the widgets from now on
    st.session_state.pop(ELSEWHERE, None)  # this page makes its own batch now
    progress = SampleProgress.new(settings, store.principal, {"params": params, "path": path, "save": save})
    run = functools.partial(sample_bounded, loaded=loaded, lock=lock, user=store.principal, progress=progress)
    fut = background(_key(progress), run, settings, path, req)
    st.session_state[PENDING] = Pending(fut, progress, params, path, save)
    wait([fut], timeout=QUICK_S)  # done or not, collect() takes it from here (and raises what it raised)


def _key(progress: SampleProgress) -> tuple[str, str]:
    return ("imaging-sample", progress.folder)


def reattach(settings, store) -> Pending | None:
    """After a reload: the user's batch still running (or done and not yet shown) back in this page session, with
    its bar, Cancel and result; call it before the page decides to regenerate the saved request. A batch that died
    with a restarted server is reported once (it saved nothing) and its folder removed."""
    if PENDING in st.session_state or st.session_state.get(TRIED) or store.principal is None:
        return st.session_state.get(PENDING)
    st.session_state[TRIED] = True
    progress = SampleProgress.latest(settings, store.principal)
    if progress is None:
        return None
    fut = find(_key(progress))
    if fut is None:
        restarted = progress.orphaned()
        if restarted or progress.started_here():  # it died with the server, or this process forgot it
            _report_lost(progress.run(), restarted)
            progress.close()
        else:  # another live server process runs it: only that one holds its result, but its progress file
            _elsewhere(progress)  # and cancel file are shared, so say so with its bar (session 29)
        return None
    run = progress.run()
    if not isinstance(run.get("params"), dict) or not isinstance(run.get("path"), str):
        progress.cancel()  # unreadable request: nothing to show it under, so it is stopped
        progress.close()
        return None
    p = Pending(fut, progress, run["params"], run["path"], bool(run.get("save")))
    st.session_state[PENDING] = p
    return p


def _elsewhere(progress: SampleProgress) -> None:
    """Keep the folder for `elsewhere_panel`, and the run's request for the form (as a lost batch's), so the page
    does not regenerate an older saved batch under the message."""
    st.session_state[ELSEWHERE] = progress.folder
    run = progress.run()
    params = run.get("params")
    if isinstance(params, dict) and isinstance(run.get("path"), str):
        st.session_state[LOST] = {**params, "checkpoint": run["path"]}


def elsewhere_panel() -> None:
    """What happens to the user's batch that another server process of this app is making (several servers on one
    machine; the reload reached another one): its bar and Cancel from the shared progress files, and the truth that
    its images show only in the tab that started it. Nothing when there is no such batch."""
    folder = st.session_state.get(ELSEWHERE)
    if not folder or PENDING in st.session_state:
        return
    progress = SampleProgress(folder)
    params = st.session_state.get(LOST) or {}
    known = all(isinstance(params.get(k), int) for k in ("n", "seed"))
    what = f"The batch of {int(params['n'])} images (seed {int(params['seed'])})" if known else "A batch"
    again = " Its settings are in the form: press Generate to make it here." if known else ""

    @st.fragment(run_every=1.0)
    def _poll() -> None:
        now = progress.read()
        if not progress.run():
            st.info(f"{what} that another server process of this app was making is no longer running.{again}",
                    icon=":material/info:")
            return
        if now.total and now.done >= now.total:
            st.info(f"{what} has finished in another server process of this app. Its images show only in the "
                    f"browser tab that started it, if it is still open; this page cannot show them.{again}",
                    icon=":material/info:")
            return
        st.info(f"{what} you started is being made by another server process of this app, so this page cannot "
                f"show its images: they show in the browser tab that started it, if it is still open.{again}",
                icon=":material/dns:")
        text = (f"Elsewhere: step {now.done} of {now.total}, {fmt_seconds(now.elapsed_s)} so far"
                if now.total else f"Elsewhere: loading the model… ({fmt_seconds(now.elapsed_s)})")
        st.progress(now.fraction, text=text)
        if progress.cancelled() or st.button("Cancel that batch", key="img-cancel-elsewhere",
                                              icon=":material/cancel:"):
            progress.cancel()  # the other process's loop reads this file at its next step
            st.caption("Cancelling after the current step…")

    _poll()


def lost_params() -> dict | None:
    """The request of a batch lost with a restarted server (for the form: Generate makes it again), or None."""
    return st.session_state.get(LOST)


def _report_lost(run: dict, restarted: bool) -> None:
    """Say once that the batch is gone and nothing of it was saved. Its request goes back into the form, and the
    page does not regenerate the older saved batch under this message (hands-on check s28: the older batch was
    shown with the form set to it, so "press Generate to make it again" would have made the old one)."""
    params = run.get("params")
    why = "the server was restarted meanwhile" if restarted else "the server no longer holds it"
    what = "The batch"
    if (isinstance(params, dict) and isinstance(run.get("path"), str)
            and all(isinstance(params.get(k), int) for k in ("n", "seed"))):
        st.session_state[LOST] = {**params, "checkpoint": run["path"]}
        what = f"The batch of {int(params['n'])} images (seed {int(params['seed'])})"
        todo = "Its settings are back in the form: press Generate to make it again."
    else:
        todo = "Press Generate to make a new batch."
    st.warning(f"{what} started before the page was reloaded can no longer be shown ({why}): no images were "
               f"saved from it. {todo}", icon=":material/history:")


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
    first = p.progress.claim()  # a second tab on the same run shows the batch but does not save it again
    p.progress.close()
    batch = p.future.result()
    if not first:
        p = Pending(p.future, p.progress, p.params, p.path, save=False)
    return batch, p


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
