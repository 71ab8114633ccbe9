"""Every abbreviation definition "long form (LF)" in the PubMedQA abstracts, expanded by `treated_groups.expand`
at the base (commit 0b5173cd's treated_groups.py, read from git) and in the working tree (session 22's
Schwartz-Hearst long form). Counts only are written (a list would quote the abstracts); `--show` prints the
changed expansions to the terminal for reading, never to a file.
Run from the repo root: nice -n 10 .venv/bin/python docs/evals/literature-s22/abbreviations.py [--show]"""

import json
import re
import subprocess
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from medcore import kbyaml  # noqa: E402
from medcore.literature import treated_groups  # noqa: E402
from medcore.literature.evaluate import ANNOTATIONS, abstract_text, default_data_path  # noqa: E402

BASE = "0b5173cd"
SPLITS = ("dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14")
_DEFINED = re.compile(r"\(\s*([A-Z][A-Za-z]{0,2}[A-Z]{1,5}s?)\s*\)")


def _old_expand():
    src = subprocess.run(["git", "show", f"{BASE}:medcore/literature/treated_groups.py"], capture_output=True,
                         text=True, check=True).stdout
    mod = types.ModuleType("treated_groups_base")
    exec(compile(src, "treated_groups_base", "exec"), mod.__dict__)
    return mod.expand


def _tally(items: dict, pmids, old, show: bool) -> dict:
    t = {"abstracts": 0, "definitions": 0, "expanded before": 0, "expanded after": 0, "changed": 0,
         "longer after": 0, "shorter after": 0, "other form after": 0, "dropped after": 0, "new after": 0}
    for pmid in pmids:
        title, text = abstract_text(items[pmid], headings=False)
        whole = f"{title} {text}"
        t["abstracts"] += 1
        for abbr in dict.fromkeys(_DEFINED.findall(whole)):
            before, after = old(abbr, whole), treated_groups.expand(abbr, whole)
            t["definitions"] += 1
            t["expanded before"] += before != abbr
            t["expanded after"] += after != abbr
            if before == after:
                continue
            t["changed"] += 1
            if after == abbr:
                kind = "dropped after"
            elif before == abbr:
                kind = "new after"
            elif after.endswith(before):
                kind = "longer after"
            elif before.endswith(after):
                kind = "shorter after"
            else:
                kind = "other form after"
            t[kind] += 1
            if show:
                print(f"{pmid} {abbr}: {before!r} -> {after!r} ({kind})")
    return t


def run(show: bool = False) -> dict:
    items = json.loads(default_data_path().read_text(encoding="utf-8"))
    old = _old_expand()
    out = {}
    for split in SPLITS:
        pmids = [p["pmid"] for p in kbyaml.load(ANNOTATIONS / f"pubmedqa_extract_{split}.yaml")["papers"]]
        out[split] = _tally(items, pmids, old, show)
    out["all 500 PubMedQA dev abstracts"] = _tally(items, list(items), old, show)
    return out


if __name__ == "__main__":
    result = run("--show" in sys.argv)
    print(json.dumps(result, indent=1))
    Path(__file__).with_name("abbreviations.json").write_text(json.dumps(result, indent=1) + "\n")
