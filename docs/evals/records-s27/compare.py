"""Pooled problem figures of the real dev sets, before -> after (session 27): `python docs/evals/records-s27/compare.py
[SET ...]`; the figures are docs/evals/_tools/records_compare.py's (--pooled), over this folder."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "_tools"))
from records_compare import main  # noqa: E402

SETS = ["dev", "blind_s25", "blind_s24", "blind_s23", "blind_s22", "blind_s21", "blind_s18", "blind_s17", "blind_s16",
        "blind_s15"]

if __name__ == "__main__":
    main(["--pooled", str(pathlib.Path(__file__).resolve().parent)] + sys.argv[1:], SETS)
