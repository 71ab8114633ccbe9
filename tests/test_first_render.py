"""A page's first render loads no model and builds no index (issue 14, speed: at most 5 s from a cold start).

The engines (the symptom interview's lexicon and embedding index, the health questions' pages and retrieval
index, the case trainer's engine, an image model, the Knowledge page's terminology) are built on first use, behind
a spinner; torch, diffusers, nltk and scikit-learn are imported then too. One fresh process opens every page once, as a server that has just
started does, and reports what its first renders imported and built. Readiness and Home's status are stubbed
here: that they load nothing is tests/test_status_cache.py's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "diffusers", "transformers", "nltk", "sklearn", "bm25s")
PAGES = {"home": "pages/home.py", "triage": "pages/symptom_chat.py", "qa": "pages/health_questions.py",
         "imaging": "pages/image_generator.py", "cases": "pages/case_trainer.py",
         "knowledge": "pages/knowledge.py", "therapy": "pages/treatment_planner.py"}

CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from streamlit import config
config.set_option("server.address", "127.0.0.1")
from streamlit.testing.v1 import AppTest
import medcore.status as status_mod
import ui.frame as frame
from medcore.status import TOOLS, ToolStatus

frame.tool_ready = lambda t, s: ToolStatus(t, True)
status_mod.all_status = lambda s: [ToolStatus(t, True) for t in TOOLS]

built = []
def refuse(name):
    def factory(*a, **k):
        built.append(name)
        raise RuntimeError(name + " built on a first render")
    return factory

from medcore.cases import service as cases_service
from medcore.imaging import sample
from medcore.qa import service as qa_service
from medcore.triage import service as triage_service
triage_service.TriageEngine.from_settings = classmethod(lambda cls, *a, **k: refuse("triage engine")())
qa_service.engine = refuse("qa engine")
cases_service.CaseTrainer.from_settings = classmethod(lambda cls, *a, **k: refuse("case trainer")())
sample.load_model = refuse("image model")
# the Knowledge page draws from the graph; the terminology (ICD-10-CM, HPO) loads on the first search or question
from medcore.knowledge import terminology as kg_terminology
kg_terminology.load_terminology = refuse("terminology")

pages = json.loads(sys.argv[2])
shown = {}
for key, path in pages.items():
    at = AppTest.from_file(sys.argv[1] + "/" + path, default_timeout=300).run()
    shown[key] = {"exception": [e.value for e in at.exception], "error": [e.value for e in at.error],
                  "chat_input": len(at.chat_input), "titles": [t.value for t in at.title],
                  "markdown": [m.value for m in at.markdown]}
print(json.dumps({"shown": shown, "built": built, "imported": [m for m in json.loads(sys.argv[3]) if m in sys.modules]}))
"""


def test_first_renders_import_no_model_library_and_build_no_engine(settings, tmp_path):
    env = {**os.environ, "MEDCORE_ENGINE_WARM": "0", "MEDCORE_ENGINE_WORKERS": "0"}
    res = subprocess.run([sys.executable, "-c", CHILD, str(REPO), json.dumps(PAGES), json.dumps(HEAVY)],
                         capture_output=True, text=True, env=env, cwd=REPO, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    got = json.loads(res.stdout.strip().splitlines()[-1])
    for key, page in got["shown"].items():
        assert not page["exception"] and not page["error"], (key, page)
    assert got["built"] == []
    assert got["imported"] == []
    # what the person needs is there on the first render: the input of each chat page, each page's title
    assert got["shown"]["triage"]["chat_input"] == 1 and got["shown"]["qa"]["chat_input"] == 1
    assert got["shown"]["triage"]["titles"] == ["Symptom chat"]
    assert got["shown"]["qa"]["titles"] == ["Health questions"]
    assert got["shown"]["home"]["titles"] == ["Medcore Studio"]
    assert "#### Chest pain" in got["shown"]["knowledge"]["markdown"]  # the default concept's card, from the graph
