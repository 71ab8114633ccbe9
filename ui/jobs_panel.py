"""A live view of one background job: progress bar, loss curve, ETA, preview, cancel and resume.

The panel only reads rows the worker writes, so any session (or a reloaded one) can attach to a job at any time.
What it offers follows medcore.jobs.job_access: the owner and admins get cancel and resume, admins the full log;
a member of the team the job is shared with watches it read-only (progress, preview, the one-line error).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import plotly.graph_objects as go
import streamlit as st

from medcore import jobs
from ui.frame import md_escape
from ui.loaders import get_settings, get_store

_ICON = {"queued": ":material/schedule:", "running": ":material/autorenew:", "done": ":material/check_circle:",
         "failed": ":material/error:", "cancelled": ":material/cancel:"}


# Job ids whose refusal this session has audited: a page reruns on every widget change and clock tick, and
# drawing the same refusal again is the same attempt, not a new one.
_REFUSALS_AUDITED = "_jobs_refusals_audited"


def _job_access(store, job_id: int) -> jobs.JobAccess:
    """jobs.job_access, with a refusal audited once per session and job. Still audited: another job, another
    session (the link opened again), and the same job again once this session could see it in between."""
    audited: set = st.session_state.setdefault(_REFUSALS_AUDITED, set())
    try:
        access = jobs.job_access(store, job_id, audit_refusal=job_id not in audited)
    except jobs.JobUnavailable as exc:
        if exc.refused:
            audited.add(job_id)
        raise
    audited.discard(job_id)
    return access


def reconcile(store, *, say: bool = True) -> None:
    """Mark jobs whose worker died as failed before showing jobs; on a read-only database they are shown anyway,
    and (`say`) the page says why one may still show as active (jobs.reconcile_for_reading)."""
    note = jobs.reconcile_for_reading(store, get_settings().job_stale_after_s)
    if note and say:
        st.warning(note, icon=":material/database:")


def fmt_seconds(s: float | None) -> str:
    if s is None:
        return "–"
    s = int(round(s))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}h {m:02d}m" if h else (f"{m}m {sec:02d}s" if m else f"{sec}s")


def loss_figure(rows: list[jobs.ProgressRecord]) -> go.Figure | None:
    pts = [(r.step, r.loss) for r in rows if r.loss is not None]
    if not pts:
        return None
    # A line through one point draws nothing (on a log scale nor a linear one): the first row shows as a marker.
    fig = go.Figure(go.Scatter(x=[p[0] for p in pts], y=[p[1] for p in pts], name="loss",
                               mode="lines" if len(pts) > 1 else "markers"))
    positive = all(p[1] > 0 for p in pts)
    fig.update_layout(height=260, margin=dict(l=10, r=10, t=30, b=10), title="Training loss",
                      xaxis_title="step", yaxis_title="loss", yaxis_type="log" if positive else "linear")
    return fig


def _render(job_id: int, key: str, on_resume: Callable[[int], None] | None) -> str:
    store = get_store()
    reconcile(store, say=False)  # the page says it once
    try:
        access = _job_access(store, job_id)
    except jobs.JobUnavailable as exc:
        (st.error if exc.refused else st.info)(str(exc), icon=":material/lock:" if exc.refused else None)
        return "missing"
    job = access.job
    rows = jobs.progress(store, job_id)
    last = rows[-1] if rows else None
    st.markdown(f"{_ICON.get(job.status, '')} **Job {job.id}: {md_escape(job.name or job.kind)}**, {job.status}"
                + (" (cancel requested)" if job.cancel_requested and job.active else ""))
    if not access.control:
        st.caption(f"Shared with team {md_escape(job.team or '')}: you can follow this job; its owner "
                   f"({md_escape(job.owner)}) or an admin cancels or resumes it.")
    if last:
        st.progress(min(1.0, last.step / max(1, last.total)), text=f"step {last.step} of {last.total}")
    elif job.active:
        st.progress(0.0, text="starting…")
    c1, c2, c3 = st.columns(3)
    c1.metric("Elapsed", fmt_seconds(job.duration_s))
    c2.metric("ETA", fmt_seconds(last.eta_s) if (last and job.active) else "–")
    c3.metric("Last loss", f"{last.loss:.4g}" if last and last.loss is not None else "–")
    fig = loss_figure(rows)
    if fig is not None:
        st.plotly_chart(fig, key=f"{key}-loss-{job_id}-{len(rows)}")
    previews = [r.preview_path for r in rows if r.preview_path]
    if previews and Path(previews[-1]).exists():
        st.image(previews[-1], caption=f"preview at step {next(r.step for r in reversed(rows) if r.preview_path)}")
    if last and last.metrics:
        st.caption(" · ".join(f"{k}: {v:.4g}" if isinstance(v, float) else f"{k}: {v}" for k, v in last.metrics.items()))
    if job.status == "failed" and job.error:
        st.error(f"The job failed: {md_escape(jobs.error_summary(job))}")
    if job.status == "done" and job.result:
        with st.expander("Result"):
            st.json(job.result)
    if access.control:
        _controls(store, job, key, on_resume)
    # The full log can hold tracebacks and paths: admins only (everyone else sees the one-line error above).
    if access.full_log and job.log_path and Path(job.log_path).exists():
        with st.popover("Log"):
            st.code(jobs.job_log(store, job_id) or "(empty)")
    return job.status


def _controls(store, job: jobs.JobRecord, key: str, on_resume: Callable[[int], None] | None) -> None:
    b1, b2 = st.columns(2)
    if job.active and b1.button("Cancel", key=f"{key}-cancel-{job.id}", icon=":material/stop:",
                                disabled=job.cancel_requested):
        jobs.request_cancel(store, job.id)
        st.toast(f"Cancel requested for job {job.id}; it stops at the next safe point.")
    if job.status in ("cancelled", "failed") and b2.button("Resume from checkpoint", key=f"{key}-resume-{job.id}",
                                                            icon=":material/play_arrow:"):
        new_id = jobs.resume_job(store, get_settings(), job.id)
        if on_resume:
            on_resume(new_id)
        st.rerun()


@st.fragment(run_every=1.0)
def _live(job_id: int, key: str, on_resume) -> None:
    status = _render(job_id, key, on_resume)
    if status not in jobs.ACTIVE:
        st.rerun()  # redraw once as a static panel, which stops the polling


def job_panel(job_id: int, *, key: str = "job", on_resume: Callable[[int], None] | None = None) -> None:
    job = jobs.get_job(get_store(), job_id)  # None when it is gone or not this user's: _render says which
    with st.container(border=True):
        if job is not None and job.active:
            _live(job_id, key, on_resume)
        else:
            _render(job_id, key, on_resume)


def job_to_show(store, kind: str, started: int | None) -> int | None:
    """The job a lab panel shows: the one this session started (`started`), else the latest job of `kind` the
    store lists (so a reloaded page finds the run again), else None."""
    if started is not None:
        return started
    recent = jobs.list_jobs(store, kind=kind, limit=1)
    return recent[0].id if recent else None


def latest_job_panel(store, kind: str, state_key: str, *, key: str) -> None:
    """The panel of `job_to_show` for the job id this session keeps under `state_key`; nothing when there is none."""
    job_id = job_to_show(store, kind, st.session_state.get(state_key))
    if job_id is not None:
        job_panel(job_id, key=key)
