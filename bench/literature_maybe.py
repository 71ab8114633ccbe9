"""Why `literature ask` never answers "maybe" right, studied on the DEV items only (session 10,
docs/evals/literature-s10): PubMedQA's train split (seed 0) pooled with dev-tune, 451 items, each read from the
authors' own conclusion sentences (LONG_ANSWER). The holdout is never loaded here. Prints aggregate figures only
(no text): the cue rule's confusion; per answer class, the mean cue counts and how often the conclusions carry a
contrast, a condition or a partial negation; a fixed rule (partial negation -> maybe); the out-of-fold P(maybe) of
the answer model's logistic regression (ask_model.fit) with and without those flags (AUC, calibration by
quintile); a calibrated "maybe" threshold chosen by nested cross-validation (inner folds pick the feature set,
L2 and threshold; the outer fold is scored), over the cue rule's yes/no; and (session 14) the shipped cue answer
model's out-of-fold P(maybe), without and with the `conditional` feature (cue_model_decision).

The three flag patterns below are a study instrument written after reading dev "maybe" conclusions, not a shipped
word list: nothing in medcore uses them (no candidate met the keep rule; see the README).
Run: MEDCORE_TORCH_THREADS=1 nice -n 5 python bench/literature_maybe.py   (about 2 min on this CPU)"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FLAGS = {
    "contrast": r"\b(however|although|though|whereas|nevertheless|nonetheless|despite|but|yet|while)\b",
    "condition": r"\b(depending|depends? on|selected|select|some patients|certain|subgroup|subset|only in|"
                 r"in patients with|if |unless|particularly|especially|partial(ly)?|partly|may or may not|in some)\b",
    "partial_negation": r"\bbut (not|does not|did not|no)\b|\bnot necessarily\b|\bmay not\b",
}
THRESHOLDS = [round(0.40 + 0.05 * i, 2) for i in range(11)]


def flags(text: str) -> list[float]:
    return [float(bool(re.search(p, text, re.IGNORECASE))) for p in FLAGS.values()]


def fold_of(item_id: str, k: int = 5) -> int:
    return int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % k


def with_threshold(p_maybe, base: list[str], t: float) -> list[str]:
    """The calibrated rule: "maybe" when P(maybe) >= t, else the cue rule's answer."""
    return ["maybe" if p >= t else b for p, b in zip(p_maybe, base)]


def yes_no_lost(pred: list[str], base: list[str], gold: list[str]) -> int:
    """Yes/no items the cue rule had right that a candidate gets wrong (the keep rule allows none to speak of)."""
    return sum(1 for p, b, g in zip(pred, base, gold) if g != "maybe" and b == g and p != g)


def auc(scores, positive) -> float:
    pos = [s for s, y in zip(scores, positive) if y]
    neg = [s for s, y in zip(scores, positive) if not y]
    return sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / max(1, len(pos) * len(neg))


def _oof(x, gold, folds, cols, l2):
    import numpy as np

    from medcore.literature import ask_model

    p = np.zeros((len(gold), 3))
    for k in sorted(set(folds)):
        tr, te = folds != k, folds == k
        m = ask_model.fit(x[tr][:, cols], [g for g, t in zip(gold, tr) if t], l2=l2)
        p[te] = np.array([m.probabilities(r) for r in x[te][:, cols]])
    return p


def cue_model_decision(settings, pairs, gold, folds) -> dict:
    """Why the shipped cue answer model (ask_polarity) never says "maybe" (session 14): its out-of-fold P(maybe)
    on these items, with the session-11 features and with the `conditional` feature added; how often P(maybe) is
    the largest; how well it ranks maybe items (AUC); and how many items of each answer carry a conditional cue."""
    import numpy as np

    from medcore.literature import ask_model, ask_polarity as ap

    cues = ask_model.cue_patterns(settings)
    rows = [ap.features(a.question, conc, cues) for a, conc in pairs]
    is_maybe = [g == "maybe" for g in gold]
    out = {"conditional_cue_items": {c: sum(1 for r, g in zip(rows, gold) if g == c and r[-1])
                                     for c in ask_model.ANSWERS}}
    for name, use in (("session 11 features", ap.FEATURES[:10]), ("with conditional", ap.FEATURES)):
        p = np.zeros((len(gold), 3))
        for k in sorted(set(folds)):
            tr = folds != k
            m = ap.fit([r for r, t in zip(rows, tr) if t], [g for g, t in zip(gold, tr) if t], use=use, l2=0.1)
            p[~tr] = [m.probabilities(rows[i]) for i in np.where(~tr)[0]]
        pred = [ask_model.ANSWERS[int(i)] for i in p.argmax(axis=1)]
        out[name] = {"max_p_maybe": round(float(p[:, 2].max()), 3), "auc_p_maybe": round(auc(p[:, 2], is_maybe), 3),
                     "called_maybe": pred.count("maybe"), "maybe_right": sum(a == g == "maybe" for a, g in zip(pred, gold)),
                     "accuracy": round(sum(a == g for a, g in zip(pred, gold)) / len(gold), 4)}
    return out


def run() -> dict:
    import numpy as np

    from medcore.config import Settings
    from medcore.embeddings import embed
    from medcore.literature import ask, ask_model, role_data
    from medcore.literature.headings import heading_map
    from medcore.literature.role_metrics import classification_report

    settings = Settings.load()
    if role_data.pubmedqa_path(settings) is None:
        return {"skipped": "PubMedQA data not found (../shared/data/pubmedqa/pqal_dev.json); it is not shipped"}
    cues = ask_model.cue_patterns(settings)
    train, dev = role_data.split(role_data.load_pubmedqa(settings, heading_map(settings)), 0)
    tune, _holdout = role_data.split_dev(dev)  # the holdout is dropped here, unread
    pairs = role_data.answered_conclusions(train + tune)
    items = [a for a, _ in pairs]
    gold, base, raw, flg, rows = [], [], [], [], []
    for a, conc in pairs:
        raw.append(ask_model.raw_cue_counts(conc, cues, a.question))
        base.append(ask.cue_answer(ask_model.cue_counts(conc, cues, a.question))[0])
        gold.append(a.answer)
        flg.append(flags(" ".join(conc)))
        v = embed([a.question] + conc)
        rows.append(np.concatenate([ask_model.features(v[0], v[1:], ask_model.cue_counts(conc, cues, a.question)),
                                    flg[-1]]))
    x, folds, n = np.stack(rows), np.array([fold_of(a.id) for a in items]), len(items)
    rep = {"items": n, "from": "train (seed 0) + dev-tune, authors' conclusions; holdout not read",
           "answers": {c: gold.count(c) for c in ask_model.ANSWERS}}
    cr = classification_report(gold, base, list(ask_model.ANSWERS))
    rep["cue_rule"] = {"accuracy": cr["accuracy"], "confusion": cr["confusion"], "labels": cr["labels"]}
    rep["per_class"] = {c: {"mean_cues_neg_hedge_pos": [round(float(np.mean([r[j] for r, g in zip(raw, gold) if g == c])), 2)
                                                        for j in range(3)],
                            "share_with": {f: round(float(np.mean([v[j] for v, g in zip(flg, gold) if g == c])), 2)
                                           for j, f in enumerate(FLAGS)}} for c in ask_model.ANSWERS}
    fixed = ["maybe" if v[2] else b for v, b in zip(flg, base)]
    rep["rule_partial_negation"] = {"accuracy": round(sum(p == g for p, g in zip(fixed, gold)) / n, 4),
                                    "flagged": fixed.count("maybe"),
                                    "maybe_right": sum(p == g == "maybe" for p, g in zip(fixed, gold)),
                                    "yes_no_lost": yes_no_lost(fixed, base, gold)}
    d = 384  # MiniLM width: features = conclusions (d), question x conclusions (d), cosine, 3 cues, then 3 flags
    sets = {"shipped features": np.r_[0:2 * d + 4], "shipped + flags": np.r_[0:x.shape[1]],
            "cues + flags": np.r_[2 * d + 1:x.shape[1]], "cues only": np.r_[2 * d + 1:2 * d + 4]}
    is_maybe = [g == "maybe" for g in gold]
    rep["p_maybe_out_of_fold"] = {}
    for name, cols in sets.items():
        p = _oof(x, gold, folds, cols, 1e-3)[:, 2]
        order = np.argsort(p)
        rep["p_maybe_out_of_fold"][name] = {
            "auc": round(auc(p, is_maybe), 3),
            "quintiles_mean_p_vs_rate": [[round(float(p[i].mean()), 2), round(float(np.mean([is_maybe[j] for j in i])), 2)]
                                         for i in np.array_split(order, 5)]}
    final, chosen = list(base), []
    for k in range(5):  # nested: pick (features, l2, t) on the other four folds, score fold k
        inner, outer = np.where(folds != k)[0], np.where(folds == k)[0]
        best = (-1, "", 0.0, 0.0)
        for name in ("shipped + flags", "cues + flags", "shipped features"):
            for l2 in (1e-3, 1e-2):
                p = _oof(x[inner], [gold[i] for i in inner], (folds[inner] + 1) % 5, sets[name], l2)[:, 2]
                for t in THRESHOLDS:
                    s = sum(a == gold[i] for a, i in zip(with_threshold(p, [base[i] for i in inner], t), inner))
                    if s > best[0] or (s == best[0] and t > best[3]):
                        best = (s, name, l2, t)
        _, name, l2, t = best
        m = ask_model.fit(x[inner][:, sets[name]], [gold[i] for i in inner], l2=l2)
        p = [m.probabilities(r)[2] for r in x[outer][:, sets[name]]]
        for i, a in zip(outer, with_threshold(p, [base[i] for i in outer], t)):
            final[i] = a
        chosen.append({"fold": k, "features": name, "l2": l2, "threshold": t})
    rep["calibrated_threshold_nested_cv"] = {
        "chosen": chosen, "accuracy": round(sum(p == g for p, g in zip(final, gold)) / n, 4),
        "flagged": final.count("maybe"), "maybe_right": sum(p == g == "maybe" for p, g in zip(final, gold)),
        "yes_no_lost": yes_no_lost(final, base, gold)}
    rep["cue_model_decision"] = cue_model_decision(settings, pairs, gold, folds)
    return rep


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
