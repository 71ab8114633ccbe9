"""Score the session-24b breadth list (issue 11): each positive phrase in five sentence frames through the record
summarizer's problem extractor (`records.pipeline.analyze`, the same path `eval records-real` scores), and each
negative sentence as written.

Reports code recall over (phrase, frame) pairs — exact ICD-10-CM code, and the same 3-character category — and the
negative false-positive rate (a sentence with any problem read present or historical), aggregate and by specialty.

    MEDCORE_LLM_BACKEND=template PYTHONPATH=. .venv/bin/python docs/evals/records-s24b/score.py [--out F.json]
        [--frames 0,1] [--misses]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FRAMES = ("PAST MEDICAL HISTORY: {}.", "Assessment: {}.", "He has a history of {}.", "Impression: {}.",
          "The patient reports {}.")
FALSE_ASSERTIONS = ("present", "historical")  # a negative read with one of these is a false problem


def _load_kb():
    from medcore.config import Settings
    from medcore.records import kb as kb_mod

    return kb_mod.load(Settings())


def _problems(kb, text: str) -> list[tuple[str, str | None, str]]:
    from medcore.records.pipeline import analyze

    return [(p.text, p.icd10cm, p.assertion) for p in analyze(text, kb).extraction.problems]


def _rate(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score(data: dict, frames: tuple[str, ...], kb) -> dict:
    by = defaultdict(lambda: {"n": 0, "exact": 0, "category": 0})
    misses = []
    for spec, items in data["positives"].items():
        for phrase, code in items:
            for frame in frames:
                got = _problems(kb, frame.format(phrase))
                codes = {c for _, c, _ in got if c}
                exact = code in codes
                cat = exact or any(c[:3] == code[:3] for c in codes)
                for key in (spec, "ALL"):
                    by[key]["n"] += 1
                    by[key]["exact"] += exact
                    by[key]["category"] += cat
                if not exact:
                    misses.append({"specialty": spec, "phrase": phrase, "code": code, "frame": frame,
                                   "got": [[t, c, a] for t, c, a in got]})
    neg = defaultdict(lambda: {"n": 0, "false": 0})
    false_pos = []
    for kind, sents in data["negatives"].items():
        for sent in sents:
            got = _problems(kb, sent)
            bad = [[t, c, a] for t, c, a in got if a in FALSE_ASSERTIONS]
            for key in (kind, "ALL"):
                neg[key]["n"] += 1
                neg[key]["false"] += bool(bad)
            if bad:
                false_pos.append({"kind": kind, "sentence": sent, "got": bad})
    recall = {k: {"n": v["n"], "exact": _rate(v["exact"], v["n"]), "category": _rate(v["category"], v["n"])}
              for k, v in sorted(by.items())}
    negatives = {k: {"n": v["n"], "false_positive_rate": _rate(v["false"], v["n"])} for k, v in sorted(neg.items())}
    return {"frames": list(frames), "recall": recall, "negatives": negatives, "misses": misses,
            "false_positives": false_pos}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="write the full result (with misses) as JSON here")
    ap.add_argument("--frames", help="comma-separated frame indexes (default: all five)")
    ap.add_argument("--misses", action="store_true", help="print the misses and false positives")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    frames = FRAMES if not args.frames else tuple(FRAMES[int(i)] for i in args.frames.split(","))
    data = yaml.safe_load((HERE / "phrases.yaml").read_text(encoding="utf-8"))
    t0 = time.time()
    res = score(data, frames, _load_kb())
    res["seconds"] = round(time.time() - t0, 1)
    if args.out:
        Path(args.out).write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.misses:
        for m in res["misses"]:
            print("MISS", m["specialty"], "|", m["phrase"], m["code"], "|", m["frame"][:12], "|", m["got"])
        for f in res["false_positives"]:
            print("FP", f["kind"], "|", f["sentence"], "|", f["got"])
    print(json.dumps({"recall": res["recall"], "negatives": res["negatives"], "seconds": res["seconds"]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
