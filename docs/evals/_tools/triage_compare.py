"""Before/after figures and per-case changes of two `eval triage --out` files (one_shot rows), one home for
triage-s29 and -s30 compare.py (wrappers; moved here from triage-s29 in session 30):
    python docs/evals/_tools/triage_compare.py BEFORE.json AFTER.json [PREFIX]   (PREFIX: one set's ids, e.g. s29v)
Both files are scored over the same cases. Emergencies under-triaged: gold emergency, predicted lower."""
from __future__ import annotations

import json
import sys

ORDER = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}


def rows(path):
    return {r["id"]: r for r in json.load(open(path))["cases"] if r["mode"] == "one_shot"}


def figures(rs, keep=lambda i: True):
    rs = [r for i, r in rs.items() if keep(i)]
    n = len(rs)
    em = [r for r in rs if r["triage_ref"] == "emergency"]
    return {"n": n, "top1": sum(r["rank"] == 1 for r in rs) / n, "top3": sum(0 < r["rank"] <= 3 for r in rs) / n,
            "triage": sum(r["triage_ref"] == r["triage_pred"] for r in rs) / n,
            "over": sum(ORDER[r["triage_pred"]] > ORDER[r["triage_ref"]] for r in rs) / n,
            "under": sum(ORDER[r["triage_pred"]] < ORDER[r["triage_ref"]] for r in rs) / n,
            "emergencies": len(em), "emergencies_under": sum(r["triage_pred"] != "emergency" for r in em)}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    b, a = rows(argv[0]), rows(argv[1])
    prefix = argv[2] if len(argv) > 2 else "s28v"
    tag = prefix.rstrip("v")
    for name, keep in (("all dev", lambda i: True), (f"{tag} set", lambda i: i.startswith(prefix)),
                       (f"without {tag}", lambda i: not i.startswith(prefix))):
        fb, fa = figures(b, keep), figures(a, keep)
        print(name, " ".join(f"{k} {fb[k]:.3f}->{fa[k]:.3f}" if isinstance(fb[k], float) else f"{k} {fb[k]}->{fa[k]}"
                             for k in fb))
    newly = [i for i in a if b[i]["triage_ref"] == "emergency" and b[i]["triage_pred"] == "emergency"
             and a[i]["triage_pred"] != "emergency"]
    print("emergencies under-triaged now that were not before:", newly or "none")
    print("case changes (id gold: rank before->after, level before->after):")
    for i in sorted(a):
        x, y = b[i], a[i]
        if (x["rank"], x["triage_pred"]) != (y["rank"], y["triage_pred"]):
            better = (y["triage_pred"] == y["triage_ref"]) - (x["triage_pred"] == x["triage_ref"])
            print(f"  {i} {y['diagnosis']} [{y['triage_ref']}]: rank {x['rank']}->{y['rank']}, "
                  f"{x['triage_pred']}->{y['triage_pred']}" + {1: " (level right now)", -1: " (level wrong now)", 0: ""}[better])


if __name__ == "__main__":
    main()
