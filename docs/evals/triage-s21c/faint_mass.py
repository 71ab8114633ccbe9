"""Session 21c: the emergency mass and the emergency conditions after an all-no interview for a near-faint in older
people. Run from a checkout root: MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s21c/faint_mass.py"""
import numpy as np
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
for age, sex, t in [(72, "male", "I feel faint"), (80, "female", "I feel faint"), (80, "female", "I keep feeling faint and tired")]:
    st = chat.new_state(); st["age"], st["sex"] = age, sex
    st = chat.user_message(eng, st, t)
    while st["pending"] and not st["finished"]:
        st = chat.answer(eng, st, "no")
    r = chat._result(eng, st)
    print("asked:", list(st["answers"]))
    print(age, sex, t, r.triage, {k: round(v, 3) for k, v in r.level_mass.items()}, r.fired_rules, r.triage_reason)
    ev = eng.closure(st["answers"])
    post = eng.posterior(ev, age, sex, eng.complaints(st["answers"], st.get("origin", {})))
    for ci in np.argsort(-post)[:40]:
        c = kb.conditions[ci]
        if c.triage == "emergency" and post[ci] > 0.005:
            print("   E", c.id, round(float(post[ci]), 3))
