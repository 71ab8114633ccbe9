"""Score medcore.deid on the s6b blind notes with the scorer of ../deid-blind-s6 (one home for the scorer).

    .venv/bin/python docs/evals/deid-blind-s6b/score.py [--errors]
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "deid_s6_score", Path(__file__).resolve().parents[1] / "deid-blind-s6" / "score.py")
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)

if __name__ == "__main__":
    print(json.dumps(_mod.score(Path(__file__).with_name("notes.yaml"), "--errors" in sys.argv), indent=1,
                     ensure_ascii=False))
