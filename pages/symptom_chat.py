"""Symptom chat: free-text interview, quick replies, live differential (clinician mode), triage,
corrections of recognised findings, exports. Layout only; the interview lives in medcore.triage."""

import functools
import json

import plotly.graph_objects as go
import streamlit as st

from medcore.triage import chat, chat_state, export, result_view
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine
from ui.demo import take_demo
from ui.errors import error_boundary
from ui.frame import md_escape, require_tool
from ui.loaders import Shared, get_settings, get_store, shared
from ui.workspace import load_work, new_work, save_work

require_tool("triage")

settings = get_settings()
store = get_store()
ss = st.session_state
LEVEL_COLOURS = {"emergency": "#c62828", "urgent": "#ef6c00", "routine": "#1565c0", "self_care": "#2e7d32"}
SEX_LABEL = {"female": "Female", "male": "Male"}
LEVEL_ICONS = {"emergency": ":material/emergency:", "urgent": ":material/schedule:",
               "routine": ":material/event:", "self_care": ":material/home_health:"}

_active = store.active_model("triage_mlp")
ENGINE_KEY = f"triage_engine:{settings.kb_dir}:{settings.data_dir}:{_active.id if _active else 0}"
kb = load_kb(settings.kb_dir)  # the KB alone (under half a second): the finding and condition lists below


def engine_ref() -> Shared:
    """The interview engine, built on first use (a message, an answer, a restored chat), not for the page's first
    render: its lexicon, terminology and embedding index take seconds after a server start, and the index's first
    build takes a minute (issue 14, speed). The chat box is drawn without it."""
    with st.spinner("Loading the symptom interview (it takes a few seconds the first time after a start)"):
        return shared(ENGINE_KEY, lambda: TriageEngine.from_settings(settings))


def persist(reason: str) -> None:
    st_ = ss.tri_state
    first = next((t["text"] for t in st_["turns"] if t["role"] == "user"), "")
    title = f"Chat: {first[:60]}" if first else "Chat (empty)"
    with error_boundary("saving the chat"):
        save_work("chat", st_, title=title, reason=reason)


def run(fn, *args, reason: str = "chat turn") -> None:
    """Apply one state transition under the engine lock, then save (so a reload keeps it)."""
    with error_boundary("working out the reply"):
        ref = engine_ref()
        with ref.lock:
            ss.tri_state = chat.turn(ref.obj, ss.tri_state, fn, *args, user=store.principal)
        persist(reason)


# ---- restore, or start from the Home demo ------------------------------------------------------
if "tri_state" not in ss:
    ss.tri_state = chat.new_state()
    demo = take_demo("triage")
    if demo and demo.get("text"):
        new_work("chat")
        ss.tri_state["mode"] = demo.get("mode", "patient")
        run(chat.user_message, demo["text"], reason="demo")
    else:
        with error_boundary("restoring your last chat"):
            rec = load_work("chat")
            if rec and rec.data:
                try:
                    # through turn, as every step: the saved chat's result is worked out again for this user
                    ss.tri_state = chat.turn(engine_ref().obj, rec.data, chat.restore, user=store.principal)
                except chat_state.ChatStateError as exc:  # damaged: start afresh, the saved item is left as it is
                    new_work("chat")
                    ss.tri_restore_failed = chat_state.restore_failed_message(exc)

state = ss.tri_state
if ss.get("tri_restore_failed"):
    st.warning(ss.tri_restore_failed, icon=":material/history:")


# ---- callbacks (run before the page is drawn) --------------------------------------------------
def on_answer(value: str) -> None:
    run(chat.answer, value, reason=f"answer {value}")


def on_finish() -> None:
    run(chat.finish_now, reason="finish")


def on_restart() -> None:
    new_work("chat")
    ss.tri_state = chat.new_state(ss.tri_state.get("mode", "patient"))
    ss.pop("tri_why", None)
    ss.pop("tri_restore_failed", None)
    persist("restart")


def on_mode() -> None:
    ss.tri_state["mode"] = "clinician" if ss.tri_mode == "Clinician" else "patient"
    persist("mode")


def on_demographics() -> None:
    age = ss.get("tri_age")
    sex = ss.get("tri_sex")
    run(chat.set_demographics, float(age) if age is not None else None,
        {"Female": "female", "Male": "male"}.get(sex), reason="age/sex")


prompt = st.chat_input("Describe your symptoms, or answer the question…", key="tri_input", max_chars=20000)
if prompt is not None:
    run(chat.user_message, prompt)
    state = ss.tri_state

# ---- controls ------------------------------------------------------------------------------------
with st.container(border=True):
    c1, c2, c3, c4 = st.columns([1.2, 1, 1, 1])
    c1.radio("View", ["Patient", "Clinician"], key="tri_mode", horizontal=True, on_change=on_mode,
             index=1 if state.get("mode") == "clinician" else 0,
             help="Clinician mode shows probabilities, the reasoning and the live differential.")
    # the boxes show the chat's patient: text ("I'm a 40 year old man"), a restart or a restored chat change it
    if ss.get("tri_age") != state.get("age"):
        ss.tri_age = state.get("age")
    if ss.get("tri_sex") != SEX_LABEL.get(state.get("sex")):
        ss.tri_sex = SEX_LABEL.get(state.get("sex"))
    c2.number_input("Age (years)", min_value=0.0, max_value=110.0, step=1.0, key="tri_age",
                    on_change=on_demographics, placeholder="optional")
    c3.selectbox("Sex", ["Female", "Male"], key="tri_sex", on_change=on_demographics, placeholder="optional")
    c4.button("Restart", icon=":material/restart_alt:", on_click=on_restart, key="tri_restart",
              width="stretch")
    backend_name = settings.llm_backend
    phrase_on = st.toggle("Let the language model phrase questions and advice", key="tri_phrase", value=False,
                          disabled=backend_name == "template",
                          help="The engine decides everything; a model may only rephrase. Its text must pass the "
                               "grounding check, or the template text is shown instead.")

clinician = state.get("mode") == "clinician"
res = state.get("result")
view = result_view.view_for(engine_ref().obj, res) if res else None
left, right = st.columns([3, 2]) if clinician else (st.container(), st.container())

# ---- the chat ------------------------------------------------------------------------------------
with left:
    for i, turn in enumerate(state["turns"]):
        role = "user" if turn["role"] == "user" else "assistant"
        with st.chat_message(role):
            kind = turn.get("kind")
            if kind == "crisis":
                st.error(turn["text"], icon=":material/sos:")
                for c in turn.get("contacts", []):
                    st.markdown(f"- **{c}**")
            elif kind == "result":
                lvl = turn.get("triage", "routine")
                text = turn["text"]
                if phrase_on and i == len(state["turns"]) - 1 and res:
                    with error_boundary("phrasing the advice"):
                        if turn.get("phrased") is None:
                            from medcore.llm import get_backend
                            from medcore.triage.phrasing import phrase_advice

                            p = phrase_advice(get_backend(settings), kb, res, text, view)
                            turn["phrased"] = {"text": p.text, "source": p.source, "backend": p.backend,
                                               "note": p.note}
                            persist("phrased")
                        ph = turn["phrased"]
                        if ph["backend"] != "template":  # model text: shown as text, never markdown
                            text = md_escape(ph["text"])
                        st.caption(f"Written by: {ph['backend']}" + (f" ({ph['note']})" if ph["note"] else ""))
                st.markdown(text)
                if not phrase_on:
                    st.caption("Written by: template (no language model)")
            elif kind == "question":
                qtext = turn["text"]
                if phrase_on and i == len(state["turns"]) - 1:
                    with error_boundary("phrasing the question"):
                        if turn.get("phrased") is None:
                            from medcore.llm import get_backend
                            from medcore.triage.phrasing import phrase_question

                            p = phrase_question(get_backend(settings), kb, {"text": turn["text"]})
                            turn["phrased"] = {"text": p.text, "source": p.source, "backend": p.backend,
                                               "note": p.note}
                            persist("phrased")
                        qtext = turn["phrased"]["text"]
                        if turn["phrased"]["backend"] != "template":
                            qtext = md_escape(qtext)
                        st.caption(f"Phrased by: {turn['phrased']['backend']}"
                                   + (f" ({turn['phrased']['note']})" if turn["phrased"]["note"] else ""))
                st.markdown(qtext)
                if clinician:
                    st.caption(f"Information gain {turn.get('information_gain', 0):.2f} bits"
                               + (" · red-flag check" if turn.get("red_flag_check") else ""))
            elif kind == "recognised":
                st.markdown(turn["text"])
            elif role == "user":  # untrusted text: shown as text, never markdown
                st.text(turn["text"])
            else:
                st.markdown(turn["text"])

    pending = state.get("pending")
    if pending and not state.get("finished"):
        b1, b2, b3, b4 = st.columns(4)
        b1.button("Yes", key="tri_yes", on_click=on_answer, args=("yes",), icon=":material/check:", width="stretch")
        b2.button("No", key="tri_no", on_click=on_answer, args=("no",), icon=":material/close:", width="stretch")
        b3.button("Don't know", key="tri_unknown", on_click=on_answer, args=("unknown",),
                  icon=":material/help:", width="stretch")
        b4.button("Show result now", key="tri_finish", on_click=on_finish, icon=":material/flag:", width="stretch")
        with st.expander("Why are you asking this?", icon=":material/lightbulb:"):
            gain = pending.get("information_gain", 0.0)
            if pending.get("check"):
                st.write("What you said does not usually go together, so I am checking before I use it.")
            elif pending.get("required_by"):
                st.write("A clinician would ask this before giving advice for what you describe; the answer can "
                         "change which conditions need to be ruled out.")
            else:
                st.write(f"This question is expected to reduce the uncertainty about what is going on by "
                         f"**{gain:.2f} bits** (its expected information gain), the most of any question now."
                         + (" It also checks a warning sign of a serious condition." if pending.get("red_flag_check")
                            else ""))
            yes_side = [s for s in pending.get("separates", []) if s["side"] == "yes"]
            no_side = [s for s in pending.get("separates", []) if s["side"] == "no"]
            if yes_side:
                st.write("A **yes** would point towards: " + ", ".join(
                    s["condition"] + (f" ({s['p_finding']:.0%} of people with it have this)" if clinician else "")
                    for s in yes_side))
            if no_side:
                st.write("A **no** would point towards: " + ", ".join(s["condition"] for s in no_side))
    elif state.get("answers") and not state.get("finished"):
        st.button("Show result", key="tri_finish2", on_click=on_finish, icon=":material/flag:")

# ---- result, findings, differential, exports -----------------------------------------------------
with right:
    if view:
        lvl = view.level
        box = {"emergency": st.error, "urgent": st.warning}.get(lvl, st.info)
        # while questions are still being asked the level is provisional: a bare "Routine" beside an unanswered
        # red-flag question read as the final advice
        so_far = "So far: " if not state.get("finished") else ""
        box(f"**{so_far}{view.heading}**  \n{view.reason}", icon=LEVEL_ICONS[lvl])
        if so_far:
            st.caption("Provisional: it can change with your answers. Answer the questions, or press **Show result "
                       "now**, for the full result.")
        if res.get("red_flags"):
            st.markdown("**Warning signs reported:** " + ", ".join(sorted({r["name"] for r in res["red_flags"]})))

    if clinician and res and res.get("differential"):
        with error_boundary("drawing the differential"):
            eng_ref = engine_ref()
            engine: TriageEngine = eng_ref.obj
            with eng_ref.lock:
                post = engine.posterior(engine.closure(state["answers"]), state.get("age"), state.get("sex"),
                                        engine.complaints(state["answers"], state.get("origin", {})))
            import numpy as np

            order = np.argsort(-post)[:10][::-1]
            names = [kb.conditions[i].name for i in order]
            colours = [LEVEL_COLOURS[kb.conditions[i].triage] for i in order]
            fig = go.Figure(go.Bar(x=[float(post[i]) for i in order], y=names, orientation="h",
                                   marker_color=colours, text=[f"{post[i]:.0%}" for i in order],
                                   textposition="auto"))
            fig.update_layout(title="Live differential (posterior)", height=360, margin=dict(l=10, r=10, t=40, b=10),
                              xaxis=dict(range=[0, 1], tickformat=".0%"))
            st.plotly_chart(fig, key="tri_diff_chart")
            mass = res["level_mass"]
            st.caption("Probability mass by triage level: " + ", ".join(
                f"{k.replace('_', '-')} {v:.0%}" for k, v in mass.items()))
            for d in res["differential"]:
                with st.expander(f"{d['condition']} · {d['icd10']} · {d['probability']:.0%}"):
                    st.write("**For:** " + (", ".join(d["evidence_for"]) or "-"))
                    st.write("**Against:** " + (", ".join(d["evidence_against"]) or "-"))
                    st.caption(f"Triage level of this condition: {d['triage'].replace('_', '-')}. "
                               f"{d['education']['seek_help']}")
    elif view and view.about and state.get("finished"):
        about = view.about
        with st.expander(f"About {about['name'].lower()}", icon=":material/menu_book:"):
            st.text(about["what"])
            if about["self_care"]:
                st.text("Self-care: " + about["self_care"])
            if about["seek_help"]:
                st.text("When to get help: " + about["seek_help"])

    shown = [f for f in (res or {}).get("findings", []) if f.get("origin") != "implied"]
    with st.expander(f"What I understood ({len(shown)} findings) — correct me", icon=":material/fact_check:",
                     expanded=bool(shown) and not state.get("finished")):
        if shown:
            for f in shown:
                st.markdown(f"- {':green[:material/check_circle:] yes' if f['present'] else ':gray[:material/cancel:] no'}: "
                            f"{f['name']} "
                            f"<span style='color:gray'>({f.get('origin', '')})</span>", unsafe_allow_html=True)
        else:
            st.caption("Nothing recognised yet.")
        names = {f.name: f.id for f in kb.findings}
        fsel = st.selectbox("Finding", sorted(names), key="tri_fix_finding", index=None,
                            placeholder="Choose a finding to add or correct")
        fval = st.radio("It is", ["present", "absent", "remove"], key="tri_fix_value", horizontal=True)
        if st.button("Apply correction", key="tri_fix_apply", disabled=fsel is None, icon=":material/edit:"):
            value = {"present": "yes", "absent": "no", "remove": None}[fval]
            run(chat.correct, names[fsel], value, reason=f"correct {names[fsel]}")
            st.rerun()

    if res:
        with st.expander("Export", icon=":material/download:"):
            with error_boundary("preparing the exports"):
                st.download_button("Transcript and result (JSON)", json.dumps(export.to_json(state), indent=2),
                                   file_name="symptom_chat.json", mime="application/json", key="tri_dl_json")
                # made when clicked (a deferred download), not on every rerun: the PDF is most of a rerun's time
                st.download_button("Report (PDF)", functools.partial(export.to_pdf, state),
                                   file_name="symptom_chat.pdf", mime="application/pdf", key="tri_dl_pdf")
                bundle = export.to_fhir(state)
                st.download_button("Differential as FHIR R4B Conditions (JSON)", json.dumps(bundle, indent=2),
                                   file_name="symptom_chat_fhir.json", mime="application/fhir+json",
                                   key="tri_dl_fhir")
                st.caption("Every export is marked AI-generated; the FHIR Conditions carry "
                           "verificationStatus=differential and meta.security AIAST.")

    if clinician and res and state.get("finished"):
        with st.expander("Confirm the diagnosis (for training)", icon=":material/verified:"):
            cond_names = {c.name: c.id for c in kb.conditions}
            top_name = res["differential"][0]["condition"] if res.get("differential") else None
            pick = st.selectbox("Confirmed diagnosis", sorted(cond_names), key="tri_confirm_pick",
                                index=sorted(cond_names).index(top_name) if top_name in cond_names else None)
            if st.button("Confirm", key="tri_confirm", disabled=pick is None, icon=":material/task_alt:"):
                with error_boundary("saving the confirmation"):
                    ss.tri_state["confirmed_diagnosis"] = cond_names[pick]
                    item = save_work("chat", ss.tri_state, title=f"Confirmed: {pick}", reason="confirmed",
                                     status="confirmed")
                    store.add_feedback("triage", "confirmed_diagnosis", item_id=item,
                                       data={"diagnosis": cond_names[pick],
                                             "top1": res["differential"][0]["id"] if res.get("differential") else None})
                    store.audit("confirm_diagnosis", tool="triage", object_type="work", object_id=item)
                    st.success("Saved. Confirmed chats are used the next time the MLP is trained (Model lab).")
