"""Session-30b checks of the new names (run from a repo root, base or branch): every name of breadth_s30b.yaml reads as
its entry, no two new names of different entries one slip apart, the non-drug sweep, and (`--typos FILE`) the lines
within two slips of a new name (newnames.txt) resolved as TSV. The check is docs/evals/_tools/planner_breadth.py's.
Usage: PYTHONPATH=. python docs/evals/planner-s30b/check.py OUTDIR [--typos FILE]"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "_tools"))
from planner_breadth import check  # noqa: E402

if __name__ == "__main__":
    typos = Path(sys.argv[sys.argv.index("--typos") + 1]) if "--typos" in sys.argv else None
    check(Path(sys.argv[1]), Path("assets/kb/knowledge/drugs/ingredients/breadth_s30b.yaml"), HERE / "newnames.txt",
          typos)
