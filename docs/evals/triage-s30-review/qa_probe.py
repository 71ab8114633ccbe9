"""Health-questions side of the s30 review: own questions (qa_questions.txt, 'WANT<TAB>question', E = the emergency
block must show, N = it must not) through medcore.qa.service.ask; prints want, whether the chat's emergency block
showed (L) or not (-), the page, the question. Run from a worktree root (base or branch):
PYTHONPATH=. MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/triage-s30-review/qa_probe.py OUT.tsv"""
import os
import sys
import tempfile
from pathlib import Path

tmp = tempfile.mkdtemp()
os.environ.setdefault("MEDCORE_DATA_DIR", tmp)
os.environ.setdefault("MEDCORE_KNOWLEDGE_CACHE_DIR", str(Path.cwd() / ".data" / "test-knowledge-cache"))
os.environ["MEDCORE_LLM_BACKEND"] = "template"
os.environ.setdefault("MEDCORE_DATABASE_URL", f"sqlite:///{tmp}/t.db")
from medcore.config import Settings  # noqa: E402
from medcore.qa import service  # noqa: E402

settings = Settings.load(secrets={})
eng = service.engine(settings, use_embeddings=False)
with open(sys.argv[1], "w") as out:
    for line in open(Path(__file__).with_name("qa_questions.txt")):
        if not line.strip() or line.startswith("#"):
            continue
        want, q = line.rstrip("\n").split("\t")
        a = service.ask(settings, q, eng=eng)
        out.write(f"{want}\t{'L' if a.emergency else '-'}\t{a.page or '-'}\t{q}\n")
