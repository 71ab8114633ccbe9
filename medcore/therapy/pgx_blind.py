"""Score the PGx lookup on a blind set of gene + genotype/phenotype + drug cases (`pgx:` in a blind-set YAML,
e.g. docs/evals/pgx-blind-s7/blind.yaml; its header defines the fields). Called by `eval therapy-blind`.

exact: the action (or one the case accepts) and, where the case names one, the phenotype the input translates to.
direction: standard vs not standard (avoid, use_alternative and adjust_dose all say "not the usual dose"), and
no_recommendation where CPIC gives none. factor: where the case gives a range and the planner states a dose factor.
compound (multi-gene cases): a result or note naming every gene of the case.
"""

from __future__ import annotations

from medcore.therapy import pgx as pgxmod
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.names import resolve_drug

NO_REC = "no_recommendation"


def _direction(action: str) -> str:
    return action if action in ("standard", NO_REC) else "not_standard"


def _single(kb: KnowledgeBase, case: dict) -> tuple[list[pgxmod.PgxResult], str]:
    """(results, error text) for a one-gene case; a 'no specific recommendation' error reads as no_recommendation."""
    try:
        return [pgxmod.lookup(kb, case["drug"], case["gene"], case["input"])], ""
    except pgxmod.PgxError as exc:
        return [], str(exc)


def _multi(kb: KnowledgeBase, case: dict) -> tuple[list[pgxmod.PgxResult], str]:
    r = resolve_drug(kb, case["drug"])
    if not r.ok:
        return [], r.message(kb)
    results, problems = pgxmod.patient_results(kb, r.id, dict(case["genotypes"]))
    return results, "; ".join(problems)


def _action_of(results: list[pgxmod.PgxResult], error: str) -> str | None:
    if not results:
        return NO_REC if error.startswith("CPIC gives no specific recommendation") else None
    order = {"avoid": 0, "use_alternative": 1, "adjust_dose": 2, "standard": 3}
    top = min(results, key=lambda r: order[r.action])
    return NO_REC if top.strength == "no recommendation" else top.action


def score_case(kb: KnowledgeBase, case: dict) -> dict:
    results, error = (_multi if "genotypes" in case else _single)(kb, case)
    got = _action_of(results, error)
    want = [case["action"], *case.get("accept", [])]
    out = {"id": case["id"], "expect": case["action"], "got": got, "error": error or None,
           "phenotype": [f"{r.gene} {r.phenotype}" for r in results]}
    pheno_ok = "phenotype" not in case or any(r.phenotype == case["phenotype"] for r in results)
    out["exact"] = got in want and pheno_ok
    out["direction"] = got is not None and _direction(got) == _direction(case["action"])
    factors = [r.dose_factor for r in results if r.dose_factor is not None]
    if "factor" in case:
        lo, hi = case["factor"]
        out["factor_stated"] = bool(factors)
        out["factor_ok"] = bool(factors) and all(lo - 1e-9 <= f <= hi + 1e-9 for f in factors)
        out["factors"] = factors
    if case.get("compound"):
        genes = [g.upper() for g in case["genotypes"]]
        texts = [f"{r.gene} {r.recommendation}".upper() for r in results]
        out["compound_ok"] = any(all(g in t for g in genes) for t in texts)
    return out


def run(kb: KnowledgeBase, cases: list[dict], errors: bool = False) -> dict:
    scored = [score_case(kb, c) for c in cases]
    fac = [s for s in scored if "factor_ok" in s]
    comp = [s for s in scored if "compound_ok" in s]
    report = {
        "pgx_cases": len(scored),
        "pgx_exact": f"{sum(s['exact'] for s in scored)}/{len(scored)}",
        "pgx_direction": f"{sum(s['direction'] for s in scored)}/{len(scored)}",
        "pgx_unanswered": sum(s["got"] is None for s in scored),
        "pgx_dose_factor_stated": f"{sum(s['factor_stated'] for s in fac)}/{len(fac)}",
        "pgx_dose_factor_in_range": f"{sum(s['factor_ok'] for s in fac)}/{len(fac)}",
        "pgx_compound_stated": f"{sum(s['compound_ok'] for s in comp)}/{len(comp)}",
    }
    if errors:
        report["pgx_errors"] = [s for s in scored if not s["exact"] or not s.get("factor_ok", True)
                                or not s.get("compound_ok", True)]
    return report
