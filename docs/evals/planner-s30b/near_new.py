"""Inputs that could change reading with the new names (given names, CMU words of 5+ letters, one-slip typos of the
top-market names from the file argument) within two slips of a new name (newnames.txt): the shared tool's
near_new. Usage (repo root): python docs/evals/planner-s30b/near_new.py TYPOS > docs/evals/planner-s30b/near.txt
Then resolve near.txt in each root: PYTHONPATH=. python docs/evals/planner-s29b/resolve_list.py near.txt > OUT.tsv"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "_tools"))
from planner_breadth import near_new  # noqa: E402

if __name__ == "__main__":
    print("\n".join(near_new(HERE / "newnames.txt", Path(sys.argv[1]))))
