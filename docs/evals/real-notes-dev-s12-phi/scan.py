"""Over-redaction read (session 12, phi12): the PHI spans of one version of the de-identifier on every unannotated
MTSamples row of pools 0, 6, 8 (data row index % 10). Never pool 4 (the blind_s12 pool), nor pools 2 and 3; a text
that is also a row of pools 2, 3 or 4 is skipped, and so is every row an annotated real-note set already holds.
Run it once per version and compare the two JSON files (offsets and types only, no text):

    PYTHONPATH=. .venv/bin/python docs/evals/real-notes-dev-s12-phi/scan.py /tmp/old_spans.json   # base code
    PYTHONPATH=. .venv/bin/python docs/evals/real-notes-dev-s12-phi/scan.py /tmp/new_spans.json   # new code

Then print each span only one version has, with ~50 characters around it, and add the row numbers printed to
mtsamples_rows_read.txt beside this file. The JSON files stay out of the repository."""

from __future__ import annotations

import csv
import json
import sys

from medcore.config import shared_data
from medcore.deid import find_phi
from medcore.records.real_notes import SETS, load_set


def main(argv: list[str]) -> int:
    path = shared_data("mtsamples", "mtsamples_dev.csv")
    if path is None:
        print("skipped: ../shared/data/mtsamples/ is not on this machine")
        return 2
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r.get("transcription") or "" for r in csv.DictReader(fh)]
    held = {t for i, t in enumerate(rows) if i % 10 in (2, 3, 4)}
    annotated = {n.row for name in SETS if name not in ("blind_s12",) for n in load_set(name).notes}
    out = {i: find_phi(t) for i, t in enumerate(rows)
           if i % 10 in (0, 6, 8) and t.strip() and t not in held and i not in annotated}
    with open(argv[0], "w", encoding="utf-8") as fh:
        json.dump(out, fh)
    print(f"{len(out)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
