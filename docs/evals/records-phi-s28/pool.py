"""Pooled PHI and labs/vitals figures over every DEV real-note set, in one process (KB loaded once), session 28.

Usage: MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-phi-s28/pool.py OUT.json [--errors]
The 19 sets pooled in session 27 ("pooled") and blind_s27, DEV since session 28 but the only set unseen before this
session, pooled apart ("unseen"). Writes per-set PHI / labs figures, the pooled counts, PHI per type, the share of
note characters redacted that no gold PHI span holds (over-redaction), and with --errors the PHI and lab misses
and extras (offsets and labels only; no note text is written)."""
import json
import sys
from collections import Counter

from medcore.config import Settings
from medcore.records import kb as kb_mod
from medcore.records import real_eval, real_notes
from medcore.records.evaluate import phi_scores

DEV_SETS = ["dev", "blind", "dev_phi_s9", "blind_s8", "blind_s9", "blind_s10", "blind_s12", "blind_s13",
            "blind_s14", "blind_s15", "blind_s16", "blind_s17", "blind_s18", "blind_s21", "blind_s22",
            "blind_s23", "blind_s24", "blind_s25", "blind_s26"]
UNSEEN = ["blind_s27"]


def note_rows(note, analysis, mapping, name, errors, want_errors):
    """The (text, gold, found) PHI row of one note; lab and PHI errors appended when asked."""
    spans = [(mapping[s.start], mapping[s.end - 1] + 1, s.type) if mapping else (s.start, s.end, s.type)
             for s in analysis.deid.spans]
    if want_errors:
        for mm in [*analysis.extraction.labs, *analysis.extraction.vitals]:
            if not any(g.start < mm.end and mm.start < g.end for g in note.labs):
                errors.append({"set": name, "note": note.id, "kind": "lab extra", "label": mm.name,
                               "start": mm.start, "end": mm.end})
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


def run_sets(sets, run, freq, want_errors):
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
                errors.extend({"set": name, **e} for e in errs if e["kind"].startswith(("lab", "unit")))
            set_rows.append(note_rows(note, analysis, mapping, name, errors, want_errors))
        s = real_eval.summarize_counts(total, set_rows)
        per_set[name] = {"phi": s["phi"], "labs_vitals": s["labs_vitals"], "unit_accuracy": s["unit_accuracy"]}
        pooled += total
        rows += set_rows
        print(name, json.dumps(per_set[name]["phi"]["strict_recall"]), per_set[name]["labs_vitals"], flush=True)
    s = real_eval.summarize_counts(pooled, rows)
    phi = phi_scores(rows)
    return {"phi": s["phi"], "phi_per_type": phi["per_type"], "over_redaction": over_redaction(rows),
            "labs_vitals": s["labs_vitals"], "lab_value_accuracy": s["lab_value_accuracy"],
            "unit_accuracy": s["unit_accuracy"]}, per_set, errors


def main() -> None:
    out_path, want_errors = sys.argv[1], "--errors" in sys.argv
    settings = Settings.load()
    kb = kb_mod.load(settings)
    run = real_eval.service_summarizer(settings)
    freq = real_eval.frequency_names(kb)
    pooled, per_set, errors = run_sets(DEV_SETS, run, freq, want_errors)
    unseen, per_set_u, errors_u = run_sets(UNSEEN, run, freq, want_errors)
    report = {"pooled": pooled, "unseen_blind_s27": unseen, "per_set": {**per_set, **per_set_u}}
    if want_errors:
        report["errors"] = errors + errors_u
    with open(out_path, "w") as fh:
        json.dump(report, fh, indent=1)
    print(json.dumps({"pooled": pooled, "unseen_blind_s27": unseen}, indent=1))


if __name__ == "__main__":
    main()
