"""How blind_s16's rows were drawn (issue 11, session 16; adapted from blind_s15's). Prints row numbers only.

Pool: data rows of ../shared/data/mtsamples/mtsamples_dev.csv of ANY residue (every residue has been drawn from by
session 14, so this set re-splits: it takes only rows no engineer has read), not annotated in any other set,
non-empty, at most MAX_WORDS words (LONG_TYPES: a higher cap for discharge, ED and H&P notes), excluding (a) every
row listed in any other docs/evals/*/mtsamples_rows_read.txt (rows other helpers printed; this set's own list is
written after the draw and skipped so that the draw can be rerun), (b) every row whose
text equals the text of such a row or of a note annotated in another set under assets/notes/real/, and (c) a second
copy of a text already in the pool. Rows are sorted into draw strata by a rough note-type guess (specialty, sample
name, headings; the same guess as blind_s10's draw), each stratum is shuffled with random.Random(SEED), and the
first QUOTA[t] rows are taken (rows in LEFT_OUT skipped). The annotator sets the note_type on reading (the guess
can be wrong)."""

from __future__ import annotations

import csv
import glob
import hashlib
import json
import random
import sys
from pathlib import Path

SEED = 20261216
RESIDUES = tuple(range(10))  # a re-split of the rows no engineer has read
MAX_WORDS = 250  # lower than s15's 350 so that 22 notes can be annotated by hand in the ~50 minutes this session
# gives the writer; the scarce types (discharge, ED, H&P, letter: 0-3 unread rows of each left) keep a higher cap so
# that they are drawn at all
LONG_TYPES = {"discharge": 650, "ed": 650, "history_physical": 650, "letter": 650}
# Quotas fixed before the draw (as blind_s13's, s14's and s15's): discharge 3, ED 3, progress 3, consult 2,
# radiology 2, H&P 3, operative 2, letter 2, other 2 (22). A stratum with too few eligible rows is filled from the
# next rows of the same seeded order of other strata (said below and in the README).
QUOTA = {"discharge": 3, "ed": 3, "progress": 3, "consult": 2, "radiology": 2, "history_physical": 3,
         "operative": 2, "letter": 2, "other": 2}
# Drawn but left out on reading, the next row of the same stratum taken instead (in the seeded order):
LEFT_OUT: dict[int, str] = {
    1463: "radiology: a heading alone, no note body",
    1557: "radiology: a treatment-delivery template with no problem, medication, PHI or value to annotate",
}
REPO = Path(__file__).resolve().parents[3]


def guess_type(row: dict) -> str:
    spec = row["medical_specialty"].strip().lower()
    name = row["sample_name"].strip().lower()
    text = row["transcription"]
    head = text[:400].upper()
    if "discharge summary" in spec or "discharge summary" in name:
        return "discharge"
    if "emergency" in spec or "emergency" in name or name.startswith("er ") or "er visit" in name:
        return "ed"
    if "letters" in spec or "letter" in name or text.lstrip().lower().startswith("dear"):
        return "letter"
    if "soap" in spec or "office notes" in spec or "progress" in name or "follow-up" in name or "SUBJECTIVE:" in head:
        return "progress"
    if "PREOPERATIVE DIAGNOSIS" in head or "PROCEDURE PERFORMED" in head or "OPERATION" in head:
        return "operative"
    if "consult" in name:
        return "consult"
    if "h&p" in name or "history and physical" in name or "history & physical" in name:
        return "history_physical"
    if "radiology" in spec or "EXAM:" in head or "FINDINGS:" in head:
        return "radiology"
    return "other"


def main(csv_path: str) -> None:
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    digest = [hashlib.sha256((r["transcription"] or "").encode("utf-8")).hexdigest() for r in rows]
    read = set()
    for f in glob.glob(str(REPO / "docs/evals/*/mtsamples_rows_read.txt")):
        if "/real-notes-blind-s16/" in f:
            continue
        read |= {int(x) for x in Path(f).read_text().split() if x.strip().isdigit()}
    banned = {digest[i] for i in read if i < len(rows)}
    annotated = set()
    for f in glob.glob(str(REPO / "assets/notes/real/*/mt*.json")):
        if "/blind_s16/" not in f:
            data = json.loads(Path(f).read_text(encoding="utf-8"))
            banned.add(data["sha256"])
            annotated.add(data["row"])
    strata: dict[str, list[int]] = {t: [] for t in QUOTA}
    seen = set()
    for i, r in enumerate(rows):
        text = r["transcription"] or ""
        if (i % 10 not in RESIDUES or i in read or i in annotated or not text.strip() or digest[i] in banned
                or digest[i] in seen):
            continue
        t = guess_type(r)
        if len(text.split()) > LONG_TYPES.get(t, MAX_WORDS):
            continue
        seen.add(digest[i])
        strata[t].append(i)
    rng = random.Random(SEED)
    order, take = {}, {}
    for t in QUOTA:
        pool = sorted(strata[t])
        rng.shuffle(pool)
        order[t] = [i for i in pool if i not in LEFT_OUT]
        take[t] = min(QUOTA[t], len(order[t]))
    # Shortfall (strata with fewer eligible rows than their quota): filled one row at a time, going round the
    # strata in QUOTA order, from the next rows of the same seeded order of each stratum that still has rows.
    short = sum(QUOTA.values()) - sum(take.values())
    while short > 0:
        for t in QUOTA:
            if short > 0 and take[t] < len(order[t]) and take[t] >= QUOTA[t]:
                take[t] += 1
                short -= 1
    chosen = []
    for t in QUOTA:
        print(t, "quota", QUOTA[t], "eligible", len(order[t]), "drawn", order[t][:take[t]],
              "next", order[t][take[t]:take[t] + 3])
        chosen += order[t][:take[t]]
    print("rows", len(chosen), sorted(chosen))

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(REPO.parent / "shared/data/mtsamples/mtsamples_dev.csv"))
