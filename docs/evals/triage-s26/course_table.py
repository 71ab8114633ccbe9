"""List, for each triage condition, the course and duration findings it carries (issue 12, session 26).

The NLU reads how a complaint started and went on (sudden / gradual onset, recurrence, getting worse, how long),
but a ranking can only use a told course when conditions list it. This table shows which conditions carry which
course findings, so the breadth step (a condition's typical course from its textbook description) can be checked.

    .venv/bin/python docs/evals/triage-s26/course_table.py [--missing gradual_onset] [--summary]
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

import yaml

KB = Path(__file__).resolve().parents[3] / "assets" / "kb" / "triage"


def course_ids() -> list[str]:
    findings = yaml.safe_load((KB / "findings.yaml").read_text())["findings"]
    return [f["id"] for f in findings if f.get("category") == "course"]


def conditions() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(KB.glob("conditions_*.yaml")):
        for c in yaml.safe_load(path.read_text())["conditions"]:
            out.append((path.name, c))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--missing", help="list only conditions that do not carry this course finding")
    ap.add_argument("--summary", action="store_true", help="counts per course finding only")
    args = ap.parse_args()
    ids = course_ids()
    counts: collections.Counter = collections.Counter()
    rows = []
    for fname, c in conditions():
        have = {k: v for k, v in c.get("findings", {}).items() if k in ids}
        counts.update(have.keys())
        if args.missing and args.missing in have:
            continue
        shown = " ".join(f"{k}={v[0] if isinstance(v, list) else v}" for k, v in have.items())
        rows.append(f"{c['id']:<38} {c['triage']:<9} {fname:<32} {shown or '-'}")
    if not args.summary:
        print("\n".join(rows))
    print(f"# {len(conditions())} conditions; carrying each course finding:")
    for k in ids:
        print(f"#   {k:<24} {counts[k]}")


if __name__ == "__main__":
    main()
