"""Session 26b: how far a perfect convention choice would go (the ceiling of the structure decode), on train and
dev-tune only: each abstract's introduction block given the legal structure (all background, all objective,
background then objective at the split point) that agrees best with the authors' heading labels.

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s26b/ceiling.py
(needs the caches of cache_probs.py and fit_structure.py in /tmp)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))


def main() -> None:
    from fit_structure import BASE_CACHE, CACHE, prepare

    from medcore.config import Settings
    import intro_structure as ist  # the experiment module beside this script (not shipped)
    from medcore.literature import role_data
    from medcore.literature.headings import heading_map
    from medcore.literature.model import ROLES

    settings = Settings.load()
    train, dev = role_data.split(role_data.load_pubmedqa(settings, heading_map(settings)), 0)
    tune, _ = role_data.split_dev(dev)
    cache, base = json.loads(CACHE.read_text()), json.loads(BASE_CACHE.read_text())
    out = {}
    for name, split in (("train", train), ("dev-tune", tune)):
        ok = okb = okc = tot = 0
        for it in prepare(list(ROLES), split, cache, base):
            n, labels = it["n"], it["a"].labels
            cands = []
            if n:
                k_s = it["k_split"]
                for k in sorted({n, 0, k_s}):
                    pred = ist.labels_of(k, n) + it["base"][n:]
                    cands.append(sum(g == p for g, p in zip(labels, pred) if g is not None))
            for g, p in zip(labels, it["base"]):
                if g is not None:
                    tot += 1
                    okb += g == p
            best = max(cands) if cands else sum(g == p for g, p in zip(labels, it["base"]) if g is not None)
            ok += best
            okc += max(best, sum(g == p for g, p in zip(labels, it["base"]) if g is not None))
        out[name] = {"sentences": tot, "shipped": round(okb / tot, 4), "ceiling_three_conventions": round(ok / tot, 4),
                     "ceiling_with_shipped_as_fourth": round(okc / tot, 4)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
