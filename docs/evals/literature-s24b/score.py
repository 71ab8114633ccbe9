"""Score the reporting-formats BREADTH list (formats.yaml, session 24b, issue 15) through the literature extractors:
per-field exact-value accuracy on the positive sentences and false extractions on the negative ones.

Each sentence is read alone, as a one-sentence paper (role 'results' for results, 'methods' for population,
registration and blinding sentences), by the engines the card uses: `numbers.extract_effects` (effects, CI,
p-values, group rates, consistency flags, outcome), `population_size.pick_n`, `population_sex.sex`, `pico._age`,
`design.read_design` (blinding, registrations).

    MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/literature-s24b/score.py [--out FILE] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path.cwd()))  # the tree being scored: the repo root this is run from

from medcore.config import Settings  # noqa: E402
from medcore.literature import design, numbers, pico, population_sex  # noqa: E402
from medcore.literature.model import Paper, Sentence  # noqa: E402
from medcore.literature.population_size import pick_n  # noqa: E402

HERE = Path(__file__).resolve().parent


def _close(a, b, tol: float = 1e-6) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= tol


def _sent(text: str, role: str) -> list[Sentence]:
    return [Sentence(0, text, 0, len(text), None, role, 1.0, "heading")]


def _score_effect(exp: dict, got, tally, misses, rid) -> None:
    def mark(field: str, ok: bool, shown) -> None:
        tally[field][0] += ok
        tally[field][1] += 1
        if not ok:
            misses.append((rid, field, exp.get(field.split("_")[0], ""), shown))

    mark("measure", got is not None and got.measure == exp["measure"], got and got.measure)
    mark("value", got is not None and _close(got.value, exp["value"]), got and got.value)
    mark("ci", got is not None and _close(got.ci_low, exp["ci_low"]) and _close(got.ci_high, exp["ci_high"]),
         got and (got.ci_low, got.ci_high))
    if "ci_level" in exp:
        mark("ci_level", got is not None and _close(got.ci_level, exp["ci_level"]), got and got.ci_level)
    mark("adjusted", got is not None and got.adjusted == exp.get("adjusted", False), got and got.adjusted)
    if "p_value" in exp:
        mark("p_value", got is not None and _close(got.p_value, exp["p_value"], 1e-12)
             and got.p_relation == exp["p_relation"], got and (got.p_value, got.p_relation))
    if exp.get("p_ns"):
        mark("p_ns", got is not None and bool(got.p_text) and got.p_value is None, got and got.p_text)
    if "outcome" in exp:
        mark("outcome", got is not None and got.outcome.lower().strip() == exp["outcome"].lower(), got and got.outcome)


def score(rows: list[dict], settings) -> dict:
    tally = defaultdict(lambda: [0, 0])  # field -> [correct, expected]
    false = defaultdict(lambda: [0, 0])  # kind -> [sentences with a false reading, sentences]
    extra = [0]
    misses: list[tuple] = []
    for row in rows:
        kind, text, exp, rid = row["kind"], row["text"], row["expect"], row["id"]
        if kind in ("effect", "inconsistent"):
            got = [e for e in numbers.extract_effects(_sent(text, "results")[0]) if e.measure != "comparison"]
            for i, e in enumerate(exp["effects"]):
                _score_effect(e, got[i] if i < len(got) else None, tally, misses, rid)
            extra[0] += max(0, len(got) - len(exp["effects"]))
            if kind == "inconsistent":
                flagged = bool(got and got[0].flags)
                field = "flag_inconsistent" if exp["flagged"] else "no_flag_consistent"
                tally[field][0] += flagged == exp["flagged"]
                tally[field][1] += 1
                if flagged != exp["flagged"]:
                    misses.append((rid, field, exp["flagged"], got and got[0].flags))
        elif kind == "rate":
            effs = numbers.extract_effects(_sent(text, "results")[0])
            rates = next((e.group_rates for e in effs if e.group_rates), [])
            p = next((e for e in effs if e.p_text), None)
            if "rates" in exp:
                want = [(r["events"], r["total"], r["percent"]) for r in exp["rates"]]
                have = [(r.get("events"), r.get("total"), r.get("percent")) for r in rates]
                ok = len(want) == len(have) and all(a[:2] == b[:2] and _close(a[2], b[2], 0.05) for a, b in zip(want, have))
                tally["group_rates"][0] += ok
                tally["group_rates"][1] += 1
                if not ok:
                    misses.append((rid, "group_rates", want, have))
                okp = p is not None and _close(p.p_value, exp["p_value"], 1e-12)
                tally["rate_p_value"][0] += okp
                tally["rate_p_value"][1] += 1
                if not okp:
                    misses.append((rid, "rate_p_value", exp["p_value"], p and p.p_value))
            if exp.get("flagged"):
                ok = any(e.flags for e in effs)
                tally["flag_rate_percent"][0] += ok
                tally["flag_rate_percent"][1] += 1
                if not ok:
                    misses.append((rid, "flag_rate_percent", True, [e.flags for e in effs]))
        elif kind in ("pct_ci", "negative"):
            effs = numbers.extract_effects(_sent(text, "results")[0])
            bad = [e for e in effs if e.measure != "comparison"] if kind == "pct_ci" else effs
            ps = numbers.parse_p(text.translate(numbers._DASHES)) if kind == "negative" else []
            false[kind][0] += bool(bad or ps)
            false[kind][1] += 1
            if bad or ps:
                misses.append((rid, f"false_{kind}", None, [(e.measure, e.value) for e in bad] + [x[4] for x in ps]))
        elif kind == "n":
            n, _, _ = pick_n(_sent(text, "methods"))
            tally["n"][0] += n == exp["n"]
            tally["n"][1] += 1
            if n != exp["n"]:
                misses.append((rid, "n", exp["n"], n))
        elif kind == "sex":
            sents = _sent(text, "methods")
            _, n_idx, _ = pick_n(sents)
            got = population_sex.sex(sents, n_idx).get("female_pct")
            ok = _close(got, exp["female_pct"], 0.11)
            tally["female_pct"][0] += ok
            tally["female_pct"][1] += 1
            if not ok:
                misses.append((rid, "female_pct", exp["female_pct"], got))
        elif kind == "age":
            got = pico._age(_sent(text, "methods"))
            want = exp["age"]
            ok = bool(got) and got.get("stat") == want["stat"] and all(_close(got.get(k), want[k], 0.01)
                                                                    for k in ("value", "low", "high") if k in want)
            tally["age"][0] += ok
            tally["age"][1] += 1
            if not ok:
                misses.append((rid, "age", want, {k: v for k, v in got.items() if k not in ("text", "sentence_idx")}))
        elif kind in ("registration", "blinding"):
            paper = Paper(text=text, sentences=_sent(text, "methods"))
            d = design.read_design(settings, paper)
            if kind == "registration":
                ids = [r["id"] for r in d.registrations]
                ok = ids == [exp["registration"]]
                tally["registration"][0] += ok
                tally["registration"][1] += 1
                if not ok:
                    misses.append((rid, "registration", exp["registration"], ids))
            else:
                ok = d.blinding == exp["blinding"]
                tally["blinding"][0] += ok
                tally["blinding"][1] += 1
                if not ok:
                    misses.append((rid, "blinding", exp["blinding"], d.blinding))
    fields = {f: {"correct": c, "expected": n, "accuracy": round(c / n, 3) if n else None} for f, (c, n) in sorted(tally.items())}
    falses = {k: {"false": c, "sentences": n, "rate": round(c / n, 3)} for k, (c, n) in false.items()}
    return {"sentences": len(rows), "fields": fields, "false_extractions": falses,
            "extra_effects_in_positives": extra[0], "misses": misses}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    rows = yaml.safe_load((HERE / "formats.yaml").read_text(encoding="utf-8"))
    result = score(rows, Settings.load())
    if args.out:
        Path(args.out).write_text(json.dumps({k: v for k, v in result.items() if k != "misses"}, indent=1) + "\n")
    print(f"{result['sentences']} sentences")
    for f, t in result["fields"].items():
        print(f"  {f:20s} {t['correct']:4d} / {t['expected']:4d}  {t['accuracy']}")
    for k, t in result["false_extractions"].items():
        print(f"  false {k:14s} {t['false']:4d} / {t['sentences']:4d}  {t['rate']}")
    print(f"  extra effects read in positive sentences: {result['extra_effects_in_positives']}")
    if args.misses:
        for m in result["misses"]:
            print("MISS", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
