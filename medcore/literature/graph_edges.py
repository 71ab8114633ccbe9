"""Knowledge-graph edges from one read paper: "drug X was studied for condition Y: effect on outcome Z,
with its direction and size", each with the paper's citation and marked `origin: literature`.

The edges are plain dicts in the format medcore.knowledge.overlay reads; they are laid over the cached
graph at query time and never built into it. Also the paper's citation, and an effect's direction and
size in words (worded by the card's own `effect_text`), which the evidence table and the page show the same way."""

from __future__ import annotations

from medcore.knowledge.overlay import ORIGIN, RELATION_STUDIED_FOR
from medcore.literature import card
from medcore.literature.model import RATIO_MEASURES as RATIO, Effect

ORIGIN_LITERATURE = "literature"
DRUG_TYPES = ("drug:", "product:", "class:")


def citation(paper: dict) -> str:
    """"Smith J, Jones K, et al. Title. Journal. 2020. PMID 123. doi:10/x" from what the paper gives."""
    authors = [str(a) for a in (paper.get("authors") or []) if str(a).strip()]
    who = ", ".join(authors[:3]) + (", et al" if len(authors) > 3 else "")
    parts = [who, str(paper.get("title") or "").strip().rstrip("."), str(paper.get("journal") or "").strip(),
             str(paper.get("year") or "")]
    out = ". ".join(p for p in parts if p)
    if paper.get("pmid"):
        out += f". PMID {paper['pmid']}"
    if paper.get("doi"):
        out += f". doi:{paper['doi']}"
    return out or "(untitled paper)"


def effect_text(e: dict) -> str:
    """"HR 0.75 (95% CI 0.61 to 0.92), p=0.006" from a parsed effect's JSON, worded as the card words it."""
    return card.effect_text(Effect.from_dict(e))


def direction(e: dict) -> str:
    """Which way the estimate points and whether its interval excludes no effect: "lower, significant"."""
    measure, value = e.get("measure", ""), e.get("value")
    if not isinstance(value, (int, float)) or measure in ("NNT", "NNH"):
        return ""
    null = 1.0 if measure in RATIO else 0.0
    way = "lower" if value < null else "higher" if value > null else "no difference"
    lo, hi = e.get("ci_low"), e.get("ci_high")
    if isinstance(lo, (int, float)) and isinstance(hi, (int, float)):
        crosses = lo <= null <= hi
        return f"{way}, {'not significant' if crosses else 'significant'} (CI {'includes' if crosses else 'excludes'} {null:g})"
    p = e.get("p_value")
    if isinstance(p, (int, float)):
        sig = p < 0.05 and e.get("p_relation") in ("<", "=", "<=", "")
        return f"{way}, {'significant' if sig else 'not significant'} at p {e.get('p_relation') or '='} {p:g}"
    return way


def _coded(items: list, prefixes: tuple[str, ...]) -> list[dict]:
    seen, out = set(), []
    for x in items or []:
        cid = (x or {}).get("concept_id") or ""
        if cid.startswith(prefixes) and cid not in seen:
            seen.add(cid)
            out.append(x)
    return out


def _sentence(sentences: list, idx: int, limit: int = 200) -> str:
    """The sentence an effect was read from (its outcome in the authors' words when none was parsed)."""
    text = str(sentences[idx].get("text", "")) if 0 <= idx < len(sentences) else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def paper_edges(result: dict) -> list[dict]:
    """One edge per (coded intervention drug, coded condition, effect); a paper with no parsed effect gives
    one edge per pair naming its primary outcome, with no size. Nothing is guessed: uncoded drugs or
    conditions give no edge."""
    paper, pico = result.get("paper") or {}, result.get("pico") or {}
    drugs = _coded(pico.get("interventions"), DRUG_TYPES)
    dosed = [d for d in drugs if d.get("detail")]
    # a trial names the dose of the arm it randomised; an undosed drug beside it is usually background
    # therapy ("added to metformin"), so when some interventions carry a dose only those make edges
    drugs = dosed or drugs
    conditions = _coded((pico.get("population") or {}).get("conditions"), ("condition:",))
    if not drugs or not conditions:
        return []
    cite = citation(paper)
    comparators = [c.get("text", "") for c in pico.get("comparators") or [] if c.get("text")]
    primary = [o.get("text", "") for o in pico.get("outcomes_primary") or [] if o.get("text")]
    base = {ORIGIN: ORIGIN_LITERATURE, "design": (result.get("design") or {}).get("kind", "unknown"),
            "n": (pico.get("population") or {}).get("n"), "comparator": "; ".join(comparators),
            "pmid": paper.get("pmid", ""), "doi": paper.get("doi", ""), "title": paper.get("title", "")}
    effects = [e for e in result.get("effects") or [] if e.get("measure") and e.get("value") is not None]
    sentences = paper.get("sentences") or []
    arm_names = [str(a.get("name", "")).lower() for a in result.get("arms") or []]
    out = []
    for d in drugs:
        for c in conditions:
            common = {**base, "start_name": d.get("text", ""), "end_name": c.get("text", "")}
            if not effects:
                out.append({"start": d["concept_id"], "relation": RELATION_STUDIED_FOR, "end": c["concept_id"],
                            "source": cite, "attrs": {**common, "outcome": "; ".join(primary)}})
            for e in effects:
                if _other_arms(e, str(d.get("text", "")).lower(), arm_names):
                    continue
                common_e = {**common, "arm": e.get("arm", ""), "vs": e.get("comparator", "")}
                out.append({"start": d["concept_id"], "relation": RELATION_STUDIED_FOR, "end": c["concept_id"],
                            "source": cite, "attrs": {
                                **common_e, "outcome": e.get("outcome") or "",
                                "sentence": _sentence(sentences, e.get("sentence_idx", -1)),
                                "effect": effect_text(e), "direction": direction(e), "measure": e["measure"],
                                "value": e["value"], "ci_low": e.get("ci_low"), "ci_high": e.get("ci_high"),
                                "p": e.get("p_text") or e.get("p_value"), "sentence_idx": e.get("sentence_idx", -1)}})
    return out


def _other_arms(e: dict, drug: str, arm_names: list[str]) -> bool:
    """The estimate compares two arms neither of which is this drug's (a drug named in one arm of three)."""
    arm, comp = str(e.get("arm") or "").lower(), str(e.get("comparator") or "").lower()
    return bool(drug and arm and comp and any(drug in n for n in arm_names) and drug not in arm and drug not in comp)
