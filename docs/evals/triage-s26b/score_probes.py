"""Score the session-26b fallback probes (probes.yaml) through the chat's one-shot reading (TriageEngine.read_text).

`map` wordings go in "{x} since yesterday" and "58M, {x} x2/7" and are classified by the 24b scorer (right,
polarity, other = a wrong guess, nothing); `none` wordings follow a host complaint ("cough since yesterday, {x}",
"58M, cough x2/7, {x}") and are a wrong guess when any finding the frame alone does not read is read present.
Each wrong guess is listed with how it was read (embedding or synonym).

    PYTHONPATH=. MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/triage-s26b/score_probes.py [--out F.json]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("score24b", HERE.parent / "triage-s24b" / "score.py")
s24 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(s24)
MAP_FRAMES = ["{x} since yesterday", "58M, {x} x2/7"]
NONE_FRAMES = ["cough since yesterday, {x}", "58M, cough x2/7, {x}"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default=str(HERE / "probes.yaml"))
    ap.add_argument("--out")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    from medcore.config import Settings
    from medcore.triage.service import TriageEngine
    engine = TriageEngine.from_settings(Settings.load(secrets={}), use_embeddings=True, use_blend=False)
    kb = engine.kb
    doc = yaml.safe_load(Path(args.file).read_text())
    out, lines = {"map": Counter(), "none": Counter()}, []
    for fid, wordings in doc["map"].items():
        kb.finding(fid)
        for x in wordings:
            for frame in MAP_FRAMES:
                text = frame.format(x=x)
                _, ex = engine.read_text(text)
                ms = ex.mentions if ex else []
                res, _, unrel = s24.classify(kb, ms, fid, True, s24.baseline(engine, frame, "cough"))
                out["map"][res] += 1
                if res != "right":
                    how = sorted({f"{m.finding_id}:{m.method}" for m in ms if m.finding_id in unrel})
                    lines.append(f"MAP  {fid:22s} {res:8s} {text!r} -> {how}")
    for x in doc["none"]:
        for frame in NONE_FRAMES:
            text = frame.format(x=x)
            _, ex = engine.read_text(text)
            host = s24.baseline(engine, frame, "cough")
            wrong = [m for m in (ex.mentions if ex else []) if m.present and m.finding_id not in host
                     and kb.finding(m.finding_id).category not in s24.NEUTRAL_CATEGORIES]
            out["none"]["wrong" if wrong else "clean"] += 1
            if wrong:
                lines.append(f"NONE wrong    {text!r} -> {sorted({f'{m.finding_id}:{m.method}' for m in wrong})}")
    n_map, n_none = sum(out["map"].values()), sum(out["none"].values())
    summary = {"map_readings": n_map, "map": dict(out["map"]),
               "map_right_rate": round(out["map"]["right"] / n_map, 4),
               "map_wrong_guess_rate": round(out["map"]["other"] / n_map, 4),
               "none_readings": n_none, "none_wrong_guess_rate": round(out["none"]["wrong"] / n_none, 4),
               "all_wrong_guess_rate": round((out["map"]["other"] + out["none"]["wrong"]) / (n_map + n_none), 4)}
    print(json.dumps(summary, indent=1))
    print("\n".join(lines))
    if args.out:
        Path(args.out).write_text(json.dumps({"summary": summary, "lines": lines}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
