"""Aggregate figures of `medcore eval triage --out` JSONs, over all cases and over one set alone (ids <set>v*).
Usage: python docs/evals/_tools/triage_figures.py SET before.json after.json ...  (SET: s23, s24, ...; a session
folder's figures.py names its set)"""
import json
import sys

LEVELS = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}


def figures(cases):
    n = len(cases)
    em = [c for c in cases if c["triage_ref"] == "emergency"]
    return (n, sum(c["rank"] is not None and c["rank"] <= 1 for c in cases) / n,
            sum(c["rank"] is not None and c["rank"] <= 3 for c in cases) / n,
            sum(c["triage_pred"] == c["triage_ref"] for c in cases) / n,
            sum(LEVELS[c["triage_pred"]] < LEVELS[c["triage_ref"]] for c in cases) / n,
            sum(LEVELS[c["triage_pred"]] < 3 for c in em), len(em))


def main(one_set: str, paths: list[str]) -> None:
    for path in paths:
        rows = json.load(open(path))["cases"]
        for mode in sorted({c["mode"] for c in rows}):
            for name, sel in (("all", lambda c: True), (one_set, lambda c: c["id"].startswith(one_set + "v"))):
                n, t1, t3, tri, under, miss, ne = figures([c for c in rows if c["mode"] == mode and sel(c)])
                print(f"{path.split('/')[-1]:28s} {mode:11s} {name:4s} n={n:4d} top1={t1:.3f} top3={t3:.3f} "
                      f"triage={tri:.3f} under={under:.4f} emergencies missed {miss}/{ne}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
