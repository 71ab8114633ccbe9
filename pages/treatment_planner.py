"""Treatment planner: a patient (form, FHIR import or the record summarizer's hand-off) and a
condition -> a guideline-based plan with doses, warnings and explanations; the clinician accepts,
rejects or modifies each item (every save is a version); downloads and a patient handout."""

import functools
import json

import pandas as pd
import streamlit as st

from medcore import teams
from medcore.auth import AccessDenied
from medcore.store import NotSaved
from medcore.therapy import fhir_io, forms, graph, handout, pharmcat, render, review, service
from medcore.therapy import interactions as ix
from medcore.therapy.names import resolve_condition, resolve_drug
from medcore.therapy.dosing import FREQ_TEXT
from medcore.therapy.kb import load_kb
from medcore.therapy.planner import PlanError
from medcore.therapy.profile import ProfileError, parse_patient
from ui.demo import take_demo
from ui.errors import error_boundary
from ui.frame import md_escape, require_tool
from ui.loaders import get_settings, get_store
from ui.planner_form import profile_form
from ui.planner_view import plan_body
from ui.therapy_tools import (current_conflict_banner, handoff_picker, handout_caption, non_drug_allergy_note, num,
                              quick_tools, unread_allergy_banner)
from ui.workspace import load_work, new_work, save_work

require_tool("therapy")

settings = get_settings()
store = get_store()
kb = load_kb(settings)
ss = st.session_state
KIND = "plan"
COND_IDS = sorted(kb.conditions, key=lambda c: kb.conditions[c]["name"])
HANDOFF_TAB = "From record summarizer"


def set_form(values: dict) -> None:
    """Queue values for the form widgets (applied before they are drawn on the next run); an
    imported problem that is a KB condition becomes the condition to treat."""
    ss.tp_pending = {**forms.FORM_DEFAULTS, **values}
    for text in str(values.get("conditions", "")).splitlines():
        r = resolve_condition(kb, text)
        if r.ok and r.how != "fuzzy":
            ss.tp_condition_saved = r.id
            break


def persist(reason: str) -> None:
    save_work(KIND, {"form": ss.tp_form, "condition": ss.tp_condition_saved, "plan": ss.get("tp_plan"),
                     "errors": ss.get("tp_errors", [])},
              title=f"Plan: {kb.conditions.get(ss.tp_condition_saved, {}).get('name', '')}", reason=reason)


# ---- restore work in progress, or take the Home demo --------------------------------------------
if "tp_form" not in ss:
    ss.tp_form, ss.tp_condition_saved, ss.tp_plan, ss.tp_errors = dict(forms.FORM_DEFAULTS), COND_IDS[0], None, []
    demo = take_demo("therapy")
    if demo:
        set_form(forms.patient_to_form(demo["patient"]))
        ss.tp_condition_saved = demo.get("condition", COND_IDS[0])
        ss.tp_autorun = True
    else:
        with error_boundary("restoring your last plan"):
            rec = load_work(KIND)
            if rec:
                ss.tp_form = {**forms.FORM_DEFAULTS, **rec.data.get("form", {})}
                ss.tp_condition_saved = rec.data.get("condition", COND_IDS[0])
                ss.tp_plan = rec.data.get("plan")
                ss.tp_errors = rec.data.get("errors", [])
                set_form(ss.tp_form)
if "tp_pending" in ss:
    pending = ss.pop("tp_pending")
    ss.tp_form = pending
    for k, v in pending.items():
        ss[f"tp_{k}"] = v
    ss.tp_cond = ss.tp_condition_saved if ss.tp_condition_saved in kb.conditions else COND_IDS[0]

# ---- a direct link to a hand-off (?handoff=N): opened only for its owner and its team's members ------------
linked = None
if st.query_params.get("handoff"):
    with error_boundary("opening the linked hand-off"):
        raw = str(st.query_params.get("handoff"))
        if not raw.isdigit():
            raise AccessDenied("The link names no hand-off: its number is missing or not a number.")
        linked = teams.open_shared(store, int(raw), "handoff", what="Hand-off")
        if linked.status != "open":
            st.info(f"Hand-off #{linked.id} was already taken.")
            linked = None
        else:
            st.info(f"Hand-off #{linked.id} from {md_escape(linked.user)} is selected in the **From record "
                    "summarizer** tab below.", icon=":material/move_to_inbox:")

# ---- patient input -------------------------------------------------------------------------------
with st.container(border=True):
    st.subheader(":material/person: Patient and condition")
    link = st.query_params.get("handoff")
    if link and ss.get("tp_link_tab_opened") != link:
        ss.tp_input_tab, ss.tp_link_tab_opened = HANDOFF_TAB, link  # a link opens the hand-off tab, once per link
    # Tabs track which one is open so that the hand-off list and the quick tools run only when shown: every run of
    # this page pays for each widget drawn, and under load those runs queue for the GIL (issue 14).
    # The form and the imports are always drawn: the form's values must outlive a switch, and imports are cheap.
    tab_form, tab_fhir, tab_pgx, tab_handoff, tab_tools = st.tabs(
        ["Profile form", "Import FHIR R4 Bundle", "Import PharmCAT report", HANDOFF_TAB, "Quick tools"],
        key="tp_input_tab", on_change="rerun")
    if tab_tools.open:
        with tab_tools:
            quick_tools(kb)
    with tab_fhir:
        up = st.file_uploader("FHIR R4 Bundle (.json) with Patient, Condition, MedicationStatement, "
                              "AllergyIntolerance, Observation", type=["json"], key="tp_fhir_file")
        c1, c2 = st.columns(2)
        if c1.button("Import bundle", icon=":material/upload_file:", disabled=up is None):
            with error_boundary("importing the FHIR bundle"):
                try:
                    if up.size > settings.max_upload_mb * 1024 * 1024:
                        raise ValueError(f"file is larger than {settings.max_upload_mb} MB")
                    data, notes = fhir_io.patient_from_bundle(fhir_io.bundle_from_bytes(up.getvalue()))
                    set_form(forms.patient_to_form(data))
                    # the notes quote names from the file (a medicine's text): shown as typed, never as markdown
                    ss.tp_import_notes = [md_escape(n) for n in notes] or [
                        "Imported; check the form and choose the condition."]
                    store.audit("import_fhir", tool="therapy", count=len(data.get("medications", [])))
                    st.rerun()
                except ValueError as exc:  # FhirError and the size check: the person's file, said in words
                    st.error(f"Could not import: {md_escape(str(exc))}")
        if c2.button("Load example bundle", icon=":material/science:"):
            data, notes = fhir_io.patient_from_bundle(fhir_io.example_bundle())
            set_form(forms.patient_to_form(data))
            ss.tp_import_notes = ["Example bundle imported (fictional patient)."] + [md_escape(n) for n in notes]
            st.rerun()
    with tab_pgx:
        up_pgx = st.file_uploader("PharmCAT report (.report.json, .phenotype.json or .match.json): its gene calls "
                                  "fill the genotypes (ones already in the form are kept)", type=["json"],
                                  key="tp_pharmcat_file")
        if st.button("Import genotypes", icon=":material/genetics:", disabled=up_pgx is None):
            with error_boundary("importing the PharmCAT report"):
                try:
                    if up_pgx.size > settings.max_upload_mb * 1024 * 1024:
                        raise ValueError(f"file is larger than {settings.max_upload_mb} MB")
                    imp = pharmcat.read_bytes(kb, up_pgx.getvalue())
                    merged, notes = pharmcat.merge(forms.form_to_patient(ss.tp_form), imp)
                    set_form(forms.patient_to_form(merged))
                    ss.tp_import_notes = [md_escape(n) for n in notes] + [
                        f"PharmCAT report imported: {len(imp.genotypes)} genotype entries; check the form."]
                    store.audit("import_pharmcat", tool="therapy", count=len(imp.genotypes))
                    st.rerun()
                except ValueError as exc:
                    st.error(f"Could not import: {md_escape(str(exc))}")
    if tab_handoff.open:
        with tab_handoff:
            handoff_picker(store, linked, lambda part: set_form(forms.patient_to_form(
                {**forms.form_to_patient(ss.tp_form), **part})))
    for note in ss.pop("tp_import_notes", []):
        st.info(note)
    with tab_form:
        submitted = profile_form(kb, COND_IDS)

# ---- make the plan -------------------------------------------------------------------------------
if submitted or ss.pop("tp_autorun", False):
    with error_boundary("making the plan"):
        ss.tp_form = {k: ss.get(f"tp_{k}", v) for k, v in forms.FORM_DEFAULTS.items()}
        ss.tp_condition_saved = ss.get("tp_cond", ss.tp_condition_saved)
        ss.tp_errors, ss.tp_not_saved = [], None
        try:
            # the tool's one entry point (as the CLI); in the worker pool under its time budget; audited there
            res = service.make(settings, forms.form_to_patient(ss.tp_form), ss.tp_condition_saved, bounded=True,
                               store=store, user=store.principal)
            ss.tp_plan = review.init_items(res.plan.to_dict())
            ss.tp_not_saved = res.not_saved  # the audit row was refused: the plan is shown, never said saved
            new_work(KIND)
            try:
                persist("plan generated")
            except NotSaved as exc:
                ss.tp_not_saved = ss.tp_not_saved or str(exc)
        except ProfileError as exc:
            ss.tp_errors = exc.problems
            ss.tp_plan = None
            persist("input refused")
        except PlanError as exc:
            ss.tp_errors = [str(exc)]
            ss.tp_plan = None

if ss.tp_errors:
    st.error("Please correct the profile (nothing you typed was lost):\n\n" + "\n".join(f"- {md_escape(e)}" for e in ss.tp_errors))

plan = ss.get("tp_plan")
if not plan:
    st.info("Fill in the profile (or import one), pick the condition and press **Make plan**.")
    st.stop()

# ---- the plan -------------------------------------------------------------------------------------
st.subheader(f":material/assignment: {plan['condition_name']}")
if ss.get("tp_not_saved"):
    st.error(f"{md_escape(ss.tp_not_saved)}. This plan was made and is shown below, but neither it nor its audit record "
             "is in the database; export or copy it before you leave.", icon=":material/database:")
st.caption(f"Guideline: {plan['guideline']} · generated {plan.get('created', '')}")
st.warning(plan["disclaimer"], icon=":material/gavel:")
if plan.get("unchecked"):
    st.error("Not checked: " + ", ".join(md_escape(u) for u in plan["unchecked"]) + ". These medicines were not recognised, so no "
             "interaction or other check was run for them; check them by hand.", icon=":material/report:")
current_conflict_banner(plan)
unread_allergy_banner(plan)
non_drug_allergy_note(plan)
plan_body(plan)

# ---- clinician review ------------------------------------------------------------------------------
with st.container(border=True):
    st.subheader(":material/rate_review: Review: accept, reject or modify (a reason is required)")
    if plan["items"]:
        ids = [i["item_id"] for i in plan["items"]]
        item_id = st.selectbox("Item", ids, key="tp_rev_item",
                               format_func=lambda i: next(x["text"] for x in plan["items"] if x["item_id"] == i))
        action = st.radio("Decision", ["accept", "reject", "modify"], horizontal=True, key="tp_rev_action")
        new_drug = new_dose = new_freq = new_duration = None
        if action == "modify":
            c = st.columns(4)
            new_drug = c[0].text_input("Drug (leave empty to keep)", key="tp_rev_drug") or None
            new_dose = num(c[1], "Dose (in the drug's unit)", "tp_rev_dose", min_value=0.0)
            new_freq = c[2].selectbox("Frequency", [None] + list(FREQ_TEXT), key="tp_rev_freq",
                                      format_func=lambda f: "keep" if f is None else FREQ_TEXT[f])
            new_duration = c[3].text_input("Course (e.g. 5 days; empty keeps it)", key="tp_rev_duration") or None
        reason = st.text_input("Reason", key="tp_rev_reason")
        if st.button("Apply decision", type="primary", icon=":material/done_all:"):
            with error_boundary("applying the decision"):
                try:
                    patient, _ = parse_patient(forms.form_to_patient(ss.tp_form))
                    updated = review.apply(kb, plan, patient, item_id, action, reason, new_drug=new_drug,
                                           new_dose=new_dose, new_frequency=new_freq, new_duration=new_duration,
                                           user=settings.user)
                    ss.tp_plan = updated
                    persist(f"{action} {item_id}: {reason}")
                    work = load_work(KIND)
                    item = next(i for i in updated["items"] if i["item_id"] == item_id)
                    store.add_feedback("therapy", action, item_id=work.id if work else None, reason=reason,
                                       data={"condition": plan["condition_id"], "drug": item["drug_id"],
                                             "item": item_id, "warnings": len(item["warnings"])})
                    store.audit(f"plan_{action}", tool="therapy", object_type="work",
                                object_id=work.id if work else None, condition=plan["condition_id"])
                    st.rerun()
                except (review.ReviewError, ProfileError) as exc:
                    st.error(md_escape(str(exc)))
    work = load_work(KIND)
    if work:
        versions = store.work_versions(work.id)
        st.caption(f"Saved as plan #{work.id}; {len(versions)} version(s) kept.")
        if versions:
            st.dataframe(pd.DataFrame([{"version": v.version, "time": v.ts, "reason": v.reason, "user": v.user}
                                       for v in versions]), hide_index=True, width="stretch")

# ---- interaction graph -------------------------------------------------------------------------------
names = [m["name"] for m in plan["medications"] if m.get("name")]
planned = [i["drug"] for i in render.planned_items(plan)]
if names or planned:
    with error_boundary("drawing the interaction graph"):
        all_names = list(dict.fromkeys(names + planned))
        ids = [i for n in all_names for i in resolve_drug(kb, n).ids]
        found = [f.contract() for f in ix.check_ids(kb, ids)]
        st.plotly_chart(graph.interaction_figure(all_names, found, set(planned)), width="stretch")

# ---- outputs ----------------------------------------------------------------------------------------------
with st.container(border=True):
    st.subheader(":material/download: Outputs")
    c = st.columns(3)
    with error_boundary("preparing the downloads"):
        c[0].download_button("Plan (Markdown)", render.plan_markdown(plan), file_name="treatment_plan.md",
                             mime="text/markdown", icon=":material/description:")
        # made when clicked (a deferred download), not on every rerun: the PDF is a third of a rerun's time
        c[1].download_button("Plan (PDF)", functools.partial(render.plan_pdf, plan),
                             file_name="treatment_plan.pdf", mime="application/pdf", icon=":material/picture_as_pdf:")
        bundle = fhir_io.plan_to_bundle(plan, plan.get("items"))
        fhir_io.validate_bundle(bundle)
        c[2].download_button("FHIR R4 (CarePlan + MedicationRequest)", json.dumps(bundle, indent=1),
                             file_name="treatment_plan.fhir.json", mime="application/fhir+json",
                             icon=":material/share:")
    if st.button("Write the patient handout", icon=":material/record_voice_over:"):
        with error_boundary("writing the handout"), st.spinner("Writing…"):
            h = handout.make_handout(settings, kb, plan)
            ss.tp_handout = {"text": h.text, "source": h.source, "backend": h.backend, "note": h.note,
                             "plan_key": h.plan_key}
    if handout.is_stale(ss.get("tp_handout"), plan):
        # written for an earlier version of the plan (a new plan, or an accepted/rejected/modified item)
        ss.tp_handout = None
        st.info("The plan changed after the patient handout was written, so the old handout was removed. "
                "Write it again for the current plan.", icon=":material/update:")
    h = ss.get("tp_handout")
    if h:
        st.text_area("Patient handout", h["text"], height=260, key=f"tp_handout_text_{h['plan_key']}")
        st.caption(handout_caption(h))
        st.download_button("Handout (text)", h["text"], file_name="patient_handout.txt", icon=":material/download:")
