"""Cases whose level or top-3 membership changed between two `medcore eval triage --out` JSONs (per mode).

    .venv/bin/python docs/evals/triage-s26/case_changes.py before.json after.json
"""
import json
import sys

LEVELS = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}


def main(before: str, after: str) -> None:
    b = {(c["mode"], c["id"]): c for c in json.load(open(before))["cases"]}
    a = {(c["mode"], c["id"]): c for c in json.load(open(after))["cases"]}
    for key in sorted(set(a) & set(b)):
        x, y = b[key], a[key]
        notes = []
        if x["triage_pred"] != y["triage_pred"]:
            ref = LEVELS[y["triage_ref"]]
            better = abs(LEVELS[y["triage_pred"]] - ref) < abs(LEVELS[x["triage_pred"]] - ref)
            notes.append(f"level {x['triage_pred']} -> {y['triage_pred']} (gold {y['triage_ref']}, "
                         f"{'better' if better else 'worse'})")
        rx, ry = x["rank"] or 999, y["rank"] or 999
        if (rx <= 3) != (ry <= 3) or (rx == 1) != (ry == 1):
            notes.append(f"rank {rx} -> {ry}")
        if notes:
            print(f"{key[0]:11s} {key[1]:10s} {y['diagnosis']:28s} " + "; ".join(notes))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
