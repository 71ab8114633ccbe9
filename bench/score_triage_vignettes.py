"""Score chosen vignette files with the same evaluation as `eval triage` (evaluate.run_case / metrics), tolerating
vignettes whose diagnosis or findings are not (yet) in the KB, so that a new family's blind vignettes can be scored
BEFORE its conditions exist: a missing diagnosis counts as a miss at every k, a missing finding is dropped (the chat
cannot ask about it). The triage level predicted does not depend on the reference diagnosis.

Run: MEDCORE_LLM_BACKEND=template python bench/score_triage_vignettes.py FILE.yaml [FILE.yaml ...]
         [--modes one_shot,interactive] [--out result.json]
Prints per mode the dev (held_out false) / blind (held_out true) / all figures."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import jsonschema
import yaml

MISSING_RANK = 10**6


def load_files(paths: list[str]) -> list[dict]:
    from medcore.triage import schema

    vs: list[dict] = []
    for p in paths:
        doc = yaml.safe_load(Path(p).read_text(encoding="utf-8"))
        jsonschema.validate(doc, schema.VIGNETTES)
        vs.extend(doc["vignettes"])
    ids = [v["id"] for v in vs]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate vignette ids")
    return vs


def score(engine, vignettes: list[dict], modes: tuple[str, ...]) -> dict:
    from medcore.triage.evaluate import metrics, run_case

    kb = engine.kb
    stand_in = kb.conditions[0].id  # any known id: only the rank uses the diagnosis
    cases, unknown = [], {"diagnoses": set(), "findings": set()}
    for mode in modes:
        for v in vignettes:
            known = v["diagnosis"] in kb.condition_index
            keep = {k: [f for f in v.get(k, []) if f in kb.finding_index] for k in ("present", "absent")}
            unknown["findings"].update(f for k in ("present", "absent") for f in v.get(k, [])
                                       if f not in kb.finding_index)
            if not known:
                unknown["diagnoses"].add(v["diagnosis"])
            c = run_case(engine, {**v, **keep, "diagnosis": v["diagnosis"] if known else stand_in}, mode)
            if not known:
                c.rank, c.diagnosis = MISSING_RANK, v["diagnosis"]
            cases.append(c)
    out = {"n_vignettes": len(vignettes), "kb_conditions": len(kb.conditions),
           "unknown_diagnoses": len(unknown["diagnoses"]), "unknown_findings": len(unknown["findings"]), "modes": {}}
    for mode in modes:
        mc = [c for c in cases if c.mode == mode]
        out["modes"][mode] = {"dev": metrics([c for c in mc if not c.held_out]),
                              "blind": metrics([c for c in mc if c.held_out]), "all": metrics(mc)}
    out["cases"] = [{"id": c.id, "mode": c.mode, "rank": c.rank, "top5": c.top5, "ref": c.triage_ref,
                     "pred": c.triage_pred} for c in cases]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--modes", default="one_shot,interactive")
    ap.add_argument("--out", default="")
    ap.add_argument("--split", choices=["dev", "all"], default="all",
                    help="dev: score only held_out: false vignettes (use while changing the KB; the blind third "
                         "is scored once, at the end)")
    args = ap.parse_args(argv)
    from medcore.config import Settings
    from medcore.triage.service import TriageEngine

    settings = Settings.load()
    engine = TriageEngine.from_settings(settings)
    vignettes = load_files(args.files)
    if args.split == "dev":
        vignettes = [v for v in vignettes if not v.get("held_out")]
    res = score(engine, vignettes, tuple(m for m in args.modes.split(",") if m))
    if args.out:
        Path(args.out).write_text(json.dumps(res, indent=1))
    slim = {k: v for k, v in res.items() if k != "cases"}
    json.dump(slim, sys.stdout, indent=1)
    print()
    if args.split == "dev":  # misses, for working on the KB (dev split only)
        for c in res["cases"]:
            if c["rank"] > 3 or c["ref"] != c["pred"]:
                print(c["mode"], c["id"], "rank", c["rank"], c["ref"], "->", c["pred"], c["top5"][:3])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
