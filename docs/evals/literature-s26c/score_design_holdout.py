"""Score the design of each own methods sentence in design_holdout.yaml (session 26c, issue 15), read as the
METHODS section of a fixed abstract; run from the root of the tree being scored. `none`: no design expected (the reader says "unknown")."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being scored

from medcore import kbyaml  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.literature.service import read_paper  # noqa: E402


def _abstract(methods: str) -> str:
    return ("Outcomes in a group of patients\nOBJECTIVE: To describe what was found in these people.\n"
            f"METHODS: {methods}\nRESULTS: Several findings were noted.\nCONCLUSIONS: These findings matter.")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("holdout")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    settings = Settings.load()
    rows = []
    for item in kbyaml.load(Path(args.holdout))["items"]:
        kind = read_paper(settings, _abstract(item["methods"]), classifier=False)[0].design.kind or "none"
        kind = "none" if kind == "unknown" else kind  # the reader says "unknown" when no design is named
        rows.append({"methods": item["methods"], "gold": item["gold"], "read": kind, "ok": kind == item["gold"]})
    report = {"items": len(rows), "correct": sum(r["ok"] for r in rows), "rows": rows}
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("items", "correct")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
