"""Pooled PHI and labs/vitals figures over every DEV real-note set, in one process (KB loaded once).

Usage: MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-phi-s27/pool.py OUT.json [--errors]
Never includes blind_s27 (blind this session). Writes per-set PHI / labs figures, pooled counts and, with
--errors, the PHI and lab misses (offsets and gold label only; no note text is written)."""
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


def main() -> None:
    out_path, want_errors = sys.argv[1], "--errors" in sys.argv
    settings = Settings.load()
    kb = kb_mod.load(settings)
    run = real_eval.service_summarizer(settings)
    freq = real_eval.frequency_names(kb)
    per_set, pooled, rows, errors = {}, Counter(), [], []
    for name in DEV_SETS:
        loaded = real_notes.load_set(name)
        total, set_rows = Counter(), []
        for note in loaded.notes:
            clean, analysis = run(note.text)
            mapping = real_eval._offset_map(note.text, clean)
            real_eval._remap(analysis, mapping)
            errs = []
            total += real_eval.score_note(note, analysis, errs, freq)
            spans = [(mapping[s.start], mapping[s.end - 1] + 1, s.type) if mapping else (s.start, s.end, s.type)
                     for s in analysis.deid.spans]
            set_rows.append((note.text, [(p.start, p.end, p.kind) for p in note.phi], spans))
            if want_errors:
                for e in errs:
                    if e["kind"].startswith(("lab", "unit")):
                        errors.append({"set": name, **e})
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
                        errors.append({"set": name, "note": note.id, "kind": "phi extra", "label": pt,
                                       "start": ps, "end": pe})
        s = real_eval.summarize_counts(total, set_rows)
        per_set[name] = {"phi": s["phi"], "labs_vitals": s["labs_vitals"], "unit_accuracy": s["unit_accuracy"]}
        pooled += total
        rows += set_rows
        print(name, json.dumps(per_set[name]["phi"]["strict_recall"]), per_set[name]["labs_vitals"], flush=True)
    s = real_eval.summarize_counts(pooled, rows)
    phi = phi_scores(rows)
    report = {"pooled": {"phi": s["phi"], "phi_per_type": phi["per_type"], "labs_vitals": s["labs_vitals"],
                         "lab_value_accuracy": s["lab_value_accuracy"], "unit_accuracy": s["unit_accuracy"]},
              "per_set": per_set}
    if want_errors:
        report["errors"] = errors
    with open(out_path, "w") as fh:
        json.dump(report, fh, indent=1)
    print(json.dumps(report["pooled"], indent=1))


if __name__ == "__main__":
    main()
