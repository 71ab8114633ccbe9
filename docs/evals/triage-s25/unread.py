"""Which of the vignettes' listed findings the one-shot reading misses, pooled over files (a general-cause view:
a finding unread across many texts is a wording family the NLU lacks, not one case's phrase).
Usage: PYTHONPATH=. python docs/evals/triage-s25/unread.py [--cases eval.json] GLOB[,GLOB...]
Prints, per finding, how often it is listed present and unread (or read with the wrong polarity), with up to
three case ids; with --cases, only the one-shot misses (top-3 or level) of that eval JSON count."""
import argparse
import glob
import json
import logging
from collections import defaultdict

import yaml

from medcore.config import REPO_ROOT, Settings
from medcore.triage.service import TriageEngine

ap = argparse.ArgumentParser()
ap.add_argument("globs")
ap.add_argument("--cases")
ap.add_argument("--top", type=int, default=60)
ap.add_argument("--show", default="", help="comma-separated finding ids: print the texts where each is unread")
args = ap.parse_args()
logging.basicConfig(level=logging.WARNING)
misses = None
if args.cases:
    rows = [c for c in json.load(open(args.cases))["cases"] if c["mode"] == "one_shot"]
    misses = {c["id"] for c in rows if not (c["rank"] and c["rank"] <= 3) or c["triage_pred"] != c["triage_ref"]}
eng = TriageEngine.from_settings(Settings.load(secrets={}), use_embeddings=False, use_blend=False)
files = sorted({p for g in args.globs.split(",") for p in glob.glob(str(REPO_ROOT / "assets/kb/triage" / g))})
unread, wrong, listed = defaultdict(list), defaultdict(list), defaultdict(int)
for path in files:
    for v in yaml.safe_load(open(path))["vignettes"]:
        if misses is not None and v["id"] not in misses:
            continue
        _, ex = eng.read_text(v["text"])
        got = {} if ex is None else {m.finding_id: m.present for m in ex.mentions}
        for fid in v.get("present", []):
            listed[fid] += 1
            if fid not in got:
                unread[fid].append(v["id"])
                if fid in args.show.split(","):
                    print(f"[{fid}] {v['id']}: {v['text']}")
            elif got[fid] is False:
                wrong[fid].append(v["id"])
        for fid in v.get("absent", []):
            if got.get(fid) is True:
                wrong["-" + fid].append(v["id"])
n_unread = sum(len(x) for x in unread.values())
print(f"listed present {sum(listed.values())}, unread {n_unread}, wrong polarity {sum(len(x) for x in wrong.values())}")
for fid, ids in sorted(unread.items(), key=lambda kv: -len(kv[1]))[:args.top]:
    print(f"unread {fid:32s} {len(ids):3d}/{listed[fid]:3d}  {' '.join(ids[:4])}")
for fid, ids in sorted(wrong.items(), key=lambda kv: -len(kv[1]))[:25]:
    print(f"wrong  {fid:32s} {len(ids):3d}  {' '.join(ids[:4])}")
