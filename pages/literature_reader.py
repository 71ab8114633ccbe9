"""Literature reader: paste or upload a paper (PDF, MEDLINE, PubMed XML, RIS); see its evidence card with
every line traced to its sentence, the effect estimates as a forest chart, the checklist, a plain-language
summary; keep papers in a library and compare them in an evidence table. Layout only: medcore.literature reads."""

import pandas as pd
import streamlit as st

from medcore.literature import library
from medcore.literature.bounded import summarise_bounded
from medcore.literature.design import design_label
from medcore.literature.graph_edges import paper_edges
from medcore.literature.status import sample_path
from ui.demo import take_demo
from ui.errors import error_boundary
from ui.frame import md_escape, require_tool
from ui.literature_card import checklist_table, effects_table, forest_figure, render_card, render_roles
from ui.literature_input import read_and_save
from ui.literature_library import render_evidence_table, render_library
from ui.loaders import get_settings, get_store
from ui.workspace import load_work, save_work

require_tool("literature")

settings = get_settings()
store = get_store()
ss = st.session_state
UPLOAD_TYPES = ["pdf", "txt", "nbib", "medline", "xml", "ris"]


def remember() -> None:
    save_work("reading", {"paper_ids": ss.lit_ids, "current": ss.lit_current}, title="Literature reader",
              reason="papers read")


def open_paper(item_id: int) -> None:
    if item_id not in ss.lit_ids:
        ss.lit_ids = [item_id, *ss.lit_ids][:50]
    ss.lit_current = item_id
    remember()


# ---- restore work in progress, or take the Home demo ------------------------------------------
if "lit_ids" not in ss:
    ss.lit_ids, ss.lit_current = [], None
    demo = take_demo("literature")
    if demo and demo.get("text"):
        ss.lit_text, ss.lit_demo_pending = demo["text"], True  # read below, once the reader is set up
    else:
        with error_boundary("restoring the papers you were reading"):
            rec = load_work("reading")
            if rec:
                ss.lit_ids = [int(i) for i in rec.data.get("paper_ids", [])]
                ss.lit_current = rec.data.get("current")
if "lit_pending_text" in ss:  # a sample was loaded: show it in the paste box (before the widget exists)
    ss.lit_text = ss.pop("lit_pending_text")

# ---- input ----------------------------------------------------------------------------------------
with st.container(border=True):
    st.subheader(":material/input: Paper")
    tab_paste, tab_upload, tab_sample = st.tabs(["Paste", "Upload", "Sample"])
    with tab_paste:
        st.text_area("Abstract or full text", key="lit_text", height=200,
                     placeholder="Paste an abstract (with or without its headings) or a full text…")
        run_paste = st.button("Read pasted text", type="primary", icon=":material/menu_book:")
    with tab_upload:
        up = st.file_uploader("A PDF with a text layer, or a PubMed export of your own: MEDLINE (.txt/.nbib), "
                              "PubMed XML (.xml) or RIS (.ris), with one paper or many", type=UPLOAD_TYPES)
        run_upload = st.button("Read uploaded file", icon=":material/upload_file:", disabled=up is None)
    with tab_sample:
        st.caption("An invented abstract (not a real study), to see what the reader does.")
        run_sample = st.button("Read the sample abstract", icon=":material/description:")


def read(data, filename: str | None) -> None:
    ids = read_and_save(settings, store, data, filename)
    if ids:
        ss.lit_ids = list(dict.fromkeys(ids + ss.lit_ids))[:50]
        ss.lit_current = ids[0]
        remember()


with error_boundary("reading the paper"):
    if ss.pop("lit_demo_pending", False):
        read(ss.lit_text, None)
    elif run_paste:
        read(ss.lit_text, None)
    elif run_upload and up is not None:
        read(up.getvalue(), up.name)
    elif run_sample:
        ss.lit_pending_text = sample_path(settings).read_text(encoding="utf-8")
        read(ss.lit_pending_text, None)
        st.rerun()

tab_card, tab_library, tab_table = st.tabs(["Evidence card", "Library", "Evidence table"])

# ---- the current paper -------------------------------------------------------------------------
with tab_card, error_boundary("showing the evidence card"):
    result = library.get_paper(store, ss.lit_current) if ss.lit_current else None
    if result is None:
        st.info("Paste, upload or pick a paper to read. Every paper you read is kept in your library.")
    else:
        if len(ss.lit_ids) > 1:
            titles = {e.id: e.title for e in library.list_papers(store)}
            shown = [i for i in ss.lit_ids if i in titles]
            pick = st.selectbox("Papers you are reading", shown, index=shown.index(ss.lit_current)
                                if ss.lit_current in shown else 0,
                                format_func=lambda i: f"#{i} {titles[i][:100]}", key="lit_current_pick")
            if pick != ss.lit_current:
                open_paper(pick)
                st.rerun()
        paper = result.get("paper") or {}
        st.subheader(md_escape(library.index_of(result)["title"] or "(untitled paper)"))
        st.text(library.index_of(result)["citation"])
        for w in result.get("warnings") or []:
            st.warning(md_escape(w), icon=":material/warning:")
        design = result.get("design") or {}
        n = ((result.get("pico") or {}).get("population") or {}).get("n")
        m1, m2, m3, m4 = st.columns(4)
        kind = str(design.get("kind") or "unknown")
        # the card below says "not reported" for a design the reader could not name: the metric says the same
        m1.metric("Design", "not reported" if kind == "unknown" else design_label(settings, kind))
        m2.metric("Participants (N)", f"{n:,}" if isinstance(n, int) else "not stated")
        m3.metric("Effect estimates", len(result.get("effects") or []))
        m4.metric("Sentences", len(paper.get("sentences") or []))
        render_card(result, key=str(ss.lit_current))

        fig = forest_figure(result.get("effects") or [], title="Effect estimates with their confidence intervals")
        if fig is not None:
            st.plotly_chart(fig, width="stretch", key=f"lit_forest_{ss.lit_current}")
        if result.get("effects"):
            st.dataframe(effects_table(result), hide_index=True, width="stretch")
        checklist = checklist_table(result)
        with st.expander(f"Reporting checklist (CONSORT for abstracts): "
                         f"{int((checklist['reported'] == 'yes').sum()) if len(checklist) else 0} of "
                         f"{len(checklist)} items reported"):
            if len(checklist):
                st.dataframe(checklist, hide_index=True, width="stretch")
            else:
                st.caption("No checklist for this paper.")
        with st.expander("Sentences and their roles (correct a role: it trains the role classifier)"):
            render_roles(store, result, ss.lit_current)
        edges = paper_edges(result)
        with st.expander(f"Knowledge-graph edges from this paper ({len(edges)}, marked literature)"):
            if edges:
                st.dataframe(pd.DataFrame([{"drug": e["attrs"].get("start_name") or e["start"], "relation": e["relation"],
                                            "condition": e["attrs"].get("end_name") or e["end"],
                                            "outcome": e["attrs"].get("outcome", ""),
                                            "effect": e["attrs"].get("effect", ""),
                                            "direction": e["attrs"].get("direction", ""), "source": e["source"]}
                                           for e in edges]), hide_index=True, width="stretch")
                st.caption("The Knowledge page and `kg ask` show these beside the guideline edges.")
            else:
                st.caption("None: the paper's intervention or condition could not be coded.")

        # the plain-language summary comes last: the card above never waits for it
        st.subheader(":material/notes: Plain-language summary")
        with error_boundary("writing the summary"):
            if settings.llm_backend == "template" or st.button("Write it with the language model",
                                                                 icon=":material/smart_toy:"):
                with st.spinner("Phrasing the summary…"):
                    said = summarise_bounded(settings, result)
                st.text(said.text)
                st.caption(f"Written by {said.backend} ({said.source})." + (f" {said.note}." if said.note else ""))

with tab_library, error_boundary("showing your library"):
    render_library(settings, store, on_open=lambda i: (open_paper(i), st.rerun()))

with tab_table, error_boundary("building the evidence table"):
    render_evidence_table(store)
