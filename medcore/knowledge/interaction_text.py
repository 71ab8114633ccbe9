"""How the rules for one pair of drugs read together: the one home of the wording of a merged interaction, used by
the planner's findings (therapy.interactions.merge, check_names, the CLI, the page table, the Markdown export) and by
the health-questions answer (qa.service), which sit side by side above the knowledge layer and may not import each
other. Several rules' texts are each said once, as sentences, the most severe rule's first (they were joined with
" | ", and the health-questions answer gave one sentence per rule)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.knowledge.interaction_rules import SEVERITY_RANK

_NON_WORD = re.compile(r"[^a-z0-9]+")


def sentences(*parts: str) -> str:
    """Parts joined as sentences, each ending with exactly one stop: the one place a KB text ending in "." (a CPIC
    recommendation, a renal note, a Beers criterion) meets the "Action: ..." after it. Was "...analgesic.. Action"
    when a part already ended with a stop, and "...analgesic Action" when none did."""
    out = []
    for part in parts:
        t = str(part or "").strip()
        if not t:
            continue
        out.append(t if t[-1] in ".!?" or t.endswith((".)", ".]")) else t + ".")
    return " ".join(out)


def _words(text: str) -> str:
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


def distinct(texts) -> list[str]:
    """The texts (most severe rule's first) without one that another already says: "Serotonin syndrome" beside
    "Serotonin syndrome (hyperthermia, ...)" is the same effect, so the merged finding names it once (it read
    "Serotonin syndrome (...) | Serotonin syndrome"). A fuller text of a milder rule takes the place of the shorter
    one it contains, so the leading rule's words stay first."""
    out: list[str] = []
    for t in texts:
        if not t or any(_words(t) in _words(k) for k in out):
            continue
        inside = [i for i, k in enumerate(out) if _words(k) in _words(t)]
        if inside:
            out[inside[0]] = t
            out = [k for i, k in enumerate(out) if i not in inside[1:]]
        else:
            out.append(t)
    return out


def readable(parts) -> str:
    """Several rules' mechanisms (or effects) as one display text: one text as written, several as sentences."""
    parts = [str(p) for p in parts if p]
    return parts[0] if len(parts) == 1 else sentences(*parts)


def advice(lead: str, also=()) -> str:
    """What to do: the leading rule's management first, so it agrees with the finding's severity, then the other
    rules' text only as secondary detail, each with its own grade (`also`: (severity, management) pairs)."""
    if not also:
        return lead
    return sentences(lead, "Secondary, from other rules for this pair: " +
                     "; ".join(f"{m} ({sev} rule)" for sev, m in also))


def what_happens(effect: str, mechanism: str, several: bool = False) -> str:
    """Effect and mechanism in one phrase, "effect (mechanism)"; where several rules give several sentences,
    "Effects. Mechanism: ..." (sentences inside parentheses read badly)."""
    if not mechanism:
        return effect
    return sentences(effect, f"Mechanism: {mechanism}") if several else f"{effect} ({mechanism})"


def _get(rule, key: str) -> str:
    return str((rule.get(key) if isinstance(rule, dict) else getattr(rule, key, "")) or "")


@dataclass(frozen=True)
class PairText:
    """The rules of one pair read as one finding."""
    severity: str
    mechanisms: tuple[str, ...]
    effects: tuple[str, ...]
    managements: tuple[str, ...]
    lead_management: str  # the most severe rule's alone: what a plan quotes when it asks for a change
    also: tuple[tuple[str, str], ...]  # the other rules' (severity, management) where it differs from the lead's

    @property
    def mechanism(self) -> str:
        return readable(self.mechanisms)

    @property
    def effect(self) -> str:
        return readable(self.effects)

    @property
    def several(self) -> bool:
        return len(self.mechanisms) > 1 or len(self.effects) > 1

    def advice(self) -> str:
        return advice(self.lead_management or readable(self.managements), self.also)


def pair_text(rules) -> PairText:
    """`rules`: the rules (objects or graph-edge dicts with severity, mechanism, effect, management) of one pair."""
    rules = sorted(rules, key=lambda r: -SEVERITY_RANK.get(_get(r, "severity"), 0))
    top = rules[0]
    lead = _get(top, "management")
    also = dict.fromkeys((_get(r, "severity"), _get(r, "management")) for r in rules[1:]
                         if _get(r, "management") and _get(r, "management") != lead)
    return PairText(_get(top, "severity"), *(tuple(distinct(_get(r, k) for r in rules))
                                             for k in ("mechanism", "effect", "management")), lead, tuple(also))
