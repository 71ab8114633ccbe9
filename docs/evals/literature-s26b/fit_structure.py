"""Session 26b: fit the introduction-convention model (docs/evals/literature-s26b/intro_structure.py) on the TRAIN split,
choose its regularisation on DEV-TUNE (or by 5-fold cross-validation on train, --choose cv), then, with --score,
score dev and holdout once with everything fixed.

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s26b/cache_probs.py
    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s26b/fit_structure.py \
        --choose devtune --out docs/evals/literature-s26b/fit_devtune.json [--score]

Labels are the authors' headings (weak labels, unrefined), as `eval literature` scores them. The train
probabilities come from a classifier that trained on those abstracts (optimistic); its lean enters as two features
only. The baseline is the shipped decode (roles.decode_roles)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
CACHE = Path("/tmp/lit26b-role-probs.json")
BASE_CACHE = Path("/tmp/lit26b-base.json")
import os  # noqa: E402

# the features used (the others are zeroed); default: all of intro_structure.FEATURES
USE = os.environ.get("LIT26B_FEATURES", "logn,one,aim,aim_first,aim_last,infinitive,first_person,aim_noun,linked,"
                     "question,ctx_words,labels,ctx_logodds,last_logodds").split(",")
CS = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


def prepare(roles, abstracts, cache, base_cache):
    import intro_structure as ist  # the experiment module beside this script (not shipped)

    out = []
    for a in abstracts:
        probs = cache[a.id]
        base, aims = base_cache[a.id]
        n = ist.block_length(base)
        it = {"a": a, "probs": probs, "base": base, "aims": aims, "n": n}
        if n:
            cues = ist.abstract_cues(a.sentences, n, aims)
            lb, lo = ist.renormalised(probs, roles, n)
            x = ist.convention_features(n, cues, lb, lo)
            it["x"] = [v if f in USE else 0.0 for f, v in zip(ist.FEATURES, x)]
            it["k_split"] = ist.split_point(n, cues, base)
            gold = [g for g in a.labels[:n] if g in ist.INTRO]
            if gold:
                it["kind"] = "B" if set(gold) == {"background"} else "O" if set(gold) == {"objective"} else "S"
        out.append(it)
    return out


def fit(items, C):
    from sklearn.linear_model import LogisticRegression

    import intro_structure as ist  # the experiment module beside this script (not shipped)

    X = np.array([it["x"] for it in items if "kind" in it])
    y = [it["kind"] for it in items if "kind" in it]
    mu, sd = X.mean(0), X.std(0) + 1e-9
    m = LogisticRegression(C=C, max_iter=2000).fit((X - mu) / sd, y)
    # fold the standardisation into the weights so the reader needs no scaler
    coef = m.coef_ / sd
    icpt = m.intercept_ - (m.coef_ * mu / sd).sum(1)
    kinds = list(m.classes_)
    assert set(kinds) <= set(ist.KINDS)
    return {"kinds": kinds, "features": list(ist.FEATURES), "C": C,
            "intercept": [float(v) for v in icpt], "coef": [[float(v) for v in row] for row in coef]}


def decoded(it, params):
    import intro_structure as ist  # the experiment module beside this script (not shipped)

    if not it["n"] or params is None:
        return it["base"]
    n = it["n"]
    kp = ist.convention_probs(it["x"], params)
    if n == 1:
        kp.pop("S", None)
    return ist.labels_of(ist.best_structure(n, kp, it["k_split"]), n) + it["base"][n:]


def accuracy(items, params=None, labels=None):
    """Against the heading labels, or `labels` (id -> labels: the hand-written sentence gold)."""
    ok = tot = 0
    for it in items:
        gold = labels[it["a"].id] if labels is not None else it["a"].labels
        for g, p in zip(gold, decoded(it, params)):
            if g is not None:
                tot += 1
                ok += g == p
    return round(ok / tot, 4)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--choose", choices=("devtune", "cv"), default="devtune")
    ap.add_argument("--out", default=None)
    ap.add_argument("--score", action="store_true", help="also score dev and holdout (once, at the end)")
    args = ap.parse_args()
    from medcore.config import Settings
    from medcore.literature import role_data
    from medcore.literature.headings import heading_map
    from medcore.literature.intro_roles import states_aim
    from medcore.literature.role_model import classifier_dir, load_from
    from medcore.literature.roles import cue_pattern, decode_roles

    settings = Settings.load()
    abstracts = role_data.load_pubmedqa(settings, heading_map(settings))
    train, dev = role_data.split(abstracts, 0)
    tune, hold = role_data.split_dev(dev)
    clf = load_from(classifier_dir(settings), settings.role_encoder_dtype)
    roles = list(clf.cfg.roles)
    cache = json.loads(CACHE.read_text())
    base_cache = json.loads(BASE_CACHE.read_text()) if BASE_CACHE.is_file() else {}
    aim, study_aim = cue_pattern(settings, "aim_statement"), cue_pattern(settings, "study_aim")
    for a in abstracts:
        if a.id not in base_cache:
            base_cache[a.id] = ([r for r, _ in decode_roles(settings, a.sentences, cache[a.id], clf)],
                                [states_aim(t, aim, study_aim) for t in a.sentences])
    BASE_CACHE.write_text(json.dumps(base_cache))
    tr, tu, dv, ho = (prepare(roles, s, cache, base_cache) for s in (train, tune, dev, hold))
    grid = {}
    for C in CS:
        if args.choose == "devtune":
            grid[str(C)] = accuracy(tu, fit(tr, C))
        else:
            folds = [tr[i::5] for i in range(5)]
            grid[str(C)] = round(float(np.mean([
                accuracy(folds[i], fit([x for j, f in enumerate(folds) if j != i for x in f], C))
                for i in range(5)])), 4)
    best = max(grid, key=lambda c: (grid[c], -float(c)))  # ties: the stronger regularisation
    params = fit(tr, float(best))
    report = {"chosen_on": args.choose, "features_used": USE, "grid": grid, "chosen_C": float(best), "params": params,
              "train": {"base": accuracy(tr), "structure": accuracy(tr, params)},
              "dev-tune": {"base": accuracy(tu), "structure": accuracy(tu, params)}}
    if args.score:  # dev and holdout: scored once, after every choice above was made
        report["dev"] = {"base": accuracy(dv), "structure": accuracy(dv, params)}
        report["holdout"] = {"base": accuracy(ho), "structure": accuracy(ho, params)}
        from medcore.literature import role_gold

        for name, split, items in (("dev-tune", tune, tu), ("holdout", hold, ho)):
            gold = {a.id: a.labels for a in role_gold.apply_gold(split, role_gold.load_gold(role_gold.gold_path(name)))}
            report[name]["gold_base"] = accuracy(items, None, gold)
            report[name]["gold_structure"] = accuracy(items, params, gold)
    text = json.dumps(report, indent=1)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
