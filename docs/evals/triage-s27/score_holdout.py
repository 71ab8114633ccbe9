"""Score holdout.yaml once (one-shot reading and level): PYTHONPATH=. MEDCORE_LLM_BACKEND=template
.venv/bin/python docs/evals/triage-s27/score_holdout.py [--no-embeddings] [--file OTHER.yaml] > holdout_after.txt

Session 28b: `--file` scores another session's holdout of the same form (docs/evals/triage-s28b/holdout.yaml), and
an item's `not_read` lists findings that must not be read present (a near-miss idiom)."""
import logging
import sys
from collections import Counter
from pathlib import Path

import yaml

LEVEL = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3, None: -1}
logging.basicConfig(level=logging.WARNING)
from medcore.config import Settings  # noqa: E402
from medcore.triage.service import TriageEngine  # noqa: E402

eng = TriageEngine.from_settings(Settings.load(secrets={}), use_embeddings="--no-embeddings" not in sys.argv,
                                 use_blend=False)
_file = sys.argv[sys.argv.index("--file") + 1] if "--file" in sys.argv else Path(__file__).parent / "holdout.yaml"
items = yaml.safe_load(Path(_file).read_text())["items"]
ok, by = 0, Counter()
for it in items:
    res, _ = eng.one_shot(it["text"], it.get("age"), it.get("sex"))
    _, ex = eng.read_text(it["text"])
    got = {m.finding_id: m.present for m in ex.mentions}
    level = res.to_dict()["triage"]
    why = [f"{f} not present" for f in it.get("present", []) if got.get(f) is not True]
    why += [f"{f} not absent" for f in it.get("absent", []) if got.get(f) is not False]
    why += [f"{f} read present" for f in it.get("not_read", []) if got.get(f) is True]
    if "min_level" in it and LEVEL[level] < LEVEL[it["min_level"]]:
        why.append(f"level {level} < {it['min_level']}")
    if "max_level" in it and LEVEL[level] > LEVEL[it["max_level"]]:
        why.append(f"level {level} > {it['max_level']}")
    ok += not why
    by[(it["kind"], not why)] += 1
    print(f"{it['id']} {'ok  ' if not why else 'MISS'} {level!s:9s} {'; '.join(why)}")
print(f"right {ok}/{len(items)}; by kind:", {k: f"{by[(k, True)]}/{by[(k, True)] + by[(k, False)]}"
                                             for k in dict.fromkeys(i['kind'] for i in items)})
