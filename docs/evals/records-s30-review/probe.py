"""Session 30 review probes, all fields: `MEDCORE_LLM_BACKEND=template .venv/bin/python
docs/evals/records-s30-review/probe.py PROBES > OUT.jsonl` (cwd: the root of the checkout to test);
`python3 docs/evals/records-s30-review/probe.py diff A.jsonl B.jsonl`. Tool: docs/evals/_tools/records_review_probe.py."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_tools"))
import records_review_probe as tool  # noqa: E402

if sys.argv[1:2] == ["diff"]:
    tool.diff(sys.argv[2], sys.argv[3])
else:
    tool.main(["--all"] + sys.argv[1:], prefix="recrev30-")
