"""Session 21: one-shot level and rank of the dev vignettes whose text has a faint, dizzy, 'got' or relative word
(the changes' reach), for a before/after comparison without per-case rows of the base eval. The blind s20 file is
never read. From a checkout's root:
    MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s21/reach.py OUT.json"""

from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine

s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
import json
import re
import sys
from pathlib import Path

import yaml

d = Path(kb.source_files[0]).parent
pats = ["vignettes.yaml", "vignettes_[!b]*.yaml", "vignettes_breadth*.yaml", "vignettes_blind_s1[0-8].yaml",
        "vignettes_blind_s8*.yaml", "vignettes_blind_s9*.yaml"]
files = sorted({p for g in pats for p in d.glob(g)})
assert not any("s20" in p.name for p in files)
rx = re.compile(r"pass(ed|ing)? out|presyncop|syncop|light.?head|dizz|woozy|faint|\bgot\b"
                r"|\b(mother|father|mum|mom|dad|sister|brother|grand\w+|aunt|uncle|cousin|husband|wife|partner|boyfriend|girlfriend|friend)\b", re.I)
out = {}
for p in files:
    for v in yaml.safe_load(p.read_text(encoding="utf-8"))["vignettes"]:
        if rx.search(v["text"]):
            r, _ = eng.one_shot(v["text"], age=v.get("age"), sex=v.get("sex"))
            ids = [x.id for x in r.differential]
            out[v["id"]] = [r.triage, ids.index(v["diagnosis"]) + 1 if v["diagnosis"] in ids else None]
Path(sys.argv[1]).write_text(json.dumps(out, indent=0, sort_keys=True), encoding="utf-8")
print(len(out))
