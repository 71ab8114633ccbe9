"""Every `eval-extract` field pooled over the dev extraction splits, headings kept and removed: the session-24
scorer (`docs/evals/literature-s24/all_fields.py`) run as it is, then once more with blind_s24 (dev since session
25) as a split of its own. Only tallies are written (session 25b, issue 15).

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s25b/dev_fields.py OUT.json
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being scored: the repo root this is run from

from medcore.config import Settings  # noqa: E402
from medcore.literature.evaluate import evaluate  # noqa: E402

S24 = Path(__file__).resolve().parents[1] / "literature-s24" / "all_fields.py"


def main() -> int:
    out = Path(sys.argv[1])
    spec = importlib.util.spec_from_file_location("all_fields_s24", S24)
    all_fields = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(all_fields)
    sys.argv = [str(S24), "--out", str(out)]
    all_fields.main()  # the 270 abstracts of the nine session-24 dev splits, pooled
    report = json.loads(out.read_text(encoding="utf-8"))
    settings = Settings.load()
    report["blind_s24"] = {}
    for mode, headings in (("kept", True), ("removed", False)):
        fields = evaluate(settings, "blind_s24", headings=headings)["fields"]
        report["blind_s24"][mode] = fields
        for f in ("design", "n", "setting"):
            t = fields[f]
            print(f"blind_s24 headings {mode} {f:8s} P {t['precision']}  R {t['recall']}  "
                  f"({t['correct']}/{t['predicted']}/{t['gold']})")
    out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
