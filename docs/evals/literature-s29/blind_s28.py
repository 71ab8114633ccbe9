"""blind_s28 (dev since session 29) scored with the s27/s28 scorer's function (docs/evals/_tools/lit_blind_score.run:
`literature eval-extract`'s scorer, headings kept and removed, tallies only), written here instead of the spent
set's own before/after files. Run from the root of the tree being scored:

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s29/blind_s28.py OUT.json
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from docs.evals._tools.lit_blind_score import run  # noqa: E402

if __name__ == "__main__":
    result = run("blind_s28")
    Path(sys.argv[1]).write_text(json.dumps(result, indent=1) + "\n")
    for key, row in result.items():
        print(key)
        for field, t in row["fields"].items():
            print(f"  {field:20s} P {t['precision']}  R {t['recall']}  ({t['correct']} / {t['predicted']} / {t['gold']})")
