"""Score the session-30b operative, radiology, specialty-consult, sleep-study and therapy lines (issue 11). A thin
wrapper of the shared `docs/evals/_tools/records_sentences.py` (default counting: only present/historical problems
are false extras and negatives' false problems, as for the session-25b radiology/operative lists).

    MEDCORE_LLM_BACKEND=template PYTHONPATH=. .venv/bin/python docs/evals/records-s30b/score_sentences.py \
        [--list dev|holdout] [--out F.json] [--misses]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _tool():
    spec = importlib.util.spec_from_file_location("records_sentences", HERE.parent / "_tools" / "records_sentences.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


if __name__ == "__main__":
    sys.exit(_tool().main(folder=HERE))
