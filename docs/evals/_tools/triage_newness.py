"""Newness check of a triage vignette file: exact text duplicates and shared 7-word runs between its texts and every
earlier vignette text (assets/kb/triage/vignettes*.yaml) and every line of tests/**/*.py. Prints only counts and the
runs of the new side (never an earlier text). One home for the triage-blind-s25 and -s26 checks (each folder's
newness.py is a wrapper). Run from the repo root:
    .venv/bin/python docs/evals/_tools/triage_newness.py assets/kb/triage/vignettes_blind_sNN.yaml

"Earlier" leaves out the new file and, when it is a blind set of session NN, every blind file of session NN or later
(a later session's blind set may be in the tree and must never be read; when the s25/s26 checks first ran there was
none, so their output is unchanged)."""
import glob
import re
import sys
from pathlib import Path

import yaml

N = 7
_BLIND = re.compile(r"vignettes_blind_s(\d+)")


def words(t):
    return re.findall(r"[a-z0-9']+", t.lower())


def grams(t):
    w = words(t)
    return {" ".join(w[i:i + N]) for i in range(len(w) - N + 1)}


def _earlier(path: str, new: str) -> bool:
    """True when vignette file `path` is earlier than `new` (not the file itself, no blind set of its session or later)."""
    if Path(path).name == Path(new).name:
        return False
    mine, theirs = _BLIND.search(Path(new).name), _BLIND.search(Path(path).name)
    return not (mine and theirs and int(theirs.group(1)) >= int(mine.group(1)))


def main(new_file: str) -> None:
    old_texts = []
    for f in sorted(glob.glob("assets/kb/triage/vignettes*.yaml")):
        if not _earlier(f, new_file):
            continue
        doc = yaml.safe_load(open(f, encoding="utf-8"))
        old_texts += [v["text"] for v in (doc["vignettes"] if isinstance(doc, dict) else doc)]
    n_vignettes = len(old_texts)
    for f in glob.glob("tests/**/*.py", recursive=True):
        old_texts += open(f, encoding="utf-8", errors="ignore").read().splitlines()
    old_norm = {" ".join(words(t)) for t in old_texts}
    old_grams = set().union(*(grams(t) for t in old_texts))
    new = yaml.safe_load(open(new_file, encoding="utf-8"))["vignettes"]
    dups = [v["id"] for v in new if " ".join(words(v["text"])) in old_norm]
    shared = {v["id"]: sorted(grams(v["text"]) & old_grams) for v in new}
    shared = {k: x for k, x in shared.items() if x}
    for k, x in shared.items():
        print(k, x)
    print(f"new texts: {len(new)}; earlier vignette texts: {n_vignettes} (plus test lines); exact duplicates: "
          f"{len(dups)}; texts sharing a {N}-word run: {len(shared)}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: triage_newness.py VIGNETTE_FILE")
    main(sys.argv[1])
