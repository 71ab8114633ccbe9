"""Health questions: ask about a condition or a medicine; cited answers, topic cards, the full education
page and a PDF handout. Layout only; the answers come from medcore.qa.service."""

import streamlit as st

from medcore.qa import handout, phrasing, service
from medcore.qa.pages import get_page
from ui import qa_chat
from ui.demo import take_demo
from ui.errors import error_boundary
from ui.frame import md_escape, require_tool
from ui.loaders import Shared, get_settings, shared
from ui.workspace import load_work, new_work, save_work

require_tool("qa")

settings = get_settings()
ss = st.session_state


def engine_ref() -> Shared:
    """The education pages and the question index, built on the first question (or a restored answer), not for
    the page's first render: seconds after a server start, about a minute the first time (issue 14, speed)."""
    with st.spinner("Loading the education pages and the question index (the first time takes about a minute)"):
        return shared(f"qa_engine:{settings.kb_dir}:{settings.data_dir}", lambda: service.engine(settings))


def persist(reason: str) -> None:
    first = next((t["text"] for t in ss.qa_state["turns"] if t["role"] == "user"), "")
    with error_boundary("saving the conversation"):
        save_work("qa", ss.qa_state, title=f"Question: {first[:60]}" if first else "Questions", reason=reason)


def ask(question: str) -> None:
    with error_boundary("answering the question"):
        try:
            eng_ref = engine_ref()
            with eng_ref.lock:
                a = service.ask(settings, question, ss.qa_state.get("context"), eng=eng_ref.obj)
        except ValueError as exc:  # an empty or unreadable question: said plainly
            st.warning(md_escape(str(exc)))  # it may quote the question
            return
        ss.qa_state["turns"] += [{"role": "user", "text": service.clean(question)},
                                 {"role": "assistant", "answer": a.to_dict()}]
        if a.topic:  # a refused follow-up keeps the earlier topic
            ss.qa_state["context"] = a.context()
        persist("question")


if "qa_state" not in ss:
    ss.qa_state = {"turns": [], "context": None}
    demo = take_demo("qa")
    if demo and demo.get("question"):
        new_work("qa")
        ask(demo["question"])
    else:
        with error_boundary("restoring your questions"):
            rec = load_work("qa")
            if rec and isinstance(rec.data, dict) and isinstance(rec.data.get("turns"), list):
                ss.qa_state = rec.data


def reword() -> None:
    """The template answer is already shown; a model's wording is added only if it passes the grounding check."""
    last = ss.qa_state["turns"][-1]["answer"]
    with error_boundary("rewording the answer"):
        vocab = [p.title for p in engine_ref().obj.pages.values()]
        out = phrasing.phrase_answer(settings, last, vocab)
        if out.source == "model":
            last["phrased"], last["phrased_by"] = out.text, out.backend
        else:
            last["phrase_note"] = out.note or "The template answer is shown."
        persist("reword")


def restart() -> None:
    new_work("qa")
    ss.qa_state = {"turns": [], "context": None}


chat_col, page_col = st.columns([3, 2])
with chat_col:
    st.caption("Ask about a condition or a medicine, for example: \"How is gout treated?\", \"Is shingles "
               "contagious?\", \"Can I take ibuprofen with warfarin?\". If you feel unwell now, use the symptom "
               "chat; in an emergency call your local emergency number.")
    question = st.chat_input("Ask a health question", max_chars=service.MAX_QUESTION_CHARS)
    if question:
        ask(question)
    turns = ss.qa_state["turns"]
    for t in turns:
        with st.chat_message("user" if t["role"] == "user" else "assistant"):
            if t["role"] == "user":
                st.text(t["text"])
            else:
                qa_chat.answer(t["answer"])
    if turns:
        c1, c2 = st.columns(2)
        c1.button("New conversation", on_click=restart, icon=":material/restart_alt:")
        if settings.llm_backend != "template" and turns[-1]["role"] == "assistant":
            c2.button("Reword the last answer", on_click=reword, icon=":material/edit_note:",
                      help="A language model rewords the answer; its text is checked against the answer's facts.")

with page_col:
    last = next((t["answer"] for t in reversed(ss.qa_state["turns"]) if t["role"] == "assistant"
                 and t["answer"].get("page")), None)
    if last is None:
        st.info("The education page for your question's topic appears here.", icon=":material/menu_book:")
    else:
        with error_boundary("showing the education page"):
            with st.spinner("Loading the education pages"):
                page = get_page(settings, last["page"])
            if page is not None:
                qa_chat.topic_card(page)
                c1, c2 = st.columns(2)
                c1.download_button("PDF handout", handout.page_pdf(page), file_name=f"{page.concept_id.split(':')[-1]}.pdf",
                                   mime="application/pdf", icon=":material/picture_as_pdf:")
                c2.download_button("Markdown", handout.page_markdown(page),
                                   file_name=f"{page.concept_id.split(':')[-1]}.md", mime="text/markdown")
                with st.expander("The full page", expanded=False):
                    qa_chat.full_page(page)
