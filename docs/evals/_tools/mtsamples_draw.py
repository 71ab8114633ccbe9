"""The one home of the records blind sets' seeded draws of MTSamples rows (issue 11, sessions 10-30). Prints row
numbers only, never note text.

Every set drew the same way, with its own parameters (SETS below; each set's README says why they are what they
are): data rows of ../shared/data/mtsamples/mtsamples_dev.csv whose index % 10 is in `residues`, non-empty, at most
`max_words` words (`long_types`: a higher cap for the note types that are long by nature), excluding (a) every row
listed in the `read_glob` files (`mtsamples_rows_read.txt`: rows other helpers printed), (b) every row whose text
equals the text of such a row or of a note annotated in another set under assets/notes/real/ (with `skip_annotated`,
the annotated rows themselves too), and (c) a second copy of a text already in the pool. Rows are sorted into draw
strata by a rough note-type guess (`guess_type`: specialty, sample name, headings), each stratum is shuffled with
random.Random(seed), and the first `quota[t]` rows are taken (rows in `left_out` skipped; with `fill`, a stratum's
shortfall is filled one row at a time from the next rows of the other strata, going round in quota order). The
annotator then sets the note_type on reading (the guess can be wrong).

What counts as read or annotated is what the repository held when the set was drawn: `--as-of REV` reads those
files from that commit (by default the commit that added the set, `drawn_at`), so that rows read or annotated
later do not change an earlier draw; `--as-of now` reads the working tree.

    python docs/evals/_tools/mtsamples_draw.py --set blind_s12 [--as-of REV|now] [--csv PATH]
"""

from __future__ import annotations

import argparse
import csv
import fnmatch
import hashlib
import json
import random
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
CSV = REPO.parent / "shared" / "data" / "mtsamples" / "mtsamples_dev.csv"
ANNOTATED_GLOB = "assets/notes/real/*/mt*.json"


@dataclass(frozen=True)
class DrawParams:
    set_id: str  # the folder under assets/notes/real/ (its own notes are not "another set's")
    drawn_at: str  # the commit that added the set: its rows-read lists and annotated notes are what the draw saw
    seed: int
    residues: tuple[int, ...]
    max_words: int
    long_types: dict[str, int]
    quota: dict[str, int]  # in draw order
    left_out: dict[int, str] = field(default_factory=dict)  # drawn, left out on reading: the next row taken instead
    read_glob: str = "docs/evals/*/mtsamples_rows_read.txt"
    own_read_list: str = ""  # this set's own rows-read list, written after the draw (skipped, so it can be rerun)
    skip_annotated: bool = False  # leave out rows annotated in another set (not only copies of their text)
    fill: bool = False  # fill a stratum's shortfall from the other strata


_LONG_1200 = {"discharge": 1200, "ed": 1200, "history_physical": 1200}
_LONG_900 = {"discharge": 900, "ed": 900, "history_physical": 900}
_S13_QUOTA = {"discharge": 3, "ed": 3, "progress": 3, "consult": 2, "radiology": 2, "history_physical": 3,
              "operative": 2, "letter": 2, "other": 2}  # s13's quotas fixed before its draw; s14 and s15 kept them
SETS = {p.set_id: p for p in (
    DrawParams("blind_s10", "43df450b1062", seed=20261205, residues=(2,), max_words=700, long_types=_LONG_1200,
               quota={"discharge": 4, "ed": 3, "progress": 7, "consult": 4, "radiology": 3, "history_physical": 2,
                      "operative": 2, "letter": 2, "other": 2},
               left_out={1362: "nothing to annotate but a weight and a date (the set's test needs a problem or a "
                               "medication)"},
               read_glob="docs/evals/real-notes-dev-s9-phi*/mtsamples_rows_read.txt"),
    # planned discharge 3, ED 3, progress 4, consult 3, radiology 3, H&P 2, operative 2, letter 2, other 2; the ED,
    # H&P and letter strata held 1, 0 and 0 eligible rows, so the next rows of the larger strata were taken
    DrawParams("blind_s12", "b90ae3e8c8ec", seed=20261212, residues=(4,), max_words=700, long_types=_LONG_1200,
               quota={"discharge": 4, "ed": 3, "progress": 5, "consult": 4, "radiology": 3, "history_physical": 2,
                      "operative": 3, "letter": 2, "other": 2}),
    # lower caps so that 22 notes can be annotated by hand in one session; residues 0 and 6 pooled (one alone holds
    # too few ED, H&P and letter rows); the letter stratum held no eligible row, so H&P and discharge took one more
    DrawParams("blind_s13", "4cffb9ffa05b", seed=20261213, residues=(0, 6), max_words=500, long_types=_LONG_900,
               quota={**_S13_QUOTA, "discharge": 4, "history_physical": 4},
               left_out={1460: "radiology: the transcription is an indication line and an empty heading, nothing "
                               "to label"}),
    DrawParams("blind_s14", "b8bc10b41242", seed=20261214, residues=(8,), max_words=500, long_types=_LONG_900,
               quota=_S13_QUOTA, fill=True),
    # a re-split of every residue (all had been drawn from): rows no engineer has read, none annotated elsewhere
    DrawParams("blind_s15", "a5d1568ef9ad", seed=20261215, residues=tuple(range(10)), max_words=350,
               long_types={"discharge": 600, "ed": 600, "history_physical": 600}, quota=_S13_QUOTA,
               own_read_list="docs/evals/real-notes-blind-s15/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # another re-split; a lower general cap so that 22 notes can be annotated by hand in the writer's ~50 minutes, the
    # scarce types (0-3 unread rows of each left) keep a higher one so that they are drawn at all
    DrawParams("blind_s16", "d28412dd", seed=20261216, residues=tuple(range(10)), max_words=250,
               long_types={"discharge": 650, "ed": 650, "history_physical": 650, "letter": 650}, quota=_S13_QUOTA,
               left_out={1463: "radiology: a heading alone, no note body",
                         1557: "radiology: a treatment-delivery template with no problem, medication, PHI or value "
                               "to annotate"},
               own_read_list="docs/evals/real-notes-blind-s16/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a third re-split with blind_s16's caps; 20 notes: s13-s16's quotas less one ED and one letter row, fixed before
    # the draw (discharge, ED, H&P and letter held no unread row within the caps, so fill takes the others' next rows)
    DrawParams("blind_s17", "722235e0", seed=20261217, residues=tuple(range(10)), max_words=250,
               long_types={"discharge": 650, "ed": 650, "history_physical": 650, "letter": 650},
               quota={**_S13_QUOTA, "ed": 2, "letter": 1},
               left_out={181: "other: an operative description with no problem, medication, PHI or value to annotate"},
               own_read_list="docs/evals/real-notes-blind-s17/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a fourth re-split, drawn at the base it was written on; within blind_s17's caps only progress (8), radiology,
    # operative and other rows were left unread, so the caps are widened (500 words; 1200 for the one unread ED row)
    # to reach consults and longer notes with medications, values and PHI; quotas fixed before the draw
    DrawParams("blind_s18", "7a01d32b", seed=20261218, residues=tuple(range(10)), max_words=500,
               long_types={"discharge": 1200, "ed": 1200, "history_physical": 1200, "letter": 1200},
               quota={"discharge": 0, "ed": 1, "progress": 5, "consult": 6, "radiology": 3, "history_physical": 0,
                      "operative": 2, "letter": 0, "other": 3},
               left_out={1667: "radiology: a treatment-planning template with no problem, medication, PHI or value to "
                               "annotate",
                         1429: "radiology: an obstetric measurement list, nothing to annotate but one fetal heart rate "
                               "(the set's test needs a problem or a medication)"},
               own_read_list="docs/evals/real-notes-blind-s18/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a fifth re-split (session 21), drawn at its base: no discharge, ED, H&P or letter row is left unread at any
    # length, so those strata are empty; a 250-word cap (350 for consults, none of which is shorter) so that 20
    # notes can be annotated by hand in the writer's ~50 minutes; quotas fixed before the draw
    DrawParams("blind_s21", "c1171cf7", seed=20261221, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 350},
               quota={"discharge": 0, "ed": 0, "progress": 6, "consult": 3, "radiology": 4, "history_physical": 0,
                      "operative": 3, "letter": 0, "other": 4},
               left_out={1362: "a dietary follow-up with nothing to annotate but a weight and a date (as for blind_s10)"},
               own_read_list="docs/evals/records-blind-s21/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a sixth re-split (session 22), drawn at its base: still no discharge, H&P or letter row unread at any length and
    # one ED row (1354 words, past any cap a hand annotator can do in the writer's ~60 minutes), so those strata are
    # empty; consults and progress notes get a 500-word cap so that the set carries medications with doses,
    # allergies, PHI and values; 16 notes, quotas fixed before the draw
    DrawParams("blind_s22", "0b5173cd", seed=20261222, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 500, "progress": 500},
               quota={"discharge": 0, "ed": 0, "progress": 5, "consult": 6, "radiology": 0, "history_physical": 0,
                      "operative": 2, "letter": 0, "other": 3},
               own_read_list="docs/evals/records-blind-s22/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a seventh re-split (session 23), drawn at its base: as for blind_s22 no discharge, H&P or letter row is unread
    # within reach and the one ED row is too long; consults and progress notes keep the 500-word cap, the rest 250;
    # 17 notes (a handful of each kind that is left) so that each can be annotated by hand with care in the writer's
    # ~50 minutes; quotas fixed before the draw
    DrawParams("blind_s23", "760accef", seed=20261223, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 500, "progress": 500},
               quota={"discharge": 0, "ed": 0, "progress": 4, "consult": 4, "radiology": 3, "history_physical": 0,
                      "operative": 3, "letter": 0, "other": 3},
               left_out={851: "other: an indication heading alone, no note body"},
               own_read_list="docs/evals/records-blind-s23/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # an eighth re-split (session 24), drawn at its base: no discharge, ED, H&P or letter row within reach; only 6
    # progress and 2 consult rows were left unread within 500 words, so their cap is raised a little to 550 (9 and 6
    # eligible), the rest 250; 17 notes, quotas fixed before the draw
    DrawParams("blind_s24", "c446b4f1", seed=20261224, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 550, "progress": 550},
               quota={"discharge": 0, "ed": 0, "progress": 4, "consult": 3, "radiology": 3, "history_physical": 0,
                      "operative": 3, "letter": 0, "other": 4},
               left_out={1411: "other: an EEG report read as normal, no problem, medication, PHI or value to annotate",
                         1553: "radiology: a treatment-planning template (as blind_s18's 1667) with no problem, "
                               "medication, PHI or value to annotate"},
               own_read_list="docs/evals/records-blind-s24/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a ninth re-split (session 25), drawn at its base: still no discharge, ED, H&P or letter row within reach; the
    # blind_s24 caps kept (consults and progress notes 550, 5 and 3 eligible, no stratum empty; the rest 250); 16
    # notes, mostly operative, other and radiology with a few progress and consult rows; quotas fixed before the draw
    DrawParams("blind_s25", "e4b08398", seed=20261225, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 550, "progress": 550},
               quota={"discharge": 0, "ed": 0, "progress": 2, "consult": 2, "radiology": 4, "history_physical": 0,
                      "operative": 4, "letter": 0, "other": 4},
               left_out={1555: "radiology: a radiotherapy (hyperfractionation) template, as blind_s24's 1553, with no "
                               "problem, medication, PHI or value to annotate"},
               own_read_list="docs/evals/records-blind-s25/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a tenth re-split (session 26), drawn at its base: still no discharge, ED, H&P or letter row within reach; the
    # blind_s25 caps kept (consults and progress notes 550, the rest 250); eligible before the quotas were fixed:
    # progress 3, consult 1, radiology 39, operative 61, other 79; 16 notes: progress 2, consult 1 (the one eligible;
    # the second consult slot goes to other), radiology 4, operative 4, other 5; quotas fixed before the draw
    DrawParams("blind_s26", "86a94f9d", seed=20261226, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 550, "progress": 550},
               quota={"discharge": 0, "ed": 0, "progress": 2, "consult": 1, "radiology": 4, "history_physical": 0,
                      "operative": 4, "letter": 0, "other": 5},
               left_out={2913: "other: an explanatory text on two laboratory tests, not a patient's note (no patient, "
                               "no finding, medication, PHI or value of anyone)"},
               own_read_list="docs/evals/records-blind-s26/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # an eleventh re-split (session 27), drawn at its base and weighted toward the notes a summarizer is used on:
    # eligible before the quotas were fixed (unread, no duplicate text): discharge 0 and H&P 0 at any length, ED 1
    # (1354 words, past a hand annotator's reach), consult 13 and progress 7 within 650 words (0 and 1 within 550),
    # so those two get a 650-word cap, the rest 250; 16 notes: consult 6, progress 6, operative 2, radiology 2
    DrawParams("blind_s27", "1fb3eb0f", seed=20261227, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 650, "progress": 650},
               quota={"discharge": 0, "ed": 0, "progress": 6, "consult": 6, "radiology": 2, "history_physical": 0,
                      "operative": 2, "letter": 0, "other": 0},
               left_out={2349: "progress: a normal female examination template whose text is a near-copy of the drawn "
                               "male template 2341 (89% of its 8-word runs shared); one template, not two, in the set"},
               own_read_list="docs/evals/records-blind-s27/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a twelfth re-split (session 28), drawn at its base and weighted toward the notes a summarizer is used on:
    # eligible before the quotas were fixed (unread, no duplicate text): discharge, ED, H&P and letter 0 within 1000
    # words; consult 7 within 650 and 14 within 800, progress 0 within 650 and 4 within 800, so those two get an
    # 800-word cap (what one annotator can label by hand in the writer's ~40 minutes), the rest 250; 16 notes:
    # consult 5, progress 3, radiology 3, operative 2, other 3
    DrawParams("blind_s28", "93885239", seed=20261228, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 800, "progress": 800},
               quota={"discharge": 0, "ed": 0, "progress": 3, "consult": 5, "radiology": 3, "history_physical": 0,
                      "operative": 2, "letter": 0, "other": 3},
               left_out={1415: "radiology: an EEG report read as normal (as blind_s24's 1411), no problem, medication, "
                               "PHI or value to annotate",
                         1894: "other: a caudal epidural injection with no diagnosis, no named drug (unnamed sedation "
                               "and contrast), no PHI or value to annotate"},
               own_read_list="docs/evals/records-blind-s28/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a thirteenth re-split (session 29), drawn at its base and weighted toward the notes a summarizer is used on:
    # eligible before the quotas were fixed (unread, no duplicate text): discharge, ED, H&P and letter 0 within 1000
    # words; consult 4 within 650 and 9 within 800, progress 1 within 800 (2 at any length), so consults get a
    # 650-word cap and progress notes 800, the rest 250; 14 notes (what one annotator can label by hand with care in
    # the writer's ~35 minutes): consult 4, progress 1, radiology 3, operative 3, other 3
    DrawParams("blind_s29", "e516be7d", seed=20261229, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 650, "progress": 800},
               quota={"discharge": 0, "ed": 0, "progress": 1, "consult": 4, "radiology": 3, "history_physical": 0,
                      "operative": 3, "letter": 0, "other": 3},
               left_out={2298: "other: a patient-education handout on an eye infection, not a patient's note (no "
                               "patient, finding, medication, PHI or value of anyone; as blind_s26's 2913)"},
               own_read_list="docs/evals/records-blind-s29/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
    # a fourteenth re-split (session 30), drawn at its base and weighted toward the notes a summarizer is used on:
    # eligible before the quotas were fixed (unread, no duplicate text): discharge, H&P and letter 0 at any length, ED
    # 1 and progress 1 (1354 and 1035 words, past a hand annotator's reach in the writer's ~40 minutes); consult 0
    # within 650 words, 5 within 800 and 15 within 1000, so consults get an 800-word cap, the rest 250; 12 notes (what
    # one annotator can label by hand with care in the time): consult 3, radiology 3, operative 3, other 3
    DrawParams("blind_s30", "46dadd39", seed=20261230, residues=tuple(range(10)), max_words=250,
               long_types={"consult": 800},
               quota={"discharge": 0, "ed": 0, "progress": 0, "consult": 3, "radiology": 3, "history_physical": 0,
                      "operative": 3, "letter": 0, "other": 3},
               own_read_list="docs/evals/records-blind-s30/mtsamples_rows_read.txt", skip_annotated=True,
               fill=True),
)}


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


class Tree:
    """The repository's files as they are now (rev None) or as a commit held them."""

    def __init__(self, rev: str | None = None):
        self.rev = rev

    def glob(self, pattern: str) -> list[str]:
        if self.rev is None:
            return sorted(str(p.relative_to(REPO)) for p in REPO.glob(pattern))
        names = subprocess.run(["git", "ls-tree", "-r", "--name-only", self.rev], cwd=REPO, check=True,
                               capture_output=True, text=True).stdout.splitlines()
        # git's paths have no leading "./"; "*" must not cross a "/" (as Path.glob)
        depth = pattern.count("/")
        return sorted(n for n in names if n.count("/") == depth and fnmatch.fnmatch(n, pattern))

    def read(self, path: str) -> str:
        if self.rev is None:
            return (REPO / path).read_text(encoding="utf-8")
        return subprocess.run(["git", "show", f"{self.rev}:{path}"], cwd=REPO, check=True, capture_output=True,
                              text=True).stdout


def draw(params: DrawParams, csv_path: Path = CSV, tree: Tree | None = None) -> tuple[list[int], list[str]]:
    """The drawn rows (sorted) and one line per stratum (row numbers only)."""
    tree = tree or Tree()
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    digest = [hashlib.sha256((r["transcription"] or "").encode("utf-8")).hexdigest() for r in rows]
    read: set[int] = set()
    for f in tree.glob(params.read_glob):
        if f != params.own_read_list:
            read |= {int(x) for x in tree.read(f).split() if x.strip().isdigit()}
    banned = {digest[i] for i in read if i < len(rows)}
    annotated: set[int] = set()
    for f in tree.glob(ANNOTATED_GLOB):
        if f"/{params.set_id}/" not in f:
            note = json.loads(tree.read(f))  # only its hash and row are used
            banned.add(note["sha256"])
            annotated.add(note["row"])
    strata: dict[str, list[int]] = {t: [] for t in params.quota}
    seen: set[str] = set()
    for i, r in enumerate(rows):
        text = r["transcription"] or ""
        if (i % 10 not in params.residues or i in read or (params.skip_annotated and i in annotated)
                or not text.strip() or digest[i] in banned or digest[i] in seen):
            continue
        t = guess_type(r)
        if len(text.split()) > params.long_types.get(t, params.max_words):
            continue
        seen.add(digest[i])
        strata[t].append(i)
    rng = random.Random(params.seed)
    order, take = {}, {}
    for t in params.quota:
        pool = sorted(strata[t])
        rng.shuffle(pool)
        order[t] = [i for i in pool if i not in params.left_out]
        take[t] = min(params.quota[t], len(order[t]))
    short = sum(params.quota.values()) - sum(take.values()) if params.fill else 0
    while short > 0 and any(take[t] < len(order[t]) for t in params.quota):
        for t in params.quota:
            if short > 0 and take[t] < len(order[t]) and take[t] >= params.quota[t]:
                take[t] += 1
                short -= 1
    lines, chosen = [], []
    for t in params.quota:
        lines.append(f"{t} quota {params.quota[t]} eligible {len(order[t])} drawn {order[t][:take[t]]} "
                     f"next {order[t][take[t]:take[t] + 3]}")
        chosen += order[t][:take[t]]
    return sorted(chosen), lines


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", required=True, choices=sorted(SETS))
    ap.add_argument("--as-of", help="read the rows-read lists and annotated notes from this commit, or 'now' "
                                    "for the working tree (default: the commit that added the set)")
    ap.add_argument("--csv", default=str(CSV))
    args = ap.parse_args(argv)
    params = SETS[args.set]
    rev = args.as_of or params.drawn_at
    rows, lines = draw(params, Path(args.csv), Tree(None if rev == "now" else rev))
    print("\n".join(lines))
    print("rows", len(rows), rows)


def run_set(set_id: str, argv: list[str]) -> None:
    """A set's own draw.py: `python docs/evals/real-notes-blind-sNN/draw.py [CSV]`, as before."""
    main(["--set", set_id, *(["--csv", argv[0]] if argv else [])])


if __name__ == "__main__":
    main()
