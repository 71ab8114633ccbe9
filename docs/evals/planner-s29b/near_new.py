"""Inputs that could change reading with the new names: given names (records/first_names.txt), CMU words of 5+
letters and the one-slip typos of top-market names (file argument), kept when within two slips (same first letter)
of a new name (newnames.txt). Usage: python near_new.py TYPOS > near.txt"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "_tools"))
from planner_breadth import near_new  # noqa: E402  (one home since session 30)

if __name__ == "__main__":
    print("\n".join(near_new(HERE / "newnames.txt", Path(sys.argv[1]))))
