"""Record summarizer: paste or upload a note; see de-identification, sections, extraction, the
structured summary with clickable provenance, and the narrative; edit, download, hand off."""

import dataclasses
import functools
import json

import pandas as pd
import streamlit as st

from medcore import teams
from medcore.records import corpus, export, inputs, render, service
from medcore.records import kb as kb_mod
from medcore.records.structured import HYPOTHETICAL_TITLE
from ui.background import background, poll_until_done
from ui.demo import take_demo
from ui.errors import error_boundary
from ui.frame import md_escape, require_tool
from ui.loaders import get_settings, get_store
from ui.workspace import load_work, new_work, save_work, workspace_id

require_tool("records")

settings = get_settings()
store = get_store()
ss = st.session_state


# ---- restore work in progress, or take the Home demo ------------------------------------------
if "rec_note" not in ss:
    ss.rec_note, ss.rec_source, ss.rec_warnings = "", "paste", []
    demo = take_demo("records")
    if demo and demo.get("note"):
        ss.rec_note, ss.rec_source = demo["note"], "demo"
    else:
        with error_boundary("restoring your last note"):
            rec = load_work("summary")
            if rec and rec.data.get("note"):
                ss.rec_note = rec.data["note"]
                ss.rec_source = rec.data.get("source", "paste")
                ss.rec_warnings = rec.data.get("warnings", [])
                ss.rec_correction = rec.data.get("corrected", "")
    ss.rec_input = ss.rec_box_at_summary = ss.rec_note

if "rec_pending_input" in ss:  # a sample was loaded: show its text in the paste box (before the widget exists)
    ss.rec_input = ss.pop("rec_pending_input")

# ---- input ----------------------------------------------------------------------------------------
with st.container(border=True):
    st.subheader(":material/input: Note")
    tab_paste, tab_upload, tab_sample = st.tabs(["Paste", "Upload", "Sample notes"])
    with tab_paste:
        st.text_area("Clinical note", key="rec_input", height=220,
                     placeholder="Paste a discharge summary, ED note, progress note, consult, report or letter…")
        run_paste = st.button("Summarize pasted note", type="primary", icon=":material/summarize:")
    with tab_upload:
        up = st.file_uploader("A .txt, .md, .pdf (text layer), .docx, or FHIR R4 DocumentReference/Bundle (.json)",
                              type=["txt", "md", "pdf", "docx", "json"])
        run_upload = st.button("Summarize uploaded file", icon=":material/upload_file:", disabled=up is None)
    with tab_sample:
        samples = corpus.sample_notes(settings)
        pick = st.selectbox("Fictional sample note (invented identifiers)", list(samples))
        run_sample = st.button("Load and summarize sample", icon=":material/description:")


def accept(note: inputs.NoteInput, box: str | None) -> None:
    """`box`: the paste box's text this note came from (None for an upload, which leaves the box alone)."""
    if note.text == ss.get("rec_note") and note.source == ss.get("rec_source"):
        # the note already summarized below (a double click, or Summarize again): keep its item and corrections
        # rather than start a copy (hands-on check s28: each click saved one more summary item)
        ss.rec_box_at_summary = box
        st.info("This note is the one summarized below: nothing new to summarize.", icon=":material/check:")
        return
    ss.rec_note, ss.rec_source, ss.rec_warnings = note.text, note.source, note.warnings
    ss.rec_box_at_summary = box
    ss.pop("rec_highlight", None)
    ss.pop("rec_correction", None)
    new_work("summary")
    save_work("summary", {"note": note.text, "source": note.source, "warnings": note.warnings},
              title=f"Note ({note.source}, {len(note.text):,} chars)", reason="new note")
    store.audit("summarize", tool="records", kind=note.source, size=len(note.text))


with error_boundary("reading the note"):
    try:
        if run_paste:
            accept(inputs.from_paste(ss.rec_input, settings), ss.rec_input)
        elif run_upload and up is not None:
            accept(inputs.from_upload(up.name, up.getvalue(), settings), None)
        elif run_sample:
            accept(inputs.from_paste(samples[pick], settings), samples[pick])
            ss.rec_pending_input = samples[pick]
            st.rerun()
    except inputs.InputError as exc:  # it may quote the upload's file name: shown as typed, never as markdown
        st.error(md_escape(str(exc)), icon=":material/block:")

if not ss.rec_note:
    st.info("Paste a note, upload a file or pick a sample note to begin. All sample notes are fictional.")
    st.stop()

if ss.rec_box_at_summary is not None and ss.get("rec_input", "") != ss.rec_box_at_summary:
    # the box was edited (or emptied) after the last summary: the summary below is of the earlier note
    # (compared with the box as it was, not with the note, which the reader normalises)
    st.warning("The note in the box has changed since this summary was made: everything below is still the "
               "summary of the earlier note. Press **Summarize pasted note** to summarize what is in the box.",
               icon=":material/update:")

for w in ss.rec_warnings:  # they may quote the file (an attachment's URL or type): shown as typed
    st.warning(md_escape(w), icon=":material/warning:")


@st.cache_data(show_spinner=False, max_entries=32)
def run_pipeline(text: str, models_key: str, user):  # key: a new active model re-runs it; per user (role check)
    """The engines' result with the extractive narrative: no language model, so it is on screen at once."""
    note = inputs.NoteInput(text, "paste")
    engines_only = dataclasses.replace(get_settings(), llm_backend="template")
    return service.summarize_bounded(note, engines_only, user=user)  # a worker process, under the time budget


def _json_download(a, nar, warnings, identifiers: bool) -> str:
    return json.dumps(export.to_json(a, nar, warnings, identifiers=identifiers), indent=1, ensure_ascii=False)


def model_narrative(text: str, models_key: str):
    """The language model's narrative, written in the background; it replaces the extractive one only once it
    is done (and the narrative step has already fallen back to extractive text if it failed grounding)."""
    note = inputs.NoteInput(text, "paste")
    # keyed by user too: each user's task passes the service's own role check
    return background(("records-narrative", text, models_key, settings.llm_backend, settings.llm_model,
                       store.principal), functools.partial(service.summarize_bounded, user=store.principal),
                      note, settings)


with error_boundary("summarizing the note"):
    active = [store.active_model(kind) for kind in ("records-scorer", "records-lora")]
    with st.spinner("De-identifying, extracting and summarizing…"):
        models_key = "|".join(str(m.id) if m else "" for m in active)
        result = run_pipeline(ss.rec_note, models_key, store.principal)
    a, nar = result.analysis, result.narrative
    writing = None  # the model's narrative while it is being written
    if settings.llm_backend != "template":
        task = model_narrative(ss.rec_note, models_key)
        if not task.done():
            writing = task
        elif task.exception() is not None:
            nar = dataclasses.replace(nar, note=f"the language model's text is not available ({task.exception()})")
        else:
            nar = task.result().narrative
    for w in result.warnings:
        if w not in ss.rec_warnings:
            st.warning(w, icon=":material/shield:")

    ex = a.extraction
    t = a.timings_ms
    st.caption(f"Structured pipeline: {sum(t.values()):.0f} ms (de-identify {t['deidentify']:.0f} · sections "
               f"{t['sections']:.0f} · extraction {t['extract']:.0f} · summary {t['summary']:.0f}). "
               f"{len(a.sentences)} sentences.")

    # ---- step 1: de-identification ----------------------------------------------------------------
    with st.expander(f"1 · De-identification: {len(a.deid.spans)} identifiers "
                     f"(dates shifted by {a.deid.shift_days} days, intervals kept)", expanded=False):
        left, right = render.redaction_views(a.text, a.deid)
        c1, c2 = st.columns(2)
        c1.markdown("**Original**")
        c1.html(left)
        c2.markdown("**De-identified** (what leaves the machine, if anything does)")
        c2.html(right)
        if a.deid.spans:
            counts = pd.Series([s.type for s in a.deid.spans]).value_counts().rename_axis("type").reset_index(name="n")
            st.dataframe(counts, hide_index=True)

    # ---- step 2: sections ------------------------------------------------------------------------
    with st.expander(f"2 · Sections: {len(a.sections)} found"):
        if a.sections:
            st.dataframe(pd.DataFrame([{"section": s.category.replace("_", " "), "header": s.header, "start": s.start,
                                        "end": s.end, "sentences": sum(x.section == s.category for x in a.sentences)}
                                       for s in a.sections]), hide_index=True, width="stretch")
        else:
            st.write("No section headers found; the note is treated as one section.")

    # ---- step 3: extraction ----------------------------------------------------------------------
    with st.expander(f"3 · Extraction: {len(ex.problems)} problems, {len(ex.medications)} medications, "
                     f"{len(ex.allergies)} allergies, {len(ex.labs)} labs, {len(ex.vitals)} vitals, "
                     f"{len(ex.procedures)} procedures, {len(ex.follow_ups)} follow-ups"):
        tabs = st.tabs(["Problems", "Medications", "Allergies", "Labs", "Vitals", "Procedures", "Follow-up"])
        frames = [
            [{"text": p.text, "concept": p.name, "assertion": p.assertion, "section": p.section, "start": p.start,
              "end": p.end} for p in ex.problems],
            [{"as written": m.mention, "name": m.name, "dose": m.dose, "unit": m.unit, "route": m.route,
              "frequency": m.frequency, "status": m.status, "start": m.start, "end": m.end} for m in ex.medications],
            [{"substance": x.substance, "reaction": x.reaction, "start": x.start, "end": x.end} for x in ex.allergies],
            [{"name": x.name, "value": x.value, "unit": x.unit, "flag": x.flag, "reference": x.reference,
              "source": x.source, "start": x.start} for x in ex.labs],
            [{"name": x.name, "value": x.value, "unit": x.unit, "flag": x.flag, "reference": x.reference,
              "start": x.start} for x in ex.vitals],
            [{"procedure": x.text, "start": x.start, "end": x.end} for x in ex.procedures],
            [{"action": x.action, "when": x.when} for x in ex.follow_ups],
        ]
        for tab, rows in zip(tabs, frames):
            with tab:
                if rows:
                    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
                else:
                    st.caption("none found")
        if ex.problems:
            import plotly.express as px

            counts = pd.DataFrame([{"assertion": p.assertion} for p in ex.problems]).value_counts().reset_index(name="n")
            st.plotly_chart(px.bar(counts, x="assertion", y="n", title="Problem mentions by assertion (ConText)",
                                   height=260), width="stretch")

    # ---- step 4: structured summary with provenance ------------------------------------------------
    s = a.summary
    st.subheader(":material/list_alt: Structured summary")
    st.markdown(f"**{md_escape(s.one_liner)}**")  # note text: never markdown
    lo = a.layout  # the summary laid out for the note's type (medcore.records.layout)
    nt = lo.note_type
    why = f" (from {', '.join(nt.evidence[:4])})" if nt.evidence else ""
    st.caption(f":material/description: Note type: **{md_escape(nt.label)}**{md_escape(why)}"
               + (f" · {md_escape(lo.note)}" if lo.note else ""))
    col_items, col_source = st.columns([5, 6])
    generic = [("Active problems", s.problems), ("Medications", s.medications), ("Allergies", s.allergies),
               ("Key abnormal results", s.abnormal_results), ("Plan", s.plan), ("Follow-up", s.follow_ups)]

    def show(title: str, items, key: str, empty: str = "none found", more: int = 0) -> None:
        st.markdown(f"**{md_escape(title)}**")
        if not items:
            st.caption(md_escape(empty))
        for i, item in enumerate(items):
            label = md_escape(item.text if len(item.text) < 160 else item.text[:157] + "…")
            if item.sentence < 0:
                st.markdown(f"- {label}")
            elif st.button(label, key=f"rec_item_{key}_{i}", type="tertiary", icon=":material/link:"):
                ss.rec_highlight = (item.sentence, tuple(item.detail.get("mention") or ()))
        if more:
            st.caption(f"… {more} more in the note")

    # the items are whole sentences: their labels wrap instead of being cut to one line with "…" (at a laptop's
    # width "Metoprolol succinate 50 mg PO daily (changed from 25 …" lost the change it was listed for)
    st.html("<style>[class*='st-key-rec_item_'] [data-testid='stMarkdownContainer'], [class*='st-key-rec_item_'] p "
            "{white-space: normal; overflow: visible; text-overflow: clip; text-align: left;}</style>")
    with col_items:
        st.caption("Click an item to highlight its source sentence.")
        for slot in lo.slots:
            show(slot.title, slot.items, slot.key, slot.empty, slot.more)
        if s.hypothetical:  # a risk, a prevention or an if-then: apart from the problems, never one of them
            show(HYPOTHETICAL_TITLE, s.hypothetical, "hypothetical")
        if lo.layout != "generic":
            with st.expander("Everything extracted (problems, medications, allergies, results, plan)"):
                for title, items in generic:
                    show(title, items, "all_" + title)
    with col_source:
        hl = ss.get("rec_highlight")
        sent = a.sentences[hl[0]] if hl and 0 <= hl[0] < len(a.sentences) else None
        mention = hl[1] if hl and len(hl[1]) == 2 else None
        if sent is not None:
            st.markdown(f"**Source:** sentence {sent.index + 1} ({sent.section.replace('_', ' ') or 'no section'}), "
                        f"characters {sent.start}–{sent.end}")
            st.info(md_escape(sent.text))
        else:
            st.markdown("**Source note**")
        st.html(render.source_view(a.text, sent, mention))

    # ---- step 5: narrative ------------------------------------------------------------------------
    st.subheader(":material/notes: Narrative summary")
    with st.container(border=True):
        st.markdown(md_escape(nar.text))
        if writing is not None:
            poll_until_done(writing, f":material/hourglass_top: The {settings.llm_backend} language model is writing "
                                     "its version in the background; it replaces this one only if it passes the "
                                     "grounding check.")
        icon = ":material/smart_toy:" if nar.method == "language model" else ":material/format_quote:"
        st.caption(f"{icon} Shown: **{nar.method}** summary, written by {nar.backend}."
                   + (f" Why: {nar.note}." if nar.note else " It passed the grounding check (no drug, dose or "
                                                                "diagnosis absent from the extraction)."))

    # ---- clinician edits ---------------------------------------------------------------------------
    md = export.to_markdown(a, nar, identifiers=True)  # the editor shows the note's own words
    with st.expander(":material/edit: Edit the summary (your correction trains the sentence scorer)"):
        import hashlib

        note_key = hashlib.sha1(a.text.encode("utf-8", "replace")).hexdigest()[:10]
        corrected = st.text_area("Corrected summary", value=ss.get("rec_correction") or md, height=300,
                                 key=f"rec_edit_{note_key}")  # a new note gets a fresh editor
        if st.button("Save correction", icon=":material/save:"):
            if corrected.strip() == md.strip():
                st.info("No change to save.")
            else:
                fb = store.add_feedback("records", "correction", reason="clinician edit",
                                        data={"note": a.text, "summary": corrected, "original": md,
                                              "narrative_method": nar.method})
                ss.rec_correction = corrected
                save_work("summary", {"note": a.text, "source": ss.rec_source, "warnings": ss.rec_warnings,
                                      "corrected": corrected}, reason="clinician correction")
                store.audit("correction", tool="records", object_type="feedback", object_id=fb)
                st.success(f"Saved as correction pair #{fb}. Retrain the scorer in the Model lab to use it.")

    # ---- outputs ------------------------------------------------------------------------------------
    st.subheader(":material/download: Outputs")
    corrected = ss.get("rec_correction")
    ident = st.toggle("Include identifiers in the downloads", key="rec_ident",
                      help="Off: names, dates, places and numbers are replaced as in the de-identified note. "
                           "On: the downloads quote the note as written; this choice is recorded in the audit log.")
    if ident and not ss.get("rec_ident_audited"):
        store.audit("export_identifiers", tool="records", object_type="summary")
        ss.rec_ident_audited = True
    if corrected:
        st.caption(":material/edit_note: The downloads and the hand-off carry your corrected summary.")
    c1, c2, c3 = st.columns(3)
    c1.download_button("Markdown", export.to_markdown(a, nar, identifiers=ident, corrected=corrected),
                       file_name="summary.md", mime="text/markdown", icon=":material/article:")
    # made when clicked (a deferred download): the JSON redacts the whole analysis, work no rerun needs
    c2.download_button("JSON", functools.partial(_json_download, a, nar, result.warnings, ident),
                       file_name="summary.json", mime="application/json", icon=":material/data_object:")
    bundle = export.to_fhir_bundle(a, nar, identifiers=ident, corrected=corrected)
    export.validate_bundle(bundle)
    c3.download_button("FHIR R4 Bundle", json.dumps(bundle, indent=1), file_name="summary-fhir-bundle.json",
                       mime="application/fhir+json", icon=":material/medical_information:")
    my_teams = teams.teams_of(store, store.principal) if store.principal is not None else []
    # the hand-off has a row of its own: as a fourth column at a laptop's width its label was cut to "Send to treat…"
    c4 = st.container()
    send_to = c4.selectbox("Hand-off for", ["me only"] + [f"team {t}" for t in my_teams], key="rec_handoff_team",
                           help="A team's members see the hand-off in their treatment planner; an admin defines "
                                "teams (`python -m medcore teams`).") if my_teams else "me only"
    if c4.button("Send to treatment planner", icon=":material/send:"):
        with error_boundary("sending the hand-off"):
            team = None if send_to == "me only" else send_to.removeprefix("team ")
            item = export.send_handoff(store, a, workspace=workspace_id(), user=settings.user, corrected=corrected,
                                       team=team)
            st.success(f"Hand-off #{item} is waiting for the treatment planner (problems, medications, allergies)"
                       + (f", for the members of team {md_escape(team)}" if team else "")
                       + f". Direct link: `/therapy?handoff={item}`")
    st.caption("The FHIR Bundle marks every resource as AI-generated (meta.security AIAST), the summary as "
               "DocumentReference docStatus=preliminary, and names the generator in a Provenance.")
