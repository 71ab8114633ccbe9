"""Main (rec28's `../records-s28/after_S.json`, c1d218d3-equivalent) -> fix (`fix_S.json`, this branch) per set and
pooled over the sets both have: `python docs/evals/records-s28-review/compare.py`. Also the other areas' headlines."""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAIN = HERE.parent / "records-s28"
SETS = ["blind_s27", "blind_s26", "dev", "blind_s25", "blind_s24", "blind_s23", "blind_s22", "blind_s21", "blind_s18",
        "blind_s17", "blind_s16", "blind_s15"]


def _load(p: Path):
    return json.loads(p.read_text()) if p.exists() and p.stat().st_size else None


def main() -> None:
    pooled = {"main": [0, 0, 0, 0, 0, 0.0, 0], "fix": [0, 0, 0, 0, 0, 0.0, 0]}
    for s in SETS:
        pair = {"main": _load(MAIN / f"after_{s}.json"), "fix": _load(HERE / f"fix_{s}.json")}
        if None in pair.values():
            continue
        for tag, d in pair.items():
            pr, ex = d["scores"]["problems"], d["scores"]["exact_code_agreement"]
            tp = pr["tp"] if "tp" in pr else round(pr["recall"] * pr["gold"])
            o = pr["predicted"] if "predicted" in pr else pr.get("output", 0)
            acc, n = d["scores"]["assertion_accuracy"] or 0, d["scores"]["assertion_n"] or 0
            q = pooled[tag]
            for i, v in enumerate((tp, pr["gold"], o, ex["exact"], ex["n"], acc * n, n)):
                q[i] += v
            other = {k: v for k, v in d["scores"].items() if k not in ("problems", "exact_code_agreement")
                     and isinstance(v, (int, float))}
            print(f"{tag} {s}: recall {pr['recall']} precision {pr['precision']} exact {ex['exact']}/{ex['n']} "
                  f"assertion {acc:.4f} others {json.dumps(other, sort_keys=True)}")
    for tag, (tp, g, o, e, en, a, an) in pooled.items():
        if g:
            print(f"{tag} POOLED: recall {tp / g:.4f} precision {tp / o:.4f} exact {e}/{en} ({e / en:.3f}) "
                  f"assertion {a / an:.4f}")


if __name__ == "__main__":
    main()
