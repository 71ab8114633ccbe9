"""Over-redaction read (session 10, phi11): the PHI spans of one version of the de-identifier on every unannotated
MTSamples row of pools 0, 4, 6, 8 (data row index % 10; never pool 2, the blind_s10 pool), skipping any text that is
also a pool-2 or pool-3 row. Run it once per version and compare the two JSON files (offsets and types only, no text):

    git archive BASE medcore assets/kb | tar -x -C /tmp/base && ln -s /work/shared /tmp/shared
    (cd /tmp/base && PYTHONPATH=/tmp/base python /path/to/scan.py /tmp/old_spans.json)
    PYTHONPATH=. python docs/evals/real-notes-dev-s10-phi/scan.py /tmp/new_spans.json

Then print each span only one version has, with ~50 characters around it, and add the row numbers printed to
mtsamples_rows_read.txt beside this file. The JSON files hold offsets only and stay out of the repository."""

from __future__ import annotations

import csv
import json
import sys

from medcore.config import shared_data
from medcore.deid import find_phi


def main(argv: list[str]) -> int:
    path = shared_data("mtsamples", "mtsamples_dev.csv")
    if path is None:
        print("skipped: ../shared/data/mtsamples/ is not on this machine")
        return 2
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r.get("transcription") or "" for r in csv.DictReader(fh)]
    held = {t for i, t in enumerate(rows) if i % 10 in (2, 3)}
    out = {i: find_phi(t) for i, t in enumerate(rows) if i % 10 in (0, 4, 6, 8) and t.strip() and t not in held}
    with open(argv[0], "w", encoding="utf-8") as fh:
        json.dump(out, fh)
    print(f"{len(out)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
