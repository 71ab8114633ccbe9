"""Before -> after table of pool.py outputs: python docs/evals/records-phi-s29/compare.py A.json B.json [C.json ...]
(PHI strict recall / precision, over-redaction, per-type recall; medications R/P, dose, frequency, not-current kept
out, allergies; labs/vitals R/P) for "pooled" and "unseen_blind_s28"."""
import json
import sys


def line(name, p):
    phi, m, a = p["phi"], p["medications"], p["allergies"]
    types = " ".join(f"{k} {v['recall']}" for k, v in sorted(phi["per_type"].items()))
    return (f"{name}: PHI strict {phi['strict_recall']} / precision {phi['precision']} (gold {phi['gold']}), "
            f"letters redacted outside gold {p['over_redaction']['redacted_outside_gold']} of "
            f"{p['over_redaction']['alnum_chars']}; {types}\n"
            f"    medications R/P {m['recall']} / {m['precision']} ({m['tp']} of {m['gold']}, {m['predicted']} output), "
            f"dose {p['dose_accuracy']} (n {p['dose_n']}), frequency {p['frequency_accuracy']} (n {p['frequency_n']}), "
            f"not-current kept out {p['not_current_kept_out']} (n {p['not_current_n']}), allergies R/P "
            f"{a['recall']} / {a['precision']} ({a['tp']} of {a['gold']}), NKDA {p['nkda_found']}; "
            f"labs/vitals R/P {p['labs_vitals']['recall']} / {p['labs_vitals']['precision']}")


for group in ("pooled", "unseen_blind_s28"):
    print(f"== {group}")
    for path in sys.argv[1:]:
        print(line(path.rsplit("/", 1)[-1], json.load(open(path))[group]))
