"""Choose blind set s11 (15 PubMedQA PQA-L items) by a seeded hash rule, printing PMIDs only.

Rule (fixed before reading any abstract): drop every PMID already named anywhere under
tests/literature/annotations/ or docs/evals/lit*; rank the rest by sha256("lit15-s11-blind:" + pmid); take the
first 15. Run from the repository root: `python docs/evals/literature-s11/select_blind.py`."""

import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
used: set[str] = set()
for folder in [ROOT / "tests/literature/annotations", *sorted((ROOT / "docs/evals").glob("lit*"))]:
    for f in folder.rglob("*"):
        if f.is_file() and f.name != Path(__file__).name and f.suffix in (".yaml", ".json", ".md", ".txt", ".csv"):
            used |= set(re.findall(r"\b\d{7,8}\b", f.read_text(encoding="utf-8", errors="replace")))
data = json.loads((ROOT.parent / "shared/data/pubmedqa/pqal_dev.json").read_text(encoding="utf-8"))
free = [p for p in data if p not in used]
ranked = sorted(free, key=lambda p: hashlib.sha256(f"lit15-s11-blind:{p}".encode()).hexdigest())
print(f"{len(data)} items, {len(data) - len(free)} excluded, {len(free)} free")
print(" ".join(ranked[:15]))
