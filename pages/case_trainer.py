"""Case trainer: a synthetic patient to interview, examine and investigate, an answer form, and a
scored report. Layout only; cases, answers and scores come from medcore.cases."""

import secrets

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from medcore.cases import service
from medcore.cases.generator import DIFFICULTY_EXPONENT, CaseRequestError, age_text, describe
from medcore.cases.kb import load_case_kb
from medcore.cases.patient import question_menu
from medcore.cases.scoring import MAX_DIFFERENTIAL, SubmissionError
from medcore.triage.kb import LEVELS
from ui.demo import take_demo
from ui.errors import error_boundary
from ui.frame import md_escape, require_tool
from ui.loaders import Shared, get_settings, shared
from ui.workspace import load_work, new_work, save_work

require_tool("cases")
st.info("Every patient here is **synthetic**, generated from the knowledge base for teaching. The scores grade "
        "interview technique against a model, not clinical competence.", icon=":material/school:")

settings = get_settings()
ss = st.session_state
ckb = load_case_kb(settings.kb_dir)  # the KBs alone: the form's lists; the trainer's engine is built on first use
kb = ckb.triage


def trainer() -> Shared:
    """The case trainer (the triage engine's lexicon and the terminology), built when a case starts or is
    worked on, not for the page's first render (issue 14, speed)."""
    with st.spinner("Loading the case trainer (a few seconds the first time after a start)"):
        return shared(f"case_trainer:{settings.kb_dir}", lambda: service.CaseTrainer.from_settings(settings))
LEVEL_NAMES = {lvl: lvl.replace("_", "-").capitalize() for lvl in LEVELS}
EXPECTED = (service.SessionError, SubmissionError, CaseRequestError)  # told to the student, not logged as errors


def persist(reason: str) -> None:
    st_ = ss.case_state
    case = st_["case"]
    title = f"Case {case['seed']}: {age_text(case['age'])} {case['sex']}"
    with error_boundary("saving the case"):
        save_work("case", st_, title=title, reason=reason, status="scored" if st_.get("score") else "open")


def run(fn, *args, reason: str) -> None:
    """Apply one session step under the trainer lock, then save it (so a reload keeps it)."""
    with error_boundary("working on the case"):
        try:
            tr_ref = trainer()
            with tr_ref.lock:
                ss.case_state = fn(tr_ref.obj, ss.case_state, *args)
        except EXPECTED as exc:
            ss.case_notice = str(exc)
            return
        persist(reason)


def start(seed: int, condition, level, system, difficulty) -> None:
    with error_boundary("making the case"):
        try:
            tr_ref = trainer()
            with tr_ref.lock:
                state = service.new_session(tr_ref.obj, int(seed), condition=condition, level=level, system=system,
                                            difficulty=difficulty)
        except EXPECTED as exc:
            ss.case_notice = str(exc)
            return
        new_work("case")
        ss.case_state = state
        for k in ("case_dx", "case_ddx", "case_level", "case_tests"):
            ss.pop(k, None)
        persist("new case")


# ---- restore, or start from the Home demo -----------------------------------------------------------
if "case_state" not in ss:
    ss.case_state = None
    demo = take_demo("cases")
    if demo:
        start(demo.get("seed", 7), demo.get("condition"), None, None, demo.get("difficulty", "standard"))
    else:
        with error_boundary("restoring your last case"):
            rec = load_work("case")
            if rec and isinstance(rec.data, dict) and rec.data.get("case"):
                ss.case_state = rec.data

# ---- start a case -------------------------------------------------------------------------------
with st.expander("Start a new case", icon=":material/person_add:", expanded=ss.case_state is None):
    ss.setdefault("case_seed", secrets.randbelow(1_000_000))
    c1, c2, c3 = st.columns(3)
    c1.number_input("Seed (the same seed gives the same patient)", min_value=0, max_value=2**31 - 1, step=1,
                    key="case_seed")
    level = c2.selectbox("Triage level", LEVELS, index=None, placeholder="any", key="case_f_level",
                         format_func=LEVEL_NAMES.get)
    system = c3.selectbox("Body system", sorted({c.system for c in kb.conditions}), index=None, placeholder="any",
                          key="case_f_system")
    c4, c5 = st.columns([2, 1])
    names = {c.id: c.name for c in kb.conditions}
    condition = c4.selectbox("Condition (teacher's choice)", sorted(names, key=names.get), index=None,
                             placeholder="any (random)", key="case_f_condition", format_func=names.get)
    difficulty = c5.radio("Difficulty", list(DIFFICULTY_EXPONENT), index=1, horizontal=True, key="case_f_diff",
                          help="Easy: a textbook picture. Hard: fewer typical findings and an incidental risk factor.")
    if st.button("Start case", type="primary", icon=":material/play_arrow:", key="case_start"):
        start(ss.case_seed, condition, level, system, difficulty)

if ss.get("case_notice"):
    st.warning(ss.pop("case_notice"), icon=":material/info:")

state = ss.case_state
if state is None:
    st.info("Start a case above: you will meet a patient, take a history, examine, order tests and then give "
            "your diagnosis and triage level.")
    st.stop()

case = service.case_of(state)
finished = state.get("score") is not None

# ---- the chat input comes first so that its answer is drawn in this run ---------------------------
prompt = st.chat_input("Ask the patient a question…", key="case_input", max_chars=5000, disabled=finished)
if prompt is not None:
    if not prompt.strip():
        ss.case_notice = "Type a question first, e.g. 'Do you have a fever?'"
    else:
        run(service.ask, prompt, reason="question")
    state = ss.case_state
if ss.get("case_notice"):
    st.warning(ss.pop("case_notice"), icon=":material/info:")

# ---- header -----------------------------------------------------------------------------------------
tot = service.totals(state)
st.subheader(f"{describe(case)} (case {case.seed}, {case.params.get('difficulty', 'standard')})")
m1, m2, m3, m4 = st.columns(4)
m1.metric("Questions", tot["questions"])
m2.metric("Tests ordered", tot["tests"])
m3.metric("Cost", f"£{tot['cost']:.0f}")
m4.metric("Time to last result", f"{tot['minutes'] / 60:.1f} h" if tot["minutes"] >= 60 else f"{tot['minutes']:.0f} min")

left, right = st.columns([3, 2])
with left:
    st.markdown("#### Interview")
    for turn in state["transcript"]:
        student = turn["role"] == "student"
        with st.chat_message("user" if student else "assistant",
                             avatar=":material/stethoscope:" if student else ":material/personal_injury:"):
            if student:  # typed by the student: shown as text, never markdown
                st.text(turn["text"])
            else:
                st.markdown(md_escape(turn["text"]))
            for note in turn.get("notes") or []:
                st.caption(note)
    if not finished:
        with st.container(border=True):
            st.caption("Or pick a question (every question in the knowledge base, by topic):")
            menu = question_menu(kb)
            p1, p2 = st.columns([1, 3])
            cat = p1.selectbox("Topic", sorted(menu), key="case_pick_cat")
            qs = dict(menu[cat])
            fid = p2.selectbox("Question", list(qs), key="case_pick_q", format_func=qs.get)
            if st.button("Ask this question", key="case_ask_pick", icon=":material/help:"):
                run(service.ask_finding, fid, reason="picked question")
                st.rerun()

with right:
    st.markdown("#### Examination")
    if state["examined"]:
        rep = service.exam_report(trainer().obj, state)
        v = rep["vitals"]
        a, b, c = st.columns(3)
        # units in the labels: a narrow column truncates "100/min" to "100/…"
        a.metric("Heart rate /min", v["hr"])
        b.metric("BP mmHg", f"{v['sbp']}/{v['dbp']}")
        c.metric("Resp. rate /min", v["rr"])
        a.metric("Temp. °C", v["temp"])
        b.metric("SpO₂ %", v["spo2"])
        st.markdown("**Signs found:** " + (", ".join(rep["signs"]) if rep["signs"] else
                                           f"none ({rep['checked']} signs checked)"))
        st.caption(f"Vital signs after: {rep['vitals_source']}")
    elif not finished:
        if st.button("Examine the patient (vital signs and signs)", key="case_exam", icon=":material/stethoscope:"):
            run(service.examine, reason="examination")
            st.rerun()

    st.markdown("#### Investigations")
    tests = {t.id: t for t in ckb.tests}
    done = {o["id"] for o in state["orders"]}
    if not finished:
        pick = st.multiselect("Order tests", [t for t in tests if t not in done], key="case_tests",
                              format_func=lambda t: f"{tests[t].name} (£{tests[t].cost:.0f}, "
                                                    f"{tests[t].turnaround_min:.0f} min)")
        if st.button("Order", key="case_order", icon=":material/science:", disabled=not pick):
            for t in pick:
                run(service.order, t, reason=f"order {t}")
            ss.pop("case_tests", None)
            st.rerun()
    if state["orders"]:
        for o in state["orders"]:
            icon = ":material/warning:" if o["abnormal"] and finished else ":material/lab_research:"
            st.markdown(f"{icon} **{o['name']}**: {o['text']}")
    else:
        st.caption("No tests ordered yet.")

# ---- answer ------------------------------------------------------------------------------------------
if not finished:
    st.markdown("#### Your answer")
    with st.form("case_answer"):
        by_name = sorted(names, key=names.get)
        dx = st.selectbox("Leading diagnosis", by_name, index=None, key="case_dx", format_func=names.get)
        ddx = st.multiselect(f"Differential (up to {MAX_DIFFERENTIAL})", by_name, key="case_ddx",
                             max_selections=MAX_DIFFERENTIAL, format_func=names.get)
        lvl = st.selectbox("Triage level", LEVELS, index=None, key="case_level", format_func=LEVEL_NAMES.get)
        if st.form_submit_button("Submit answer", type="primary", icon=":material/send:"):
            if dx is None or lvl is None:
                ss.case_notice = "Choose a leading diagnosis and a triage level before submitting."
            else:
                run(service.submit, dx, list(ddx), lvl, reason="submitted")
            st.rerun()

# ---- score report --------------------------------------------------------------------------------------
if finished:
    sc = state["score"]
    truth = sc["truth"]
    st.markdown("#### Your score")
    s1, s2, s3 = st.columns(3)
    s1.metric("Total", f"{sc['total']:.0f} / {sc['max_total']:.0f}")
    s2.metric("Diagnosis", truth["name"])
    s3.metric("Triage level", LEVEL_NAMES[truth["triage"]])
    st.caption(f"{truth['what']} Source: {truth['source']}")
    areas = sc.get("by_area") or {}  # absent only in a case scored before areas were kept
    with error_boundary("drawing the charts"):
        if areas:
            bars = go.Figure([go.Bar(y=list(areas), x=[m for _, m in areas.values()], orientation="h",
                                     name="possible", marker_color="rgba(150,150,150,0.35)"),
                              go.Bar(y=list(areas), x=[p for p, _ in areas.values()], orientation="h", name="yours")])
            bars.update_layout(barmode="overlay", title="Points by area", xaxis_title="points", height=240,
                               margin={"t": 40, "b": 30}, yaxis={"autorange": "reversed"})
            st.plotly_chart(bars, key="case_area_chart")
        fig = go.Figure()
        x_s = list(range(len(sc["student_curve"])))
        fig.add_trace(go.Scatter(x=x_s, y=sc["student_curve"], mode="lines+markers", name="Your questions"))
        fig.add_trace(go.Scatter(x=list(range(len(sc["engine_curve"]))), y=sc["engine_curve"],
                                 mode="lines+markers", name="The engine's own interview", line={"dash": "dash"}))
        fig.update_layout(title=f"Probability of {truth['name']} as the evidence came in",
                          xaxis_title="question (0 = the presenting complaint)", yaxis_title="engine posterior",
                          yaxis_range=[0, 1], height=360, margin={"t": 50, "b": 40})
        st.plotly_chart(fig, key="case_curve_chart")
    st.dataframe(pd.DataFrame([{"area": it["area"], "item": it["name"], "points": it["points"],
                                "of": it["max_points"], "why": it["explanation"],
                                "source": "; ".join(it["sources"])} for it in sc["items"]]),
                 hide_index=True, width="stretch")
    with st.expander("The engine's questions on this patient"):
        for i, q in enumerate(sc["engine_questions"], 1):
            st.markdown(f"{i}. {q['question']}")
    with st.expander("The whole case"):
        st.markdown("**Findings present:** " + ", ".join(kb.finding(f).name for f in truth["present"]))
        for tid, res in case.results.items():
            st.markdown(f"- **{ckb.test(tid).name}**: {res['text']}")
    if st.button("New case", type="primary", icon=":material/refresh:", key="case_new"):
        new_work("case")
        ss.case_state = None
        ss.pop("case_seed", None)  # a fresh random seed is offered
        st.rerun()
