"""The health-questions own paraphrase dev sets (1-7) scored in one process through
medcore.qa.paraphrase_eval.evaluate (the `eval qa-paraphrase` call), one JSON line per set; run on base and branch
for regressions: PYTHONPATH=. MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/qa-s30/dev_sets.py"""
import json
import os
import tempfile
from pathlib import Path

tmp = tempfile.mkdtemp()
os.environ.setdefault("MEDCORE_DATA_DIR", tmp)
os.environ.setdefault("MEDCORE_KNOWLEDGE_CACHE_DIR", str(Path.cwd() / ".data" / "test-knowledge-cache"))
os.environ["MEDCORE_LLM_BACKEND"] = "template"
os.environ.setdefault("MEDCORE_DATABASE_URL", f"sqlite:///{tmp}/t.db")
from medcore.config import Settings  # noqa: E402
from medcore.qa.paraphrase_eval import evaluate  # noqa: E402

SETS = ["docs/evals/qa-paraphrase/questions.yaml"] + [f"docs/evals/qa-paraphrase/questions_{i}.yaml" for i in range(2, 6)] \
    + ["docs/evals/qa-s8/questions_6.yaml", "docs/evals/qa-s9/questions_7.yaml"]
settings = Settings.load(secrets={})
for s in SETS:
    print(json.dumps(evaluate(settings, Path(s))), flush=True)
