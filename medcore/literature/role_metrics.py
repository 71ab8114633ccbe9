"""Classification figures shared by training and `eval literature`: accuracy, per-class and macro F1, confusion
matrix (rows: gold, columns: predicted)."""

from __future__ import annotations


def classification_report(gold: list[str], pred: list[str], labels: list[str] | tuple[str, ...]) -> dict:
    labels = list(labels)
    pairs = [(g, p) for g, p in zip(gold, pred) if g is not None]
    n = len(pairs)
    index = {lab: i for i, lab in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in pairs:
        if g in index and p in index:
            matrix[index[g]][index[p]] += 1
    per_class = {}
    f1s = []
    for lab, i in index.items():
        tp = matrix[i][i]
        fp = sum(matrix[r][i] for r in range(len(labels))) - tp
        fn = sum(matrix[i]) - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[lab] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                          "support": tp + fn}
        if tp + fn:  # a class absent from gold does not drag the macro average
            f1s.append(f1)
    correct = sum(1 for g, p in pairs if g == p)
    return {"n": n, "accuracy": round(correct / n, 4) if n else None,
            "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None, "per_class": per_class,
            "labels": labels, "confusion": matrix}
