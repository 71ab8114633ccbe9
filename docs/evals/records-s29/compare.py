"""Problem, assertion and lab figures of the real dev sets, before -> after (session 29):
`python docs/evals/records-s29/compare.py [DIR]` (DIR holds before_<set>.json and after_<set>.json; default here).
Pooled recall / precision from each set's matched, gold and output counts; per-set lines for every figure that moved."""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ["blind_s28", "blind_s27", "blind_s26", "dev", "blind_s25", "blind_s24", "blind_s23", "blind_s22", "blind_s21",
        "blind_s18", "blind_s17", "blind_s16", "blind_s15", "blind_s14", "blind_s13", "blind_s12", "blind_s10", "blind_s9",
        "blind_s8", "blind"]
HEAD = ("problem_recall", "problem_precision", "assertion_accuracy", "medication_recall", "lab_vital_recall", "unit_accuracy",
        "phi_strict_recall", "allergy_recall")


def _load(d: Path, tag: str, s: str):
    p = d / f"{tag}_{s}.json"
    if not p.exists() or not p.stat().st_size:
        return None
    return json.loads(p.read_text())


def pooled(d: Path, tag: str, sets) -> str:
    tp = g = o = ex = exn = an = ac = 0
    for s in sets:
        r = _load(d, tag, s)
        if r is None:
            return f"{tag}: {s} missing"
        pr, e = r["scores"]["problems"], r["scores"]["exact_code_agreement"]
        tp, g, o = tp + pr["tp"], g + pr["gold"], o + pr["predicted"]
        ex, exn = ex + e["exact"], exn + e["n"]
        n = r["scores"].get("assertion_n") or 0
        ac, an = ac + (r["scores"]["assertion_accuracy"] or 0) * n, an + n
    return (f"{tag} POOLED ({len(sets)} sets): problems recall {tp / g:.4f} precision {tp / o:.4f} (tp {tp}, gold {g}, "
            f"output {o}), exact {ex}/{exn} ({ex / exn:.3f}), assertion {ac / an:.4f}")


def main(d: Path) -> None:
    for s in SETS:
        b, a = _load(d, "before", s), _load(d, "after", s)
        if b is None or a is None:
            print(f"{s}: missing")
            continue
        hb, ha = b["headline"], a["headline"]
        moved = [f"{k} {hb.get(k)} -> {ha.get(k)}" for k in HEAD if hb.get(k) != ha.get(k)]
        lb, la = b["scores"]["labs_vitals"], a["scores"]["labs_vitals"]
        if (lb["tp"], lb["predicted"]) != (la["tp"], la["predicted"]) or \
                b["scores"]["lab_value_accuracy"] != a["scores"]["lab_value_accuracy"]:
            moved.append(f"labs/vitals {lb['recall']}/{lb['precision']} -> {la['recall']}/{la['precision']}, values "
                         f"{b['scores']['lab_value_accuracy']} -> {a['scores']['lab_value_accuracy']}")
        eb, ea = b["scores"]["exact_code_agreement"], a["scores"]["exact_code_agreement"]
        print(f"{s}: problems {hb['problem_recall']}/{hb['problem_precision']} -> {ha['problem_recall']}/"
              f"{ha['problem_precision']}, exact {eb['exact']}/{eb['n']} -> {ea['exact']}/{ea['n']}; moved: "
              + ("; ".join(moved) or "none"))
    print(pooled(d, "before", SETS))
    print(pooled(d, "after", SETS))
    rest = [s for s in SETS if s != "blind_s28"]
    print("without blind_s28 (misses not read this session):")
    print(pooled(d, "before", rest))
    print(pooled(d, "after", rest))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
