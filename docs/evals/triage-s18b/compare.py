import json, sys
b = json.load(open(sys.argv[1])); a = json.load(open(sys.argv[2]))
def key(c): return (c["id"], c["mode"])
B = {key(c): c for c in b["cases"]}; A = {key(c): c for c in a["cases"]}
LR = {"emergency": 0, "urgent": 1, "routine": 2, "self_care": 3}
for mode in ("one_shot", "interactive"):
    for split in ("all", "held_out"):
        mb = b["modes"][mode][split]; ma = a["modes"][mode][split]
        print(f"{mode:11s} {split:8s} n={mb['n']}: top1 {mb['top1']:.3f}->{ma['top1']:.3f}  top3 {mb['top3']:.3f}->{ma['top3']:.3f}  triage {mb['triage_accuracy']:.3f}->{ma['triage_accuracy']:.3f}  emerg missed {mb['emergencies_missed']}->{ma['emergencies_missed']} of {mb['emergencies']}")
def r(c): return c["rank"] if c["rank"] else 999
print("\nchanged cases (rank across 1/3 or by >=3, or level):")
for k in sorted(B):
    if k not in A: continue
    cb, ca = B[k], A[k]
    rb, ra = r(cb), r(ca)
    moved = (rb <= 1) != (ra <= 1) or (rb <= 3) != (ra <= 3) or abs(rb - ra) >= 3
    lv = cb["triage_pred"] != ca["triage_pred"]
    if moved or lv:
        tag = "better" if (ra < rb or (lv and ca["triage_pred"] == ca["triage_ref"])) else "worse"
        if lv and cb["triage_pred"] == cb["triage_ref"]: tag = "worse"
        print(f"{k[0]:10s} {k[1]:11s} {cb['diagnosis']:28s} rank {rb}->{ra} level {cb['triage_pred']}->{ca['triage_pred']} (ref {cb['triage_ref']}) {tag}")
