"""Add typed names (brands or synonyms) to existing lexicon entries, in place, with a source note.

Used by plan24b (session 24b) and plan25 (session 25) for typed names of their names lists that resolved to nothing
although their active ingredients are in the lexicon. Input: a TSV of name<TAB>entry id<TAB>brand|synonym<TAB>source. Each
entry's one-line flow mapping gets the name in its `brands` or `synonyms` list (created if absent) and the source
appended to its `source` as "names (session S): ...". Run from the repo root:
    python docs/evals/_tools/planner_add_names.py FILE.tsv SESSION   (or a session folder's add_names.py FILE.tsv)
"""

import re
import sys
from pathlib import Path

DRUGS = Path("assets/kb/knowledge/drugs")


def quote(n: str) -> str:
    return '"' + n.replace('"', '\\"') + '"'


def edit_line(line: str, names: dict[str, list[str]], sources: list[str], session: str) -> str:
    head, tail = line.split(" source: ", 1)
    for key, vals in names.items():
        if not vals:
            continue
        m = re.search(rf"\b{key}: \[", head)
        add = ", ".join(quote(v) for v in vals)
        if m:
            head = head[:m.end()] + add + ", " + head[m.end():]
        else:
            head = re.sub(r"(, name: (\"[^\"]*\"|'[^']*'|[^,]*),)", rf"\1 {key}: [{add}],", head, count=1)
    note = f"names (session {session}): " + "; ".join(dict.fromkeys(sources))
    tail = tail.rstrip()
    assert tail.endswith("}")
    val = tail[:-1].rstrip()
    if val.startswith('"') and val.endswith('"'):
        val = val[:-1] + "; " + note.replace('"', "'") + '"'
    elif val.startswith("'") and val.endswith("'"):
        val = val[:-1] + "; " + note.replace("'", "''") + "'"
    else:
        val = '"' + val.replace('"', "'") + "; " + note.replace('"', "'") + '"'
    return head + " source: " + val + "}"


def main(path: str, session: str) -> None:
    plan: dict[str, dict] = {}
    for row in Path(path).read_text().splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        name, target, kind, src = row.split("\t")
        p = plan.setdefault(target, {"brands": [], "synonyms": [], "src": []})
        p["brands" if kind == "brand" else "synonyms"].append(name)
        p["src"].append(src)
    files = sorted((DRUGS / "ingredients").glob("*.yaml")) + [DRUGS / "products.yaml"]
    done = set()
    for f in files:
        lines = f.read_text().splitlines()
        changed = False
        for i, line in enumerate(lines):
            m = re.match(r"\s*- \{id: ([a-z0-9_\-]+),", line)
            if m and m.group(1) in plan and m.group(1) not in done:
                p = plan[m.group(1)]
                lines[i] = edit_line(line, {"brands": p["brands"], "synonyms": p["synonyms"]}, p["src"], session)
                done.add(m.group(1))
                changed = True
        if changed:
            f.write_text("\n".join(lines) + "\n")
    missing = set(plan) - done
    print(f"edited {len(done)} entries; not found: {sorted(missing)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
