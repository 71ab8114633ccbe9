"""Score a `names:` YAML list through the lexicon as names_blind (therapy-blind eval) does, with outcomes per name:
right, wrong (read silently as other ingredients, the unsafe outcome), unread (not read or only a closest-spelling
guess), nogold (an expected ingredient the lexicon lacks, name unread). Usage (repo root):
    .venv/bin/python docs/evals/planner-s26b/score.py LIST.yaml [--errors]"""
import json
import sys
from collections import Counter

from medcore import kbyaml
from medcore.config import Settings
from medcore.therapy import names_blind
from medcore.therapy.kb import load_kb


def main(path: str, errors: bool) -> None:
    kb = load_kb(Settings.load())
    cases = kbyaml.load(path)["names"]
    out, bad = Counter(), []
    for c in cases:
        s = names_blind.score_name(kb, c)
        gold_known = all(names_blind._ingredients(kb, i) is not None for i in c["ingredients"])
        o = "right" if s["ok"] else "wrong" if s["recognised"] else "unread" if gold_known else "nogold"
        out[o] += 1
        if o != "right":
            bad.append([o, s["name"], s["got"], s["expected"]])
    n = len(cases)
    rep = {"file": path, "n": n, **{k: out[k] for k in ("right", "wrong", "unread", "nogold")},
           "right_rate": round(out["right"] / n, 3) if n else None}
    if errors:
        rep["errors"] = bad
    print(json.dumps(rep, indent=0 if errors else None))


if __name__ == "__main__":
    main(sys.argv[1], "--errors" in sys.argv)
