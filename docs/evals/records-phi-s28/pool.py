"""Pooled PHI and labs/vitals figures over every DEV real-note set, in one process (KB loaded once), session 28
(thin wrapper of `docs/evals/_tools/records_phi_pool.py` since session 29; same command, same figures, and the
medication figures beside them).

Usage: MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-phi-s28/pool.py OUT.json [--errors]
The 19 sets pooled in session 27 ("pooled") and blind_s27, DEV since session 28 but the only set unseen before this
session, pooled apart ("unseen"). Writes per-set PHI / labs figures, the pooled counts, PHI per type, the share of
note characters redacted that no gold PHI span holds (over-redaction), and with --errors the PHI and lab misses
and extras (offsets and labels only; no note text is written). As in session 28, the PHI-only set's lab counts are
pooled too (`skip_phi_only=False`)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from records_phi_pool import run  # noqa: E402  (the tools folder is put on the path just above)

DEV_SETS = ["dev", "blind", "dev_phi_s9", "blind_s8", "blind_s9", "blind_s10", "blind_s12", "blind_s13",
            "blind_s14", "blind_s15", "blind_s16", "blind_s17", "blind_s18", "blind_s21", "blind_s22",
            "blind_s23", "blind_s24", "blind_s25", "blind_s26"]

if __name__ == "__main__":
    run(sys.argv[1], DEV_SETS, {"blind_s27": ["blind_s27"]}, "--errors" in sys.argv, skip_phi_only=False)
