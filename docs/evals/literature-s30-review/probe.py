"""The reviewer's probes of lit30 (probes.py here), read by docs/evals/_tools/lit_review_probe.py; run from the root
of the tree being read (base or branch) and diff the outputs.

    MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/literature-s30-review/probe.py OUT.jsonl
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from lit_review_probe import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(Path(__file__).resolve().parent, sys.argv[1]))
