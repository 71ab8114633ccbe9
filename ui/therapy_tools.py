"""The treatment planner's stand-alone tools (calculators with explicit units, an interaction check, a PGx
lookup) and its empty-able number box: Streamlit widgets over medcore.therapy, kept out of the page file."""

import pandas as pd
import streamlit as st

from medcore.therapy import forms, graph
from medcore.therapy import interactions as ix
from medcore.therapy.calculators import fmt
from ui.errors import error_boundary
from ui.frame import md_escape


def num(where, label: str, key: str, **kw):
    """A number box that may be empty; its value lives in session state once set."""
    if key not in st.session_state:
        kw["value"] = None
    return where.number_input(label, key=key, format="%g", **kw)


def quick_tools(kb) -> None:
    """Calculators (explicit units), an interaction check and a PGx lookup, without a full plan."""
    from dataclasses import asdict

    from medcore.therapy import calculators as calc
    from medcore.therapy.pgx import PgxError, lookup
    from medcore.therapy.profile import check_range

    t_calc, t_ix, t_pgx = st.tabs(["Calculators", "Interaction check", "Pharmacogenomics"])
    with t_calc:
        which = st.selectbox("Calculator", ["CrCl (Cockcroft-Gault)", "eGFR (CKD-EPI 2021)", "BSA (Mosteller)",
                                            "Ideal body weight (Devine)", "BMI"], key="tp_q_calc")
        c = st.columns(4)
        age = num(c[0], "Age (years)", "tp_q_age", step=1.0)
        sex = c[1].selectbox("Sex", ["female", "male"], key="tp_q_sex")
        rule = c[2].selectbox("CrCl weight", list(calc.WEIGHT_RULES), key="tp_q_rule")
        c = st.columns(6)
        weight = num(c[0], "Weight", "tp_q_w", step=0.5)
        wu = c[1].radio("Weight unit", ["kg", "lb"], key="tp_q_wu")
        height = num(c[2], "Height", "tp_q_h", step=0.5)
        hu = c[3].radio("Height unit", ["cm", "in"], key="tp_q_hu")
        scr = num(c[4], "Creatinine", "tp_q_scr", step=0.1)
        su = c[5].radio("Creatinine unit", ["mg/dL", "µmol/L"], key="tp_q_su")
        if st.button("Calculate", key="tp_q_go", icon=":material/calculate:"):
            with error_boundary("calculating"):
                need = {"CrCl": ("age", "weight", "creatinine"), "eGFR": ("age", "creatinine"),
                        "BSA": ("weight", "height"), "Ideal": ("height",), "BMI": ("weight", "height")}
                have = {"age": age, "weight": weight, "height": height, "creatinine": scr}
                missing = [n for n in need[which.split()[0]] if have[n] is None]
                if missing:
                    st.error(f"Enter {', '.join(missing)} for {which}.")
                else:
                    w = calc.weight_to_kg(weight, wu) if weight is not None else None
                    h = calc.height_to_cm(height, hu) if height is not None else None
                    sc = calc.scr_to_mgdl(scr, su) if scr is not None else None
                    problems, warns = [], []
                    check_range("age", age, problems, warns)
                    check_range("weight_kg", w, problems, warns, f"{fmt(weight)} {wu}" if w else None)
                    check_range("height_cm", h, problems, warns, f"{fmt(height)} {hu}" if h else None)
                    check_range("scr_mg_dl", sc, problems, warns, f"{fmt(scr)} {su}" if sc else None)
                    if problems:
                        st.error("\n".join(f"- {p}" for p in problems))
                    else:
                        r = {"CrCl": lambda: calc.crcl_cockcroft_gault(age, sex, w, sc, h, rule),
                             "eGFR": lambda: calc.egfr_ckd_epi_2021(age, sex, sc),
                             "BSA": lambda: calc.bsa_mosteller(w, h), "Ideal": lambda: calc.ibw_devine(sex, h),
                             "BMI": lambda: calc.bmi(w, h)}[which.split()[0]]()
                        for wmsg in warns:
                            st.warning(wmsg)
                        d = asdict(r)
                        st.success(f"**{d['name']}: {fmt(d['value'])} {d['unit']}**")
                        st.markdown(f"`{d['formula']}`  \n" + "  \n".join(d["steps"]))
                        st.caption(" · ".join(f"{k}: {v}" for k, v in d["inputs"].items()) + " · " + d["source"])
    with t_ix:
        text = st.text_area("Medicines, one per line (brand names and misspellings are resolved or suggested)",
                            key="tp_q_ix", height=120)
        if st.button("Check interactions", key="tp_q_ix_go", icon=":material/join_inner:"):
            with error_boundary("checking interactions"):
                names = [ln.strip() for ln in text.splitlines() if ln.strip()]
                rep = ix.check_names(kb, names)
                for r in rep.resolved:
                    if r.interaction_only or r.unchecked:
                        st.warning(md_escape(r.message(kb)))
                    elif r.notable:
                        st.caption(md_escape(r.message(kb)))
                for r in rep.unknown:
                    st.warning(md_escape(r.message(kb)))
                for d in rep.duplicates:
                    st.warning(md_escape(f"Duplicate therapy: {d.text}"))
                if rep.findings:
                    st.dataframe(pd.DataFrame([{**f.contract(), "drugs": " + ".join(f.drugs), "effect": f.effect}
                                               for f in rep.findings]), hide_index=True, width="stretch")
                    shown = [kb.drug_name(r.id) for r in rep.resolved]
                    st.plotly_chart(graph.interaction_figure(list(dict.fromkeys(shown)),
                                                             [f.contract() for f in rep.findings]),
                                    width="stretch", key="tp_q_graph")
                elif names and rep.unknown:
                    # never a green "no interaction" while a name is unresolved
                    st.error("Not checked: " + ", ".join(md_escape(r.query) for r in rep.unknown) + ". No "
                             "interaction was found among the recognised medicines only.")
                elif names:
                    st.success("No interactions found between the recognised medicines.")
    with t_pgx:
        c = st.columns(3)
        drug = c[0].text_input("Drug", key="tp_q_pgx_drug", placeholder="clopidogrel")
        gene = c[1].selectbox("Gene", sorted(kb.genes), key="tp_q_pgx_gene")
        phen = c[2].text_input("Phenotype or diplotype", key="tp_q_pgx_ph", placeholder="Poor Metabolizer or *2/*2")
        if st.button("Look up", key="tp_q_pgx_go", icon=":material/genetics:"):
            with error_boundary("looking up the recommendation"):
                try:
                    r = lookup(kb, drug, gene, phen)
                    st.success(f"**{r.drug} / {r.gene} {r.phenotype}: {r.action}** (CPIC {r.strength})  \n"
                               f"{r.recommendation}  \n_source: {r.source}_")
                except PgxError as exc:
                    st.error(md_escape(str(exc)))


def handoff_picker(store, linked, take) -> None:
    """The open hand-offs this user may see (their own and their teams'); taking one passes its patient part to
    `take` (which queues it for the form), marks it taken and reruns. `linked`: a hand-off opened by its link."""
    handoffs = store.list_work(kind="handoff", status="open")
    if not handoffs:
        st.info("No open hand-offs. In the record summarizer, use **Send to treatment planner**.")
        return
    at = next((i for i, r in enumerate(handoffs) if linked is not None and r.id == linked.id), 0)
    pick = st.selectbox("Open hand-offs", handoffs, index=at, key="tp_handoff_pick",
                        format_func=lambda r: f"#{r.id} {r.title}" + (f" (from {r.user}, team {r.team})" if r.team
                                                                      else ""))
    st.caption(f"{len(pick.data.get('problems', []))} problems, {len(pick.data.get('medications', []))} "
               f"medicines, {len(pick.data.get('allergies', []))} allergies")
    if st.button("Take this hand-off", icon=":material/move_to_inbox:"):
        with error_boundary("taking the hand-off"):
            take(forms.handoff_to_patient(pick.data))
            store.set_work_status(pick.id, "taken")
            store.audit("take_handoff", tool="therapy", object_type="work", object_id=pick.id)
            st.session_state.tp_import_notes = [
                "Hand-off imported: add age, sex, weight and creatinine, then make the plan."]
            st.rerun()


def unread_allergy_banner(plan: dict) -> None:
    """A prominent error for each allergy the planner could not read (the plan treats it as absent). Read from the
    plan's structured field, never from the wording of a warning (a reworded warning would hide the banner)."""
    unread = plan.get("unchecked_allergies") or []
    if unread:
        # as one moderate line among many, "allergy 'penicillin - hives' not recognised" was easy to miss while
        # the plan proposed amoxicillin: an allergy the planner could not read is as prominent as an unchecked drug
        st.error("Allergy not checked: " + "; ".join(md_escape(t) for t in unread) + ". The plan was made "
                 "as if this allergy were absent. Write the substance on its own line, with the reaction in brackets "
                 "(e.g. `penicillin (hives)`), and make the plan again, or check every proposed medicine by hand.",
                 icon=":material/report:")


def non_drug_allergy_note(plan: dict) -> None:
    """The allergies to foods, venoms or equipment (latex, eggs, bee stings), shown as recorded non-drug allergies
    (they are not "not checked"), each with the drug relevance the knowledge base sources, if any."""
    items = plan.get("non_drug_allergies") or []
    if items:
        st.info("Non-drug allergies recorded (not medicines, so no drug allergy check applies): "
                + "; ".join(f"{md_escape(a['text'])} ({a['name']})" for a in items), icon=":material/info:")
        for a in items:
            if a.get("note"):
                st.caption(f"{a['name']}: {a['note']} Source: {a['source']}")


def current_conflict_banner(plan: dict) -> None:
    """A prominent error for each combination of current medicines that its rule says not to take together (the
    plan's `current_conflicts`, never the wording of a warning): the new plan does not resolve it."""
    for c in plan.get("current_conflicts") or []:
        st.error(f"Current medicines to change ({c['severity']}): {md_escape(c['text'])}  \n_source: "
                 f"{md_escape(c['source'])}_", icon=":material/report:")


def handout_caption(h: dict) -> str:
    """The line under the patient handout. Its note may quote a safety line the model dropped, which can hold a
    medicine name as the user typed it (an unchecked name): escaped so that it shows as typed, never as a link."""
    if h["source"] == "model":
        return f"Phrased by {md_escape(h['backend'])}; passed the grounding check (no drug or dose outside the plan)."
    return f"Template text ({md_escape(h['backend'])})." + (f" {md_escape(h['note'])}" if h.get("note") else "")
