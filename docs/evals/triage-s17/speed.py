"""Chat-turn p95 and batch rate in CPU seconds, as tests/triage/test_speed_budgets.py measures them (s15 texts).
Run from a checkout's root: python docs/evals/triage-s17/speed.py"""

import io
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from medcore.config import Settings  # noqa: E402
from medcore.embeddings import embed  # noqa: E402
from medcore.triage import chat  # noqa: E402
from medcore.triage.config import load_configs  # noqa: E402
from medcore.triage.contract import run_batch  # noqa: E402
from medcore.triage.evaluate import load_vignettes  # noqa: E402
from medcore.triage.kb import load_kb  # noqa: E402
from medcore.triage.service import TriageEngine  # noqa: E402

s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
ecfg, tcfg = load_configs(s.kb_dir)
engine = TriageEngine(kb, embed_fn=embed, cache_dir=Path(tempfile.mkdtemp()), engine_cfg=ecfg, triage_cfg=tcfg)
vs = load_vignettes(s.kb_dir, kb, files="vignettes_blind_s15.yaml")
chat.user_message(engine, chat.new_state(), vs[0]["text"])
times = []
for v in vs:
    t = time.process_time()
    chat.user_message(engine, chat.new_state(), v["text"])
    times.append(time.process_time() - t)
times.sort()
lines = [json.dumps({"id": v["id"], "text": v["text"], "age": v.get("age"), "sex": v.get("sex")}) for v in vs]
run_batch(engine, lines[:2], io.StringIO())
t = time.process_time()
counts = run_batch(engine, lines, io.StringIO())
rate = counts["cases"] / (time.process_time() - t)
print(f"conditions {len(kb.conditions)} turn_p95_ms {1000 * times[max(0, int(0.95 * len(times)) - 1)]:.1f} "
      f"batch_per_s {rate:.1f}")
