"""Before -> after table of the problem figures on each dev set and pooled (`python docs/evals/records-s25/compare.py [BEFORE AFTER]`, tags of run_all.sh; default before after)."""
import json
import pathlib

import sys

HERE = pathlib.Path(__file__).parent
BEFORE, AFTER = (sys.argv[1:3] + ["before", "after"][len(sys.argv[1:3]):])[:2]
SETS = ["dev", "blind_s24", "blind_s23", "blind_s22", "blind_s21", "blind_s18", "blind_s17", "blind_s16", "blind_s15"]


def figs(path):
    s = json.loads(path.read_text())["scores"]
    p, e = s["problems"], s["exact_code_agreement"]
    return (f"{p['recall']:.4f} / {p['precision']:.4f} ({p['tp']}/{p['gold']}, {p['predicted']} out)",
            f"{s['assertion_accuracy']:.4f}", f"{e['exact']}/{e['n']}", s)


print("| set | problems R / P before | after | assertion before -> after | exact codes before -> after |")
print("|---|---|---|---|---|")
for name in SETS:
    b, a = figs(HERE / f"{BEFORE}_{name}.json"), figs(HERE / f"{AFTER}_{name}.json")
    same = all(b[3][k] == a[3][k] for k in ("medications", "phi", "labs_vitals", "allergies"))
    print(f"| {name} | {b[0]} | {a[0]} | {b[1]} -> {a[1]} | {b[2]} -> {a[2]} |" + ("" if same else " other figures moved"))


def pooled(tag):
    """Problems recall / precision and exact codes over every dev set at once (sums of their counts)."""
    tp = gold = pred = ex = n = 0
    for name in SETS:
        s = json.loads((HERE / f"{tag}_{name}.json").read_text())["scores"]
        tp, gold, pred = tp + s["problems"]["tp"], gold + s["problems"]["gold"], pred + s["problems"]["predicted"]
        ex, n = ex + s["exact_code_agreement"]["exact"], n + s["exact_code_agreement"]["n"]
    return f"{tp / gold:.4f} / {tp / pred:.4f} ({tp}/{gold}, {pred} out)", f"{ex}/{n}"


pb, pa = pooled(BEFORE), pooled(AFTER)
print(f"| **pooled** | {pb[0]} | {pa[0]} | | {pb[1]} -> {pa[1]} |")
