"""Newness check of the s27 blind triage set: exact text duplicates and shared 7-word runs between its texts and every
earlier vignette text (assets/kb/triage/vignettes*.yaml, the s27 file left out) and every line under tests/. Prints
only counts and the runs of the new side (never an earlier text). Run from the repo root:
    .venv/bin/python docs/evals/triage-blind-s27/newness.py"""
import glob
import re

import yaml

NEW = "assets/kb/triage/vignettes_blind_s27.yaml"
N = 7


def words(t):
    return re.findall(r"[a-z0-9']+", t.lower())


def grams(t):
    w = words(t)
    return {" ".join(w[i:i + N]) for i in range(len(w) - N + 1)}


old_texts = []
for f in sorted(glob.glob("assets/kb/triage/vignettes*.yaml")):
    if f.endswith("vignettes_blind_s27.yaml"):
        continue
    doc = yaml.safe_load(open(f, encoding="utf-8"))
    old_texts += [v["text"] for v in (doc["vignettes"] if isinstance(doc, dict) else doc)]
n_vignettes = len(old_texts)
for f in glob.glob("tests/**/*.py", recursive=True):
    old_texts += open(f, encoding="utf-8", errors="ignore").read().splitlines()
old_norm = {" ".join(words(t)) for t in old_texts}
old_grams = set().union(*(grams(t) for t in old_texts))
new = yaml.safe_load(open(NEW, encoding="utf-8"))["vignettes"]
dups = [v["id"] for v in new if " ".join(words(v["text"])) in old_norm]
shared = {v["id"]: sorted(grams(v["text"]) & old_grams) for v in new}
shared = {k: x for k, x in shared.items() if x}
for k, x in shared.items():
    print(k, x)
print(f"new texts: {len(new)}; earlier vignette texts: {n_vignettes} (plus test lines); exact duplicates: {len(dups)}; "
      f"texts sharing a {N}-word run: {len(shared)}")
