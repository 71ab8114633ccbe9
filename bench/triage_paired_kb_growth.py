"""What adding conditions to the triage KB does to the SAME generated case-trainer patients: each patient (drawn
from the current KB, skipping the conditions named) is interviewed by the engine over the current KB and by the
engine over a temporary copy of the KB without those conditions (findings kept). `eval case` cannot show this:
a new condition changes which condition every seed draws.

Run: MEDCORE_LLM_BACKEND=template PYTHONPATH=. python bench/triage_paired_kb_growth.py \
         --without strangulated_hernia,cholangitis --n 1000 [--out result.json]"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import yaml


def _copy_without(kb_dir: Path, drop: set[str], dest: Path) -> Path:
    shutil.copytree(kb_dir, dest / "kb")
    tri = dest / "kb" / "triage"
    for p in tri.glob("conditions_*.yaml"):
        doc = yaml.safe_load(p.read_text(encoding="utf-8"))
        kept = [c for c in doc["conditions"] if c["id"] not in drop]
        if len(kept) != len(doc["conditions"]):
            doc["conditions"] = kept
            p.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest / "kb"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--without", required=True, help="comma-separated condition ids to leave out of the copy")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed0", type=int, default=0)
    ap.add_argument("--out", default="")
    args = ap.parse_args(argv)
    from medcore.cases.interview import engine_interview
    from medcore.cases.service import CaseTrainer
    from medcore.config import Settings
    from medcore.knowledge import load_terminology
    from medcore.triage.config import load_configs
    from medcore.triage.kb import LEVEL_RANK, load_kb
    from medcore.triage.service import TriageEngine

    drop = {c.strip() for c in args.without.split(",") if c.strip()}
    settings = Settings.load(secrets={})
    trainer = CaseTrainer.from_settings(settings)
    unknown = drop - set(trainer.kb.condition_index)
    if unknown:
        raise SystemExit(f"not in the KB: {sorted(unknown)}")
    with tempfile.TemporaryDirectory() as tmp:
        kdir = _copy_without(Path(settings.kb_dir), drop, Path(tmp))
        ecfg, tcfg = load_configs(kdir)
        smaller = TriageEngine(load_kb(kdir), engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(settings))
        rows = []
        for seed in range(args.seed0, args.seed0 + args.n):
            case = trainer.new_case(seed)
            if case.condition_id in drop:
                continue
            a, b = engine_interview(trainer.engine, case), engine_interview(smaller, case)
            rows.append({"seed": seed, "condition": case.condition_id, "ref": case.triage,
                         "with": [a.rank, a.triage, len(a.questions)], "without": [b.rank, b.triage, len(b.questions)]})

    def metrics(key: str) -> dict:
        n = len(rows)
        em = [r for r in rows if r["ref"] == "emergency"]
        return {"n": n, "top1": round(sum(r[key][0] == 1 for r in rows) / n, 3),
                "top3": round(sum(r[key][0] <= 3 for r in rows) / n, 3),
                "triage": round(sum(r[key][1] == r["ref"] for r in rows) / n, 3),
                "emergencies": len(em), "emergencies_under_triaged": sum(LEVEL_RANK[r[key][1]] > 0 for r in em),
                "questions": round(sum(r[key][2] for r in rows) / n, 2)}

    out = {"without": sorted(drop), "kb_conditions": [len(smaller.kb.conditions), len(trainer.kb.conditions)],
           "without_them": metrics("without"), "with_them": metrics("with"),
           "changed": [r for r in rows if r["with"][1] != r["without"][1] or (r["with"][0] <= 3) != (r["without"][0] <= 3)]}
    print(json.dumps({k: v for k, v in out.items() if k != "changed"}, indent=1))
    print(f"{len(out['changed'])} patients changed level or top-3 membership")
    if args.out:
        Path(args.out).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
