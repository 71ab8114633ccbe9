"""Session 21b: one-shot level and rank of the dev vignettes the engine change can reach (the reading has a present
finding that implies another, findings.yaml `implies`), for a before/after comparison without per-case rows of the
eval. The blind s20 file is never read. From a checkout's root:
    MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s21b/reach.py OUT.json"""

import json
import sys
from pathlib import Path

import yaml

from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine

s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
d = Path(kb.source_files[0]).parent
pats = ["vignettes.yaml", "vignettes_[!b]*.yaml", "vignettes_breadth*.yaml", "vignettes_blind_s1[0-8].yaml",
        "vignettes_blind_s8*.yaml", "vignettes_blind_s9*.yaml"]
files = sorted({p for g in pats for p in d.glob(g)})
assert not any("s20" in p.name for p in files)
out = {}
for p in files:
    for v in yaml.safe_load(p.read_text(encoding="utf-8"))["vignettes"]:
        _, ex = eng.read_text(v["text"])
        if ex is None or not any(val and f in kb.implies for f, val in ex.evidence().items()):
            continue
        r, _ = eng.one_shot(v["text"], age=v.get("age"), sex=v.get("sex"))
        ids = [x.id for x in r.differential]
        out[v["id"]] = [v["triage"], r.triage, ids.index(v["diagnosis"]) + 1 if v["diagnosis"] in ids else None]
Path(sys.argv[1]).write_text(json.dumps(out, indent=0, sort_keys=True), encoding="utf-8")
print(len(out))
