"""One reader for the summarizer's CSV knowledge files (lab, vital and unit ranges; UCUM and LOINC codes):
rows with their line numbers, stripped, with required columns checked. Each caller passes its own error class,
so a malformed file fails with the error its loader documents and a message naming the file and row."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator


def kb_rows(path: Path, required: tuple[str, ...], error: type[Exception]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        fh = path.open(encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise error(f"{path.name} is missing") from exc
    with fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            for key in required:
                if not (row.get(key) or "").strip():
                    raise error(f"{path.name} row {i}: {key} is empty")
            yield i, {k: (v or "").strip() for k, v in row.items() if k is not None}
