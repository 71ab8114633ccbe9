"""Ensemble experiment: average the log-probabilities of several role checkpoints, decode as the reader does."""
import json, math, sys
from medcore.config import Settings
from medcore.literature.headings import heading_map
from medcore.literature.lit_eval import _select, role_figures
from medcore.literature.role_model import load_from
from medcore.literature.roles import decode_roles

settings = Settings.load()
hmap = heading_map(settings)
folders = sys.argv[1:]
clfs = [load_from(f) for f in folders]
for split in ("dev", "dev-tune", "holdout"):
    abstracts = _select(settings, hmap, split, 0, None)
    probs = {id(a): [c.probabilities(a.sentences) for c in clfs] for a in abstracts}
    def comb(ps, members):
        out = []
        for rows in zip(*[ps[m] for m in members]):
            logs = [sum(math.log(max(r[k], 1e-9)) for r in rows) / len(rows) for k in range(len(rows[0]))]
            z = max(logs); e = [math.exp(x - z) for x in logs]; s = sum(e)
            out.append([x / s for x in e])
        return out
    import itertools
    for k in range(1, len(clfs) + 1):
        for members in itertools.combinations(range(len(clfs)), k):
            r = role_figures(abstracts, lambda a: decode_roles(settings, a.sentences, comb(probs[id(a)], members), clfs[0]))
            print(split, members, r["accuracy"], round(r["macro_f1"], 4), flush=True)
