"""Every `literature eval-extract` field (the scorer's own tallies) pooled over all dev extraction splits (dev,
blind, blind2, blind_s11 ... blind_s14, blind_s22, blind_s23), headings kept and removed, with a per-split part.
Only tallies are written (session 24b, issue 15; the per-paper part quotes abstracts).

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s24b/dev_fields.py OUT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being scored: the repo root this is run from

from medcore.config import Settings  # noqa: E402
from medcore.literature.evaluate import evaluate, ratio  # noqa: E402

SPLITS = ("dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14", "blind_s22", "blind_s23")


def main() -> int:
    settings, out = Settings.load(), {}
    for headings in (True, False):
        per = {s: evaluate(settings, s, headings=headings)["fields"] for s in SPLITS}
        pooled = {}
        for f in per[SPLITS[0]]:
            t = {k: sum(per[s][f][k] for s in SPLITS) for k in ("gold", "predicted", "correct")}
            t.update(precision=ratio(t["correct"], t["predicted"]), recall=ratio(t["correct"], t["gold"]))
            pooled[f] = t
        out["kept" if headings else "removed"] = {"pooled": pooled, "per_split": per}
        for f, t in pooled.items():
            print(f"headings {'kept' if headings else 'removed'} {f:20s} P {t['precision']}  R {t['recall']}  "
                  f"({t['correct']}/{t['predicted']}/{t['gold']})")
    Path(sys.argv[1]).write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
