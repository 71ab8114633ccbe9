"""Score the session-25b radiology/operative sentence lists (issue 11): each positive sentence goes as written through
the record summarizer (`records.pipeline.analyze`, via the session-24b scorer's helpers), and is compared with its
gold problems; each negative sentence must yield no problem read present or historical.

Per gold problem: exact code (any alternative), same 3-character category, and category + assertion right. A problem
read present/historical in a positive sentence whose category matches no gold problem counts as a false extra.

    MEDCORE_LLM_BACKEND=template PYTHONPATH=. .venv/bin/python docs/evals/records-s25b/score_sentences.py \
        [--list dev|holdout] [--out F.json] [--misses]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LISTS = {"dev": "dev_sentences.yaml", "holdout": "holdout_sentences.yaml"}


def _s24b():
    """The session-24b scorer (KB loading, the analyze call, rates): reused, not copied."""
    spec = importlib.util.spec_from_file_location("score_s24b", HERE.parent / "records-s24b" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(data: dict, s24b, kb) -> dict:
    by = defaultdict(lambda: {"n": 0, "exact": 0, "category": 0, "assertion": 0, "extra": 0})
    misses, extras = [], []
    for group, items in data["positives"].items():
        for sent, gold in items:
            got = s24b._problems(kb, sent)
            gold_cats = set()
            for codes, asserts in gold:
                alts = str(codes).split("|")
                allowed = set(str(asserts).split("|"))
                cats = {a[:3] for a in alts}
                gold_cats |= cats
                exact = any(c in alts for _, c, _ in got if c)
                same = [a for _, c, a in got if c and c[:3] in cats]
                ok_assert = any(a in allowed for a in same)
                for key in (group, "ALL"):
                    by[key]["n"] += 1
                    by[key]["exact"] += exact
                    by[key]["category"] += bool(same)
                    by[key]["assertion"] += ok_assert
                if not (exact and ok_assert):
                    misses.append({"group": group, "sentence": sent, "gold": [codes, asserts],
                                   "got": [list(g) for g in got]})
            for t, c, a in got:
                if a in s24b.FALSE_ASSERTIONS and (not c or c[:3] not in gold_cats):
                    for key in (group, "ALL"):
                        by[key]["extra"] += 1
                    extras.append({"group": group, "sentence": sent, "got": [t, c, a]})
    neg = defaultdict(lambda: {"n": 0, "false": 0})
    false_pos = []
    for kind, sents in data["negatives"].items():
        for sent in sents:
            bad = [[t, c, a] for t, c, a in s24b._problems(kb, sent) if a in s24b.FALSE_ASSERTIONS]
            for key in (kind, "ALL"):
                neg[key]["n"] += 1
                neg[key]["false"] += bool(bad)
            if bad:
                false_pos.append({"kind": kind, "sentence": sent, "got": bad})
    r = s24b._rate
    recall = {k: {"n": v["n"], "exact": r(v["exact"], v["n"]), "category": r(v["category"], v["n"]),
                  "category_and_assertion": r(v["assertion"], v["n"]), "false_extras": v["extra"],
                  "precision": r(v["assertion"], v["assertion"] + v["extra"])} for k, v in sorted(by.items())}
    negatives = {k: {"n": v["n"], "false_positive_rate": r(v["false"], v["n"])} for k, v in sorted(neg.items())}
    return {"recall": recall, "negatives": negatives, "misses": misses, "false_extras": extras,
            "false_positives": false_pos}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", choices=sorted(LISTS), default="dev")
    ap.add_argument("--out", help="write the full result (with misses) as JSON here")
    ap.add_argument("--misses", action="store_true", help="print the misses, extras and false positives")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    s24b = _s24b()
    data = yaml.safe_load((HERE / LISTS[args.list]).read_text(encoding="utf-8"))
    t0 = time.time()
    res = score(data, s24b, s24b._load_kb())
    res["seconds"] = round(time.time() - t0, 1)
    if args.out:
        Path(args.out).write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.misses:
        for m in res["misses"]:
            print("MISS", m["group"], "|", m["sentence"], "|", m["gold"], "|", m["got"])
        for e in res["false_extras"]:
            print("EXTRA", e["group"], "|", e["sentence"], "|", e["got"])
        for f in res["false_positives"]:
            print("FP", f["kind"], "|", f["sentence"], "|", f["got"])
    print(json.dumps({"recall": res["recall"], "negatives": res["negatives"], "seconds": res["seconds"]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
