"""How a condition's posterior shrinks as the KB grows: random sub-KBs of 100..N conditions (always keeping the
condition), on the tuning vignettes only (held_out: false), one-shot, synonym matching only. Prints the median
posterior of the reference diagnosis and of serious (emergency/urgent) conditions between 1% and 50% likely, and
the log-log slope; engine.yaml's floor_exponent cites it.

Run: PYTHONPATH=. python bench/triage_floor_dilution.py"""
import numpy as np, sys
from medcore.config import Settings
from medcore.knowledge import load_terminology
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb, LEVEL_RANK
from medcore.triage.service import TriageEngine
from medcore.triage.evaluate import load_vignettes
s = Settings.load(secrets={})
kb = load_kb(s.kb_dir); ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))
vs = [v for v in load_vignettes(s.kb_dir, kb) if not v.get("held_out")]
rng = np.random.default_rng(0)
C = len(kb.conditions); serious = np.array([LEVEL_RANK[c.triage] <= 1 for c in kb.conditions])
sizes = [100, 150, 200, 250, 300, C]
ref_p = {n: [] for n in sizes}; ser_p = {n: [] for n in sizes}
for v in vs:
    _, ex = eng.read_text(v["text"])
    ans = {m.finding_id: ("yes" if m.present else "no") for m in ex.mentions}
    origin = {f: "text" for f in ans}
    post = eng.posterior(eng.closure(ans), v["age"], v["sex"], eng.complaints(ans, origin))
    t = kb.condition_index[v["diagnosis"]]
    cands = [ci for ci in np.where(serious & (post >= 0.01) & (post < 0.5))[0]]
    for n in sizes:
        for _ in range(10 if n < C else 1):
            keep = np.zeros(C, bool)
            keep[rng.choice(C, n, replace=False) if n < C else np.arange(C)] = True
            for tgt, acc in [(t, ref_p)] + [(ci, ser_p) for ci in cands]:
                k = keep.copy(); k[tgt] = True
                acc[n].append(post[tgt] / post[k].sum())
for name, acc in (("reference diagnosis", ref_p), ("serious candidates 0.01-0.5", ser_p)):
    med = [np.median(acc[n]) for n in sizes]
    beta = np.polyfit(np.log(sizes), np.log(med), 1)[0]
    print(name, "n per size", len(acc[sizes[-1]]), "medians", [round(m, 4) for m in med], "log-log slope", round(beta, 3))
