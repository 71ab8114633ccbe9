"""Aggregate a score_triage_vignettes --out file over two subsets (new-condition cases s8x01-18 vs existing s8x19-36)."""
import json, sys
LV = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}
d = json.load(open(sys.argv[1]))
for mode in ("one_shot", "interactive"):
    for name, ids in (("new18", range(1, 19)), ("existing18", range(19, 37))):
        want = {f"s8x{i:02d}" for i in ids}
        cs = [c for c in d["cases"] if c["mode"] == mode and c["id"] in want]
        n = len(cs)
        t1 = sum(c["rank"] == 1 for c in cs) / n
        t3 = sum(c["rank"] <= 3 for c in cs) / n
        tri = sum(c["ref"] == c["pred"] for c in cs) / n
        em = [c for c in cs if c["ref"] == "emergency"]
        miss = sum(c["pred"] != "emergency" for c in em)
        print(f"{mode:12s} {name:11s} n={n} top1={t1:.3f} top3={t3:.3f} triage={tri:.3f} emergencies missed {miss} of {len(em)}")
