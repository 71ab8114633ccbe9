"""Pooled PHI, labs/vitals and medication figures over DEV real-note sets, in one process (KB loaded once).

One home for the pooled de-identification eval of sessions 28 and 29 (`records-phi-s28/pool.py`,
`records-phi-s29/pool.py` are thin wrappers that pass their sets). `run(out_path, pooled_sets, unseen_sets,
want_errors)`: the `pooled_sets` pooled ("pooled") and each group of `unseen_sets` pooled apart under
"unseen_<name>". Per set and pooled: PHI strict recall / precision / per type, the share of note characters redacted
that no gold PHI span holds (over-redaction), labs/vitals R/P, medications R/P, dose, frequency, allergies; with
`want_errors` the PHI, lab and medication misses and extras (offsets and labels only; no note text is written).
Blind sets of the running session are never passed by a wrapper."""
import json
from collections import Counter

from medcore.config import Settings
from medcore.records import kb as kb_mod
from medcore.records import real_eval, real_notes
from medcore.records.evaluate import phi_scores

# the error kinds of `real_eval.score_note` kept beside the PHI ones (problems are another helper's area)
KEPT_ERRORS = ("lab", "unit", "medication", "dose", "frequency", "listed as current", "allergy")


def note_rows(note, analysis, mapping, name, errors, want_errors):
    """The (text, gold, found) PHI row of one note; lab and PHI errors appended when asked."""
    spans = [(mapping[s.start], mapping[s.end - 1] + 1, s.type) if mapping else (s.start, s.end, s.type)
             for s in analysis.deid.spans]
    if want_errors:
        for mm in [*analysis.extraction.labs, *analysis.extraction.vitals]:
            if not any(g.start < mm.end and mm.start < g.end for g in note.labs):
                errors.append({"set": name, "note": note.id, "kind": "lab extra", "label": mm.name,
                               "start": mm.start, "end": mm.end})
        for m in analysis.extraction.medications:
            end = max(m.end, m.start + len(m.mention or ""))
            if not any(g.start < end and m.start < g.end for g in note.medications):
                errors.append({"set": name, "note": note.id, "kind": "medication extra", "label": m.name,
                               "start": m.start, "end": end})
        covered = bytearray(len(note.text) + 1)
        for ps, pe, _ in spans:
            covered[ps:pe] = b"\x01" * (pe - ps)
        for p in note.phi:
            if any(note.text[i].isalnum() and not covered[i] for i in range(p.start, p.end)):
                errors.append({"set": name, "note": note.id, "kind": "phi missed", "label": p.kind,
                               "start": p.start, "end": p.end})
        for ps, pe, pt in spans:
            if not any(p.start < pe and ps < p.end for p in note.phi):
                errors.append({"set": name, "note": note.id, "kind": "phi extra", "label": pt, "start": ps, "end": pe})
    return note.text, [(p.start, p.end, p.kind) for p in note.phi], spans


def over_redaction(rows) -> dict:
    """Alphanumeric characters redacted outside every gold PHI span, as a share of all alphanumeric characters, and
    of the characters redacted."""
    outside = redacted = chars = 0
    for text, gold, found in rows:
        gold_mask = bytearray(len(text) + 1)
        for s, e, _ in gold:
            gold_mask[s:e] = b"\x01" * (e - s)
        red = bytearray(len(text) + 1)
        for s, e, _ in found:
            red[s:e] = b"\x01" * (e - s)
        for i, ch in enumerate(text):
            if ch.isalnum():
                chars += 1
                if red[i]:
                    redacted += 1
                    outside += not gold_mask[i]
    return {"alnum_chars": chars, "redacted": redacted, "redacted_outside_gold": outside,
            "share_of_text": round(outside / chars, 5) if chars else 0.0,
            "share_of_redacted": round(outside / redacted, 4) if redacted else 0.0}


def _figures(s: dict) -> dict:
    """The figures of this area out of `real_eval.summarize_counts`."""
    return {"phi": s["phi"], "labs_vitals": s["labs_vitals"], "unit_accuracy": s["unit_accuracy"],
            "medications": s["medications"], "dose_accuracy": s["dose_accuracy"], "dose_n": s["dose_n"],
            "frequency_accuracy": s["frequency_accuracy"], "frequency_n": s["frequency_n"],
            "not_current_kept_out": s["not_current_kept_out"], "not_current_n": s["not_current_n"],
            "allergies": s["allergies"], "nkda_found": s["nkda_found"], "nkda_n": s["nkda_n"]}


def run_sets(sets, run, freq, want_errors, skip_phi_only=True):
    """`skip_phi_only`: a PHI-only set (real_notes.PHI_ONLY_SETS) adds its PHI rows but not its medication, lab and
    allergy counts to the pool (its gold lists none of them; session 28 pooled them, session 29 does not)."""
    per_set, pooled, rows, errors = {}, Counter(), [], []
    for name in sets:
        loaded = real_notes.load_set(name)
        total, set_rows = Counter(), []
        for note in loaded.notes:
            clean, analysis = run(note.text)
            mapping = real_eval._offset_map(note.text, clean)
            real_eval._remap(analysis, mapping)
            errs = []
            total += real_eval.score_note(note, analysis, errs, freq)
            if want_errors:
                errors.extend({"set": name, **e} for e in errs if e["kind"].startswith(KEPT_ERRORS))
            set_rows.append(note_rows(note, analysis, mapping, name, errors, want_errors))
        per_set[name] = _figures(real_eval.summarize_counts(total, set_rows))
        if not (skip_phi_only and name in real_notes.PHI_ONLY_SETS):
            pooled += total
        rows += set_rows
        print(name, json.dumps(per_set[name]["phi"]["strict_recall"]), per_set[name]["labs_vitals"], flush=True)
    s = real_eval.summarize_counts(pooled, rows)
    out = {"phi_per_type": phi_scores(rows)["per_type"], "over_redaction": over_redaction(rows), **_figures(s),
           "lab_value_accuracy": s["lab_value_accuracy"]}
    return out, per_set, errors


def run(out_path: str, pooled_sets: list[str], unseen: dict[str, list[str]], want_errors: bool,
        skip_phi_only: bool = True) -> dict:
    """Score `pooled_sets` together and each `unseen` group apart; write the report to `out_path`."""
    settings = Settings.load()
    kb = kb_mod.load(settings)
    summarizer = real_eval.service_summarizer(settings)
    freq = real_eval.frequency_names(kb)
    pooled, per_set, errors = run_sets(pooled_sets, summarizer, freq, want_errors, skip_phi_only)
    report = {"pooled": pooled}
    for label, sets in unseen.items():
        figures, per_set_u, errors_u = run_sets(sets, summarizer, freq, want_errors, skip_phi_only)
        report[f"unseen_{label}"] = figures
        per_set.update(per_set_u)
        errors += errors_u
    report["per_set"] = per_set
    if want_errors:
        report["errors"] = errors
    with open(out_path, "w") as fh:
        json.dump(report, fh, indent=1)
    print(json.dumps({k: v for k, v in report.items() if k not in ("per_set", "errors")}, indent=1))
    return report
