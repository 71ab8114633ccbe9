"""Score medcore.deid on a PHI list: recall of listed PHI strings (fully replaced) and words that must survive.

    .venv/bin/python docs/evals/deid-geo/score.py [docs/evals/deid-geo/blind.yaml] [--errors]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from medcore.deid import deidentify  # noqa: E402


def score(path: Path, show_errors: bool = False) -> dict:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    found = missed = kept = lost = 0
    errors = []
    for it in items:
        spans = deidentify(it["text"], shift_days=-40).spans
        covered = [(s.start, s.end) for s in spans]
        for phi in it["phi"]:
            i = it["text"].find(phi)
            ok = i >= 0 and all(any(a <= k < b for a, b in covered) for k in range(i, i + len(phi)) if not phi[k - i].isspace())
            found, missed = found + ok, missed + (not ok)
            if not ok:
                errors.append(("missed", phi))
        for word in it["keep"]:
            i = it["text"].find(word)
            ok = not any(a < i + len(word) and i < b for a, b in covered)
            kept, lost = kept + ok, lost + (not ok)
            if not ok:
                errors.append(("removed", word))
    out = {"items": len(items), "phi": found + missed, "phi_recall": round(found / max(1, found + missed), 3),
           "keep_words": kept + lost, "keep_rate": round(kept / max(1, kept + lost), 3)}
    if show_errors:
        out["errors"] = errors
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    target = Path(args[0]) if args else Path(__file__).with_name("blind.yaml")
    print(json.dumps(score(target, "--errors" in sys.argv), indent=1))
