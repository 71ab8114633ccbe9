"""Append phrases to findings.yaml's more_synonyms / more_absent_synonyms, one home for triage-s27 and -s28
add_phrases.py (wrappers): `python docs/evals/_tools/triage_add_phrases.py ADDITIONS.yaml [--findings PATH]`.

ADDITIONS.yaml maps each section (more_synonyms / more_absent_synonyms) to {finding id: [phrases]}. A finding
already listed in the section gets the new phrases on its own line; a new one gets a line at the end of the section
(edited as text so the file's comments and layout stay). Phrases the finding already holds in synonyms,
absent_synonyms or either more_ section are skipped (case-insensitive), so a rerun adds nothing."""
import argparse
import re

import yaml

FINDINGS = "assets/kb/triage/findings.yaml"


def held(doc: dict) -> dict[str, set[str]]:
    """Each finding id's phrases in any of its four lists, lower case."""
    have = {f["id"]: set(map(str.lower, [*f.get("synonyms", []), *f.get("absent_synonyms", [])]))
            for f in doc["findings"]}
    for sec in ("more_synonyms", "more_absent_synonyms"):
        for fid, ps in (doc.get(sec) or {}).items():
            have.setdefault(fid, set()).update(map(str.lower, ps))
    return have


def add(text: str, additions: dict) -> str:
    """findings.yaml text with `additions` appended."""
    lines = text.split("\n")
    have = held(yaml.safe_load(text))
    for sec, table in additions.items():
        start = lines.index(f"{sec}:")
        end = next((i for i in range(start + 1, len(lines)) if re.match(r"^[a-z_]+:", lines[i])), len(lines))
        for fid, phrases in table.items():
            if fid not in have:
                raise SystemExit(f"unknown finding id: {fid}")
            new = [p for p in phrases if p.lower() not in have[fid]]
            have[fid].update(p.lower() for p in new)
            if not new:
                continue
            row = next((i for i in range(start + 1, end) if lines[i].startswith(f"  {fid}: [")), None)
            quoted = ", ".join('"' + p.replace('"', '\\"') + '"' for p in new)
            if row is not None:
                lines[row] = lines[row].rstrip()[:-1] + ", " + quoted + "]"
            else:
                while not lines[end - 1].strip():
                    end -= 1
                lines.insert(end, f"  {fid}: [{quoted}]")
                end += 1
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("additions", help="YAML: section -> finding id -> phrases")
    ap.add_argument("--findings", default=FINDINGS, help=f"the findings file to edit (default {FINDINGS})")
    args = ap.parse_args(argv)
    with open(args.additions) as fh:
        additions = yaml.safe_load(fh)
    with open(args.findings) as fh:
        text = fh.read()
    with open(args.findings, "w") as fh:
        fh.write(add(text, additions))


if __name__ == "__main__":
    main()
