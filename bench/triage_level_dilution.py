"""Do the triage LEVEL thresholds dilute as the KB grows, the way per-condition floors do (engine.yaml,
floors_set_at_conditions)? The level is read from cumulative posterior mass by level (rules.level_from_mass), a
sum over a whole level, not one condition's share. Random sub-KBs of 100..N conditions (always keeping the
reference diagnosis), tuning vignettes only (held_out: false), one-shot, synonym matching only, as in
bench/triage_floor_dilution.py. Prints, per KB size: the median cumulative mass at the reference level (what its
threshold is compared with), the prior share of each level (adult band), and mass-only triage accuracy with the
thresholds as they are and with thresholds scaled like the floors (x 179/N). Red-flag rules are left out: they
only raise the level and do not depend on the KB size.

Run: PYTHONPATH=. python bench/triage_level_dilution.py [--out result.json]"""
import argparse
import json

import numpy as np

from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.evaluate import load_vignettes
from medcore.triage.kb import LEVEL_RANK, LEVELS, load_kb
from medcore.triage.rules import TriageConfig, level_from_mass
from medcore.triage.service import TriageEngine

ap = argparse.ArgumentParser()
ap.add_argument("--out", default="")
args = ap.parse_args()
s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
vs = [v for v in load_vignettes(s.kb_dir, kb) if not v.get("held_out")]
rng = np.random.default_rng(0)
C = len(kb.conditions)
level = np.array([LEVEL_RANK[c.triage] for c in kb.conditions])
adult_prior = np.array([float(c.prior.get("adult", 0)) if isinstance(c.prior, dict) else 0.0 for c in kb.conditions])
sizes = [100, 150, 200, 250, 300, 350, C]
REF = 179
cum_at_ref = {n: [] for n in sizes}
correct = {n: [] for n in sizes}
correct_scaled = {n: [] for n in sizes}
share = {n: [] for n in sizes}
for v in vs:
    _, ex = eng.read_text(v["text"])
    ans = {m.finding_id: ("yes" if m.present else "no") for m in ex.mentions}
    origin = {f: "text" for f in ans}
    post = eng.posterior(eng.closure(ans), v["age"], v["sex"], eng.complaints(ans, origin))
    t = kb.condition_index[v["diagnosis"]]
    ref_rank = LEVEL_RANK[v["triage"]]
    for n in sizes:
        for _ in range(10 if n < C else 1):
            keep = np.zeros(C, bool)
            keep[rng.choice(C, n, replace=False) if n < C else np.arange(C)] = True
            keep[t] = True
            p = np.where(keep, post, 0.0)
            p = p / p.sum()
            mass = {lvl: float(p[level == i].sum()) for i, lvl in enumerate(LEVELS)}
            cum_at_ref[n].append(sum(mass[LEVELS[i]] for i in range(ref_rank + 1)))
            correct[n].append(level_from_mass(mass, tcfg) == v["triage"])
            k = REF / keep.sum()
            scaled = TriageConfig(emergency=tcfg.emergency * k, urgent=tcfg.urgent * k, routine=tcfg.routine * k)
            correct_scaled[n].append(level_from_mass(mass, scaled) == v["triage"])
            pr = np.where(keep, adult_prior, 0.0)
            share[n].append([float(pr[level == i].sum() / pr.sum()) for i in range(len(LEVELS))])
rows = []
for n in sizes:
    rows.append({"conditions": n, "median_cum_mass_at_ref_level": round(float(np.median(cum_at_ref[n])), 4),
                 "mass_only_triage_accuracy": round(float(np.mean(correct[n])), 4),
                 "mass_only_triage_accuracy_thresholds_x_179_over_n": round(float(np.mean(correct_scaled[n])), 4),
                 "adult_prior_share_by_level": dict(zip(LEVELS, np.round(np.mean(share[n], axis=0), 3).tolist()))})
    print(rows[-1])
med = [r["median_cum_mass_at_ref_level"] for r in rows]
slope = float(np.polyfit(np.log(sizes), np.log(med), 1)[0])
print("log-log slope of the median cumulative mass at the reference level:", round(slope, 3), "| vignettes", len(vs))
if args.out:
    with open(args.out, "w") as f:
        json.dump({"vignettes": len(vs), "sizes": rows, "slope": slope}, f, indent=1)
