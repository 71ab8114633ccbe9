"""Dump read_paper's PICO (rule roles) for all 500 PubMedQA abstracts, with headings and without, for a before/after
diff of the session-21 pico.py split:
    PYTHONPATH=. .venv/bin/python docs/evals/literature-s21/pico_all.py > /tmp/new.json
run the same on `git archive` of the base commit (PYTHONPATH=that folder) and compare the two files."""
import dataclasses, json, sys
from medcore.config import Settings
from medcore.literature.evaluate import abstract_text, default_data_path
from medcore.literature.service import read_paper
s = Settings(llm_backend="template")
items = json.loads(default_data_path().read_text())
out = {}
for pmid, item in sorted(items.items()):
    for h in (True, False):
        title, text = abstract_text(item, headings=h)
        r = read_paper(s, f"{title}\n{text}", classifier=False)[0]
        out[f"{pmid}:{h}"] = dataclasses.asdict(r.pico)
json.dump(out, sys.stdout, sort_keys=True, default=str)
