"""Session 21: how a near-faint told alone is ranked and levelled, one-shot and after an interview answered 'no'
throughout, over ages and sexes. Run from a checkout's root:
    MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s21/faint_grid.py"""

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
texts = ["I keep feeling faint", "I feel faint", "feel faint when I stand", "almost passed out twice today",
         "I keep feeling faint and tired"]
for age, sex in [(8, "male"), (16, "female"), (24, "female"), (35, "male"), (50, "female"), (72, "male"), (80, "female")]:
    for t in texts:
        st = chat.new_state()
        st["age"], st["sex"] = age, sex
        st = chat.user_message(eng, st, t)
        n = 0
        while st["pending"] and not st["finished"]:
            st = chat.answer(eng, st, "no")
            n += 1
        r = chat._result(eng, st)
        o, _ = eng.one_shot(t, age=age, sex=sex[0].upper())
        print(age, sex, repr(t), "| one-shot", o.triage, o.differential[0].id, "| all-no", r.triage,
              r.differential[0].id, n)
