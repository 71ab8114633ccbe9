"""Session 18 (triage18b): reading agreement on a vignette file: gold present findings read present, gold absent read absent (lexical engine)."""
import sys, yaml
from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine
s = Settings.load(secrets={}); kb = load_kb(s.kb_dir); ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
p = pa = a = aa = extra = 0
for f in sys.argv[1:]:
    for v in yaml.safe_load(open(f"assets/kb/triage/{f}"))["vignettes"]:
        ev = eng.read_text(v["text"])[1].evidence()
        p += len(v.get("present", [])); pa += sum(ev.get(x) is True for x in v.get("present", []))
        a += len(v.get("absent", [])); aa += sum(ev.get(x) is False for x in v.get("absent", []))
        extra += sum(1 for k, val in ev.items() if val and k not in v.get("present", []))
print(f"gold present read {pa}/{p}, gold absent read {aa}/{a}, other findings read present {extra}")
