"""Pair filter for the session-25 planner blind set: prints, for each line of pairs_pool.txt, DROP when its two typed
names share a line in an earlier planner file (docs/evals/planner*/** except this folder, tests/knowledge/**,
tests/therapy/**), and gen-seen / gen-new for its two generic names. Never runs the planner.
Run: python docs/evals/planner-blind-s25/pairs_filter.py"""
import re, sys
from pathlib import Path
HERE=Path(__file__).resolve().parent; ROOT=HERE.parents[2]
files=[p for p in (ROOT/"docs/evals").glob("planner*/**/*") if HERE not in p.parents and p!=HERE and p.is_file()]
files+=[p for p in (ROOT/"tests/knowledge").rglob("*") if p.is_file()]+[p for p in (ROOT/"tests/therapy").rglob("*") if p.is_file() and p.suffix!=".pyc"]
lines=[]
for p in files:
    lines+= [l.lower() for l in p.read_text(encoding="utf-8",errors="ignore").splitlines()]
def w(t): return re.compile(r"(?<![a-z0-9])"+re.escape(t.lower())+r"(?![a-z0-9])")
def share(a,b):
    ra,rb=w(a),w(b)
    return any(ra.search(l) and rb.search(l) for l in lines if a.lower()[:3] in l and b.lower()[:3] in l)
for l in (HERE/"pairs_pool.txt").read_text().splitlines():
    if l.startswith("#") or not l.strip(): continue
    a,b,e,av,ga,gb,src=l.split("|")
    gs=any(share(x,y) for x in ga.split(";") for y in gb.split(";"))
    print(("DROP" if share(a,b) else "ok  "), ("gen-seen" if gs else "gen-new "), e, av, a, "+", b, sep="\t")
