"""The literature section of the Model lab: the sentence-role classifier in use and its figures, how many of the
user's papers carry heading labels, and "Train", which starts the same job as `python -m medcore train literature`
(shipped PubMedQA abstracts + the user's papers and role corrections)."""

from __future__ import annotations

import json
import time

import streamlit as st

from medcore import jobs
from medcore.literature.role_train import MODEL_KIND
from ui.errors import error_boundary
from ui.jobs_panel import latest_job_panel


def _in_use(settings, store) -> str:
    from medcore.literature.role_model import active_dir, shipped_dir

    active = store.active_model(MODEL_KIND)
    if active is not None and active_dir(settings, store) is not None:
        return f"Active classifier: #{active.id} {active.name}; " + ", ".join(
            f"{k} {v}" for k, v in active.metrics.items())
    card = shipped_dir(settings).with_suffix(".json")
    if card.is_file():
        dev = json.loads(card.read_text()).get("dev", {})
        return (f"Shipped classifier: dev accuracy {dev.get('accuracy')} (macro-F1 {dev.get('macro_f1')}) on "
                f"{dev.get('abstracts')} abstracts with headings removed.")
    return "No trained classifier: sentences without a heading get their role from rules."


def render(settings, store) -> None:
    from medcore.literature.role_data import from_library, pubmedqa_path

    st.markdown("#### Literature reader: sentence roles")
    st.caption(_in_use(settings, store))
    papers = from_library(store)
    st.metric("Your papers with heading-labelled sentences", len(papers))
    has_data = pubmedqa_path(settings) is not None
    if not has_data:
        st.info("The PubMedQA abstracts (../shared/data/pubmedqa) are not on this machine, so training cannot start.")
    c1, c2 = st.columns(2)
    steps = c1.number_input("Steps (4 abstracts each)", min_value=10, max_value=5000, value=300, step=10,
                            key="lab_lit_steps")
    if c2.button("Train", type="primary", icon=":material/model_training:", key="lab_lit_train", disabled=not has_data):
        with error_boundary("starting the sentence-role training job"):
            out = settings.path("runs", f"literature-roles-{int(time.time())}")
            job_id = jobs.start_job(store, settings, MODEL_KIND,
                                    f"Sentence roles (PubMedQA + {len(papers)} of your papers)",
                                    ["train", "literature", "--steps", str(int(steps)), "--out", str(out)],
                                    config={"steps": int(steps)}, out_dir=out)
            store.audit("start_job", tool="literature", object_type="job", object_id=job_id, kind=MODEL_KIND)
            st.session_state["lab_lit_job"] = job_id
    latest_job_panel(store, MODEL_KIND, "lab_lit_job", key="lab_literature")
