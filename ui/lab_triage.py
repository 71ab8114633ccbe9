"""The triage section of the Model lab: vignette evaluation (one-shot and interactive), the
MLP-versus-Bayes comparison, and the MLP training job."""

from __future__ import annotations

import json
import time

import pandas as pd
import plotly.express as px
import streamlit as st

from medcore import jobs
from medcore.triage.learn import MODEL_KIND
from ui.errors import error_boundary
from ui.eval_table import nested_table
from ui.jobs_panel import latest_job_panel

METRIC_LABELS = {"top1": "top-1", "top3": "top-3", "top10": "top-10", "triage_accuracy": "triage accuracy",
                 "over_triage": "over-triage", "under_triage": "under-triage",
                 "emergency_under_triage": "emergency under-triage"}


def _latest_path(settings):
    return settings.path("triage") / "eval_latest.json"


def _run_eval(settings) -> dict:
    from medcore.triage.evaluate import evaluate, load_vignettes
    from medcore.triage.service import TriageEngine

    engine = TriageEngine.from_settings(settings)
    vignettes = load_vignettes(settings.kb_dir, engine.kb)
    bar = st.progress(0.0, text="Running the vignettes…")
    result = evaluate(engine, vignettes, progress=lambda i, n: bar.progress(i / n, text=f"Vignette run {i}/{n}"))
    bar.empty()
    result["engine"] = {"blend": "bayes+mlp" if engine.blender is not None else "bayes",
                        "embeddings": engine.embeddings is not None}
    result["ran_at"] = time.strftime("%Y-%m-%d %H:%M:%S")
    _latest_path(settings).write_text(json.dumps(result, default=str))
    return result


def _show_eval(result: dict) -> None:
    def row(m: dict) -> dict | None:
        if not m.get("n"):
            return None
        return {"n": m["n"], **{METRIC_LABELS[k]: round(m[k], 3) for k in METRIC_LABELS},
                "emergencies missed": m["emergencies_missed"], "mean questions": round(m["mean_questions"], 1)}

    df = nested_table(result["modes"], ("mode", "split"), row, key=lambda k: k.replace("_", "-"))
    st.dataframe(df, hide_index=True, width="stretch")
    long = df[df["split"] != "all"].melt(id_vars=["mode", "split"], value_vars=["top-3", "triage accuracy",
                                                                             "emergency under-triage"])
    fig = px.bar(long, x="variable", y="value", color="split", facet_col="mode", barmode="group",
                 range_y=[0, 1], title="Vignettes: tuning vs held-out (targets: top-3 ≥ 0.75, triage ≥ 0.80, "
                                        "emergency under-triage ≤ 0.05)")
    st.plotly_chart(fig, key="lab_tri_eval_chart")
    st.caption(f"Engine: {result.get('engine', {}).get('blend', 'bayes')}; run at {result.get('ran_at', '?')}. "
               "The held-out quarter was never used to tune the knowledge base or thresholds.")
    misses = [c for c in result.get("cases", []) if c["rank"] > 3 or c["triage_ref"] != c["triage_pred"]]
    if misses:
        with st.expander(f"Cases with the diagnosis outside the top 3 or the wrong triage ({len(misses)})"):
            st.dataframe(pd.DataFrame(misses)[["mode", "id", "held_out", "diagnosis", "rank", "triage_ref",
                                               "triage_pred", "questions"]], hide_index=True, width="stretch")


def _show_comparison(rec) -> None:
    comp = (rec.metrics or {}).get("comparison")
    if not comp:
        return
    rows = []
    for w, splits in comp.items():
        for split, m in splits.items():
            for k in ("top1", "top3", "triage_accuracy"):
                rows.append({"MLP weight": float(w), "split": split, "metric": METRIC_LABELS[k], "value": m[k]})
    df = pd.DataFrame(rows)
    fig = px.line(df, x="MLP weight", y="value", color="metric", line_dash="split", markers=True, range_y=[0, 1],
                  title="Bayes (weight 0) vs MLP (weight 1) vs blends, on the vignettes")
    st.plotly_chart(fig, key="lab_tri_cmp_chart")
    w = float(rec.metrics.get("chosen_weight", 0))
    st.write(f"**Decision:** {'blend with MLP weight ' + str(w) if w > 0 else 'Bayesian engine alone'} "
             f"({rec.metrics.get('rule', '')}).")


def render(settings, store) -> None:
    st.markdown("#### Symptom chat")
    st.caption("96 vignettes written for this project, balanced across triage levels; a quarter held out. "
               "Interactive mode: a simulated patient answers the engine's questions from the vignette.")
    path = _latest_path(settings)
    if st.button("Run vignette evaluation", icon=":material/rule:", key="lab_tri_eval"):
        with error_boundary("evaluating the symptom chat"):
            _run_eval(settings)
    if path.is_file():
        with error_boundary("showing the evaluation"):
            _show_eval(json.loads(path.read_text()))
    else:
        st.info("No evaluation run yet on this server. It takes about 15 seconds.")

    st.markdown("##### MLP over findings (learning part)")
    confirmed = store.list_work(kind="chat", status="confirmed", limit=10000)
    st.metric("Clinician-confirmed chats available for training", len(confirmed))
    active = store.active_model(MODEL_KIND)
    if active:
        st.caption(f"Latest MLP: #{active.id} {active.name}; {active.metrics.get('params', '?')} parameters; "
                   f"final loss {active.metrics.get('final_loss', 0):.3f}")
        with error_boundary("showing the MLP comparison"):
            _show_comparison(active)
    else:
        st.caption("No MLP trained yet: the chat uses the Bayesian engine alone.")
    c1, c2, c3 = st.columns(3)
    samples = c1.number_input("Synthetic patients", 2000, 500000, 60000, 2000, key="lab_tri_samples")
    epochs = c2.number_input("Epochs", 1, 50, 6, key="lab_tri_epochs")
    if c3.button("Train the MLP", type="primary", icon=":material/model_training:", key="lab_tri_train"):
        with error_boundary("starting the MLP training job"):
            out = settings.path("triage", "mlp", f"run-{int(time.time())}")
            job_id = jobs.start_job(store, settings, MODEL_KIND, f"Triage MLP ({int(samples)} synthetic patients, "
                                    f"{len(confirmed)} confirmed chats)",
                                    ["train", "triage", "--samples", str(int(samples)), "--epochs", str(int(epochs)),
                                     "--out", str(out)],
                                    config={"samples": int(samples), "epochs": int(epochs)}, out_dir=out)
            store.audit("start_job", tool="triage", object_type="job", object_id=job_id, kind=MODEL_KIND)
            st.session_state["lab_tri_job"] = job_id
    latest_job_panel(store, MODEL_KIND, "lab_tri_job", key="lab_tri_jobpanel")
