"""Pooled problem figures of the real dev sets, before -> after (session 30b): `python docs/evals/records-s30b/compare.py
[SET ...]`; the figures are docs/evals/_tools/records_compare.py's (--pooled), over this folder (the sets of run_all.sh)."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "_tools"))
from records_compare import main  # noqa: E402

SETS = ["blind_s29", "blind_s28", "blind_s27", "blind_s26", "dev", "blind_s25", "blind_s24", "blind_s23", "blind_s22",
        "blind_s21", "blind_s18", "blind_s17", "blind_s16", "blind_s15", "blind_s14", "blind_s13", "blind_s12",
        "blind_s10", "blind_s9", "blind_s8", "blind"]

if __name__ == "__main__":
    main(["--pooled", str(pathlib.Path(__file__).resolve().parent)] + sys.argv[1:], SETS)
