"""Inter-annotator agreement on sentence roles, and the classifier against each annotator (session 10).

Two annotators labelled the same sentences blind to each other (role_gold files `pubmedqa_roles_<split>.yaml` and
`..._b.yaml`). Figures: raw agreement and Cohen's kappa over the five roles; per role, the same two figures on the
one-vs-rest question "is this sentence ROLE?" plus the positive specific agreement 2·both / (count A + count B),
which, unlike raw agreement, is not inflated by the many sentences both call "not ROLE"; the confusion between the
annotators; and the model's accuracy against annotator A, annotator B, and on the sentences where they agree."""

from __future__ import annotations

from collections import Counter

from medcore.literature.role_metrics import classification_report


def cohen_kappa(a: list[str], b: list[str], labels) -> float | None:
    """Cohen's kappa (1960): (p_o - p_e) / (1 - p_e), p_e from each annotator's own label frequencies. None when
    undefined (no items, or both annotators used a single identical label throughout, p_e = 1)."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    p_o = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[lab] * cb[lab] for lab in labels) / (n * n)
    return None if p_e >= 1.0 else round((p_o - p_e) / (1.0 - p_e), 4)


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def annotator_agreement(a: list[str], b: list[str], labels) -> dict:
    """Agreement of annotators A and B over the same sentences, overall and per role (one-vs-rest)."""
    if len(a) != len(b):
        raise ValueError(f"{len(a)} labels from annotator A, {len(b)} from B")
    n, labels = len(a), list(labels)
    per_role = {}
    for lab in labels:
        ya, yb = [x == lab for x in a], [y == lab for y in b]
        both = sum(x and y for x, y in zip(ya, yb))
        na, nb = sum(ya), sum(yb)
        per_role[lab] = {"annotator_a": na, "annotator_b": nb, "both": both,
                         "raw_agreement": _round(sum(x == y for x, y in zip(ya, yb)) / n) if n else None,
                         "kappa": cohen_kappa(ya, yb, [True, False]),
                         "positive_agreement": _round(2 * both / (na + nb)) if na + nb else None}
    index = {lab: i for i, lab in enumerate(labels)}
    confusion = [[0] * len(labels) for _ in labels]
    for x, y in zip(a, b):
        confusion[index[x]][index[y]] += 1
    return {"n": n, "raw_agreement": _round(sum(x == y for x, y in zip(a, b)) / n) if n else None,
            "kappa": cohen_kappa(a, b, labels), "per_role": per_role, "labels": labels,
            "confusion_a_rows_b_columns": confusion}


def model_against_annotators(pred: list[str], a: list[str], b: list[str], labels) -> dict:
    """The model's accuracy and macro-F1 against each annotator, and on the sentences both annotators agree on
    (where the label is least in doubt); on the others, how often it sides with A, with B, or with neither."""
    def brief(gold, p):
        r = classification_report(gold, p, labels)
        return {"n": r["n"], "accuracy": r["accuracy"], "macro_f1": r["macro_f1"], "confusion": r["confusion"]}

    agreed = [i for i, (x, y) in enumerate(zip(a, b)) if x == y]
    split = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return {"against_a": brief(a, pred), "against_b": brief(b, pred),
            "on_agreed": brief([a[i] for i in agreed], [pred[i] for i in agreed]),
            "on_disagreed": {"n": len(split), "sides_with_a": sum(pred[i] == a[i] for i in split),
                             "sides_with_b": sum(pred[i] == b[i] for i in split),
                             "neither": sum(pred[i] not in (a[i], b[i]) for i in split)}}
