"""The treatment planner's profile form (page layout, moved out of pages/treatment_planner.py in session 18 so the
page stays under 400 lines). Widget keys are the page's: the page reads them from session state."""

import streamlit as st

from ui.therapy_tools import num


def profile_form(kb, cond_ids: list[str]) -> bool:
    """The patient profile and the condition to treat; True when "Make plan" was pressed."""
    with st.form("tp_profile"):
        st.text_input("Label (optional, not stored with identifiers)", key="tp_label")
        c = st.columns(4)
        num(c[0], "Age (years)", "tp_age", step=1.0)
        c[1].selectbox("Sex", ["female", "male"], key="tp_sex")
        num(c[2], "Weight", "tp_weight", step=0.5)
        c[3].radio("Weight unit", ["kg", "lb"], key="tp_weight_unit", horizontal=True)
        c = st.columns(4)
        num(c[0], "Height", "tp_height", step=0.5)
        c[1].radio("Height unit", ["cm", "in"], key="tp_height_unit", horizontal=True)
        num(c[2], "Serum creatinine", "tp_scr", step=0.1)
        c[3].radio("Creatinine unit", ["mg/dL", "µmol/L"], key="tp_scr_unit", horizontal=True)
        c = st.columns(4)
        num(c[0], "eGFR if known (mL/min/1.73 m²)", "tp_egfr", step=1.0)
        c[1].selectbox("Child-Pugh class", ["none", "A", "B", "C"], key="tp_child_pugh")
        c[2].checkbox("Pregnant", key="tp_pregnant")
        c[3].checkbox("Breastfeeding", key="tp_lactating")
        c = st.columns(2)
        c[0].text_area("Allergies, one per line: substance (reaction)", key="tp_allergies", height=90,
                       placeholder="penicillin (anaphylaxis)\nsulfa (rash)")
        c[1].text_area("Problems / conditions, one per line", key="tp_conditions", height=90,
                       placeholder="type 2 diabetes\nCKD\nlong QT")
        c = st.columns(2)
        c[0].text_area("Current medicines, one per line (brand names are fine)", key="tp_medications", height=120,
                       placeholder="lisinopril 10 mg daily\nZocor 40 mg")
        c[1].text_area("Genotypes / phenotypes, one per line", key="tp_genotypes", height=120,
                       placeholder="CYP2C19: *2/*2\nHLA-B*58:01: positive\nSLCO1B1: decreased function")
        st.text_area("Medicines stopped recently, one per line with when (an inducer acts for weeks after)",
                     key="tp_stopped_medications", height=68, placeholder="rifampin stopped 5 days ago")
        c = st.columns([3, 1])
        c[0].selectbox("Condition to treat", cond_ids, key="tp_cond",
                       format_func=lambda cid: kb.conditions[cid]["name"])
        c[1].selectbox("Cockcroft-Gault weight", ["auto", "actual", "ideal", "adjusted"], key="tp_weight_rule",
                       help="auto: actual below IBW, IBW up to 120% of IBW, adjusted weight above")
        return st.form_submit_button("Make plan", type="primary", icon=":material/medication:")
