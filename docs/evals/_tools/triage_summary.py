"""Aggregate figures of a `medcore eval triage --out` JSON per mode (its "modes" block, all cases), and the same
figures over the cases of one id prefix: one home for triage-s27 and -s28 summary.py (wrappers).
    python docs/evals/triage-s28/summary.py RUN.json [PREFIX]   (e.g. s27v for vignettes_blind_s27)"""
import json
import sys

LEVEL = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}


def lines(d: dict, prefix: str = "") -> list[str]:
    out = []
    for mode, m in d["modes"].items():
        a = m["all"]
        out.append(f"{mode:11s} all n={a['n']} top1/top3/triage {a['top1']:.3f} / {a['top3']:.3f} / "
                   f"{a['triage_accuracy']:.3f} under {a['under_triage']:.4f} over {a['over_triage']:.4f} emergencies "
                   f"missed {a['emergencies_missed']} of {a['emergencies']} questions {a['mean_questions']:.2f}")
        if prefix:
            cs = [c for c in d["cases"] if c["mode"] == mode and c["id"].startswith(prefix)]
            n = len(cs)
            t1 = sum(c["rank"] == 1 for c in cs) / n
            t3 = sum((c["rank"] or 99) <= 3 for c in cs) / n
            tr = sum(c["triage_pred"] == c["triage_ref"] for c in cs) / n
            em = [c for c in cs if c["triage_ref"] == "emergency"]
            miss = sum(c["triage_pred"] != "emergency" for c in em)
            under = sum(LEVEL.get(c["triage_pred"], -1) < LEVEL[c["triage_ref"]] for c in cs) / n
            out.append(f"{'':11s} {prefix}* n={n} top1/top3/triage {t1:.3f} / {t3:.3f} / {tr:.3f} under {under:.3f}"
                       f" emergencies missed {miss} of {len(em)}")
    return out


def main(argv: list[str]) -> None:
    if not argv or argv[0] in ("-h", "--help"):
        sys.exit("usage: summary.py RUN.json [PREFIX]")
    with open(argv[0]) as fh:
        d = json.load(fh)
    print("\n".join(lines(d, argv[1] if len(argv) > 1 else "")))


if __name__ == "__main__":
    main(sys.argv[1:])
