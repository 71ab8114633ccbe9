"""The Literature reader's library (search, open, delete) and evidence table (side by side, CSV). The
store acting for the signed-in user shows only that user's papers; medcore.literature checks the tool."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from medcore.literature import evidence_table, library
from ui.literature_card import forest_figure

def render_library(settings, store, on_open) -> None:
    from medcore.literature.design import design_label

    papers = library.list_papers(store)
    designs = ["", *sorted({e.design for e in papers})]  # the kinds in this library (their list lives in the KB)
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
    text = c1.text_input("Search your papers (title, journal, words in the text)", key="lit_q")
    cond = c2.text_input("Condition", key="lit_q_cond")
    drug = c3.text_input("Drug", key="lit_q_drug")
    design = c4.selectbox("Design", designs, key="lit_q_design",
                          format_func=lambda d: design_label(settings, d) if d else "any")
    hits = library.search(store, text, condition=cond, drug=drug, design=design)
    total = len(papers)
    st.caption(f"{len(hits)} of {total} papers in your library")
    if not hits:
        st.info("No paper matches." if total else "Your library is empty: every paper you read is saved here.")
        return
    st.dataframe(pd.DataFrame([{"id": e.id, "title": e.title, "year": e.year, "design": design_label(settings, e.design), "N": e.n,
                                "conditions": ", ".join(e.conditions), "drugs": ", ".join(e.drugs),
                                "PMID": e.pmid, "DOI": e.doi, "versions": e.version} for e in hits]),
                 hide_index=True, width="stretch")
    by_id = {e.id: e for e in hits}
    pick = st.selectbox("Paper", list(by_id), format_func=lambda i: f"#{i} {by_id[i].title[:90]}", key="lit_pick")
    b1, b2 = st.columns(2)
    if b1.button("Open its card", icon=":material/open_in_new:", key="lit_open"):
        on_open(pick)
    if b2.button("Remove from library", icon=":material/delete:", key="lit_delete"):
        if library.delete_paper(store, pick):
            st.success(f"Removed paper #{pick} (its versions are kept in the store).")
            st.rerun()


def render_evidence_table(store) -> None:
    c1, c2 = st.columns(2)
    cond = c1.text_input("Condition (name or id)", key="lit_et_cond", placeholder="type 2 diabetes")
    drug = c2.text_input("Drug (name or id)", key="lit_et_drug", placeholder="metformin")
    if not (cond.strip() or drug.strip()):
        st.caption("Name a condition or a drug to compare the papers on it side by side.")
        return
    rows = evidence_table.build(store, condition=cond, drug=drug)
    if not rows:
        st.info("No paper in your library is on that condition or drug.")
        return
    st.dataframe(pd.DataFrame([r.cells() for r in rows]), hide_index=True, width="stretch")
    fig = forest_figure([r.effect for r in rows if r.effect],
                        [f"{r.citation[:40]} · {r.outcome}" for r in rows if r.effect], "Main effect of each paper")
    if fig is not None:
        st.plotly_chart(fig, width="stretch", key="lit_et_forest")
    st.download_button("Download CSV", evidence_table.to_csv(rows), file_name="evidence_table.csv",
                       mime="text/csv", icon=":material/download:", key="lit_et_csv")
