"""Per-set and pooled problem figures of session 26 (issue 11): `python docs/evals/records-s26/compare.py [TAG ...]`
(default: before relabeled after). before = base code on the base gold; relabeled = base code on the session-26 gold
(docs/evals/records-s26/relabels.md); after = this session's code on the session-26 gold. Uses the shared figures
of docs/evals/_tools/records_compare.py."""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "_tools"))
from records_compare import UNSHOWN, figs  # noqa: E402

SETS = ["dev", "blind_s25", "blind_s24", "blind_s23", "blind_s22", "blind_s21", "blind_s18", "blind_s17", "blind_s16",
        "blind_s15"]


def pooled(tag: str) -> tuple[str, str, str]:
    tp = gold = pred = ex = n = ok = an = 0
    for name in SETS:
        s = json.loads((HERE / f"{tag}_{name}.json").read_text())["scores"]
        tp, gold, pred = tp + s["problems"]["tp"], gold + s["problems"]["gold"], pred + s["problems"]["predicted"]
        ex, n = ex + s["exact_code_agreement"]["exact"], n + s["exact_code_agreement"]["n"]
        ok, an = ok + round(s["assertion_accuracy"] * s["assertion_n"]), an + s["assertion_n"]
    return f"{tp / gold:.4f} / {tp / pred:.4f} ({tp}/{gold}, {pred} out)", f"{ok / an:.4f}", f"{ex}/{n} ({ex / n:.3f})"


def main(tags: list[str]) -> None:
    print("| set | " + " | ".join(f"{t}: R / P, assertion, exact codes" for t in tags) + " |")
    print("|---" * (len(tags) + 1) + "|")
    for name in SETS:
        cells, scores = [], []
        for t in tags:
            f = figs(HERE / f"{t}_{name}.json")
            cells.append(f"{f[0]}; {f[1]}; {f[2]}")
            scores.append(f[3])
        moved = any(scores[0][k] != s[k] for s in scores[1:] for k in UNSHOWN)
        print(f"| {name} | " + " | ".join(cells) + " |" + (" other figures moved" if moved else ""))
    print("| **pooled** | " + " | ".join("; ".join(pooled(t)) for t in tags) + " |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["before", "relabeled", "after"])
