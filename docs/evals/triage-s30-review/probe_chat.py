"""The s30 review's chat probe (docs/evals/_tools/triage_probe_chat.py): python probe_chat.py MESSAGES.txt OUT.json,
run from a worktree root with PYTHONPATH=. and MEDCORE_LLM_BACKEND=template."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from triage_probe_chat import main  # noqa: E402

if __name__ == "__main__":
    main(sys.argv[1:])
