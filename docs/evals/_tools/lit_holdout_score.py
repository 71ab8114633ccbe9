"""Score a literature holdout (holdout.yaml: items of a title and a short structured abstract with gold values for
some fields), one home for literature-s27 and -s28 score_holdout.py (wrappers passing their fields). Run from the root
of the tree being scored (its medcore is imported): `python docs/evals/literature-s28/score_holdout.py HOLDOUT --out
OUT.json`. Per field: correct / predicted / gold, a null gold counting only a false reading; list fields match one to
one. Matching is the extraction sets' (`medcore.literature.evaluate`)."""

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


def _score_list(f: str, g: list, p: list, t: dict) -> bool:
    used, hit = set(), 0
    for gv in g:
        j = next((j for j, pv in enumerate(p) if j not in used and _list_ok(f, gv, pv)), None)
        if j is not None:
            used.add(j)
            hit += 1
    t["gold"] += len(g)
    t["predicted"] += len(p)
    t["correct"] += hit
    return hit == len(g) == len(p)


def _score_scalar(f: str, g, p, t: dict) -> bool:
    t["gold"] += g is not None
    t["predicted"] += p is not None
    ok = (g is None and p is None) or (g is not None and p is not None and _scalar_ok(f, g, p))
    t["correct"] += bool(ok and g is not None)
    return ok


def score(holdout: Path, fields: tuple, lists: tuple) -> dict:
    """The report of one holdout: per-field tallies, item counts and a row per item."""
    settings = Settings.load()
    tally = {f: {"correct": 0, "predicted": 0, "gold": 0} for f in fields}
    rows = []
    for item in kbyaml.load(holdout)["items"]:
        result = read_paper(settings, f"{item['title']}\n{item['text']}", classifier=False)[0]
        pred = predicted(result)
        if "setting" in fields:  # not among the extraction sets' predicted fields
            pred["setting"] = result.design.setting or None
        row = {"title": item["title"], "fields": {}}
        for f, g in item["gold"].items():
            p = pred.get(f)
            ok = _score_list(f, g, p or [], tally[f]) if f in lists else _score_scalar(f, g, p, tally[f])
            row["fields"][f] = {"gold": g, "read": (p or []) if f in lists else p, "ok": bool(ok)}
        rows.append(row)
    return {"fields": tally, "items": len(rows),
            "items_all_right": sum(all(v["ok"] for v in r["fields"].values()) for r in rows), "rows": rows}


def main(fields: tuple, lists: tuple, argv=None) -> int:
    ap = argparse.ArgumentParser(description="Score a literature holdout (run from the root of the tree scored).")
    ap.add_argument("holdout")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    report = score(Path(args.holdout), fields, lists)
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("fields", "items", "items_all_right")}))
    return 0
