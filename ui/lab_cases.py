"""The case-trainer section of the Model lab: the computed evaluation of the case generator
(solvability with the engine as the student) and of the simulated patient (question understanding)."""

from __future__ import annotations

import json
import time

import pandas as pd
import plotly.express as px
import streamlit as st

from ui.errors import error_boundary

METRIC_LABELS = {"top1": "top-1", "top3": "top-3", "triage_accuracy": "triage accuracy",
                 "under_triage": "under-triage", "emergency_under_triage": "emergencies under-triaged"}
# the usual triage colours: red for emergency down to green for self-care
LEVEL_COLOURS = {"emergency": "#d62728", "urgent": "#ff7f0e", "routine": "#1f77b4", "self_care": "#2ca02c"}


def _latest_path(settings):
    return settings.path("cases") / "eval_latest.json"


def _run_eval(settings, n: int) -> dict:
    from medcore.cases.evaluate import evaluate
    from medcore.cases.service import CaseTrainer

    trainer = CaseTrainer.from_settings(settings)
    bar = st.progress(0.0, text="Generating cases and interviewing them…")
    result = evaluate(trainer, settings.kb_dir, n, progress=lambda i, k: bar.progress(i / k, text=f"Case {i}/{k}"))
    bar.empty()
    result["ran_at"] = time.strftime("%Y-%m-%d %H:%M:%S")
    _latest_path(settings).write_text(json.dumps(result, default=str))
    return result


def _show(result: dict) -> None:
    sol, und = result["solvability"], result["understanding"]
    m = sol["metrics"]
    st.markdown("**The engine as the student**")
    cols = st.columns(5)
    short = {"emergency_under_triage": "Emergencies missed"}  # the column is too narrow for the long label
    for col, key in zip(cols, ("top1", "top3", "triage_accuracy", "emergency_under_triage")):
        val = m.get(key)
        col.metric(short.get(key, METRIC_LABELS[key].capitalize()), "n/a" if val is None else f"{val:.0%}",
                   help=f"the triage engine's {METRIC_LABELS[key]} on the generated cases")
    cols[4].metric("Questions understood", f"{und['held_out']['rate']:.0%}" if und["held_out"]["rate"] is not None
                   else "n/a", help="by the simulated patient, on the held-out labelled student questions")
    first = result["settings"]["seed0"]
    st.caption(f"{m['n']} generated cases (seeds {first}–{first + m['n'] - 1}, difficulty "
               f"{result['settings']['difficulty']}); the engine asked {m['mean_questions']} questions on average. "
               f"Run at {result.get('ran_at', '?')} in {result.get('seconds', '?')} s.")
    rows = [{"level": lvl.replace("_", "-"), "metric": METRIC_LABELS[k], "value": v[k]}
            for lvl, v in sol["by_level"].items() for k in ("top3", "triage_accuracy")]
    if rows:
        st.plotly_chart(px.bar(pd.DataFrame(rows), x="level", y="value", color="metric", barmode="group",
                               range_y=[0, 1], title="Solvability by the true triage level"),
                        key="lab_cases_level_chart")
    cases = pd.DataFrame(sol["cases"])
    if not cases.empty:
        counts = cases.groupby(["system", "triage_ref"]).size().reset_index(name="cases")
        st.plotly_chart(px.bar(counts, x="system", y="cases", color="triage_ref",
                               color_discrete_map=LEVEL_COLOURS, category_orders={"triage_ref": list(LEVEL_COLOURS)},
                               labels={"triage_ref": "true level"},
                               title=f"Generated cases by body system and level "
                                     f"({sol['distribution']['distinct_conditions']} distinct conditions)"),
                        key="lab_cases_dist_chart")
        misses = cases[(cases["rank"] > 3) | (cases["triage_ref"] != cases["triage_pred"])]
        if not misses.empty:
            with st.expander(f"Cases the engine did not solve (diagnosis outside its top 3 or wrong triage): "
                             f"{len(misses)}"):
                st.dataframe(misses, hide_index=True, width="stretch")
    st.markdown("**Simulated patient: question understanding**")
    st.dataframe(pd.DataFrame([{"split": s, "questions": und[s]["n"], "understood": und[s]["rate"]}
                               for s in ("tuning", "held_out", "all")]), hide_index=True, width="stretch")
    wrong = [r for r in und["rows"] if not r["ok"]]
    if wrong:
        with st.expander(f"Questions not understood ({len(wrong)})"):
            st.dataframe(pd.DataFrame(wrong), hide_index=True, width="stretch")


def render(settings, store) -> None:
    st.markdown("#### Case trainer")
    st.caption("Can the generated cases be solved? The triage engine plays the student on each case: its own "
               "interview, answered by the simulated patient from the case truth. And does the patient understand "
               "students? Labelled questions in assets/kb/cases/questions_eval.yaml, a quarter held out.")
    c1, c2 = st.columns([1, 2])
    n = c1.number_input("Cases", min_value=10, max_value=2000, value=200, step=10, key="lab_cases_n")
    if c2.button("Run case evaluation", icon=":material/rule:", key="lab_cases_eval"):
        with error_boundary("evaluating the case generator"):
            _run_eval(settings, int(n))
    path = _latest_path(settings)
    if path.is_file():
        with error_boundary("showing the case evaluation"):
            _show(json.loads(path.read_text()))
    else:
        st.info("No case evaluation run yet on this server; 200 cases take a few seconds.")
