"""Score holdout.json (own synthetic snippets): PHI strict recall (every letter/digit of a gold span redacted) and
precision (a predicted span overlapping a gold one), labs/vitals recall (a gold span overlapped by an extracted lab or
vital whose value agrees) and precision (an extracted one overlapping a gold span).
Usage: MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-phi-s27/score_holdout.py [OUT.json]"""
import json
import sys
from pathlib import Path

from medcore.config import Settings
from medcore.deid import deidentify
from medcore.records import kb as kb_mod
from medcore.records.pipeline import analyze
from medcore.records.real_eval import values_agree


def main() -> None:
    notes = json.loads(Path(__file__).with_name("holdout.json").read_text())
    kb = kb_mod.load(Settings.load())
    c = dict(phi_gold=0, phi_found=0, phi_pred=0, phi_pred_ok=0, lab_gold=0, lab_found=0, lab_pred=0, lab_pred_ok=0)
    misses = []
    for n in notes:
        text = n["text"]
        spans = deidentify(text).spans
        covered = bytearray(len(text) + 1)
        for s in spans:
            covered[s.start:s.end] = b"\x01" * (s.end - s.start)
        for g in n["phi"]:
            c["phi_gold"] += 1
            if all(covered[i] or not text[i].isalnum() for i in range(g["start"], g["end"])):
                c["phi_found"] += 1
            else:
                misses.append((n["id"], "phi missed", g["label"], text[g["start"]:g["end"]]))
        for s in spans:
            c["phi_pred"] += 1
            if any(g["start"] < s.end and s.start < g["end"] for g in n["phi"]):
                c["phi_pred_ok"] += 1
            else:
                misses.append((n["id"], "phi extra", s.type, s.text))
        ex = analyze(text, kb).extraction
        meas = [*ex.labs, *ex.vitals]
        for g in n["labs"]:
            c["lab_gold"] += 1
            if any(m.start < g["end"] and g["start"] < m.end and values_agree(g["label"], m.value) for m in meas):
                c["lab_found"] += 1
            else:
                misses.append((n["id"], "lab missed", g["label"], text[g["start"]:g["end"]]))
        for m in meas:
            c["lab_pred"] += 1
            if any(m.start < g["end"] and g["start"] < m.end for g in n["labs"]):
                c["lab_pred_ok"] += 1
            else:
                misses.append((n["id"], "lab extra", m.name, f"{m.value} {m.unit}"))
    r = {"notes": len(notes), **c,
         "phi_strict_recall": round(c["phi_found"] / c["phi_gold"], 4),
         "phi_precision": round(c["phi_pred_ok"] / max(c["phi_pred"], 1), 4),
         "lab_recall": round(c["lab_found"] / c["lab_gold"], 4),
         "lab_precision": round(c["lab_pred_ok"] / max(c["lab_pred"], 1), 4), "errors": misses}
    print(json.dumps(r, indent=1))
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(json.dumps(r, indent=1))


if __name__ == "__main__":
    main()
