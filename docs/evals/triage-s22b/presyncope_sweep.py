"""Session 22b (issue 12): would a sourced presyncope share for the heart attack and the lung clot keep a bare
"I feel faint" at 72 out of the emergency heading in one-shot (ESC 2018: a near-faint without high-risk features is
not an emergency)? Copies the triage KB to a temporary folder, adds presyncope at each trial share to both
conditions' findings, and prints the one-shot level, first condition and emergency mass. Run from a checkout root:
    MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s22b/presyncope_sweep.py"""
import re
import shutil
import tempfile
from pathlib import Path

from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine

s = Settings.load(secrets={})
TRIALS = [(None, None), (0.1, 0.1), (0.05, 0.05), (0.03, 0.05), (0.015, 0.03)]  # (heart attack, lung clot)
CASES = [(72, "M", "I feel faint"), (80, "F", "I feel faint"), (55, "M", "I feel faint"),
         (72, "M", "I feel faint and I have chest pain"), (55, "M", "chest pain and I feel faint")]


def patched(mi, pe):
    tmp = Path(tempfile.mkdtemp())
    shutil.copytree(Path(s.kb_dir) / "triage", tmp / "triage")
    path = tmp / "triage" / "conditions_emergency.yaml"
    text = path.read_text(encoding="utf-8")
    for cid, val in (("myocardial_infarction", mi), ("pulmonary_embolism", pe)):
        text = re.sub(r"(- id: %s\n(?:  .*\n)*?  findings: \{.*)\}\n" % cid,
                      lambda m: m.group(1) + ', presyncope: [%s, "trial share for this sweep only"]}\n' % val, text,
                      count=1)
    path.write_text(text, encoding="utf-8")
    return tmp / "triage"


for mi, pe in TRIALS:
    d = Path(s.kb_dir) if mi is None else patched(mi, pe)
    kb = load_kb(d)
    ecfg, tcfg = load_configs(d)
    eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
    print(f"heart attack {mi or 'unlisted'} / lung clot {pe or 'unlisted'}")
    for age, sex, text in CASES:
        o, _ = eng.one_shot(text, age=age, sex=sex)
        print(f"    {age} {sex} {text!r}: {o.triage} {o.differential[0].id} e={o.level_mass['emergency']:.3f}")
