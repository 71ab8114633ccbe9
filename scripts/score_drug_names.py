"""Score drug-name resolution on the blind set (tests/knowledge/data/drug_names_blind.yaml).

    python scripts/score_drug_names.py            # JSON: lexicon and planner scores, every miss listed

`lexicon`: resolve() gives exactly the expected ingredients (a wrong reading counts against `wrong`).
`planner`: the treatment planner checks the name (resolved, and no ingredient left unchecked); `full_data`:
every ingredient has the planner's dosing data (not only class-based interaction checks)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medcore.knowledge import drugs as D  # noqa: E402
from medcore.therapy.kb import load_kb_dir  # noqa: E402
from medcore.therapy.names import resolve_drug  # noqa: E402


def _norm(s: str) -> str:
    return re.sub(r"\s*\(.*?\)", "", s).strip().lower()


def score(path: Path = ROOT / "tests" / "knowledge" / "data" / "drug_names_blind.yaml") -> dict:
    names = yaml.safe_load(path.read_text(encoding="utf-8"))["names"]
    kb = load_kb_dir(ROOT / "assets" / "kb" / "therapy")
    lex = {"correct": 0, "recognised": 0, "wrong": 0, "misses": []}
    plan = {"checked": 0, "full_data": 0, "not_checked": []}
    for e in names:
        r = D.resolve(e["text"])
        want = {_norm(x) for x in e["ingredients"]}
        got = {_norm(D.drug_name(i)) for i in r.ingredients}
        lex["recognised"] += r.ok
        lex["correct"] += got == want
        lex["wrong"] += r.ok and got != want
        if got != want:
            lex["misses"].append({"text": e["text"], "expected": sorted(want), "got": sorted(got), "how": r.how})
        p = resolve_drug(kb, e["text"])
        if p.ok and not p.unchecked:
            plan["checked"] += 1
            plan["full_data"] += not p.interaction_only
        else:
            plan["not_checked"].append(e["text"])
    n = len(names)
    for d, keys in ((lex, ("correct", "recognised", "wrong")), (plan, ("checked", "full_data"))):
        for k in keys:
            d[k + "_rate"] = round(d[k] / n, 3)
    return {"n": n, "lexicon": lex, "planner": plan}


if __name__ == "__main__":
    print(json.dumps(score(), indent=1))
