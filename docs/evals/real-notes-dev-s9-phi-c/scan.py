"""Over-redaction read for the larger given-name list: de-identify ~300 unannotated MTSamples rows (data row index
% 10 in 0, 2, 4, 6, 8; never a row of pool 9, nor a row whose text is also a pool-9 or pool-3 row) with the old
list and with the new one, and print every span that only one of the two replaces, with a little context.

    PYTHONPATH=. python docs/evals/real-notes-dev-s9-phi-c/scan.py OLD_LIST NEW_LIST [N] [SEED]

Prints the row numbers read to mtsamples_rows_read.txt beside this file (numbers only, no text)."""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from medcore import deid
from medcore.config import shared_data

HERE = Path(__file__).resolve().parent


def _spans(text: str, names_file: Path) -> set[tuple[int, int, str]]:
    words = frozenset(w for ln in names_file.read_text(encoding="utf-8").splitlines()
                      if not ln.startswith("#") for w in ln.split())
    deid._first_names.cache_clear()
    real = deid._first_names
    deid._first_names = lambda: words  # type: ignore[assignment]
    try:
        return set(deid.find_phi(text))
    finally:
        deid._first_names = real


def main(argv: list[str]) -> int:
    path = shared_data("mtsamples", "mtsamples_dev.csv")
    if path is None:
        print("skipped: ../shared/data/mtsamples/ is not on this machine")
        return 2
    old, new = Path(argv[0]), Path(argv[1])
    n = int(argv[2]) if len(argv) > 2 else 300
    seed = int(argv[3]) if len(argv) > 3 else 12
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r.get("transcription") or "" for r in csv.DictReader(fh)]
    held = {t for i, t in enumerate(rows) if i % 10 in (3, 9)}
    pool = [i for i, t in enumerate(rows) if i % 10 in (0, 2, 4, 6, 8) and t.strip() and t not in held]
    pick = sorted(random.Random(seed).sample(pool, n))
    (HERE / "mtsamples_rows_read.txt").write_text("\n".join(map(str, pick)) + "\n", encoding="utf-8")
    added = removed = 0
    for i in pick:
        text = rows[i]
        a, b = _spans(text, old), _spans(text, new)
        for s, e, k in sorted(b - a):
            added += 1
            print(f"+ row {i} {k}: ...{text[max(0, s - 50):s]!s}[[{text[s:e]}]]{text[e:e + 40]}...".replace("\n", " "))
        for s, e, k in sorted(a - b):
            removed += 1
            print(f"- row {i} {k}: ...{text[max(0, s - 50):s]!s}[[{text[s:e]}]]{text[e:e + 40]}...".replace("\n", " "))
    print(f"rows {len(pick)}: {added} spans only with the new list, {removed} only with the old")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
