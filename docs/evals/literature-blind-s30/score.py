"""Score blind set s30 ONCE per state (before / after), per-field tallies only (docs/evals/_tools/lit_blind_score.py).
Run from the repo root:
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-blind-s30/score.py before|after"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from docs.evals._tools.lit_blind_score import main  # noqa: E402

if __name__ == "__main__":
    main("blind_s30", Path(__file__).resolve().parent, sys.argv)
