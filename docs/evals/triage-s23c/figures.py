"""Print the dev figures of an eval JSON (one line a mode): python figures.py before_dev.json after_dev.json"""
import json
import sys

for path in sys.argv[1:]:
    d = json.load(open(path))
    for mode, m in d["modes"].items():
        a = m["all"]
        print(f"{path} {mode}: n {a['n']} top1 {a['top1']:.3f} top3 {a['top3']:.3f} triage {a['triage_accuracy']:.3f} "
              f"under {a['under_triage']:.4f} emergencies missed {a['emergencies_missed']}/{a['emergencies']} "
              f"questions {a['mean_questions']:.2f}")
