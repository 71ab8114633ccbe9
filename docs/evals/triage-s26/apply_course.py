"""Write course_additions.yaml into the triage condition files (one-time edit, session 26, issue 12).

Each condition's one-line `findings: {...}` map gets the added findings (a finding the condition already lists is
left as it is and reported), and its `source:` gets "; course: <where it comes from> (session 26)". Text edits,
so the files keep their layout and comments. Run again, it adds only what is new: a source already naming the
session-26 course is left as it is and findings already listed are kept (and reported).

    .venv/bin/python docs/evals/triage-s26/apply_course.py [--dry-run]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KB = HERE.parents[2] / "assets" / "kb" / "triage"
MARK = "(session 26)"
_ID = re.compile(r"^- id: (\S+)\s*$")


def apply(dry_run: bool) -> None:
    adds = yaml.safe_load((HERE / "course_additions.yaml").read_text())["additions"]
    course = {f["id"] for f in yaml.safe_load((KB / "findings.yaml").read_text())["findings"]}
    done = set()
    for path in sorted(KB.glob("conditions_*.yaml")):
        lines = path.read_text().splitlines(keepends=True)
        current = None
        for i, line in enumerate(lines):
            m = _ID.match(line)
            if m:
                current = m.group(1)
                continue
            if current not in adds:
                continue
            found, where = adds[current]
            if line.startswith("  source: ") and MARK not in line:
                body = line.rstrip("\n")
                assert body.endswith('"'), (current, body)
                lines[i] = body[:-1] + f"; course: {where} {MARK}\"\n"
            elif line.startswith("  findings: {") and line.rstrip().endswith("}"):
                have = yaml.safe_load(line.strip()[len("findings: "):])
                new = []
                for f, p in found.items():
                    assert f in course, f"unknown finding {f}"
                    if f in have:
                        print(f"kept {current}.{f} = {have[f]} (proposed {p})")
                        continue
                    new.append(f"{f}: {p}")
                if new:
                    lines[i] = line.rstrip()[:-1] + ", " + ", ".join(new) + "}\n"
                done.add(current)
        if not dry_run:
            path.write_text("".join(lines))
    missing = set(adds) - done
    assert not missing, f"no such condition: {sorted(missing)}"
    print(f"{len(done)} conditions given their course")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true")
    apply(ap.parse_args().dry_run)
