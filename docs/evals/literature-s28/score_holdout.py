"""Score the session-28 holdout (holdout.yaml), as literature-s27/score_holdout.py does, with more fields (age,
comparators, primary outcomes); run from the root of the tree being scored. Per field: correct / predicted / gold, a
null gold counting only a false reading."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being scored

from medcore import kbyaml  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.literature.evaluate import _list_ok, _scalar_ok, predicted  # noqa: E402
from medcore.literature.service import read_paper  # noqa: E402

FIELDS = ("design", "n", "age", "female_pct", "interventions", "comparators", "outcomes_primary")
LISTS = ("interventions", "comparators", "outcomes_primary")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("holdout")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    settings = Settings.load()
    tally = {f: {"correct": 0, "predicted": 0, "gold": 0} for f in FIELDS}
    rows = []
    for item in kbyaml.load(Path(args.holdout))["items"]:
        result = read_paper(settings, f"{item['title']}\n{item['text']}", classifier=False)[0]
        pred = predicted(result)
        row = {"title": item["title"], "fields": {}}
        for f, g in item["gold"].items():
            p, t = pred.get(f), tally[f]
            if f in LISTS:
                p = p or []
                used, hit = set(), 0
                for gv in g:
                    j = next((j for j, pv in enumerate(p) if j not in used and _list_ok(f, gv, pv)), None)
                    if j is not None:
                        used.add(j)
                        hit += 1
                t["gold"] += len(g)
                t["predicted"] += len(p)
                t["correct"] += hit
                ok = hit == len(g) == len(p)
            else:
                t["gold"] += g is not None
                t["predicted"] += p is not None
                ok = (g is None and p is None) or (g is not None and p is not None and _scalar_ok(f, g, p))
                t["correct"] += bool(ok and g is not None)
            row["fields"][f] = {"gold": g, "read": p, "ok": bool(ok)}
        rows.append(row)
    report = {"fields": tally, "items": len(rows),
              "items_all_right": sum(all(v["ok"] for v in r["fields"].values()) for r in rows), "rows": rows}
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("fields", "items", "items_all_right")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
