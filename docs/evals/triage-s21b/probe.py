"""Session 21b: ranking, level and reason of a few near-faint texts, one-shot. Run from a checkout's root:
    MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s21b/probe.py"""

from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine

s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
cases = [("chest pain and I feel faint", 55, "M"), ("I keep feeling faint", 35, "F"), ("I keep feeling faint", 72, "M"),
         ("I feel faint", 72, "M"), ("almost passed out twice today", 72, "M"),
         ("sudden breathlessness and I feel faint", 45, "F"),
         ("tight chest when I climb stairs, and last week I nearly fainted on the stairs", 78, "M")]
for t, age, sex in cases:
    r, _ = eng.one_shot(t, age=age, sex=sex)
    top = ", ".join(f"{d.id} {d.probability:.2f}" for d in r.differential[:4])
    mass = ", ".join(f"{k} {v:.2f}" for k, v in r.level_mass.items())
    rules = [f.get("id") for f in r.fired_rules]
    print(f"{age}{sex} {t!r}: {r.triage} ({mass}; rules {rules}) | {top}\n    reason: {r.triage_reason}")
