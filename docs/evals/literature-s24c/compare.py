"""Every changed per-split tally between two all_fields.py outputs (session 24c): mode, split, field, P/R before -> after,
(correct/predicted/gold). Usage: python docs/evals/literature-s24c/compare.py BEFORE.json AFTER.json"""
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for mode in a:
    for sp in a[mode]["per_split"]:
        for f, t in a[mode]["per_split"][sp].items():
            u = b[mode]["per_split"][sp][f]
            if (t["correct"], t["predicted"]) != (u["correct"], u["predicted"]):
                drop = (u["precision"] or 0) < (t["precision"] or 0) or (u["recall"] or 0) < (t["recall"] or 0)
                print(f"{mode:8s} {sp:10s} {f:18s} {t['precision']}/{t['recall']} -> {u['precision']}/{u['recall']}  ({t['correct']}/{t['predicted']}/{t['gold']} -> {u['correct']}/{u['predicted']}/{u['gold']}){'  DROP' if drop else ''}")
