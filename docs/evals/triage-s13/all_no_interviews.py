"""All-no interviews: 20 short complaints x 3 patients (30F, 70M, 4M), every question answered no; prints the
number of questions and the level. Run: PYTHONPATH=. .venv/bin/python docs/evals/triage-s13/all_no_interviews.py"""
from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine
from medcore.triage import chat
s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
texts = ["I have a headache", "I have tummy pain", "I have chest pain", "I feel tired all the time", "I have a sore throat",
         "my back hurts", "I have a rash", "I have a cough", "I feel dizzy", "it burns when I pee", "my knee hurts",
         "I feel sick", "I have diarrhoea", "my eye is red", "I feel low", "I have a fever", "my ear hurts",
         "I'm short of breath", "I have palpitations", "my leg is swollen"]
tot = []
for t in texts:
    for age, sex in ((30, "female"), (70, "male"), (4, "male")):
        st = chat.new_state()
        st = chat.set_demographics(eng, st, age, sex)
        st = chat.user_message(eng, st, t)
        n = 0
        while st["pending"] and not st["finished"] and n < 60:
            st = chat.answer(eng, st, "no"); n += 1
        tot.append(n)
        lvl = (st.get("result") or {}).get("triage")
        print(f"{n:3d} {lvl} {age} {sex} {t}")
print("max", max(tot), "mean", sum(tot)/len(tot))
