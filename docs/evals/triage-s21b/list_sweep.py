"""Session 21b: what listing presyncope for the heart attack or the lung clot would do (one-shot), at several
likelihoods, on the engine of this commit (the KB is changed in memory only). From a checkout's root:
    MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s21b/list_sweep.py"""

from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine

s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
p = kb.finding_index["presyncope"]
lik0, listed0 = kb.lik.copy(), kb.listed.copy()
cases = [("chest pain and I feel faint", 55, "M"), ("I keep feeling faint", 35, "F"), ("I keep feeling faint", 72, "M"),
         ("sudden breathlessness and I feel faint", 45, "F")]
for who in (("myocardial_infarction",), ("pulmonary_embolism",)):
    for v in (None, 0.02, 0.05, 0.1, 0.15):
        kb.lik, kb.listed = lik0.copy(), listed0.copy()  # new arrays: the engine's caches are keyed on them
        for cid in who:
            ci = kb.condition_index[cid]
            if v is not None:
                kb.lik[ci, p], kb.listed[ci, p] = v, True
        out = []
        for t, age, sex in cases:
            r, _ = eng.one_shot(t, age=age, sex=sex)
            out.append(f"{age}{sex}: {r.triage[:4]} em {r.level_mass['emergency']:.2f} "
                       + ", ".join(f"{d.id[:12]} {d.probability:.2f}" for d in r.differential[:2]))
        print(who[0][:8], v, " | ".join(out))
