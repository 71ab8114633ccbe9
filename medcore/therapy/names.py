"""Resolve what people type (brand names, misspellings, "lisinopril 10 mg daily") to KB ids.

A name is resolved when it matches an id, generic name, brand or listed synonym. A close
misspelling is resolved only when one drug is clearly the nearest (so "hydroxyzine" is never
silently turned into "hydralazine"); otherwise the caller gets suggestions to show.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from medcore.therapy.kb import KnowledgeBase, normalise

AUTO_RESOLVE_RATIO = 0.88  # at least this close to one name...
RUNNER_UP_GAP = 0.08  # ...and clearly closer than any other drug's names
SUGGEST_RATIO = 0.6


@dataclass
class Resolution:
    query: str
    id: str | None
    how: str  # exact | brand_or_synonym | fuzzy | unknown
    suggestions: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.id is not None

    def message(self, kb: KnowledgeBase | None = None, what: str = "drug") -> str:
        name = kb.drug_name(self.id) if (kb and self.id and what == "drug") else self.id
        if self.how == "fuzzy":
            return f"'{self.query}' read as {name} (closest spelling); check this is right"
        if self.how == "brand_or_synonym" and what == "drug":
            return f"'{self.query}' is {name}"
        if self.id is None:
            if self.suggestions:
                return f"unknown {what} '{self.query}': did you mean {', '.join(self.suggestions)}?"
            return f"unknown {what} '{self.query}' (not in the knowledge base; not checked)"
        return ""


_DOSE_TAIL = re.compile(r"\s+(\d|x\d|po\b|iv\b|im\b|sc\b|tab|cap|daily|bid|tid|qid|prn|once|twice).*$", re.I)


def _candidates(query: str) -> list[str]:
    """The full text first, then the text before any dose/route/frequency tail."""
    q = normalise(query)
    out = [q]
    short = normalise(_DOSE_TAIL.sub("", query.strip()))
    if short and short != q:
        out.append(short)
    for suffix in (" tablets", " tablet", " capsules", " capsule", " er", " xl", " sr", " xr", " hcl"):
        if short.endswith(suffix):
            out.append(short[: -len(suffix)].strip())
    return out


def _resolve(index: dict[str, str], query: str, ids: set[str], display) -> Resolution:
    if not query or not str(query).strip():
        return Resolution(str(query), None, "unknown")
    cands = _candidates(str(query))
    for c in cands:
        if c in index:
            target = index[c]
            how = "exact" if c in (normalise(target), normalise(display(target))) else "brand_or_synonym"
            return Resolution(str(query), target, how)
    q = cands[-1]
    scored: dict[str, float] = {}
    for key in difflib.get_close_matches(q, index.keys(), n=12, cutoff=SUGGEST_RATIO):
        r = difflib.SequenceMatcher(None, q, key).ratio()
        target = index[key]
        scored[target] = max(scored.get(target, 0.0), r)
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    if ranked:
        best, r1 = ranked[0]
        r2 = ranked[1][1] if len(ranked) > 1 else 0.0
        if r1 >= AUTO_RESOLVE_RATIO and r1 - r2 >= RUNNER_UP_GAP and len(q) >= 5:
            return Resolution(str(query), best, "fuzzy")
    return Resolution(str(query), None, "unknown", [display(t) for t, _ in ranked[:3]])


def resolve_drug(kb: KnowledgeBase, name: str) -> Resolution:
    return _resolve(kb.drug_index, name, set(kb.drugs), kb.drug_name)


def resolve_condition(kb: KnowledgeBase, text: str) -> Resolution:
    return _resolve(kb.condition_index, text, set(kb.conditions), lambda i: kb.conditions[i]["name"])


def resolve_state(kb: KnowledgeBase, text: str) -> Resolution:
    """A patient problem: a condition id or a state (pregnancy, long QT, ...)."""
    def display(i):
        return (kb.conditions.get(i) or kb.states.get(i) or {"name": i})["name"]
    return _resolve(kb.state_index, text, set(kb.states) | set(kb.conditions), display)


def resolve_allergen(kb: KnowledgeBase, text: str) -> tuple[str | None, str | None, Resolution]:
    """(drug id or None, allergy class id or None, resolution). Class names win over drug names
    ("penicillin" is the class, not penicillin V)."""
    q = normalise(text)
    short = normalise(_DOSE_TAIL.sub("", str(text)))
    for c in (q, short, q.rstrip("s"), re.sub(r" allergy$", "", q)):
        if c in kb.allergy_index:
            cls = kb.allergy_index[c]
            return None, cls, Resolution(str(text), cls, "exact")
    r = resolve_drug(kb, text)
    if r.ok:
        return r.id, kb.drugs[r.id].get("allergy_class"), r
    return None, None, r
