"""Speed of the sentence-role classifier on one unlabelled abstract (headings removed, so every sentence goes
through the model; issue 15 budget: 300 ms per abstract on this CPU).

Prints the median over repeats, the ratio to the budget, and the ratio to a baseline run in the same process
(the same sentences tokenized only, no model), so the figure travels between machines.
Run: python bench/literature_roles.py [--repeats N]"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from literature_read import ABSTRACT  # noqa: E402
from medcore.benchtime import time_calls  # noqa: E402

BUDGET_S = 0.3


def run(repeats: int = 10) -> dict:
    from medcore.config import Settings
    from medcore.literature import role_net
    from medcore.literature.role_model import load_role_classifier

    clf = load_role_classifier(Settings.load())
    if clf is None:
        return {"skipped": "no role classifier checkpoint"}
    body = re.sub(r"\b[A-Z]{4,}:\s*", "", ABSTRACT.split("\n", 1)[1]).replace("\n", " ")
    sents = [s for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", body) if s]
    clf.predict(sents)  # warm
    t = time_calls(lambda: clf.predict(sents), repeats)
    base = time_calls(lambda: role_net.tokenize(clf.tok, sents, clf.cfg.max_len), repeats)
    t, base = _median(t), _median(base)
    return {"sentences": len(sents), "classifier": clf.label, "seconds": round(t, 4),
            "baseline_tokenize_s": round(base, 5), "ratio_vs_baseline": round(t / base, 1),
            "ratio_vs_budget": round(t / BUDGET_S, 3), "within_budget": t <= BUDGET_S}


def _median(x) -> float:
    return x.median


if __name__ == "__main__":
    n = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 10
    print(json.dumps(run(n), indent=2))
