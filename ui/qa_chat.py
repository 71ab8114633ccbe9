"""Drawing the health-questions chat: one answer (emergency first, cited sentences, links), topic cards and
the full education page. Every answer text comes from medcore.qa; untrusted text is shown as text."""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.errors import StreamlitAPIException

from medcore.status import TOOLS
from ui.frame import md_escape

log = logging.getLogger(__name__)
TOOL_KEYS = {"symptom_chat": "triage", "planner": "therapy", "literature": "literature"}
MACHINE = "Machine-generated answer from Medcore's education pages; general information, not medical advice."


def tool_link(target: str, label: str) -> None:
    """A link to another tool's page; where that page is not in this app's navigation (a page run on its
    own, or a tool not built yet) its name is shown instead."""
    key = TOOL_KEYS.get(target, target)
    tool = next((t for t in TOOLS if t.key == key), None)
    if tool is None:
        st.caption(f"{label}: that tool is not available on this server yet.")
        return
    try:
        st.page_link(tool.page, label=f"{label} ({tool.title})", icon=tool.icon)
    except StreamlitAPIException as exc:  # not in the navigation when the page runs standalone
        log.info("no page link to %s here: %s", tool.page, exc)
        st.caption(f"{label}: open **{md_escape(tool.title)}** from the menu.")


def answer(a: dict) -> None:
    """One answer, as the chat shows it."""
    if a.get("emergency"):
        em = a["emergency"]
        st.error(em["heading"], icon=":material/emergency:")
        for s in em["sentences"]:
            st.text(s["text"])
        for c in em.get("contacts", []):
            st.text(c)
        if em.get("while_waiting"):  # what to do until help comes, under the emergency advice (hand check s11own01)
            st.warning(em.get("waiting_heading") or "While you wait for help", icon=":material/medical_services:")
            for w in em["while_waiting"]:
                st.text(w["text"])
                st.caption(f"Source: {md_escape(w['source'])}")
        tool_link("symptom_chat", "Check these symptoms")
    sents = [s for s in a["sentences"] if s.get("section") not in ("emergency", "while_you_wait")]
    if a.get("refused"):
        st.text(a["answer"])
        if a.get("note"):
            st.caption(f"Why: {md_escape(a['note'])}.")
    for s in sents:
        st.text(s["text"])
    if a.get("phrased"):
        with st.container(border=True):
            st.text(a["phrased"])
            st.caption(f"Reworded by {md_escape(a.get('phrased_by', 'a language model'))}; checked against the "
                       "answer above, which stays the reference.")
    elif a.get("phrase_note"):
        st.caption(md_escape(a["phrase_note"]))
    sources = list(dict.fromkeys(s["source"] for s in a["sentences"] if s.get("source")))
    if sources:
        with st.expander(f"Sources ({len(sources)})"):
            for i, s in enumerate(sources, 1):
                st.text(f"[{i}] {s}")
    topic = ", ".join(f"{t['name']} ({t['id']})" for t in a.get("topic", []))
    st.caption(f":material/smart_toy: {MACHINE} Question type: {md_escape(a['question_type'])}; "
               f"confidence {a['confidence']:.2f}" + (f"; topic: {md_escape(topic)}" if topic else ""))
    if a.get("route") in ("symptom_chat", "planner") and not a.get("emergency"):
        st.info("This question is best handled by another tool:", icon=":material/alt_route:")
    for link in a.get("links", []):
        if link["kind"] == "tool" and not (a.get("emergency") and link["target"] == "symptom_chat"):
            tool_link(link["target"], link["label"])


def topic_card(page) -> None:
    with st.container(border=True):
        st.markdown(f"#### {md_escape(page.title)}")
        codes = "; ".join(f"{k.upper()} {', '.join(v)}" for k, v in page.codes.items() if v)
        st.caption(f"{page.kind} · {page.concept_id}" + (f" · {codes}" if codes else "")
                   + (f" · triage level: {page.level}" if page.level else ""))
        first = page.sections[0] if page.sections else None
        if first is not None and first.passages:
            st.text(first.passages[0].text)


def full_page(page) -> None:
    st.caption(page.note)
    for s in page.sections:
        st.markdown(f"**{md_escape(s.title)}**")
        if not s.passages:
            st.caption(md_escape(s.missing or "Nothing in our knowledge base yet."))
        for p in s.passages:
            st.text(p.text)
            st.caption(f"Source: {md_escape(p.source)}")
