"""Before -> after of two lit_fields.py JSONs (and the holdout JSONs of run_all.sh): pooled per field, headings kept
and removed, then every split whose tally of a field changed (correct / predicted / gold), blind_s29 alone and the
other splits pooled, and the two holdouts. Run from the repo root:

    .venv/bin/python docs/evals/literature-s30/compare.py docs/evals/literature-s30/before docs/evals/literature-s30/after
"""

import json
import sys
from pathlib import Path


STUDIED = "blind_s29"  # dev since session 30, its misses read by lit30


def _t(t: dict) -> str:
    return f"{t['correct']}/{t['predicted']}/{t['gold']}"


def _pr(t: dict) -> str:
    p = t["correct"] / t["predicted"] if t["predicted"] else None
    r = t["correct"] / t["gold"] if t["gold"] else None
    return "/".join("-" if x is None else f"{x:.3f}" for x in (p, r))


def main(before: Path, after: Path) -> None:
    b, a = (json.loads((d / "fields.json").read_text()) for d in (before, after))
    for mode in ("kept", "removed"):
        print(f"== headings {mode}: pooled P/R (correct/predicted/gold)")
        for f, t in a[mode]["pooled"].items():
            o = b[mode]["pooled"][f]
            mark = "" if o == t else "  *"
            print(f"  {f:20s} {_pr(o)} ({_t(o)}) -> {_pr(t)} ({_t(t)}){mark}")
        print(f"-- headings {mode}: splits whose tallies changed")
        for split, fields in a[mode]["per_split"].items():
            for f, t in fields.items():
                o = b[mode]["per_split"][split][f]
                if {k: o[k] for k in ("correct", "predicted", "gold")} != {k: t[k] for k in ("correct", "predicted", "gold")}:
                    print(f"  {split:10s} {f:20s} {_t(o)} -> {_t(t)}")
    for mode in ("kept", "removed"):
        for label, keep in (("blind_s29 (studied, in-sample)", lambda x: x == STUDIED),
                            ("the other 14 splits pooled", lambda x: x != STUDIED)):
            print(f"== headings {mode}, {label}: P/R (correct/predicted/gold)")
            for f in a[mode]["pooled"]:
                o, t = ({k: sum(d[mode]["per_split"][x][f][k] for x in d[mode]["per_split"] if keep(x) and f in d[mode]["per_split"][x])
                         for k in ("correct", "predicted", "gold")} for d in (b, a))
                print(f"  {f:20s} {_pr(o)} ({_t(o)}) -> {_pr(t)} ({_t(t)}){'' if o == t else '  *'}")
    for name in ("holdout_s27", "holdout_s28"):
        fb, fa = (json.loads((d / f"{name}.json").read_text())["fields"] for d in (before, after))
        print(f"== {name} (correct/predicted/gold)")
        for f in fa:
            print(f"  {f:20s} {_t(fb[f])} -> {_t(fa[f])}{'' if fb[f] == fa[f] else '  *'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
