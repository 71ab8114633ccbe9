"""Calibrate the embedding fallback's threshold on the labelled dev set and write fallback.yaml.

Run: python -m medcore.knowledge.calibrate   (needs the MiniLM package; about a minute the first time,
while the concept terms are embedded)."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import numpy as np
import yaml

from medcore import kbyaml
from medcore.knowledge import kbfiles
from medcore.knowledge.fallback import calibrate, evaluate

MIN_PRECISION = 0.9


def dev_examples(kb_dir) -> list[dict]:
    return list(kbfiles.load(kb_dir, "match_dev.yaml")["examples"])


def write_settings(kb_dir, best: dict) -> None:
    """fallback.yaml with the chosen threshold and its dev figures; the other embedding indexes' settings
    (`indexes`, e.g. the symptom chat's) are not this calibration's and are kept as they are."""
    path = kbfiles.knowledge_dir(kb_dir) / "fallback.yaml"
    doc = {"version": 1, "source": "Calibrated on assets/kb/knowledge/match_dev.yaml by python -m medcore.knowledge.calibrate "
           f"(best recall with dev precision >= {MIN_PRECISION}; of the thresholds with that recall, the highest)",
           "threshold": best["threshold"], "dev_precision": best["precision"], "dev_recall": best["recall"]}
    indexes = kbfiles.load(kb_dir, "fallback.yaml").get("indexes") if path.is_file() else None
    if indexes:
        doc["indexes"] = indexes
    path.write_text(yaml.safe_dump(doc, sort_keys=False, width=118), encoding="utf-8")


# ---- a named embedding index (fallback.yaml `indexes`): threshold AND clear-winner margin ------------------
# The same selection rule as the matcher's threshold above: the best recall whose dev precision reaches
# MIN_PRECISION; among settings with that recall, the highest threshold (then the highest margin): the fewest
# false matches. The index itself is built by its owner (e.g. the symptom chat over its findings' phrases: the
# knowledge layer does not import the tools) and passed in.
THRESHOLDS = tuple(round(0.40 + 0.01 * i, 2) for i in range(56))  # 0.40 .. 0.95
MARGINS = tuple(round(0.01 * i, 2) for i in range(11))  # 0.00 .. 0.10


def index_dev_examples(kb_dir, relpath: str = "triage/embedding_dev.yaml") -> list[dict]:
    """The labelled lay phrases of an index's dev set: phrase -> finding (an id, a list of ids, or null)."""
    path = Path(kb_dir) / relpath  # the dev set lives beside its owner's KB, not in the knowledge folder
    return list(kbyaml.load(path)["examples"])


def _gold(example: dict) -> list[str]:
    g = example.get("finding")
    return list(g) if isinstance(g, list) else [g] if g else []


def index_scores(index, phrases: list[str]) -> list[tuple[str, float, float]]:
    """(nearest id, its cosine, best cosine of another id) of each phrase (`EmbeddingIndex.scored`)."""
    return [(index.ids[row], score, runner) for row, score, runner in index.scored(list(phrases))]


def evaluate_index(examples: list[dict], scores, threshold: float, margin: float) -> dict:
    """Precision and recall of an index on labelled phrases at one setting, with the index's own test (cosine >=
    threshold and, with a margin, that far above the best other id; float32). A match is right when its id is a
    labelled one; any match of a negative is wrong."""
    tp = fp = positives = 0
    t32, m32 = np.float32(threshold), np.float32(margin)
    for e, (fid, score, runner) in zip(examples, scores):
        gold = _gold(e)
        positives += bool(gold)
        s32 = np.float32(score)
        if not s32 >= t32 or (margin > 0 and not s32 - np.float32(runner) >= m32):
            continue
        tp, fp = (tp + 1, fp) if fid in gold else (tp, fp + 1)
    precision = tp / (tp + fp) if tp + fp else 1.0
    return {"threshold": threshold, "margin": margin, "precision": round(precision, 4),
            "recall": round(tp / positives, 4) if positives else 0.0, "tp": tp, "fp": fp, "positives": positives,
            "negatives": len(examples) - positives}


def calibrate_index(examples: list[dict], scores, min_precision: float = MIN_PRECISION) -> dict:
    """The (threshold, margin) with the best recall at precision >= min_precision; ties: highest threshold, then
    highest margin. With no setting reaching the floor, the most precise one."""
    results = [evaluate_index(examples, scores, t, m) for t in THRESHOLDS for m in MARGINS]
    ok = [r for r in results if r["precision"] >= min_precision and r["tp"]]
    if not ok:
        return max(results, key=lambda r: (r["precision"], r["threshold"], r["margin"]))
    best = max(r["tp"] for r in ok)
    return max((r for r in ok if r["tp"] == best), key=lambda r: (r["threshold"], r["margin"]))


def index_report(kb_dir, name: str, index, relpath: str = "triage/embedding_dev.yaml", skip=None) -> dict:
    """The stored and the calibrated settings of the named index, with their dev figures. `skip(phrase)`: the
    phrases its owner reads before the index (the chat's lexicon), left out since they never reach it."""
    from medcore.knowledge.embedding_index import load_settings

    examples = index_dev_examples(kb_dir, relpath)
    unknown = sorted({g for e in examples for g in _gold(e)} - set(index.ids))
    if unknown:
        raise ValueError(f"{relpath} names ids the index {name!r} does not have: {unknown}")
    skipped = [e["phrase"] for e in examples if skip is not None and skip(e["phrase"])]
    examples = [e for e in examples if e["phrase"] not in skipped]
    scores = index_scores(index, [e["phrase"] for e in examples])
    stored = load_settings(kb_dir, name)
    return {"index": name, "dev_set": relpath, "min_precision": MIN_PRECISION, "skipped": skipped,
            "stored": evaluate_index(examples, scores, stored.threshold, stored.margin),
            "calibrated": calibrate_index(examples, scores)}


def write_index_settings(kb_dir, name: str, report: dict, adopt: bool, source: str) -> None:
    """Record an index's calibration in fallback.yaml (`indexes: NAME: calibration`); with `adopt`, its
    threshold and margin become the ones in use. The rest of the file is kept as it is."""
    path = kbfiles.knowledge_dir(kb_dir) / "fallback.yaml"
    doc = copy.deepcopy(kbfiles.load(kb_dir, "fallback.yaml"))  # the loader's copy is cached: not edited
    entry = doc["indexes"][name]
    best = report["calibrated"]
    if adopt:
        entry["threshold"], entry["margin"] = best["threshold"], best["margin"]
    entry["source"] = source
    entry["calibration"] = {"dev_set": "assets/kb/" + report["dev_set"], "min_precision": report["min_precision"],
                            "threshold": best["threshold"], "margin": best["margin"],
                            "dev_precision": best["precision"], "dev_recall": best["recall"], "adopted": adopt}
    path.write_text(yaml.safe_dump(dict(doc), sort_keys=False, width=118), encoding="utf-8")


def stale(kb_dir, name: str, report: dict) -> list[str]:
    """What no longer holds in fallback.yaml's record of the named index's calibration, given a fresh `report`
    (empty when all holds): the recorded calibration must be the one computed now, and an adopted one must be the
    settings in use (one not adopted says why in the entry's source)."""
    entry = (kbfiles.load(kb_dir, "fallback.yaml").get("indexes") or {}).get(name) or {}
    rec = entry.get("calibration")
    if rec is None:
        return [f"{name}: no calibration recorded in fallback.yaml"]
    best, out = report["calibrated"], []
    now = {"dev_set": "assets/kb/" + report["dev_set"], "min_precision": report["min_precision"],
           "threshold": best["threshold"], "margin": best["margin"], "dev_precision": best["precision"],
           "dev_recall": best["recall"]}
    out += [f"{name}: calibration {k} recorded {rec.get(k)!r}, now {v!r}" for k, v in now.items() if rec.get(k) != v]
    if rec.get("adopted") and (entry["threshold"], entry.get("margin", 0.0)) != (best["threshold"], best["margin"]):
        out.append(f"{name}: settings in use {entry['threshold']}/{entry.get('margin', 0.0)} are not the adopted "
                   f"calibration {best['threshold']}/{best['margin']}")
    return out

def main(argv=None) -> int:
    from medcore.config import Settings
    from medcore.knowledge import load_terminology

    settings = Settings.load()
    term = load_terminology(settings)
    examples = dev_examples(settings.kb_dir)
    unknown = [c for e in examples for c in (e["concept"] if isinstance(e["concept"], list) else [e["concept"]])
               if c and term.get(c) is None]
    if unknown:
        print(f"match_dev.yaml names concepts that do not exist: {unknown}", file=sys.stderr)
        return 1
    best = calibrate(term, examples, MIN_PRECISION)
    write_settings(settings.kb_dir, best)
    print(json.dumps({"chosen": best, "at_0.6": evaluate(term, examples, 0.6), "at_0.8": evaluate(term, examples, 0.8)},
                     indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
