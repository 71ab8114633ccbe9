"""Records dev sets, session 30: per-set problem lines, the pooled problem figures, and the pooled medication / dose /
frequency / allergy figures, before -> after (thin wrapper of docs/evals/_tools/records_compare.py).
`python docs/evals/records-s30/compare.py [FOLDER] [SET ...]`: all 21 sets by default (figures.txt); pass
`docs/evals/records-s30 blind_s29` for the studied set alone (in-sample), or the 20 others for the regression check."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from records_compare import main  # noqa: E402  (the tools folder is put on the path just above)

SETS = ["blind_s29", "blind_s28", "blind_s27", "blind_s26", "dev", "blind_s25", "blind_s24", "blind_s23", "blind_s22",
        "blind_s21", "blind_s18", "blind_s17", "blind_s16", "blind_s15", "blind_s14", "blind_s13", "blind_s12",
        "blind_s10", "blind_s9", "blind_s8", "blind"]

if __name__ == "__main__":
    args = sys.argv[1:] or [str(Path(__file__).resolve().parent)]
    main(["--pooled", "--meds", *args], SETS)
