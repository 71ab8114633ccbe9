"""Probe "what to do in/if ..." questions: the page and the first sentence each gets.
Run: PYTHONPATH=. MEDCORE_LLM_BACKEND=template nice .venv/bin/python docs/evals/platform-s29/what_to_do_probe.py OUT.tsv"""
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
tmp = tempfile.mkdtemp()
os.environ.setdefault("MEDCORE_DATA_DIR", tmp)
os.environ.setdefault("MEDCORE_KNOWLEDGE_CACHE_DIR", str(REPO / ".data" / "test-knowledge-cache"))
os.environ["MEDCORE_LLM_BACKEND"] = "template"
os.environ.setdefault("MEDCORE_DATABASE_URL", f"sqlite:///{tmp}/t.db")
from medcore.config import Settings  # noqa: E402
from medcore.qa import service  # noqa: E402

QS = ["what to do in an asthma attack?", "what should I do during an asthma attack", "what to do if someone has an asthma attack",
      "what to do if someone has a seizure?", "what to do when someone has a fit", "what to do in an epileptic fit",
      "what to do if someone is having a panic attack", "what to do in a panic attack", "what to do if someone has a nosebleed",
      "what to do if a child has a febrile seizure", "what to do for a burn", "what to do if someone has anaphylaxis",
      "what to do if someone is choking", "what to do if someone has a hypo", "what to do if someone faints",
      "what to do in a migraine attack", "what to do if my child has croup at night", "what to do about heat exhaustion",
      "how do you treat asthma?", "what is the treatment for epilepsy?", "what to do for gout?", "what to do about eczema?"]
settings = Settings.load(secrets={})
eng = service.engine(settings, use_embeddings=False)
out = open(sys.argv[1], "w")
out.write("question\troute\tpage\tfirst_sentence\n")
for q in QS:
    a = service.ask(settings, q, eng=eng)
    pid = a.topic[0]["id"] if a.topic else "-"
    first = next((s.text for s in a.sentences if s.origin != "routing"), "(refused)" if a.refused else "-")
    out.write(f"{q}\t{a.route}\t{pid}\t{first[:150]}\n")
    out.flush()
