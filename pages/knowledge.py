"""Knowledge: ask the clinical knowledge graph a question, search its concepts, explore a concept's
neighbourhood (click a node to move to it). Layout only; the graph lives in medcore.knowledge."""

from contextlib import nullcontext

import pandas as pd
import streamlit as st

from medcore.knowledge import overlay, service
from medcore.knowledge.answer import EXAMPLES
from ui.demo import take_demo
from ui.errors import error_boundary
from ui.frame import require_tool
from ui.knowledge_graph import clicked_concept, network_figure
from ui.loaders import get_settings, get_store

require_tool("knowledge")

settings = get_settings()
ss = st.session_state
with st.spinner("Loading the knowledge graph"):
    service.graph(settings)
# The terminology (ICD-10-CM, HPO names for search and questions) loads on the first search or question, not on
# the first render: a fresh data folder builds it (seconds of CPU; issue 14, a first render within 5 s).
TERM_SPINNER = ("Loading the terminology (the very first time builds the ICD-10-CM and HPO lexicon, about half a "
                "minute)")


def term_spinner():
    return st.spinner(TERM_SPINNER) if not service.terminology_loaded(settings) else nullcontext()


ss.setdefault("kg_focus", "finding:chest_pain")
literature = []
with error_boundary("reading the literature edges of your papers"):
    # the user's read papers (Literature reader) add "studied for" edges beside the guideline graph
    literature = overlay.stored_edges(get_store())
demo = take_demo("knowledge")
if demo:
    ss.kg_question = demo.get("question", "")
    ss.kg_focus = demo.get("concept", ss.kg_focus)
    ss.kg_asked = ss.kg_question


def focus(concept_id: str) -> None:
    ss.kg_focus = concept_id


def _detail(d: dict) -> str:
    keep = ("origin", "outcome", "effect", "direction", "design", "n", "likelihood", "score", "triage", "severity", "effect", "management", "line", "dose", "frequency",
            "duration", "phenotype", "action", "recommendation", "below", "note", "p_abnormal", "result", "reason",
            "level", "applies_only_below")
    parts = [f"{k}: {d[k]}" for k in keep if d.get(k) not in (None, "", [])]
    for c in d.get("cautions", []):
        parts.append(f"caution: {c['reason']} [{c['source']}]")
    for c in d.get("excluded_because", []):
        parts.append(f"excluded: {c['reason']} [{c['source']}]")
    return "; ".join(str(p) for p in parts)


def rows_table(rows) -> pd.DataFrame:
    return pd.DataFrame([{"concept": r.concept_name, "relation": r.relation, "target": r.target_name,
                          "detail": _detail(r.detail), "source": r.source, "ids": f"{r.concept} -> {r.target}"}
                         for r in rows])


# ---- ask -----------------------------------------------------------------------------------------
st.subheader(":material/help: Ask the graph")
st.caption("Answered by rules over the knowledge graph (no language model); every row names its source.")
with st.form("kg_ask_form"):
    question = st.text_input("Question", key="kg_question", max_chars=service.MAX_QUESTION_CHARS,
                             placeholder="What can cause chest pain?")
    asked = st.form_submit_button("Ask", type="primary")
if asked:
    # a blank question is no question: say so, rather than nothing (empty) or "could not map" under a blank line
    ss.kg_asked = question if question.strip() else ""
    if not question.strip():
        st.warning("Type a question first, e.g. " + EXAMPLES[0], icon=":material/edit:")
example = st.selectbox("Or try an example", ["", *EXAMPLES], key="kg_example")
if example and example != ss.get("kg_example_done"):
    ss.kg_example_done = example
    ss.kg_asked = example

if ss.get("kg_asked"):
    with error_boundary("answering the question"):
        with term_spinner():
            ans = service.ask(settings, ss.kg_asked, overlay=literature)
        st.caption("Your question")
        st.text(ans.question)
        if not ans.ok:
            st.warning("I could not map this question to a graph query.", icon=":material/help:")
        st.text(ans.text)
        with st.expander("The query as understood"):
            st.json(ans.understood)
        if ans.rows:
            st.dataframe(rows_table(ans.rows), hide_index=True, width="stretch")
            view = service.answer_graph(settings, ans)
            if len(view["nodes"]) > 1:
                event = st.plotly_chart(network_figure(view, "The answer as a graph (click a node to explore it)"),
                                        on_select="rerun", selection_mode="points", key=f"kg_ans_{ans.question}")
                picked = clicked_concept(event)
                if picked and picked != ss.get("kg_ans_pick"):  # a selection persists across reruns: act once
                    ss.kg_ans_pick = picked
                    focus(picked)
        if ans.literature:
            st.markdown(":material/menu_book: **From your read papers** (literature, not guidelines; each row cites "
                        "its paper)")
            st.dataframe(rows_table(ans.literature), hide_index=True, width="stretch", key="kg_lit_rows")
        if ans.excluded:
            st.caption("Excluded by the filter, with the reason and its source")
            st.dataframe(rows_table(ans.excluded), hide_index=True, width="stretch")

st.divider()

# ---- search and explore --------------------------------------------------------------------------
st.subheader(":material/hub: Explore concepts")
text = st.text_input("Search concepts (conditions, findings, drugs, genes, tests)", key="kg_search",
                     placeholder="chest pain, Bactrim, CYP2C19, troponin ...")
if text and not text.strip():  # spaces only: nothing was searched, so "no concept matches" would mislead
    st.caption("Type a word to search.")
elif text:
    with error_boundary("searching"):
        with term_spinner():
            hits = service.search(settings, text, limit=12)
        if not hits:
            st.info("No concept matches that text.")
        box = st.container(height=300) if len(hits) > 5 else st.container()
        for h in hits:
            codes = "; ".join(f"{k} {', '.join(v)}" for k, v in h["codes"].items())
            c1, c2 = box.columns([5, 1])
            c1.text(f"{h['name']}  [{h['type']}]  {h['id']}" + (f"  ({codes})" if codes else "")
                    + (f"  matched: {h['matched']}" if h["matched"] != h["name"].lower() else "")
                    + ("" if h.get("graph_id") else "  (terminology only: no relations)"))
            c2.button("Open", key=f"kg_open_{h['id']}", on_click=focus, args=(h.get("graph_id") or h["id"],))

with error_boundary("showing the concept"):
    with_term = service.terminology_loaded(settings)
    view = service.show(settings, ss.kg_focus, overlay=literature, with_terminology=with_term)
    if view is None:
        st.info("Search for a concept and open it.")
    else:
        c = view["concept"]
        with st.container(border=True):
            st.markdown(f"#### {c['name']}")
            st.caption(f"{c['id']} · {c['type']}" + (f" · triage level {c['attrs']['triage']}"
                                                       if c["attrs"].get("triage") else ""))
            for k, v in c["codes"].items():
                st.text(f"{k}: {', '.join(v)}")
            if c["synonyms"]:
                st.text("Synonyms: " + ", ".join(c["synonyms"][:30]))
            st.text("Sources: " + " | ".join(c["sources"]))
            if not with_term and view.get("in_graph", True):
                st.caption("HPO and ICD-10-CM codes and synonyms from the terminology are added after your first "
                           "search or question (it loads then).")
            if not view.get("in_graph", True):
                st.info("This concept is in the terminology but has no relations in the knowledge graph.")
                st.stop()
            rels = sorted(view["counts"])
            default = [r for r in rels if r != "member_of"] or rels
            chosen = st.multiselect("Relations in the network", rels, default=default, key=f"kg_rels_{c['id']}")
            radius = st.radio("Hops", [1, 2], horizontal=True, key=f"kg_radius_{c['id']}")
            net = service.neighbourhood(settings, c["id"], radius=radius, relations=set(chosen) or None, limit=60,
                                        overlay=literature)
            event = st.plotly_chart(network_figure(net, f"Around {c['name']} (click a node to move to it)"),
                                    on_select="rerun", selection_mode="points", key=f"kg_net_{c['id']}_{radius}")
            picked = clicked_concept(event)
            if picked and picked != c["id"]:
                focus(picked)
                st.rerun()
            for rel in rels:
                rows = view["relations"][rel]
                lit = " · literature, from your read papers" if any(
                    r["attrs"].get("origin") == "literature" for r in rows) else ""
                with st.expander(f"{rel} ({len(rows)}){lit}"):
                    st.dataframe(pd.DataFrame([{"direction": r["direction"], "concept": r["other_name"],
                                                "id": r["other"], "detail": _detail(r["attrs"]),
                                                "source": r["source"]} for r in rows]),
                                 hide_index=True, width="stretch")
