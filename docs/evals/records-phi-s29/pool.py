"""Pooled PHI / labs / medication figures over every DEV real-note set, session 29 (thin wrapper of
`docs/evals/_tools/records_phi_pool.py`).

Usage: PYTHONPATH=. MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-phi-s29/pool.py OUT.json [--errors]
"pooled": the 20 sets pooled in session 28 (the 19 of session 27 and blind_s27); "unseen_blind_s28": blind_s28, DEV
since session 29 and the only set no earlier change was read off, pooled apart (its misses were read this session,
so its after figure is in-sample). blind_s29 is never read."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from records_phi_pool import run  # noqa: E402  (the tools folder is put on the path just above)

POOLED = ["dev", "blind", "dev_phi_s9", "blind_s8", "blind_s9", "blind_s10", "blind_s12", "blind_s13",
          "blind_s14", "blind_s15", "blind_s16", "blind_s17", "blind_s18", "blind_s21", "blind_s22",
          "blind_s23", "blind_s24", "blind_s25", "blind_s26", "blind_s27"]

if __name__ == "__main__":
    run(sys.argv[1], POOLED, {"blind_s28": ["blind_s28"]}, "--errors" in sys.argv)
