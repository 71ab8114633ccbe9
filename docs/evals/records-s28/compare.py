"""Pooled problem figures of the real dev sets, before -> after (session 28): `python docs/evals/records-s28/compare.py`.
Pooled recall / precision from each set's matched, gold and output counts."""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ["blind_s27", "blind_s26", "dev", "blind_s25", "blind_s24", "blind_s23", "blind_s22", "blind_s21", "blind_s18", "blind_s17", "blind_s16",
        "blind_s15"]


def _counts(tag: str, s: str):
    p = HERE / f"{tag}_{s}.json"
    if not p.exists() or not p.stat().st_size:
        return None
    d = json.loads(p.read_text())
    pr = d["scores"]["problems"]
    ex = d["scores"]["exact_code_agreement"]
    return pr, ex, d["scores"]["assertion_accuracy"], d["scores"]["assertion_n"]


def main(sets=SETS, tags=("before", "after")) -> None:
    for tag in tags:
        tp = g = o = ex = exn = an = ac = 0
        for s in sets:
            c = _counts(tag, s)
            if c is None:
                print(f"{tag}: {s} missing")
                continue
            pr, e, acc, n = c
            tp += pr["tp"] if "tp" in pr else round(pr["recall"] * pr["gold"])
            g += pr["gold"]
            o += pr["predicted"] if "predicted" in pr else pr.get("output", 0)
            ex += e["exact"]
            exn += e["n"]
            ac += (acc or 0) * (n or 0)
            an += n or 0
            print(f"{tag} {s}: recall {pr['recall']} precision {pr['precision']} exact {e['exact']}/{e['n']}")
        print(f"{tag} POOLED: recall {tp / g:.4f} precision {tp / o:.4f} exact {ex}/{exn} ({ex / exn:.3f}) assertion {ac / an:.4f}")


if __name__ == "__main__":
    main(sys.argv[1:] or SETS)
