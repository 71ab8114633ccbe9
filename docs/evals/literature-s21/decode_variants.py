"""Session 21: sequence decodings of the shipped role classifier's probabilities, parameters chosen on train or
dev-tune only; dev (and its holdout half) scored once per variant, with the parameter already fixed.

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s21/decode_variants.py

Variants (each goes through roles.decode_roles, so the aim and design-label biases and settle_intro apply as in
the reader):
  shipped      Viterbi, the checkpoint's transition weight (0.5, chosen on dev in session 12)
  w_devtune    Viterbi, weight chosen on dev-tune from a grid
  w_train      Viterbi, weight chosen on train from the same grid (the classifier trained there: optimistic probs)
  mono_devtune Viterbi with every backward step forbidden (role index never goes down), weight chosen on dev-tune
Probabilities are cached in /tmp (one classifier pass per abstract)."""

from __future__ import annotations

import copy
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
CACHE = Path("/tmp/lit21-role-probs.json")
GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)


def main() -> None:
    from medcore.config import Settings
    from medcore.literature import role_data
    from medcore.literature.headings import heading_map
    from medcore.literature.lit_eval import role_figures
    from medcore.literature.role_model import classifier_dir, load_from
    from medcore.literature.roles import decode_roles

    settings = Settings.load()
    hmap = heading_map(settings)
    abstracts = role_data.load_pubmedqa(settings, hmap)
    train, dev = role_data.split(abstracts, 0)
    tune, hold = role_data.split_dev(dev)
    clf = load_from(classifier_dir(settings), settings.role_encoder_dtype)
    cache = json.loads(CACHE.read_text()) if CACHE.is_file() else {}
    for a in train + dev:
        if a.id not in cache:
            cache[a.id] = clf.probabilities(a.sentences)
    CACHE.write_text(json.dumps(cache))
    base_t = clf.transitions

    def variant(weight: float, monotone: bool):
        t = copy.deepcopy(base_t)
        t.weight = weight
        if monotone:
            t.trans = [[x if j >= i else -1e9 for j, x in enumerate(row)] for i, row in enumerate(t.trans)]
        fake = copy.copy(clf)
        fake.transitions = t
        return fake

    def score(c, split):
        r = role_figures(split, lambda a: decode_roles(settings, a.sentences, cache[a.id], c))
        return {"accuracy": r["accuracy"], "macro_f1": r["macro_f1"]}

    def choose(split, monotone):
        grid = {w: score(variant(w, monotone), split) for w in GRID}
        best = max(GRID, key=lambda w: (grid[w]["accuracy"], grid[w]["macro_f1"], -abs(w - 0.5)))
        return best, {str(w): g for w, g in grid.items()}

    out = {"train": len(train), "dev": len(dev), "dev-tune": len(tune), "holdout": len(hold),
           "shipped_weight": base_t.weight}
    plans = {"shipped": (base_t.weight, False, None)}
    w, grid = choose(tune, False)
    plans["w_devtune"] = (w, False, {"chosen_on": "dev-tune", "grid": grid})
    w, grid = choose(train, False)
    plans["w_train"] = (w, False, {"chosen_on": "train", "grid": grid})
    w, grid = choose(tune, True)
    plans["mono_devtune"] = (w, True, {"chosen_on": "dev-tune", "grid": grid})
    for name, (w, mono, how) in plans.items():
        c = variant(w, mono)
        out[name] = {"weight": w, "monotone": mono, "tuning": how,
                     "dev": score(c, dev), "holdout": score(c, hold)}
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
