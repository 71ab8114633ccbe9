"""`literature eval-extract` tallies of the numeric and design fields (design, n, age, female_pct, effects) on
every dev extraction split (dev, blind, blind2, blind_s11 ... blind_s14, blind_s22; never blind_s23), headings kept
and removed, each split and all pooled (session 23c, issue 15). Only tallies are written.

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s23c/numeric_fields.py \
        --out docs/evals/literature-s23c/after.json
The tally is docs/evals/_tools/lit_fields.py's (one home), called with this session's splits and fields.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from lit_fields import main  # noqa: E402

SPLITS = ("dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14", "blind_s22")

if __name__ == "__main__":
    raise SystemExit(main(SPLITS, ("design", "n", "age", "female_pct", "effects"), width=11))
