"""Pooled PHI and labs/vitals figures over every DEV real-note set, in one process (KB loaded once), session 27
(thin wrapper of docs/evals/_tools/records_phi_pool.py).

Usage: MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-phi-s27/pool.py OUT.json [--errors]
Never includes blind_s27 (blind that session). Writes per-set PHI / labs figures, pooled counts and, with
--errors, the PHI and lab misses (offsets and gold label only; no note text is written). Since session 29 the shared
tool also reports medication figures and the over-redaction share; the PHI-only set is pooled as in session 27."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from records_phi_pool import run  # noqa: E402  (the tools folder is put on the path just above)

DEV_SETS = ["dev", "blind", "dev_phi_s9", "blind_s8", "blind_s9", "blind_s10", "blind_s12", "blind_s13",
            "blind_s14", "blind_s15", "blind_s16", "blind_s17", "blind_s18", "blind_s21", "blind_s22",
            "blind_s23", "blind_s24", "blind_s25", "blind_s26"]

if __name__ == "__main__":
    run(sys.argv[1], DEV_SETS, {}, "--errors" in sys.argv, skip_phi_only=False)
