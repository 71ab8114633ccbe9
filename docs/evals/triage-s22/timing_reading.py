"""Session 22 (issue 12): what the chat reads from a faint told at another time than the chest pain (why the chest-pain +
faint rule was left alone). Run from a checkout root:
    MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s22/timing_reading.py"""
from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage import chat
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine
s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
for t in ["I nearly fainted last week and today I have chest pain", "I felt faint last week. Now I have chest pain.",
          "I have chest pain and I feel faint", "I almost passed out a week ago, and since this morning my chest hurts",
          "chest pain since yesterday, felt faint an hour ago"]:
    g, ex = eng.read_text(t)
    print(t, "|", [(m.finding_id, m.present, m.phrase) for m in ex.mentions], ex.duration_hours)
