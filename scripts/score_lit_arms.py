"""Score arms, N per arm and effect-to-arm links on blind set s7 (docs/evals/lit-arms-blind-s7/set.yaml).

    MEDCORE_LLM_BACKEND=template python scripts/score_lit_arms.py [--set SET.yaml] [--out FILE]

Sets: docs/evals/lit-arms-blind-s7/set.yaml (default), docs/evals/lit-arms-blind-s7b/set.yaml.

Reads each text with `read_paper` (rule roles: the blind texts are short and the figure must not depend on the
shared CPU's classifier). Arms: `ReadResult.arms` when the reader has them, else the interventions and
comparators (the reader before arms existed). An effect's link: its `arm` / `comparator` when set, else its
`comparison` string "A vs B". Names match as in `literature eval-extract` (substring or half the words)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medcore.literature.evaluate import _close, _names_match  # noqa: E402

SET = ROOT / "docs" / "evals" / "lit-arms-blind-s7" / "set.yaml"


def _pred_arms(result) -> list[dict]:
    arms = getattr(result, "arms", None)
    if arms:
        return [{"name": a.name, "n": a.n} for a in arms]
    return [{"name": i.text, "n": None} for i in result.pico.interventions + result.pico.comparators]


def _pred_link(e) -> tuple[str, str]:
    arm, comp = getattr(e, "arm", ""), getattr(e, "comparator", "")
    if arm or comp:
        return arm, comp
    a, _, b = (e.comparison or "").partition(" vs ")
    return a, b


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def score(path: Path = SET) -> dict:
    from medcore.config import Settings
    from medcore.literature.service import read_paper

    settings = Settings.load()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    t = dict.fromkeys(("arms_gold", "arms_pred", "arms_hit", "n_gold", "n_pred", "n_hit", "eff_gold", "eff_found",
                       "link_pred", "link_hit"), 0)
    per = []
    for p in data["papers"]:
        r = read_paper(settings, p["text"], classifier=False)[0]
        pred = _pred_arms(r)
        t["arms_gold"] += len(p["arms"])
        t["arms_pred"] += len(pred)
        used, miss = set(), []
        for g in p["arms"]:
            j = next((j for j, a in enumerate(pred) if j not in used and _names_match(g["name"], a["name"])), None)
            if g["n"] is not None:
                t["n_gold"] += 1
            if j is None:
                miss.append(f"arm {g['name']!r} not found")
                continue
            used.add(j)
            t["arms_hit"] += 1
            if g["n"] is not None and pred[j]["n"] == g["n"]:
                t["n_hit"] += 1
            elif g["n"] != pred[j]["n"]:
                miss.append(f"n of {g['name']!r}: gold {g['n']}, read {pred[j]['n']}")
        t["n_pred"] += sum(a["n"] is not None for a in pred)
        effects = [e for e in r.effects if e.measure != "comparison"]
        t["link_pred"] += sum(bool(_pred_link(e)[0] and _pred_link(e)[1]) for e in effects)
        for g in p["effects"]:
            t["eff_gold"] += 1
            m, v, lo, hi = g["estimate"]
            e = next((e for e in effects if e.measure == m and _close(e.value, v, 1e-4) and _close(e.ci_low, lo, 1e-4)
                      and _close(e.ci_high, hi, 1e-4)), None)
            if e is None:
                miss.append(f"estimate {g['estimate']} not read")
                continue
            t["eff_found"] += 1
            a, c = _pred_link(e)
            if _names_match(g["arm"], a) and _names_match(g["comparator"], c):
                t["link_hit"] += 1
            else:
                miss.append(f"{m} {v}: gold {g['arm']!r} vs {g['comparator']!r}, read {a!r} vs {c!r}")
        per.append({"id": p["id"], "arms_read": pred, "misses": miss})
    return {
        "papers": len(data["papers"]),
        "arms": {"precision": _ratio(t["arms_hit"], t["arms_pred"]), "recall": _ratio(t["arms_hit"], t["arms_gold"]),
                 "gold": t["arms_gold"], "predicted": t["arms_pred"], "correct": t["arms_hit"]},
        "n_per_arm": {"precision": _ratio(t["n_hit"], t["n_pred"]), "recall": _ratio(t["n_hit"], t["n_gold"]),
                      "gold": t["n_gold"], "predicted": t["n_pred"], "correct": t["n_hit"]},
        "effects_read": {"recall": _ratio(t["eff_found"], t["eff_gold"]), "gold": t["eff_gold"], "found": t["eff_found"]},
        "effect_links": {"precision": _ratio(t["link_hit"], t["link_pred"]), "recall": _ratio(t["link_hit"], t["eff_gold"]),
                         "gold": t["eff_gold"], "predicted": t["link_pred"], "correct": t["link_hit"]},
        "per_paper": per,
    }


if __name__ == "__main__":
    out = score(Path(sys.argv[sys.argv.index("--set") + 1]).resolve() if "--set" in sys.argv else SET)
    text = json.dumps(out, indent=2, ensure_ascii=False)
    if "--out" in sys.argv:
        Path(sys.argv[sys.argv.index("--out") + 1]).write_text(text + "\n", encoding="utf-8")
    print(text)
