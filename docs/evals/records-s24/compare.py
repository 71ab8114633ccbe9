"""Before -> after table of the problem figures on each dev set (`python docs/evals/records-s24/compare.py`); the table is
docs/evals/_tools/records_compare.py's, over this folder."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "_tools"))
from records_compare import main  # noqa: E402

if __name__ == "__main__":
    main([str(pathlib.Path(__file__).resolve().parent)] + sys.argv[1:])
