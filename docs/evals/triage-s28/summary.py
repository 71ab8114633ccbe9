"""Aggregate figures of an eval JSON (all cases) per mode, and the same for one id prefix:
python summary.py RUN.json [PREFIX]  (e.g. s26v for vignettes_blind_s26)."""
import json
import sys

LEVEL = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}
d = json.load(open(sys.argv[1]))
prefix = sys.argv[2] if len(sys.argv) > 2 else ""
for mode, m in d["modes"].items():
    a = m["all"]
    print(f"{mode:11s} all n={a['n']} top1/top3/triage {a['top1']:.3f} / {a['top3']:.3f} / {a['triage_accuracy']:.3f}"
          f" under {a['under_triage']:.4f} over {a['over_triage']:.4f} emergencies missed {a['emergencies_missed']}"
          f" of {a['emergencies']} questions {a['mean_questions']:.2f}")
    if prefix:
        cs = [c for c in d["cases"] if c["mode"] == mode and c["id"].startswith(prefix)]
        n = len(cs)
        t1 = sum(c["rank"] == 1 for c in cs) / n
        t3 = sum((c["rank"] or 99) <= 3 for c in cs) / n
        tr = sum(c["triage_pred"] == c["triage_ref"] for c in cs) / n
        em = [c for c in cs if c["triage_ref"] == "emergency"]
        miss = sum(c["triage_pred"] != "emergency" for c in em)
        under = sum(LEVEL.get(c["triage_pred"], -1) < LEVEL[c["triage_ref"]] for c in cs) / n
        print(f"{'':11s} {prefix}* n={n} top1/top3/triage {t1:.3f} / {t3:.3f} / {tr:.3f} under {under:.3f}"
              f" emergencies missed {miss} of {len(em)}")
