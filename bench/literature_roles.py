"""Speed of the sentence-role classifier on one unlabelled abstract (headings removed, so every sentence goes
through the model; issue 15 budget: 300 ms per abstract on this CPU).

Prints the median over repeats, the ratio to the budget, and the ratio to a baseline run in the same process
(the same sentences tokenized only, no model), so the figure travels between machines. Also times the padded
encoder pass the classifier used before session 7 (`role_net.full_forward`, same vectors) in the same process,
interleaved with the packed one, so the speed-up is a ratio measured under the same load; and the CPU time of a
call (process time, one torch thread), which other jobs on a shared CPU sway far less than wall time.
Run: python bench/literature_roles.py [--repeats N]"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
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
    import torch

    def padded():  # the pre-session-7 path: one padded batch through the encoder, then the context head
        with torch.inference_mode():
            enc = role_net.tokenize(clf.tok, sents, clf.cfg.max_len)
            vecs = role_net.full_forward(clf.model, enc)
            return role_net.head_logits(clf.head, vecs, [len(sents)])

    padded()
    ts, tp = [], []
    for _ in range(repeats):  # interleaved, so both see the same load on a shared CPU
        ts.extend(time_calls(lambda: clf.predict(sents), 1).times)
        tp.extend(time_calls(padded, 1).times)
    cpu = []  # CPU seconds of this process per call: what the call costs, less swayed by other jobs on the CPU
    for _ in range(repeats):
        c0 = time.process_time()
        clf.predict(sents)
        cpu.append(time.process_time() - c0)
    base = time_calls(lambda: role_net.tokenize(clf.tok, sents, clf.cfg.max_len), repeats)
    t, p, base = statistics.median(ts), statistics.median(tp), _median(base)
    enc = role_net.tokenize(clf.tok, sents, clf.cfg.max_len)
    return {"sentences": len(sents), "classifier": clf.label, "seconds": round(t, 4),
            "cpu_seconds": round(statistics.median(cpu), 4), "cpu_ratio_vs_budget": round(statistics.median(cpu) / BUDGET_S, 3),
            "tokens_real": int(enc["attention_mask"].sum()), "tokens_padded": int(enc["attention_mask"].numel()),
            "padded_path_s": round(p, 4), "speedup_vs_padded": round(p / t, 2),
            "baseline_tokenize_s": round(base, 5), "ratio_vs_baseline": round(t / base, 1),
            "ratio_vs_budget": round(t / BUDGET_S, 3), "within_budget": t <= BUDGET_S}


def _median(x) -> float:
    return x.median


if __name__ == "__main__":
    n = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 10
    print(json.dumps(run(n), indent=2))
