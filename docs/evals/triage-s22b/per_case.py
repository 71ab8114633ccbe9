"""Session 22b (issue 12): each dev vignette's one-shot (or interactive) level and first condition, one line each,
to diff two checkouts and to list where orthostatic hypotension now ranks in the top five. Run from a checkout root:
    MEDCORE_LLM_BACKEND=template PYTHONPATH=. python docs/evals/triage-s22b/per_case.py one_shot > per_case_one_shot.txt"""
import sys

from medcore.config import Settings
from medcore.triage.evaluate import load_vignettes, run_case
from medcore.triage.service import TriageEngine

GLOB = ("vignettes.yaml,vignettes_[!b]*.yaml,vignettes_breadth*.yaml,vignettes_blind_s1[0-8].yaml,"
        "vignettes_blind_s8*.yaml,vignettes_blind_s9*.yaml,vignettes_blind_s20.yaml")
mode = sys.argv[1] if len(sys.argv) > 1 else "one_shot"
s = Settings.load(secrets={})
eng = TriageEngine.from_settings(s, use_embeddings=True)
for v in load_vignettes(s.kb_dir, eng.kb, files=GLOB):
    c = run_case(eng, v, mode)
    oh = "OH@%d" % (c.top5.index("orthostatic_hypotension") + 1) if "orthostatic_hypotension" in c.top5 else "-"
    print(c.id, mode, c.diagnosis, c.triage_ref, c.triage_pred, c.top5[0] if c.top5 else "-", c.rank, oh)
