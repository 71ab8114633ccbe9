"""Dev outcome scores of `literature eval-extract`, the session-21 scorer with the outcome reader before (commit
a23a4ac9's stated_outcomes.py, read from git) and after (the working tree), headings kept and removed.
Run from the repo root: MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/literature-s21/outcomes_before_after.py"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from docs.evals._tools.lit_outcomes import headings_label, outcome_fields, reader_at, using_reader  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.literature import stated_outcomes  # noqa: E402

BASE = "a23a4ac9"


def run() -> dict:
    settings, out = Settings(), {}
    for label, reader in (("before", reader_at(BASE)), ("after", stated_outcomes.read_outcomes)):
        with using_reader(reader):
            for headings in (True, False):
                out[f"{label}, {headings_label(headings)}"] = outcome_fields(settings, "dev", headings)
    return out


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=1))
    Path(__file__).with_name("outcomes_before_after.json").write_text(json.dumps(result, indent=1) + "\n")
