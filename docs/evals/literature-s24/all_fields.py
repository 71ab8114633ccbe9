"""`literature eval-extract` tallies of every scored field on every dev extraction split (dev, blind, blind2,
blind_s11 ... blind_s14, blind_s22, blind_s23: all dev since session 24), headings kept and removed, each split and
all pooled (session 24, issue 15). Only tallies are written (the per-paper part quotes the abstracts).

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s24/all_fields.py \
        --out docs/evals/literature-s24/after.json
The tally is docs/evals/_tools/lit_fields.py's (one home), called with this session's splits and fields.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from lit_fields import main  # noqa: E402

SPLITS = ("dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14", "blind_s22", "blind_s23")

if __name__ == "__main__":
    raise SystemExit(main(SPLITS))
