"""Drug-drug interaction checking over the expanded pair table, plus duplicate therapy.

The pair table is built once at KB load (explicit pairs and class rules expanded to member
pairs), so a check of n drugs is n*(n-1)/2 dictionary lookups.
"""

from __future__ import annotations

from collections.abc import Callable
import itertools
import re
from dataclasses import dataclass, field

from medcore.therapy.course import course_days
from medcore.therapy.dosing import titration_daily_max
from medcore.knowledge import interaction_text as ktext
from medcore.knowledge.interaction_rules import DurationContext
from medcore.therapy.kb import SEVERITY_RANK, InteractionRule, KnowledgeBase
from medcore.therapy import routes as kroutes
from medcore.therapy.names import Resolution, resolve_drug


@dataclass
class Finding:
    drugs: tuple[str, ...]  # display names: two, or three and more for a group rule
    drug_ids: tuple[str, ...]
    severity: str
    mechanism: str
    effect: str
    management: str
    source: str
    rules: list[str] = field(default_factory=list)
    avoid: bool = False  # a rule's source says to avoid the combination (see kb_schema_interactions.AVOID)
    # the management of the most severe rule alone (`management` joins every rule's): what a plan quotes when it
    # asks for a change, never a milder rule's "use with caution" beside a contraindication
    lead_management: str = ""
    # the other rules' (severity, management) for the pair, most severe first, where it differs from the lead's
    also: tuple[tuple[str, str], ...] = ()
    several: bool = False  # more than one rule's mechanism or effect: `mechanism` and `effect` are sentences

    def advice(self) -> str:
        """What to do, as every display shows it (check_names, the options' and current medicines' warnings): the
        leading rule's management first, so it agrees with the finding's severity, then the other rules' text only
        as secondary detail, each with its own grade. Was the rules' managements joined as equals ("Do not combine
        ... | Avoid | Use the combination with caution")."""
        return ktext.advice(self.lead_management or self.management, self.also)

    def what_happens(self) -> str:
        """Effect and mechanism as every warning quotes them (`interaction_text.what_happens`)."""
        return ktext.what_happens(self.effect, self.mechanism, self.several)

    def contract(self) -> dict:
        """The CLI JSON contract: {drugs, severity, mechanism, management, source}; `management` is `advice()`."""
        return {"drugs": list(self.drugs), "severity": self.severity, "mechanism": self.mechanism,
                "management": self.advice(), "source": self.source}


@dataclass
class Duplicate:
    kind: str  # same_drug | same_class
    drugs: list[str]
    klass: str = ""
    text: str = ""
    source: str = ""

    def contract(self) -> dict:
        """The CLI JSON entry: the interaction contract's keys (the planner grades a duplicate moderate) plus
        `kind`, so a reader can tell it from an interacting pair."""
        what = ("Take only one of them, or count the combined daily amount of the ingredient against its maximum"
                if self.kind == "same_drug" else "Check that both are meant; one drug of this class is usually enough")
        return {"drugs": list(self.drugs), "severity": "moderate", "mechanism": f"duplicate therapy: {self.text}",
                "management": what, "source": self.source, "kind": "duplicate_therapy"}


@dataclass
class InteractionReport:
    resolved: list[Resolution]
    unknown: list[Resolution]
    findings: list[Finding]
    duplicates: list[Duplicate]
    kb: KnowledgeBase | None = field(default=None, repr=False, compare=False)
    route_notes: list[str] = field(default_factory=list)  # rules not raised or regraded for a local form, and why

    @property
    def notes(self) -> list[str]:
        return ([r.message(self.kb) for r in self.resolved if r.notable] + [r.message() for r in self.unknown]
                + self.route_notes)


def merge(kb: KnowledgeBase, a: str, b: str, hits: list[InteractionRule]) -> Finding:
    """One finding per pair: the most severe rule leads; other rules' texts follow, each said once
    (`interaction_text.pair_text`, the wording the health-questions answer uses too)."""
    hits = sorted(hits, key=lambda h: -SEVERITY_RANK[h.severity])  # the leading rule's source and rule id first
    t = ktext.pair_text(hits)
    first, second = sorted((a, b))
    return Finding((kb.drug_name(first), kb.drug_name(second)), (first, second), t.severity, t.mechanism, t.effect,
                   ktext.readable(t.managements), "; ".join(dict.fromkeys(h.source for h in hits)),
                   [h.rule for h in hits], any(h.avoid for h in hits),
                   t.lead_management, t.also, t.several)


distinct = ktext.distinct  # its home is the knowledge layer (interaction_text); kept under this name for callers


def pair(kb: KnowledgeBase, a: str, b: str, crcl: float | None = None,
         doses: dict[str, float] | None = None, days: dict[str, float] | None = None,
         routes: dict[str, str] | None = None, child_pugh: str | None = None,
         kidney_where: Callable[[float], str] | None = None, added: str | None = None) -> Finding | None:
    """The merged finding for two drugs; `crcl` (mL/min) selects a rule's kidney-function context, `doses`
    (drug id -> daily amount in its unit) a rule's dose context, `days` (drug id -> course in days,
    math.inf for long-term) a rule's duration context, `routes` (drug id -> typed route) keeps a rule written
    for one route only (IM olanzapine) to drugs typed with that route, and `child_pugh` (A, B, C) a rule's
    liver-function context; `kidney_where(below)` says the kidney comparison when `crcl` is an eGFR standing in;
    `added` (a or b) is the drug being started while the other is already taken (a rule's direction context)."""
    hits = [h for h in kb.pairs.get(frozenset((a, b)), ()) if not h.routes or h.route_ok(routes)]
    return (merge(kb, a, b, [h.in_context(crcl, doses, days, child_pugh, kidney_where, added) for h in hits])
            if hits else None)


def dose_sensitive(kb: KnowledgeBase, drug_id: str, others: list[str]) -> bool:
    """Does any rule between this drug and one of the others depend on this drug's dose?"""
    return any(c.drug == drug_id for o in others for h in kb.pairs.get(frozenset((drug_id, o)), ()) for c in h.dose)


def avoid_dose_of(kb: KnowledgeBase, a: str, b: str, doses: dict[str, float] | None) -> set[str]:
    """The drugs (of a, b) whose known daily dose meets a dose context that says avoid: the combination is forbidden
    at that drug's dose, so the remedy is to lower or change that drug (see interactions.yaml, `avoid`)."""
    doses = doses or {}
    return {c.drug for h in kb.pairs.get(frozenset((a, b)), ()) for c in h.dose
            if c.avoid and doses.get(c.drug) is not None and c.matches(doses[c.drug])}


def check_ids(kb: KnowledgeBase, ids: list[str], crcl: float | None = None,
              doses: dict[str, float] | None = None, days: dict[str, float] | None = None,
              routes: dict[str, str] | None = None, child_pugh: str | None = None,
              kidney_where: Callable[[float], str] | None = None) -> list[Finding]:
    out = []
    uniq = list(dict.fromkeys(ids))
    for a, b in itertools.combinations(uniq, 2):
        f = pair(kb, a, b, crcl, doses, days, routes, child_pugh, kidney_where)
        if f:
            out.append(f)
    out.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.drugs))
    return out


def group_findings(kb: KnowledgeBase, ids: list[str], days: dict[str, float] | None = None) -> list[Finding]:
    """Interactions of three or more drugs together (interactions.yaml `group_rules`: one distinct drug from each
    group), with the rule's duration contexts applied to the course of the drug in the named group."""
    uniq = list(dict.fromkeys(ids))
    out = []
    for g in kb.group_rules:
        picks: list[str] = []
        for grp in g["groups"]:
            hit = next((i for i in uniq if i not in picks and (i in grp.get("drugs", ()) or
                        set(grp.get("classes", ())) & set(kb.drug_info(i)["classes"]))), None)
            if hit is None:
                break
            picks.append(hit)
        else:
            ctx = tuple(DurationContext(picks[c["group"]], c["severity"], c["management"], c.get("upto_days"),
                                        c.get("over_days"), c.get("avoid", False)) for c in g.get("duration", ()))
            r = InteractionRule((picks[0], picks[1]), g["severity"], g["mechanism"], g["effect"], g["management"],
                                g["source"], g["id"], g.get("avoid", False), duration=ctx).in_context(None, None, days)
            out.append(Finding(tuple(kb.drug_name(i) for i in picks), tuple(picks), r.severity, r.mechanism, r.effect,
                               r.management, r.source, [g["id"]], r.avoid, r.management))
    return out


def duplicates(kb: KnowledgeBase, ids: list[str], labels: list[str] | None = None) -> list[Duplicate]:
    out: list[Duplicate] = []
    labels = labels or ids
    seen: dict[str, list[str]] = {}
    for i, label in zip(ids, labels):
        # by ingredient, so a combination counts too (Norco + Tylenol is two acetaminophens)
        for ing in _ingredients(kb, i):
            seen.setdefault(ing, []).append(label)
    for i, names in seen.items():
        if len(names) > 1:
            name = kb.drug_name(i) if i in kb.drugs or i in kb.interaction_only else i
            out.append(Duplicate("same_drug", names, text=f"{name} is listed {len(names)} times "
                                 f"({', '.join(names)})", source="medication reconciliation"))
    uniq = list(dict.fromkeys(ids))
    by_class: dict[str, list[str]] = {}
    for i in uniq:
        for k in kb.drug_info(i)["classes"]:
            if k in kb.duplicate_classes:
                by_class.setdefault(k, []).append(i)
    for k, members in sorted(by_class.items()):
        if len(members) > 1:
            names = [kb.drug_name(m) for m in members]
            out.append(Duplicate("same_class", names, k, f"Two {k.replace('_', ' ')} drugs: {', '.join(names)}",
                                 kb.duplicate_source))
    return out


def _ingredients(kb: KnowledgeBase, drug_id: str) -> tuple[str, ...]:
    lex = kb.lexicon
    if lex and drug_id in lex.products:
        return tuple(lex.products[drug_id]["ingredients"])
    if lex and drug_id in lex.ingredients and lex.ingredients[drug_id].get("form_of"):
        return (lex.ingredients[drug_id]["form_of"],)
    return (drug_id,)


def check_names(kb: KnowledgeBase, names: list[str]) -> InteractionReport:
    resolved, unknown = [], []
    for n in names:
        r = resolve_drug(kb, n)
        (resolved if r.ok else unknown).append(r)
    # a combination product is checked as each of its ingredients (Percocet + another opioid is caught)
    ids = [i for r in resolved for i in r.ids]
    labels = [r.query if len(r.ids) == 1 else f"{r.query} ({kb.drug_name(i)})" for r in resolved for i in r.ids]
    named = [(r.query, r.ids) for r in resolved]
    days = stated_courses(named)
    routes = typed_routes(resolved)
    findings = group_findings(kb, ids, days) + check_ids(kb, ids, doses=stated_doses(kb, named), days=days,
                                                         routes=routes)
    findings, route_notes = by_route(kb, findings, routes)
    findings.sort(key=lambda f: -SEVERITY_RANK[f.severity])
    dups = [d for d in duplicates(kb, ids, labels) if not local_duplicate(kb, d, typed_routes(resolved))]
    return InteractionReport(resolved, unknown, findings, dups, kb, route_notes)


def typed_routes(resolved: list[Resolution]) -> dict[str, str]:
    """drug id -> the route its typed name named ("hydrocortisone cream": topical), base ingredients only."""
    return {i: r.route for r in resolved if r.route for i in r.ids}


def by_route(kb: KnowledgeBase, findings: list[Finding], routes: dict[str, str]) -> tuple[list[Finding], list[str]]:
    """Findings graded by the routes typed (see medcore.therapy.routes): a systemic-only rule is not raised for
    a skin, eye or ear form unless its label states it for that form; the notes say why, with sources."""
    if not routes:
        return findings, []
    kept, notes = [], []
    for f in findings:
        s = kroutes.screen(kb, f, routes)
        if s.kept is not None:
            kept.append(s.kept)
        if s.note:
            notes.append(s.note)
    return kept, notes


def local_form(kb: KnowledgeBase, drug_id: str, routes: dict[str, str]) -> bool:
    """Was the drug typed as a skin, eye or ear form whose label keeps none of its systemic rules?"""
    data = kroutes.load(kroutes.routes_file(kb))
    route = routes.get(drug_id)
    return kroutes.is_local(route, data) and not any(
        k["route"] == route and "rules" not in k and drug_id in k.get("drugs", ()) for k in data.keeps)


def local_duplicate(kb: KnowledgeBase, d: Duplicate, routes: dict[str, str]) -> bool:
    """A same-class duplicate one of whose drugs is such a local form (hydrocortisone cream with prednisolone
    tablets is not two systemic steroids)."""
    return d.kind == "same_class" and any(kb.drug_name(i) in d.drugs and local_form(kb, i, routes) for i in routes)


def stated_courses(named: list[tuple[str, list[str]]]) -> dict[str, float]:
    """Course lengths stated in typed names ("clarithromycin 500 mg bid for 7 days", "paracetamol regularly"),
    for every ingredient of the entry."""
    out = {}
    for text, ids in named:
        days = course_days(text)
        if days is not None:
            out.update({i: days for i in ids})
    return out


# one amount taken once a week ("methotrexate 15 mg weekly", "20 mg once a week", "15 mg/week"): its amount on the
# day taken is the amount itself, which is what a dose context compares (methotrexate's bands are per dose-day)
_WEEKLY = re.compile(r"(?<!\d)(\d+(?:\.\d+)?)\s*(mg|mcg|g|units?)\s*(?:once\s+)?(?:weekly|a week|per week|every week|/\s*week)\b",
                     re.I)


def stated_doses(kb: KnowledgeBase, named: list[tuple[str, list[str]]]) -> dict[str, float]:
    """Daily amounts stated in typed names ("simvastatin 40 mg daily"; a once-weekly dose counts on its day), for
    single-ingredient entries."""
    out = {}
    for text, ids in named:
        if len(ids) == 1:
            unit = (kb.drugs.get(ids[0]) or {}).get("unit", "mg")
            daily = titration_daily_max(text, unit, 1.0)
            weekly = [m for m in _WEEKLY.finditer(text) if m.group(2).lower().rstrip("s") == unit.lower().rstrip("s")]
            if daily is None and len(weekly) == 1:
                daily = float(weekly[0].group(1))
            if daily is not None:
                out[ids[0]] = daily
    return out
