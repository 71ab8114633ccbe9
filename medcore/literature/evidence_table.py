"""The evidence table: several read papers side by side (design, N, population, intervention vs
comparator, main effect with its CI and p, conclusion, citation), exportable as CSV.

CSV cells are made safe for spreadsheets: a cell a spreadsheet would run as a formula (starting with
= + - @, a tab or a carriage return) gets a leading apostrophe, so "=HYPERLINK(...)" in a title stays text."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass

from medcore.literature import library
from medcore.literature.card import NO_OUTCOME
from medcore.literature.graph_edges import direction, effect_text

COLUMNS = ("citation", "year", "design", "n", "arms", "population", "intervention", "comparator", "outcome",
           "main_effect", "effect_arms", "direction", "conclusion", "pmid", "doi")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class TableRow:
    paper_id: int
    citation: str
    year: int | None
    design: str
    n: int | None
    arms: str  # "rivoxin (n = 120); placebo (n = 120)"
    population: str
    intervention: str
    comparator: str
    outcome: str
    main_effect: str
    effect_arms: str  # which arm vs which the main effect compares: "rivoxin vs placebo"
    direction: str
    conclusion: str
    pmid: str
    doi: str
    effect: dict  # the parsed effect behind main_effect (for the forest chart), {} when none

    def cells(self) -> dict:
        d = asdict(self)
        return {k: d[k] for k in COLUMNS}


def _texts(items) -> str:
    return "; ".join(dict.fromkeys(str(x.get("text")) for x in items or [] if x.get("text")))


def main_effect(result: dict) -> dict:
    """The effect to show first: one on a primary outcome if the paper names it, else the first parsed."""
    effects = [e for e in result.get("effects") or [] if e.get("measure") and e.get("value") is not None]
    primary = [o.get("text", "").lower() for o in (result.get("pico") or {}).get("outcomes_primary") or []]
    for e in effects:
        out = (e.get("outcome") or "").lower()
        if out and any(out in p or p in out for p in primary if p):
            return e
    return effects[0] if effects else {}


def row_for(entry: library.PaperEntry, result: dict) -> TableRow:
    pico = result.get("pico") or {}
    pop = pico.get("population") or {}
    card = result.get("card") or {}
    e = main_effect(result)
    population = "; ".join(x for x in (_texts(pop.get("conditions")), _age(pop.get("age") or {})) if x)
    conclusion = " ".join(str(c.get("text", "")) for c in card.get("conclusion") or [])
    primary = _texts(pico.get("outcomes_primary"))
    return TableRow(entry.id, entry.citation, entry.year, entry.design, entry.n, arms_cell(result), population,
                    _texts(pico.get("interventions")), _texts(pico.get("comparators")),
                    (e.get("outcome") or NO_OUTCOME) if e else primary, effect_text(e) if e else "",
                    effect_arms(e) if e else "", direction(e) if e else "", conclusion, entry.pmid, entry.doi, dict(e))


def arms_cell(result: dict) -> str:
    """The arms with their N: 'rivoxin (n = 120); placebo (n = 120)' ('' for a reading saved before arms)."""
    return "; ".join(f"{a.get('name')} (n = {a['n']:,})" if isinstance(a.get("n"), int) else str(a.get("name"))
                     for a in result.get("arms") or [] if a.get("name"))


def effect_arms(e: dict) -> str:
    """'rivoxin vs placebo' for a linked estimate, with '(assumed)' when the sentence named neither arm."""
    if not (e.get("arm") and e.get("comparator")):
        return ""
    return f"{e['arm']} vs {e['comparator']}" + (" (assumed)" if e.get("arm_basis") == "two-arm trial" else "")


def _age(age: dict) -> str:
    if age.get("value") is not None:
        return f"age {age.get('stat', '')} {age['value']:g}".replace("  ", " ") if isinstance(age["value"], (int, float)) \
            else f"age {age['value']}"
    if age.get("low") is not None and age.get("high") is not None:
        return f"age {age['low']}-{age['high']}"
    return ""


def build(store, *, condition: str = "", drug: str = "", ids: list[int] | None = None) -> list[TableRow]:
    """The user's papers on a condition and/or drug (or the ids chosen), one row each, newest year first."""
    rows = [row_for(entry, result) for entry, result in library.search_results(store, condition=condition, drug=drug)
            if ids is None or entry.id in ids]
    return sorted(rows, key=lambda r: (-(r.year or 0), r.citation))


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: formula starts get a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(rows: list[TableRow]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL)
    w.writerow(COLUMNS)
    for r in rows:
        cells = r.cells()
        w.writerow([safe_cell(cells[c]) for c in COLUMNS])
    return buf.getvalue()
