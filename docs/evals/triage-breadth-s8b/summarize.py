"""Print the aggregate rows of score_triage_vignettes / `eval triage` --out files, and the cases whose rank or
predicted level differ between two of them. Run: python summarize.py A.json [B.json]"""
import json
import sys


def rows(path):
    d = json.load(open(path))
    for mode, splits in d["modes"].items():
        for split, m in splits.items():
            if isinstance(m, dict) and m.get("n"):
                print(f"{path.split('/')[-1]:22s} {mode:11s} {split:8s} n={m['n']:3d} top1={m['top1']:.3f} "
                      f"top3={m['top3']:.3f} top10={m['top10']:.3f} triage={m['triage_accuracy']:.3f} "
                      f"over/under={m['over_triage']:.3f}/{m['under_triage']:.3f} "
                      f"emergencies missed {m['emergencies_missed']} of {m['emergencies']} q={m['mean_questions']:.2f}")
    return {(c["mode"], c["id"]): c for c in d["cases"]}


def key(c):
    return c["rank"], c.get("triage_pred", c.get("pred"))


a = rows(sys.argv[1])
if len(sys.argv) > 2:
    b = rows(sys.argv[2])
    for k, c in b.items():
        if k in a and key(a[k]) != key(c):
            print("changed", *k, "rank/level", key(a[k]), "->", key(c))
