"""Print the pooled ('all') figures of `medcore eval triage` outputs (its stdout or its --out JSON), one line each.

    python docs/evals/triage-s23/summary.py docs/evals/triage-s23/before.txt docs/evals/triage-s23/after.txt
"""

import json
import sys

for path in sys.argv[1:]:
    d = json.load(open(path))
    for mode, m in d["modes"].items():
        a = m["all"]
        print(f"{path} {mode}: n {a['n']} top1 {a['top1']:.3f} top3 {a['top3']:.3f} triage {a['triage_accuracy']:.3f} "
              f"under {a['under_triage']:.4f} emergencies missed {a['emergencies_missed']} of {a['emergencies']} "
              f"questions {a['mean_questions']:.2f}")
