"""Session 22 (issue 12): a near-faint denied everything else, and the faint presentations that must stay emergency
or urgent (NICE CG109 / ESC 2018 syncope), one-shot and in an interview where the person answers 'yes' only to the
findings listed with the case and 'no' to everything else. Run from a checkout root:
    MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s22/faint_checks.py"""
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
# (age, sex, text, findings the person has besides those in the text, the least acceptable level)
CASES = [
    (72, "male", "I feel faint", set(), "-"),
    (80, "female", "I feel faint", set(), "-"),
    (72, "male", "I keep feeling faint and tired", {"fatigue"}, "-"),
    (72, "male", "I feel faint and I have chest pain", set(), "emergency"),
    (55, "male", "chest pain and I feel faint", set(), "emergency"),
    (72, "male", "I feel faint and my heart is racing", {"fast_heart_rate"}, "urgent"),
    (70, "female", "I felt faint with my heart pounding away", {"fast_heart_rate"}, "urgent"),
    (60, "male", "I nearly passed out while jogging", set(), "urgent"),
    (72, "male", "I feel faint and my poo has gone black", set(), "emergency"),
    (68, "female", "I feel faint and have been vomiting blood", set(), "emergency"),
]
LEVELS = ["emergency", "urgent", "routine", "self_care"]
for age, sex, text, extra, floor in CASES:
    o, _ = eng.one_shot(text, age=age, sex=sex[0].upper())
    st = chat.new_state()
    st["age"], st["sex"] = age, sex
    st = chat.user_message(eng, st, text)
    told = {f for f, a in st["answers"].items() if a == "yes"} | extra
    while st["pending"] and not st["finished"]:
        fid = st["pending"]["id"]
        st = chat.answer(eng, st, "yes" if fid in told or any(fid in kb.implies.get(t, ()) for t in told) else "no")
    r = chat._result(eng, st)
    ok = floor == "-" or (LEVELS.index(o.triage) <= LEVELS.index(floor) and LEVELS.index(r.triage) <= LEVELS.index(floor))
    print(f"{age} {sex} {text!r} | one-shot {o.triage} {o.differential[0].id} "
          f"e={o.level_mass['emergency']:.3f} u={o.level_mass['urgent']:.3f} | interview {r.triage} {r.differential[0].id} "
          f"e={r.level_mass['emergency']:.3f} u={r.level_mass['urgent']:.3f} q={len(st['answers'])} | floor {floor} {'ok' if ok else 'BELOW'}")
    print("    asked:", ",".join(f"{f}={a[0]}" for f, a in st["answers"].items()))
