"""Review fixes of session 26 (issue 11): per-set and pooled problem figures, main 5b03880a (before_) against the
rec26fix branch (after_), both in docs/evals/records-s26/review/ (written by `run_all.sh before|after
docs/evals/records-s26/review`). `python docs/evals/records-s26/review_compare.py [SET ...]` (default: every set
with both files)."""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).parent / "review"
sys.path.insert(0, str(HERE.parent.parent / "_tools"))
from records_compare import table  # noqa: E402

SETS = ["dev", "blind_s25", "blind_s24", "blind_s23", "blind_s22", "blind_s21", "blind_s18", "blind_s17", "blind_s16",
        "blind_s15"]


def pooled(tag: str, sets) -> str:
    tp = gold = pred = ex = n = ok = an = 0
    for name in sets:
        s = json.loads((HERE / f"{tag}_{name}.json").read_text())["scores"]
        tp, gold, pred = tp + s["problems"]["tp"], gold + s["problems"]["gold"], pred + s["problems"]["predicted"]
        ex, n = ex + s["exact_code_agreement"]["exact"], n + s["exact_code_agreement"]["n"]
        ok, an = ok + round(s["assertion_accuracy"] * s["assertion_n"]), an + s["assertion_n"]
    return (f"{tp / gold:.4f} / {tp / pred:.4f} ({tp}/{gold}, {pred} out), assertion {ok / an:.4f}, "
            f"exact codes {ex}/{n} ({ex / n:.3f})")


def _done(tag: str, name: str) -> bool:
    p = HERE / f"{tag}_{name}.json"
    return p.exists() and p.stat().st_size > 0


def main(argv: list[str]) -> None:
    sets = argv or [s for s in SETS if _done("before", s) and _done("after", s)]
    print("\n".join(table(HERE.parent / "review", sets)))
    print(f"\nPooled over {', '.join(sets)}:\n- before: {pooled('before', sets)}\n- after:  {pooled('after', sets)}")


if __name__ == "__main__":
    main(sys.argv[1:])
