"""The records section of the Model lab: evaluation on the annotated notes, clinician correction
pairs, the sentence-scorer retraining job, and the LoRA job on the narrative model."""

from __future__ import annotations

import time

import pandas as pd
import plotly.express as px
import streamlit as st

from medcore import jobs
from medcore.records.scorer import MODEL_KIND
from ui.errors import error_boundary
from ui.eval_table import nested_table
from ui.jobs_panel import latest_job_panel


@st.cache_data(show_spinner=False, ttl=600)
def _evaluate(_settings, key: str, with_narrative: bool) -> dict:
    from medcore.records.evaluate import run_eval

    return run_eval(_settings, "all", with_narrative=with_narrative)


def render(settings, store) -> None:
    st.markdown("#### Record summarizer")
    st.caption("Annotated sample notes: dev notes were used while writing the rules; held-out notes never were.")
    with_narrative = st.toggle("Include ROUGE-L of the narrative (loads the embedding model)", value=False,
                               key="lab_rec_rouge")
    if st.button("Run evaluation", icon=":material/rule:", key="lab_rec_eval"):
        st.session_state["lab_rec_ran"] = True
    if st.session_state.get("lab_rec_ran"):
        with error_boundary("evaluating the record summarizer"), st.spinner("Evaluating…"):
            rep = _evaluate(settings, f"{settings.assets_dir}|{settings.llm_backend}", with_narrative)
            _show_eval(rep)

    corrections = [f for f in store.list_feedback("records") if f["kind"] == "correction"]
    st.metric("Clinician correction pairs stored", len(corrections))
    active = store.active_model(MODEL_KIND)
    if active:
        st.caption(f"Active sentence scorer: #{active.id} {active.name}; "
                   + ", ".join(f"{k} {v}" for k, v in active.metrics.items()))
    else:
        from medcore.records.scorer import shipped_path

        shipped = shipped_path(settings)
        st.caption("No retrained scorer active: the extractive summary uses "
                   + ("the shipped scorer (trained ahead on the dev notes)." if shipped else "MiniLM centrality alone."))
    c1, c2 = st.columns(2)
    epochs = c1.number_input("Epochs", min_value=5, max_value=500, value=60, step=5, key="lab_rec_epochs")
    if c2.button("Retrain the sentence scorer", type="primary", icon=":material/model_training:", key="lab_rec_train"):
        with error_boundary("starting the scorer training job"):
            out = settings.path("runs", f"records-scorer-{int(time.time())}")
            job_id = jobs.start_job(store, settings, MODEL_KIND,
                                    f"Sentence scorer ({len(corrections)} corrections + shipped pairs)",
                                    ["train", "records", "--epochs", str(int(epochs)), "--out", str(out)],
                                    config={"epochs": int(epochs)}, out_dir=out)
            store.audit("start_job", tool="records", object_type="job", object_id=job_id, kind=MODEL_KIND)
            st.session_state["lab_rec_job"] = job_id
    latest_job_panel(store, MODEL_KIND, "lab_rec_job", key="lab_records")
    _lora_section(settings, store, len(corrections))


def _lora_section(settings, store, n_corrections: int) -> None:
    """LoRA on the narrative model: only meaningful when a local Hugging Face model writes the narrative."""
    from medcore.records import lora

    st.markdown("##### LoRA adapter on the narrative model")
    if settings.llm_backend not in ("hf", "embedded"):
        st.info(f"The narrative is written by the `{settings.llm_backend}` backend, which has no local weights to "
                "adapt. LoRA fine-tuning needs the `embedded` SmolLM2 or an `hf` model folder "
                "(MEDCORE_LLM_BACKEND=hf, MEDCORE_LLM_MODEL=/path/to/model).", icon=":material/info:")
        return
    base = lora.base_model_path(settings)
    if settings.llm_backend == "hf" and (base is None or base.suffix == ".gguf" or not (base / "config.json").exists()):
        st.info(f"The `hf` backend points at {settings.llm_model or 'no model'}; LoRA needs a Hugging Face model "
                "folder (config.json + safetensors), not a GGUF file.", icon=":material/info:")
        return
    st.caption(f"Base model: `{base}`. Trains on the shipped reference summaries plus the "
               f"{n_corrections} clinician correction(s); held-out notes are only measured. The adapter changes "
               "the wording only: its output still passes the grounding check or is replaced.")
    active = store.active_model(lora.MODEL_KIND)
    if active and active.config.get("base_model") == str(base):
        st.caption(f"Active adapter: #{active.id} {active.name}; "
                   + ", ".join(f"{k} {v}" for k, v in active.metrics.items()))
    elif active:
        st.caption(f"The active adapter #{active.id} was trained on another base model "
                   f"({active.config.get('base_model')}), so it is not used.")
    else:
        st.caption("No adapter active: the base model writes the narrative.")
    c1, c2, c3 = st.columns(3)
    steps = c1.number_input("Steps", min_value=5, max_value=2000, value=60, step=5, key="lab_rec_lora_steps")
    rank = c2.selectbox("Rank", [4, 8, 16], index=1, key="lab_rec_lora_rank")
    if c3.button("Fine-tune with LoRA", type="primary", icon=":material/tune:", key="lab_rec_lora_train"):
        with error_boundary("starting the LoRA training job"):
            out = settings.path("runs", f"records-lora-{int(time.time())}")
            argv = ["train", "records-lora", "--steps", str(int(steps)), "--rank", str(int(rank)), "--out", str(out)]
            if (base / "config.json").exists():
                argv += ["--base", str(base)]
            job_id = jobs.start_job(store, settings, lora.MODEL_KIND,
                                    f"LoRA r{int(rank)} ({n_corrections} corrections + shipped references)", argv,
                                    config={"steps": int(steps), "rank": int(rank), "base_model": str(base)},
                                    out_dir=out)
            store.audit("start_job", tool="records", object_type="job", object_id=job_id, kind=lora.MODEL_KIND)
            st.session_state["lab_rec_lora_job"] = job_id
    latest_job_panel(store, lora.MODEL_KIND, "lab_rec_lora_job", key="lab_records_lora")


def _show_eval(rep: dict) -> None:
    targets = rep["targets"]
    heads = [v["headline"] for v in rep["splits"].values()]
    st.dataframe(pd.DataFrame(heads), hide_index=True, width="stretch")
    st.caption(f"Targets: PHI recall ≥ {targets['phi_recall']}, entity F1 ≥ {targets['entity_f1']}, "
               f"assertion accuracy ≥ {targets['assertion_accuracy']}.")
    df = nested_table({split: r["entities"]["per_type"] for split, r in rep["splits"].items()}, ("split", "type"),
                      lambda m: {k: m[k] for k in ("precision", "recall", "f1", "gold")})
    st.plotly_chart(px.bar(df, x="type", y="f1", color="split", barmode="group", range_y=[0, 1],
                           title="Entity F1 per type"), width="stretch")
    phi = nested_table({split: r["phi"]["per_type"] for split, r in rep["splits"].items()}, ("split", "type"),
                       lambda m: {k: m[k] for k in ("precision", "recall", "gold")})
    st.markdown("**PHI precision and recall per type**")
    st.dataframe(phi, hide_index=True, width="stretch")
    st.markdown("**Entities per type**")
    st.dataframe(df, hide_index=True, width="stretch")
