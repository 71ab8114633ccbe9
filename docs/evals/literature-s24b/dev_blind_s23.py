"""blind_s23 (dev since session 24) through the shared blind scorer (`docs/evals/_tools/lit_blind_score.run`),
tallies only, written to this folder rather than over literature-blind-s23's own before/after files.

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s24b/dev_blind_s23.py OUT.json
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from docs.evals._tools.lit_blind_score import run  # noqa: E402

if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps(run("blind_s23"), indent=1) + "\n")
