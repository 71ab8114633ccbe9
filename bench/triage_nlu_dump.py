"""Dump the NLU reading (nlu.extract, lexical engine) of every vignette text under assets/kb/triage to a JSON file,
to compare two versions of the reader text by text.

Run: MEDCORE_LLM_BACKEND=template PYTHONPATH=. python bench/triage_nlu_dump.py OUT.json"""
import sys, json, glob, yaml
from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine
s = Settings.load(secrets={})
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(load_kb(s.kb_dir), engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
out = {}
for f in sorted(glob.glob("assets/kb/triage/vignettes*.yaml")):
    for v in yaml.safe_load(open(f))["vignettes"]:
        _, ex = eng.read_text(v["text"])
        out[v["id"]] = ex.to_dict()
json.dump(out, open(sys.argv[1], "w"), indent=0, sort_keys=True)
print(len(out))
