"""Newness check of the session-25 planner blind set against every earlier planner blind set.

Fails (exit 1) when a typed name of blind.yaml (case-insensitive) is a typed name of any earlier
docs/evals/planner-blind*/blind.yaml, or when a pair (order-free, case-insensitive) was typed in one; prints the
counts. The wider word-level check against every earlier planner file is draw.py's (names) and pairs_filter.py's
(pairs). Never runs the planner. Run: python docs/evals/planner-blind-s25/newness.py
"""

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def main() -> int:
    mine = yaml.safe_load((HERE / "blind.yaml").read_text(encoding="utf-8"))
    names, pairs, sets = set(), set(), []
    for f in sorted(HERE.parent.glob("planner-blind*/blind.yaml")):
        if f.parent == HERE:
            continue
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        sets.append(f.parent.name)
        names |= {n["name"].lower() for n in data.get("names") or []}
        pairs |= {frozenset(d.lower() for d in p["drugs"]) for p in data.get("pairs") or []}
    old_names = [n["name"] for n in mine["names"] if n["name"].lower() in names]
    old_pairs = [p["drugs"] for p in mine["pairs"] if frozenset(d.lower() for d in p["drugs"]) in pairs]
    print(f"{len(sets)} earlier sets ({', '.join(sets)}): {len(names)} names, {len(pairs)} pairs")
    print(f"repeated names: {old_names or 'none'}; repeated pairs: {old_pairs or 'none'}")
    return 1 if old_names or old_pairs else 0


if __name__ == "__main__":
    sys.exit(main())
