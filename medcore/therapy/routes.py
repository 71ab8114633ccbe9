"""The route a typed medicine name names ("hydrocortisone cream", "timolol eye drops") and what it means for
interaction rules written for the systemic drug.

Data: `assets/kb/knowledge/drugs/routes.yaml` (route words, systemic exposure by route, and the rules a label
states for a local form). A pair rule is screened out when one of its drugs was typed with a route whose
exposure is negligible (skin, eye, ear) and no `keeps` entry covers that drug, route and rule; a `keeps` entry
may set the label's own severity, for any typed route (clotrimazole pessary +
tacrolimus: moderate). Every decision carries the data's reason and source.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path


from medcore import kbyaml
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RouteData:
    words: tuple[tuple[str, str], ...]  # (phrase, route), longest phrase first
    exposure: dict
    keeps: tuple[dict, ...]
    source: str
    # (brand, route, source): brands sold under that name only as a skin, eye or ear form ("Xalatan")
    brands: tuple[tuple[str, str, str], ...] = ()
    # (word, route, drug ids, source): a dose-form word that names a route only for these drugs ("terbinafine
    # spray" is a skin spray; "sumatriptan spray" is nasal), so it cannot be a route word for every drug
    drug_words: tuple[tuple[str, str, frozenset, str], ...] = ()


def routes_file(kb=None) -> Path:
    """The routes file next to the lexicon the KB was built from (the shipped one otherwise)."""
    lex_dir = getattr(getattr(kb, "lexicon", None), "root", None)
    p = Path(lex_dir) / "routes.yaml" if lex_dir else None
    return p if p and p.is_file() else Path(DEFAULT_KB_DIR) / "knowledge" / "drugs" / "routes.yaml"


def load(path: Path | None = None) -> RouteData:
    path = Path(path or routes_file())
    return _load(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: str, _stamp: int) -> RouteData:
    d = kbyaml.load(path)
    words = [(w.lower(), r) for r, ws in d["route_words"].items() for w in ws]
    for _, r in words:
        if r not in d["exposure"]:
            raise ValueError(f"{path}: route {r} has no exposure entry")
    words.sort(key=lambda x: -len(x[0]))
    brands = [(n.lower(), b["route"], b["source"]) for b in d.get("brand_routes", ()) for n in b["names"]]
    for n, r, _ in brands:
        if r not in d["exposure"]:
            raise ValueError(f"{path}: brand {n}: route {r} has no exposure entry")
    brands.sort(key=lambda x: -len(x[0]))
    drug_words = [(w.lower(), e["route"], frozenset(e["drugs"]), e["source"]) for e in d.get("drug_words", ())
                  for w in e["words"]]
    for w, r, _, _ in drug_words:
        if r not in d["exposure"]:
            raise ValueError(f"{path}: drug word {w}: route {r} has no exposure entry")
    return RouteData(tuple(words), d["exposure"], tuple(d.get("keeps", ())), d["source"], tuple(brands),
                     tuple(drug_words))


def route_in(text: str, data: RouteData | None = None, drug_ids=()) -> str | None:
    """The route a typed name names by a route word, or else by a brand sold only in that form ("Xalatan"), or
    else by a form word that names a route for this drug only ("terbinafine spray"), or None. The longest phrase
    wins ("oral gel" is oral); a typed route word wins over the brand's."""
    data = data or load()
    low = str(text).lower()
    for phrase, route in data.words:
        if _has(low, phrase):
            return route
    brand = next((route for brand, route, _ in data.brands if _has(low, brand)), None)
    if brand or not drug_ids:
        return brand
    return next((route for word, route, drugs, _ in data.drug_words
                 if set(drug_ids) & drugs and _has(low, word)), None)


def _has(low: str, phrase: str) -> bool:
    # a plain substring test first: most of the ~200 phrases and brands are absent, and the regex only confirms
    # word boundaries (the brand list grew in session 12, which made this scan most of a 20-drug check)
    return phrase in low and _bounded(phrase).search(low) is not None


@lru_cache(maxsize=1024)
def _bounded(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")


def is_local(route: str | None, data: RouteData | None = None) -> bool:
    """A route with negligible systemic exposure (skin, eye, ear)."""
    data = data or load()
    return bool(route) and not data.exposure.get(route, {"systemic": True})["systemic"]


@dataclass(frozen=True)
class Screen:
    kept: object | None  # the finding to show (possibly at a lower severity), or None when screened out
    note: str  # why, with the source; "" when the route changed nothing


def screen(kb, finding, routes: dict[str, str], data: RouteData | None = None) -> Screen:
    """Grade one pair finding by the routes its drugs were typed with (`routes`: drug id -> route). A skin, eye
    or ear form drops the rule unless a `keeps` entry covers it; any typed form (a pessary too) takes the
    severity a `keeps` entry gives for it, since labels grade some rules by product."""
    data = data or load(routes_file(kb))
    typed = [i for i in finding.drug_ids if routes.get(i)]
    notes, severity = [], None
    for i in typed:
        route = routes[i]
        keep = _keep(kb, data, i, route, finding)
        if not is_local(route, data):
            # absorbed forms (nasal, inhaled, transdermal, vaginal, ...) keep every rule; only a label grade applies
            if keep is not None and keep.get("severity"):
                notes.append(f"{kb.drug_name(i)} ({route}) graded {keep['severity']}: {keep['why']} ({keep['source']})")
                severity = keep["severity"]
            continue
        if keep is None:
            ex = data.exposure[route]
            return Screen(None, f"{' + '.join(finding.drugs)}: not raised for {kb.drug_name(i)} ({route}): "
                                f"{ex['why']} ({ex['source']}); the rule is for the systemic drug ({finding.source})")
        notes.append(f"{kb.drug_name(i)} ({route}) still checked: {keep['why']} ({keep['source']})")
        if keep.get("severity"):
            severity = keep["severity"]
    if severity and severity != finding.severity:
        finding = replace(finding, severity=severity, avoid=False,
                          management=f"{finding.management} | {notes[-1]}",
                          lead_management=f"{finding.lead_management or finding.management} | {notes[-1]}")
    return Screen(finding, "; ".join(notes))


def _keep(kb, data: RouteData, drug_id: str, route: str, finding) -> dict | None:
    """The `keeps` entry for this drug (or one of its classes), route and one of the finding's rules, if any."""
    classes = set(kb.drug_info(drug_id).get("classes", ()))
    return next((k for k in data.keeps if k["route"] == route
                 and (drug_id in k.get("drugs", ()) or classes & set(k.get("classes", ())))
                 and ("rules" not in k or set(k["rules"]) & set(finding.rules))), None)
