"""Split the names.yaml scores into names whose typed form occurs in an earlier planner file and names new to every
planner file (docs/evals/planner*/, this folder and the never-opened planner-blind-s24 excluded), as session 23b did.
Run from the repo root: python docs/evals/planner-s24b/new_names.py before.json after.json (eval outputs with --errors).
"""

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).parent


def main(before: str, after: str) -> None:
    parts = []
    for d in sorted((ROOT / "docs" / "evals").glob("planner*")):
        if d.name in ("planner-s24b", "planner-blind-s24") or not d.is_dir():
            continue
        parts += [f.read_text(errors="ignore").lower() for f in sorted(d.rglob("*")) if f.is_file()]
    text = "\n".join(parts)
    names = [c["name"] for c in yaml.safe_load((HERE / "names.yaml").read_text())["names"]]
    new = {n for n in names if not re.search(r"(?<![\w-])" + re.escape(n.lower()) + r"(?![\w-])", text)}
    for label, path in (("before", before), ("after", after)):
        wrong = {e["name"] for e in json.loads(Path(path).read_text())["name_errors"]}
        ok_new = sum(1 for n in new if n not in wrong)
        ok_old = sum(1 for n in names if n not in new and n not in wrong)
        print(f"{label}: new to every planner file {ok_new}/{len(new)} = {ok_new / len(new):.3f}; "
              f"in an earlier file {ok_old}/{len(names) - len(new)} = {ok_old / (len(names) - len(new)):.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
