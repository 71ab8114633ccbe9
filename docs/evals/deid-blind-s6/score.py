"""Score medcore.deid on the session-6 blind notes (notes.yaml).

Strict recall: a PHI occurrence counts only when every non-space character of it lies inside a PHI span
(every occurrence of each listed string, word-bounded; one inside a longer listed occurrence is not counted
twice). Over-redaction: PHI spans that touch no listed occurrence (span precision), and listed clinical strings
("keep") that a span touches.

    .venv/bin/python docs/evals/deid-blind-s6/score.py [--errors]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from medcore.deid import deidentify  # noqa: E402


def _occurrences(text: str, s: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text)]


def gold(note: dict) -> list[tuple[int, int, str, str]]:
    occ = [(a, b, kind, s) for s, kind in note["phi"] for a, b in _occurrences(note["text"], s)]
    if len(occ) < len(note["phi"]):
        raise ValueError(f"{note['id']}: a listed PHI string is not in the text")
    return [o for o in occ if not any(p[0] <= o[0] and o[1] <= p[1] and (p[1] - p[0]) > (o[1] - o[0]) for p in occ)]


def score(path: Path, show_errors: bool = False) -> dict:
    notes = yaml.safe_load(path.read_text(encoding="utf-8"))["notes"]
    found, total, kept, keep_total = Counter(), Counter(), 0, 0
    pred_spans = pred_on_phi = 0
    errors: list = []
    for note in notes:
        text = note["text"]
        spans = deidentify(text, shift_days=-40).spans
        cov = [(s.start, s.end) for s in spans]
        occ = gold(note)
        for a, b, kind, s in occ:
            ok = all(any(x <= k < y for x, y in cov) for k in range(a, b) if not text[k].isspace())
            total[kind] += 1
            found[kind] += ok
            if not ok:
                errors.append({"note": note["id"], "missed": s, "type": kind})
        for sp in spans:
            pred_spans += 1
            if any(sp.start < b and a < sp.end for a, b, _, _ in occ):
                pred_on_phi += 1
            else:
                errors.append({"note": note["id"], "over_redacted": sp.text, "as": sp.type})
        for s in note["keep"]:
            a, b = _occurrences(text, s)[0]
            ok = not any(x < b and a < y for x, y in cov)
            keep_total += 1
            kept += ok
            if not ok:
                errors.append({"note": note["id"], "clinical_removed": s})
    n, f = sum(total.values()), sum(found.values())
    out = {"notes": len(notes), "words": sum(len(x["text"].split()) for x in notes),
           "phi_occurrences": n, "strict_recall": round(f / max(1, n), 3),
           "per_type": {k: f"{found[k]}/{total[k]}" for k in sorted(total)},
           "predicted_spans": pred_spans, "span_precision": round(pred_on_phi / max(1, pred_spans), 3),
           "clinical_strings": keep_total, "clinical_kept": round(kept / max(1, keep_total), 3)}
    if show_errors:
        out["errors"] = errors
    return out


if __name__ == "__main__":
    print(json.dumps(score(Path(__file__).with_name("notes.yaml"), "--errors" in sys.argv), indent=1,
                     ensure_ascii=False))
