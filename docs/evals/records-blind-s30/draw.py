"""How blind_s30's rows were drawn (issue 11, session 30; parameters in the one home's SETS table).
Prints row numbers only: the draw is `python docs/evals/_tools/mtsamples_draw.py --set blind_s30` (one home)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from mtsamples_draw import run_set  # noqa: E402

if __name__ == "__main__":
    run_set("blind_s30", sys.argv[1:])  # [CSV], as before
