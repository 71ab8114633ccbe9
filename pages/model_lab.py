"""Model lab: every job, checkpoint, evaluation and feedback statistic in one place."""

import importlib
import importlib.util
import time

import pandas as pd
import plotly.express as px
import streamlit as st

from medcore import jobs
from medcore.status import TOOLS
from ui.errors import error_boundary
from ui.frame import disclaimer
from ui.jobs_panel import fmt_seconds, job_panel, reconcile
from ui.auth import require_page
from ui.loaders import get_settings, get_store, model_cache

require_page("lab")  # admins only; the store and the job launcher check the role again
st.title("Model lab")
st.caption("Training jobs run in their own processes: leave or reload this page and they keep going.")
disclaimer()

settings = get_settings()
store = get_store()
reconcile(store)


def show_job(job_id: int) -> None:
    st.query_params["job"] = str(job_id)


tab_jobs, tab_models, tab_tools, tab_feedback = st.tabs(["Jobs", "Checkpoints", "Tools", "Feedback and audit"])

with tab_jobs:
    with st.expander("Start the demonstration job", expanded=not jobs.list_jobs(store, limit=1)):
        st.write("A small neural network learns a curve, with checkpoints, a live loss plot and a preview. It "
                 "runs the same job machinery as the image and language models: `python -m medcore train demo`.")
        c1, c2 = st.columns(2)
        steps = c1.number_input("Steps", min_value=10, max_value=20000, value=600, step=50)
        delay = c2.number_input("Pause per step (s), to watch it", min_value=0.0, max_value=1.0, value=0.05,
                                step=0.01)
        if st.button("Start demonstration job", type="primary", icon=":material/play_arrow:"):
            with error_boundary("starting the demonstration job"):
                out = settings.path("runs", f"demo-{int(time.time())}")
                job_id = jobs.start_job(store, settings, "demo", "Demonstration: MLP learns a curve",
                                        ["train", "demo", "--steps", str(int(steps)), "--step-delay", str(delay),
                                         "--out", str(out)],
                                        config={"steps": int(steps), "step_delay": delay}, out_dir=out)
                store.audit("start_job", tool="lab", object_type="job", object_id=job_id, kind="demo")
                show_job(job_id)

    all_jobs = jobs.list_jobs(store, limit=200)
    if not all_jobs:
        st.info("No jobs yet. Start the demonstration job above, or train a model from a tool's page.")
    else:
        rows = []
        for j in all_jobs:
            last = jobs.last_progress(store, j.id)
            rows.append({"id": j.id, "kind": j.kind, "name": j.name, "status": j.status,
                         "progress": (last.step / max(1, last.total)) if last else 0.0,
                         "duration": fmt_seconds(j.duration_s),
                         "last loss": last.loss if last else None,
                         "metrics": ", ".join(f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}"
                                              for k, v in {**(last.metrics if last else {}),
                                                           **{k: v for k, v in j.result.items()
                                                              if isinstance(v, (int, float))}}.items()),
                         "started": j.started, "error": jobs.error_summary(j)})
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch",
                     column_config={"progress": st.column_config.ProgressColumn("progress", min_value=0.0,
                                                                                max_value=1.0)})
        ids = [j.id for j in all_jobs]
        wanted = st.query_params.get("job")
        active = [j.id for j in all_jobs if j.active]
        default = int(wanted) if wanted and wanted.isdigit() and int(wanted) in ids else (active or ids)[0]
        chosen = st.selectbox("Show job", ids, index=ids.index(default),
                              format_func=lambda i: next(f"{j.id}: {j.name or j.kind} ({j.status})"
                                                         for j in all_jobs if j.id == i))
        if chosen != default:
            show_job(chosen)
        job_panel(chosen, key="lab", on_resume=show_job)

with tab_models:
    cache = model_cache().stats()
    st.caption(f"Shared model cache on this server: {cache['items']} of {cache['max_items']} models loaded, "
               f"{cache['bytes'] / 2**20:.1f} of {cache['max_bytes'] / 2**20:g} MB; the least recently used "
               "leaves first (MEDCORE_MODEL_CACHE_MAX_ITEMS, MEDCORE_MODEL_CACHE_MAX_MB).")
    models = store.list_models()
    if not models:
        st.info("No checkpoints registered yet. Finished training runs register theirs here.")
    else:
        st.dataframe(pd.DataFrame([{"id": m.id, "kind": m.kind, "name": m.name, "active": m.active,
                                    "created": m.created, "path": m.path,
                                    **{f"metric: {k}": v for k, v in m.metrics.items()}} for m in models]),
                     hide_index=True, width="stretch")
        pick = st.selectbox("Make active", [m.id for m in models],
                            format_func=lambda i: next(f"{m.id}: {m.kind} / {m.name}" for m in models if m.id == i))
        if st.button("Make active", icon=":material/star:"):
            with error_boundary("changing the active model"):
                store.set_active_model(pick)
                store.audit("activate_model", tool="lab", object_type="model", object_id=pick)
                st.rerun()

with tab_tools:
    labs = [t for t in TOOLS if importlib.util.find_spec(f"ui.lab_{t.key}") is not None]
    if not labs:
        st.info("No tool has evaluations or training of its own yet.")
    else:
        for t, tab in zip(labs, st.tabs([t.title for t in labs])):
            with tab, error_boundary(f"showing the {t.title.lower()} section"):
                importlib.import_module(f"ui.lab_{t.key}").render(settings, store)

with tab_feedback:
    fb = store.list_feedback()
    if fb:
        df = pd.DataFrame(fb)
        counts = df.groupby(["tool", "kind"]).size().reset_index(name="count")
        st.plotly_chart(px.bar(counts, x="tool", y="count", color="kind", title="Clinician feedback"))
    else:
        st.info("No clinician feedback recorded yet.")
    st.markdown("**Audit log** (no note text is ever stored here)")
    events = store.audit_events(limit=200)
    if events:
        st.dataframe(pd.DataFrame(events), hide_index=True, width="stretch")
