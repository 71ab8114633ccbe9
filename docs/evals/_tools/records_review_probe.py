"""A records reviewer's own probes (one-home tool, moved from records-s29-review/probe.py in session 30, recrev30).
Each probe sentence (one a line; '#' lines skipped; a literal \\n is a line break) goes through
records.service.summarize_input (the path the summarizer page and the CLI take), narrative off; its problems, labs and
vitals are printed as JSON lines. `--all` (session 30) adds medications (name, dose, unit, frequency, status),
allergies (substance, reaction, kind) and the no-known-allergies flag. Run from the root of the checkout to test:
`MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/_tools/records_review_probe.py [--all] PROBES`.
`diff(A, B)`: per probe both readings, DIFF where they differ (every key the lines hold)."""
from __future__ import annotations

import json
import os
import sys
import tempfile


def main(argv: list[str], prefix: str = "rec29fix-") -> None:
    os.environ.setdefault("MEDCORE_LLM_BACKEND", "template")
    os.environ.setdefault("MEDCORE_DATA_DIR", tempfile.mkdtemp(prefix=prefix))
    os.environ.setdefault("MEDCORE_KNOWLEDGE_CACHE_DIR", os.path.abspath(".data/test-knowledge-cache"))
    sys.path.insert(0, os.getcwd())

    from medcore.auth import SYSTEM
    from medcore.config import Settings
    from medcore.records import service
    from medcore.records.inputs import NoteInput

    every = "--all" in argv
    path = [a for a in argv if a != "--all"][0]
    settings = Settings.load(secrets={})
    for line in open(path, encoding="utf-8"):
        text = line.rstrip("\n").replace("\\n", "\n")
        if not text.strip() or text.startswith("#"):
            continue
        r = service.summarize_input(NoteInput(text, "paste"), settings, user=SYSTEM, with_narrative=False)
        ex = r.analysis.extraction
        probs = [f"{p.text}|{p.icd10cm}|{p.assertion}" for p in ex.problems]
        meas = [f"{m.name}={m.value}{m.unit}|{m.flag}" for m in ex.labs + ex.vitals]
        row = {"text": text, "problems": probs, "measures": meas}
        if every:
            row["meds"] = [f"{m.name}|{m.dose}{m.unit}|{m.frequency}|{m.status}" for m in ex.medications]
            row["allergies"] = [f"{a.substance}|{a.reaction}|{a.kind}" for a in ex.allergies] + \
                (["NKA"] if ex.no_known_allergies else [])
        print(json.dumps(row))


def diff(path_a: str, path_b: str) -> None:
    a = [json.loads(line) for line in open(path_a)]
    b = [json.loads(line) for line in open(path_b)]
    extra = ("meds", "allergies")
    for x, y in zip(a, b):
        same = x["problems"] == y["problems"] and x.get("measures") == y.get("measures") and \
            all(x.get(k) == y.get(k) for k in extra)
        print("    " if same else "DIFF", y["text"].replace("\n", "\\n"))
        if not same:
            print("   A:", x["problems"], x.get("measures", []), *[x[k] for k in extra if k in x])
        print("   B:", y["problems"], y.get("measures", []), *[y[k] for k in extra if k in y])


if __name__ == "__main__":
    if sys.argv[1:2] == ["diff"]:
        diff(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1:])
