"""Note-type detection (medcore.records.note_types) scored on the annotated real DEV notes: each annotation's
`note_type` is the gold. Only the dev set: the blind sets are not for tuning.

Two figures:
- type accuracy: the detected type equals the gold type (9 labels: discharge, history_physical, consult, ed,
  progress, operative, radiology, letter, other);
- layout accuracy: the layout the page picks is the right one (a type without a layout of its own, i.e.
  history_physical, letter and other, counts as the generic layout);
- precision when decided: of the notes the detector gave a type (not "other"), the share with the right type.

Run: MEDCORE_LLM_BACKEND=template PYTHONPATH=. python scripts/score_note_types.py [--errors] [--out FILE.json]
Needs ../shared/data/mtsamples/mtsamples_dev.csv (development data, never committed); exits 2 with the reason
when it is absent."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list every wrong note with its scores and evidence")
    ap.add_argument("--out", type=Path, help="write the report as JSON")
    args = ap.parse_args(argv)

    from medcore.config import Settings
    from medcore.records import layout, note_types, real_notes
    from medcore.records import kb as kb_mod
    from medcore.records.sections import find_sections

    try:
        loaded = real_notes.load_set("dev")
    except real_notes.RealNotesUnavailable as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 2
    kb = kb_mod.load(Settings.load())
    rows, confusion = [], Counter()
    for n in loaded.notes:
        nt = note_types.detect(n.text, find_sections(n.text, kb.sections))
        gold_layout, got_layout = layout.layout_name(n.note_type), layout.layout_name(nt.name)
        rows.append({"id": n.id, "gold": n.note_type, "detected": nt.name, "ok": nt.name == n.note_type,
                     "layout_ok": gold_layout == got_layout, "score": nt.score, "runner_up": nt.runner_up,
                     "runner_up_score": nt.runner_up_score, "evidence": nt.evidence})
        confusion[(n.note_type, nt.name)] += 1
    total = len(rows)
    per_type = {}
    for gold in sorted({r["gold"] for r in rows}):
        rs = [r for r in rows if r["gold"] == gold]
        per_type[gold] = {"n": len(rs), "correct": sum(r["ok"] for r in rs)}
    report = {"set": "dev", "notes": total, "skipped": len(loaded.skipped),
              "type_accuracy": round(sum(r["ok"] for r in rows) / total, 4) if total else None,
              "layout_accuracy": round(sum(r["layout_ok"] for r in rows) / total, 4) if total else None,
              # of the notes given a type's own layout, how many have the right one (a wrong layout misleads more
              # than the generic one)
              "decided": sum(r["detected"] != "other" for r in rows),
              "precision_when_decided": round(sum(r["ok"] for r in rows if r["detected"] != "other")
                                              / max(1, sum(r["detected"] != "other" for r in rows)), 4),
              "per_type": per_type,
              "confusion": {f"{g} -> {d}": c for (g, d), c in sorted(confusion.items()) if g != d}}
    if args.errors:
        report["errors"] = [r for r in rows if not r["ok"]]
    print(json.dumps(report, indent=1))
    if args.out:
        args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
