"""Session 18 dev probe: kidney disease typed with a stage -> read as chronic kidney disease (never a spelling guess
such as COPD)? Run from the repo root: `nice -n 10 .venv/bin/python docs/evals/planner-s18/ckd_probe.py`."""

import sys
from pathlib import Path

sys.path.insert(0, ".")
from medcore.therapy.kb import load_kb_dir  # noqa: E402
from medcore.therapy.names import resolve_state  # noqa: E402

TYPED = ["CKD stage 4", "CKD stage 3a", "CKD 3a", "CKD 3b", "CKD 4", "CKD 5", "CKD stage 5", "stage 4 CKD", "CKD-3b",
         "ckd4", "CKD IV", "CKD G4A2", "chronic kidney disease stage 3", "CKD 5D", "CKD stage 5 on dialysis", "ESRD",
         "on dialysis", "haemodialysis", "end stage renal disease", "CKD"]
KIDNEY = {"ckd_albuminuria", "dialysis"}

kb = load_kb_dir(Path("assets/kb/therapy"))
read = 0
for t in TYPED:
    r = resolve_state(kb, t)
    ok = r.id in KIDNEY and r.how != "fuzzy"
    read += ok
    print(f"{'ok ' if ok else 'MISS'} {t!r}: {r.id} ({r.how}) stage={getattr(r, 'stage', '')!r} suggestions={r.suggestions}")
print(f"kidney disease typed with a stage read as kidney disease: {read}/{len(TYPED)}")
