"""On palpitations alone: the posterior share of arrhythmias (AF, SVT, ectopic beats) and of anxiety and panic, by age
and sex (Weber and Kapoor 1996 found arrhythmia 40%, psychiatric 31%). Run from the repo root:
python docs/evals/triage-s18/palpitations_share.py"""
import sys, os; sys.path.insert(0, os.getcwd())
from medcore.config import Settings
from medcore.triage.service import TriageEngine
import numpy as np
e = TriageEngine.from_settings(Settings.load(), use_blend=False); kb = e.kb
for age, sex in ((30, 'male'), (30, 'female'), (60, 'male'), (75, 'female')):
    p = e.posterior(e.closure({'palpitations': 'yes'}), age, sex, {'palpitations'})
    o = np.argsort(-p)[:10]
    psych = sum(p[kb.condition_index[c]] for c in ('panic_attack', 'panic_hyperventilation', 'anxiety') if c in kb.condition_index)
    arr = sum(p[kb.condition_index[c]] for c in ('atrial_fibrillation', 'svt', 'ectopic_beats', 'ventricular_tachycardia', 'heart_block', 'atrial_flutter') if c in kb.condition_index)
    print(age, sex, 'psych %.2f arrhythmia %.2f' % (psych, arr), [(kb.conditions[i].id, round(float(p[i]), 3)) for i in o])
