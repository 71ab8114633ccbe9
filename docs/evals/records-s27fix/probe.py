import sys, os
os.environ["MEDCORE_LLM_BACKEND"]="template"
from medcore.config import Settings
from medcore.records import kb as kb_mod
from medcore.records.pipeline import analyze
kb = kb_mod.load(Settings.load(secrets={}))
for line in open(sys.argv[1]):
    t=line.strip()
    if not t: continue
    ps=[(p.text, p.icd10cm, p.assertion) for p in analyze(t, kb).extraction.problems]
    print(t, "=>", ps)
