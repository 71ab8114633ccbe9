"""Print what the chat reads from each line of a file (or the arguments): findings (+ present, - absent) and the
one-shot level. PYTHONPATH=. MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/triage-s28b/probe.py FILE"""
import logging
import sys
from pathlib import Path

logging.basicConfig(level=logging.WARNING)
from medcore.config import Settings  # noqa: E402
from medcore.triage.service import TriageEngine  # noqa: E402

eng = TriageEngine.from_settings(Settings.load(secrets={}), use_blend=False)
lines = Path(sys.argv[1]).read_text().splitlines() if Path(sys.argv[1]).is_file() else sys.argv[1:]
for line in lines:
    if not line.strip() or line.startswith("#"):
        continue
    _, ex = eng.read_text(line)
    res, _ = eng.one_shot(line, 40, None)
    got = " ".join(("+" if m.present else "-") + m.finding_id for m in (ex.mentions if ex else []))
    print(f"{res.to_dict()['triage']:9s} | {line} | {got}")
