"""Session-29b checks of the new names (run from a repo root; `--names FILE` also writes what each line reads):
  1. every name of breadth_s29b.yaml reads as the entry it was written for (through drugs.resolve);
  2. no two new names of different entries are one typing slip apart;
  3. the non-drug sweep: every given name of records/first_names.txt and every 12th CMU-dictionary word of 4+ letters is
     resolved; a read is printed (exact names count too: compare base and branch, the branch must add none);
  4. `--typos FILE`: each line within two slips of a new name (newnames.txt) (one-slip typos of top-market names, planner-s28b-review/gen_typos.py) resolved and
     written as TSV, to compare base and branch (an existing name's reading must not change).
Usage: PYTHONPATH=. python docs/evals/planner-s29b/check.py OUTDIR [--typos FILE]  (wrapper of _tools/planner_breadth.py)"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "_tools"))
from planner_breadth import check  # noqa: E402  (one home since session 30: docs/evals/_tools/planner_breadth.py)

if __name__ == "__main__":
    typos = Path(sys.argv[sys.argv.index("--typos") + 1]) if "--typos" in sys.argv else None
    check(Path(sys.argv[1]), Path("assets/kb/knowledge/drugs/ingredients/breadth_s29b.yaml"), HERE / "newnames.txt",
          typos)
