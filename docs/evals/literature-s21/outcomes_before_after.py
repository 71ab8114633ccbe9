"""Dev outcome scores of `literature eval-extract`, the session-21 scorer with the outcome reader before (commit
a23a4ac9's stated_outcomes.py, read from git) and after (the working tree), headings kept and removed.
Run from the repo root: MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/literature-s21/outcomes_before_after.py"""

import json
import subprocess
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from medcore.config import Settings  # noqa: E402
from medcore.literature import pico, stated_outcomes  # noqa: E402
from medcore.literature.evaluate import evaluate  # noqa: E402

BASE = "a23a4ac9"


def _old_reader():
    src = subprocess.run(["git", "show", f"{BASE}:medcore/literature/stated_outcomes.py"], capture_output=True,
                         text=True, check=True).stdout
    mod = types.ModuleType("stated_outcomes_before")
    exec(compile(src, "stated_outcomes_before", "exec"), mod.__dict__)
    return mod.read_outcomes


def run() -> dict:
    settings, out = Settings(), {}
    new = stated_outcomes.read_outcomes
    for label, reader in (("before", _old_reader()), ("after", new)):
        pico.stated_outcomes.read_outcomes = reader
        for headings in (True, False):
            f = evaluate(settings, "dev", headings=headings)["fields"]
            out[f"{label}, headings {'kept' if headings else 'removed'}"] = {
                k: f[k] for k in ("outcomes_primary", "outcomes_secondary")}
    pico.stated_outcomes.read_outcomes = new
    return out


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=1))
    Path(__file__).with_name("outcomes_before_after.json").write_text(json.dumps(result, indent=1) + "\n")
