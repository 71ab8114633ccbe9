"""The treatment-planner section of the Model lab: clinician feedback statistics from the store,
and the evaluation on the annotated cases (dev and held-out reported apart)."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from ui.errors import error_boundary


@st.cache_data(show_spinner=False, ttl=600)
def _evaluate(_settings, key: str) -> dict:
    from medcore.therapy.evaluate import run_eval

    return run_eval(_settings, "all", errors=True)


def feedback_table(store) -> pd.DataFrame:
    rows = [{"kind": f["kind"], "drug": (f["data"] or {}).get("drug", ""), "condition": (f["data"] or {}).get("condition", ""),
             "reason": f["reason"], "time": f["ts"]} for f in store.list_feedback("therapy")]
    return pd.DataFrame(rows, columns=["kind", "drug", "condition", "reason", "time"])


def render(settings, store) -> None:
    st.markdown("#### Treatment planner")
    df = feedback_table(store)
    plans = store.list_work(kind="plan", limit=1000)
    c = st.columns(4)
    c[0].metric("Plans saved", len(plans))
    c[1].metric("Clinician decisions", len(df))
    decided = df[df["kind"].isin(["accept", "reject", "modify"])]
    rate = (decided["kind"] == "accept").mean() if len(decided) else None
    c[2].metric("Accepted as proposed", "-" if rate is None else f"{rate:.0%}")
    c[3].metric("Modified or rejected", int((decided["kind"] != "accept").sum()) if len(decided) else 0)
    if len(decided):
        counts = decided.groupby(["drug", "kind"]).size().reset_index(name="n")
        st.plotly_chart(px.bar(counts, x="drug", y="n", color="kind", barmode="stack",
                               title="Clinician decisions by drug",
                               color_discrete_map={"accept": "#2ca02c", "modify": "#ff7f0e", "reject": "#d62728"}),
                        width="stretch")
        st.dataframe(decided.sort_values("time", ascending=False).head(50), hide_index=True, width="stretch")
    else:
        st.caption("No clinician decisions yet: accept, reject or modify items on the Treatment planner page.")

    st.caption("Evaluation cases: dev cases were used while writing the knowledge base and planner; held-out "
               "cases (a quarter) never were.")
    if st.button("Run evaluation", icon=":material/rule:", key="lab_tp_eval"):
        st.session_state["lab_tp_ran"] = True
    if st.session_state.get("lab_tp_ran"):
        with error_boundary("evaluating the treatment planner"), st.spinner("Evaluating…"):
            rep = _evaluate(settings, str(settings.assets_dir))
            _show_eval(rep)


def _show_eval(rep: dict) -> None:
    rows = []
    for split in ("dev", "heldout"):
        r = rep[split]
        rows.append({"split": split, "cases": r["cases"], "drug choice": r["drug_choice_accuracy"],
                     "dose correct": r["dose_correct"], "PGx action": r["pgx_action_accuracy"],
                     "interaction precision": r["interaction_pairs"]["precision"],
                     "interaction recall": r["interaction_pairs"]["recall"],
                     "contraindicated proposals": r["contraindicated_proposals"],
                     "median plan ms": r["plan_ms_median"]})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    sev_rows = []
    for split in ("dev", "heldout"):
        for sev, m in rep[split]["interaction_by_severity"].items():
            for metric in ("precision", "recall"):
                if m[metric] is not None:
                    sev_rows.append({"split": split, "severity": sev, "metric": metric, "value": m[metric]})
    if sev_rows:
        st.plotly_chart(px.bar(pd.DataFrame(sev_rows), x="severity", y="value", color="metric", barmode="group",
                               facet_col="split", range_y=[0, 1.05], title="Interaction precision and recall by severity"),
                        width="stretch")
    errs = rep.get("errors", {})
    for split in ("dev", "heldout"):
        if errs.get(split):
            with st.expander(f"{split}: {len(errs[split])} mismatch(es)"):
                for e in errs[split]:
                    st.markdown(f"- {e}")
