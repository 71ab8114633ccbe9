"""Score an own-sentence list of the record summarizer (issue 11; sessions 25b, 26b): each positive sentence goes as
written through `records.pipeline.analyze` (the path `eval records-real` scores, via the session-24b scorer's
helpers) and is compared with its gold problems; each negative sentence must yield no problem.

Per gold problem: exact code (any alternative), same 3-character category, and category + assertion right. A problem
read in a positive sentence whose category matches no gold problem is a false extra. By default only problems read
present/historical count as extras and as negatives' false problems (radiology and operative lists, session 25b);
`--any-assertion` counts every problem (ROS and exam lines, session 26b: a normal statement such as "supple" read as
an absent finding is as wrong as a present one under the real-note convention).

    MEDCORE_LLM_BACKEND=template PYTHONPATH=. .venv/bin/python docs/evals/_tools/records_sentences.py \
        --dir docs/evals/records-s26b --list dev|holdout [--any-assertion] [--out F.json] [--misses]
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

EVALS = Path(__file__).resolve().parent.parent
LISTS = {"dev": "dev_sentences.yaml", "holdout": "holdout_sentences.yaml", "holdout2": "holdout2_sentences.yaml"}


def _s24b():
    """The session-24b scorer (KB loading, the analyze call, rates): reused, not copied."""
    spec = importlib.util.spec_from_file_location("score_s24b", EVALS / "records-s24b" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(data: dict, s24b, kb, any_assertion: bool = False) -> dict:
    counted = (lambda a: True) if any_assertion else (lambda a: a in s24b.FALSE_ASSERTIONS)
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
                if counted(a) and (not c or c[:3] not in gold_cats):
                    for key in (group, "ALL"):
                        by[key]["extra"] += 1
                    extras.append({"group": group, "sentence": sent, "got": [t, c, a]})
    neg = defaultdict(lambda: {"n": 0, "false": 0})
    false_pos = []
    for kind, sents in data["negatives"].items():
        for sent in sents:
            bad = [[t, c, a] for t, c, a in s24b._problems(kb, sent) if counted(a)]
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


def main(argv=None, folder: Path | None = None, any_assertion: bool = False) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path, default=folder, required=folder is None,
                    help="the folder holding dev_sentences.yaml / holdout_sentences.yaml")
    ap.add_argument("--list", choices=sorted(LISTS), default="dev")
    ap.add_argument("--any-assertion", action="store_true", default=any_assertion,
                    help="count problems of every assertion as extras and negatives' false problems")
    ap.add_argument("--out", help="write the full result (with misses) as JSON here")
    ap.add_argument("--misses", action="store_true", help="print the misses, extras and false positives")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    s24b = _s24b()
    data = yaml.safe_load((args.dir / LISTS[args.list]).read_text(encoding="utf-8"))
    t0 = time.time()
    res = score(data, s24b, s24b._load_kb(), args.any_assertion)
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
