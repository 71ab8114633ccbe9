"""Drug-drug interaction rules: explicit pairs plus class rules expanded to member pairs.

One home for the expansion: the therapy KB (`medcore.therapy.kb`) and the knowledge graph both call
`expand_interactions` over drugs described by `risk_profile` (classes and risk flags from the drug
lexicon), so a class rule means the same pairs in the planner and in the graph."""

from __future__ import annotations

import itertools
from collections.abc import Callable
import math
from dataclasses import dataclass, replace

SEVERITY_RANK = {"contraindicated": 4, "major": 3, "moderate": 2, "minor": 1}
_QT = (("qt_known_risk", "known"), ("qt_possible_risk", "possible"), ("qt_conditional_risk", "conditional"))


def risk_profile(lex, drug_id: str) -> dict:
    """What a class rule can test of a drug of the lexicon (`drug_lexicon.DrugLexicon`): every class with
    its ancestors, the serotonergic and CNS-depressant groups and the QT risk category."""
    classes = lex.drug_classes[drug_id]
    e = lex.ingredients.get(drug_id) or lex.products[drug_id]
    out = {"id": drug_id, "name": e["name"], "classes": sorted(classes), "source": e["source"],
           "serotonergic": "serotonergic" in classes, "cns_depressant": "cns_depressant" in classes,
           "interaction_only": True}
    qt = next((v for k, v in _QT if k in classes), None)
    if qt:
        out["qt"] = qt
    return out


@dataclass(frozen=True)
class InteractionRule:
    drugs: tuple[str, str]
    severity: str
    mechanism: str
    effect: str
    management: str
    source: str
    rule: str  # "pair" or the class rule id it came from
    avoid: bool = False  # the source says to avoid the combination, not just monitor or adjust
    # where the label makes severity depend on kidney function: below a context's `below` mL/min CrCl
    # the rule reads with that context's severity, management and avoid flag instead (see `in_context`)
    renal: tuple[RenalContext, ...] = ()
    # where the label makes severity depend on the daily dose of one drug (see DoseContext)
    dose: tuple["DoseContext", ...] = ()
    # where the source makes severity or management depend on how long one drug is taken (see DurationContext)
    duration: tuple["DurationContext", ...] = ()
    # the effect outlasts a stopped drug by `days` (induction wearing off; an MAOI or antidepressant washout), per drug
    persists: tuple["Persists", ...] = ()
    # where the label states the rule for one route only (IM olanzapine with a parenteral benzodiazepine): the rule
    # holds only when each drug named here was typed with one of its routes (see RouteNeed)
    routes: tuple["RouteNeed", ...] = ()
    # where the label makes severity depend on liver function (colchicine with a strong CYP3A4 inhibitor: not in
    # hepatic impairment): for a patient of a listed Child-Pugh class the rule reads with that context (HepaticContext)
    hepatic: tuple["HepaticContext", ...] = ()
    # where the labels make severity depend on which drug is started while the other is taken (an SSRI is not to be
    # started during linezolid, while linezolid may be given urgently to a patient on an SSRI): see DirectionContext
    direction: tuple["DirectionContext", ...] = ()

    def route_ok(self, typed: dict[str, str] | None) -> bool:
        """Does the route each drug was typed with ("olanzapine 10 mg IM": im) meet this rule's route needs?"""
        return all(n.met(typed or {}) for n in self.routes)

    def in_context(self, crcl: float | None, doses: dict[str, float] | None = None,
                   days: dict[str, float] | None = None, child_pugh: str | None = None,
                   kidney_where: Callable[[float], str] | None = None, added: str | None = None) -> "InteractionRule":
        """The rule as it reads for a patient with this creatinine clearance (the lowest threshold above it
        applies), these daily doses (drug id -> amount/day), these courses (drug id -> days; math.inf for
        long-term) and this Child-Pugh class. Unknown kidney function, dose or course keeps the base severity, but
        the management names every threshold so the reader knows to check; no Child-Pugh class means no known
        liver impairment (the management still names the hepatic context). `kidney_where(below)` says the kidney
        comparison when the caller's value is not a measured CrCl (an eGFR standing in: the planner's renal_where).
        `added`: the drug being started in a patient who already takes the other (the planner's proposed option);
        None for a plain pair check, which keeps the base (more severe) reading and says why."""
        rule = self._in_direction_context(added) if self.direction else self
        rule = rule._in_renal_context(crcl, kidney_where)
        rule = rule._in_hepatic_context(child_pugh) if self.hepatic else rule
        rule = rule._in_dose_context(doses or {}) if self.dose else rule
        return rule._in_duration_context(days or {}) if self.duration else rule

    def _in_direction_context(self, added: str | None) -> "InteractionRule":
        hit = next((c for c in self.direction if c.drug == added), None)
        if hit is None:
            extra = "; ".join(f"{c.label()}: {c.management}" for c in self.direction)
            return replace(self, management=f"{self.management}. Which drug is the new one is not known, so the more "
                                            f"severe reading is given: {extra}")
        return replace(self, severity=hit.severity, avoid=hit.avoid, management=f"{hit.label()}: {hit.management}",
                       source=f"{self.source}; {hit.source}")

    def _in_duration_context(self, days: dict[str, float]) -> "InteractionRule":
        known = [c for c in self.duration if days.get(c.drug) is not None]
        hit = next((c for c in known if c.matches(days[c.drug])), None)
        if hit is None:
            if known:
                return self
            extra = "; ".join(f"{c.label()}: {c.management}" for c in self.duration)
            return replace(self, management=f"{self.management}. Course not known: {extra}")
        n = days[hit.drug]
        course = "long-term" if math.isinf(n) else f"{n:g} day{'s' if n != 1 else ''}"
        return replace(self, severity=hit.severity, avoid=hit.avoid,
                       management=f"{hit.drug.replace('-', '/')} {course} ({hit.label()}): {hit.management}")

    def _in_dose_context(self, doses: dict[str, float]) -> "InteractionRule":
        known = [c for c in self.dose if doses.get(c.drug) is not None]
        hit = next((c for c in known if c.matches(doses[c.drug])), None)
        if hit is None:
            if known:  # every context of a known dose was checked and none applies: the base rule stands
                return self
            extra = "; ".join(f"{c.label()}: {c.management}" for c in self.dose)
            return replace(self, management=f"{self.management}. Dose not known: {extra}")
        amount = doses[hit.drug]
        return replace(self, severity=hit.severity, avoid=hit.avoid,
                       management=f"{hit.drug.replace('-', '/')} {amount:g} {hit.unit}/day ({hit.label()}): "
                                  f"{hit.management}")

    def _in_hepatic_context(self, child_pugh: str | None) -> "InteractionRule":
        hit = next((h for h in self.hepatic if child_pugh and child_pugh.upper() in h.child_pugh), None)
        if hit is None:
            extra = "; ".join(f"if Child-Pugh {'/'.join(h.child_pugh)}: {h.management}" for h in self.hepatic)
            return replace(self, management=f"{self.management}. Liver: {extra}")
        if SEVERITY_RANK[hit.severity] < SEVERITY_RANK[self.severity]:
            return self  # a kidney context already reads more severe
        return replace(self, severity=hit.severity, avoid=hit.avoid,
                       management=f"Child-Pugh {child_pugh.upper()}: {hit.management}")

    def _in_renal_context(self, crcl: float | None, where: Callable[[float], str] | None = None) -> "InteractionRule":
        if not self.renal:
            return self
        if crcl is None:
            extra = "; ".join(f"if CrCl < {r.below:g} mL/min: {r.management}" for r in self.renal)
            return replace(self, management=f"{self.management}. Kidney function unknown: {extra}")
        r = min((r for r in self.renal if crcl < r.below), key=lambda r: r.below, default=None)
        if r is None:
            return self
        said = where(r.below) if where else f"CrCl {crcl:.0f} < {r.below:g} mL/min"
        return replace(self, severity=r.severity, management=f"{said}: {r.management}", avoid=r.avoid)


@dataclass(frozen=True)
class RenalContext:
    below: float  # creatinine clearance, mL/min
    severity: str
    management: str
    avoid: bool = False


@dataclass(frozen=True)
class HepaticContext:
    child_pugh: tuple[str, ...]  # the Child-Pugh classes (A, B, C) the label's hepatic impairment covers
    severity: str
    management: str
    avoid: bool = False


@dataclass(frozen=True)
class DoseContext:
    drug: str
    severity: str
    management: str
    upto: float | None = None  # daily amount, inclusive, in the drug's unit
    above: float | None = None
    avoid: bool = False
    unit: str = "mg"
    atleast: float | None = None  # inclusive lower bound, where the source says "N mg/day or more" (perampanel 12)

    def matches(self, amount: float) -> bool:
        if self.upto is not None:
            return amount <= self.upto + 1e-9
        return amount >= self.atleast - 1e-9 if self.atleast is not None else amount > self.above + 1e-9

    def label(self) -> str:
        name = self.drug.replace("-", "/")
        if self.atleast is not None:
            return f"{name} {self.atleast:g} {self.unit}/day or more"
        limit = f"up to {self.upto:g}" if self.upto is not None else f"above {self.above:g}"
        return f"{name} {limit} {self.unit}/day"


@dataclass(frozen=True)
class DurationContext:
    """`upto_days` (inclusive) or `over_days` of a course of `drug`; a long-term course is math.inf days."""
    drug: str
    severity: str
    management: str
    upto_days: float | None = None
    over_days: float | None = None
    avoid: bool = False

    def matches(self, days: float) -> bool:
        return days <= self.upto_days + 1e-9 if self.upto_days is not None else days > self.over_days + 1e-9

    def label(self) -> str:
        name = self.drug.replace("-", "/")
        return (f"{name} for up to {self.upto_days:g} days" if self.upto_days is not None
                else f"{name} for more than {self.over_days:g} days")


@dataclass(frozen=True)
class DirectionContext:
    """The reading when `drug` is the one started (or proposed) while the patient already takes the other drug."""
    drug: str
    severity: str
    management: str
    source: str
    avoid: bool = False

    def label(self) -> str:
        return f"{self.drug.replace('-', ' ')} started while the other is already taken"


@dataclass(frozen=True)
class RouteNeed:
    """A rule side written for some routes of `drug` only. A drug typed without a route meets it only when
    `unstated` is set: the side whose route defines the label's rule must be typed with it (oral olanzapine, or
    olanzapine with no route, is not IM olanzapine), while a partner often typed without its route may be set to
    count, so the warning is not lost (its management says which route it is about)."""
    drug: str
    routes: tuple[str, ...]
    unstated: bool = False

    def met(self, typed: dict[str, str]) -> bool:
        route = typed.get(self.drug)
        return route in self.routes if route else self.unstated


@dataclass(frozen=True)
class Persists:
    """The interaction goes on for about `days` after `drug` is stopped (slow offset, or a label's washout)."""
    drug: str
    days: float
    management: str


def _bind(c: dict, a: str, b: str) -> str:
    """A context names its drug directly (pairs) or by the side of a class rule it is on (`side: a|b`)."""
    return c["drug"] if "drug" in c else {"a": a, "b": b}[c["side"]]


def _duration(entry: dict, a: str, b: str) -> tuple[DurationContext, ...]:
    return tuple(DurationContext(_bind(c, a, b), c["severity"], c["management"], c.get("upto_days"),
                                 c.get("over_days"), c.get("avoid", False)) for c in entry.get("duration", ()))


def _persists(entry: dict, a: str, b: str) -> tuple[Persists, ...]:
    """`persists` (a mapping or a list), each bound to its drug, with that drug's `days_by` days (fluoxetine: 35)."""
    return tuple(Persists(_bind(c, a, b), float(c.get("days_by", {}).get(_bind(c, a, b), c["days"])), c["management"])
                 for c in _as_list(entry.get("persists")))


def _as_list(c: dict | list | None) -> list[dict]:
    return [c] if isinstance(c, dict) else list(c or [])


def _dose(entry: dict) -> tuple[DoseContext, ...]:
    return tuple(DoseContext(c["drug"], c["severity"], c["management"], c.get("upto"), c.get("above"),
                             c.get("avoid", False), c.get("unit", "mg"), c.get("atleast"))
                 for c in entry.get("dose", ()))


def _direction(entry: dict, a: str, b: str, error: type[Exception]) -> tuple[DirectionContext, ...]:
    """A rule's direction contexts; the base severity must be their most severe (read when the new drug is unknown)."""
    out = tuple(DirectionContext(_bind(c, a, b), c["severity"], c["management"], c["source"], c.get("avoid", False))
                for c in entry.get("direction", ()))
    if out and SEVERITY_RANK[entry["severity"]] != max(SEVERITY_RANK[c.severity] for c in out):
        raise error(f"interactions.yaml: {entry.get('id') or '+'.join(entry['drugs'])}: the base severity must be "
                    "the most severe direction's")
    return out


def _route_needs(rule: dict, a: str, b: str) -> tuple[RouteNeed, ...]:
    """The route needs of a class rule's sides (`routes`, `route_unstated` on side a or b) for the pair (a, b)."""
    return tuple(RouteNeed(d, tuple(rule[side]["routes"]), rule[side].get("route_unstated", False))
                 for side, d in (("a", a), ("b", b)) if "routes" in rule[side])


def _hepatic(entry: dict) -> tuple[HepaticContext, ...]:
    return tuple(HepaticContext(tuple(h["child_pugh"]), h["severity"], h["management"], h.get("avoid", False))
                 for h in entry.get("hepatic", ()))


def _renal(entry: dict) -> tuple[RenalContext, ...]:
    return tuple(RenalContext(float(r["below"]), r["severity"], r["management"], r.get("avoid", False))
                 for r in entry.get("renal", ()))


def matches(drug: dict, m: dict) -> bool:
    """Does a drug entry satisfy one side of a class rule (drug id, class, QT risk or a flag)?"""
    if "drug" in m and drug["id"] != m["drug"]:
        return False
    if "drugs" in m and drug["id"] not in m["drugs"]:
        return False
    if "class" in m and m["class"] not in drug["classes"]:
        return False
    if "not_class" in m and m["not_class"] in drug["classes"]:
        return False
    if drug["id"] in m.get("not_drugs", ()):
        return False
    if "any" in m and not any(matches(drug, sub) for sub in m["any"]):  # one of several classes or drug lists
        return False
    if "qt" in m and drug.get("qt") not in m["qt"]:
        return False
    # `routes` / `route_unstated` do not select drugs: they gate the rule by the typed route (RouteNeed)
    if "flag" in m:
        flag = m["flag"]
        if flag == "anticholinergic":
            if drug.get("acb", 0) < 3:
                return False
        elif not drug.get(flag, False):
            return False
    return True


def expand_interactions(data: dict, drugs: dict[str, dict], classes: dict[str, set[str]],
                        error: type[Exception] = ValueError):
    """`data` is interactions.yaml; returns ({frozenset(a, b): [InteractionRule]}, explicit pair count).
    An unknown drug or class raises `error` (the caller's KB error type)."""
    pairs: dict[frozenset, list[InteractionRule]] = {}
    explicit: set[frozenset] = set()
    for p in data["pairs"]:
        a, b = p["drugs"]
        for x in (a, b):
            if x not in drugs:
                raise error(f"interactions.yaml: pair {a}+{b}: unknown drug {x!r} (not in the drug lexicon)")
        key = frozenset((a, b))
        if len(key) != 2:
            raise error(f"interactions.yaml: pair {a}+{b} names the same drug twice")
        if key in explicit:
            raise error(f"interactions.yaml: pair {a}+{b} listed twice")
        explicit.add(key)
        for kind, contexts in (("dose", p.get("dose", ())), ("duration", p.get("duration", ())),
                               ("persists", _as_list(p.get("persists"))),
                               ("direction", p.get("direction", ()))):
            for c in contexts:
                if c.get("drug") not in (a, b):
                    raise error(f"interactions.yaml: pair {a}+{b}: {kind} context names {c.get('drug')!r}, "
                                "not one of the pair")
        if p.get("dose") and p.get("duration"):
            raise error(f"interactions.yaml: pair {a}+{b}: give dose or duration contexts, not both")
        pairs[key] = [InteractionRule((a, b), p["severity"], p["mechanism"], p["effect"], p["management"],
                                      p["source"], "pair", p.get("avoid", False), _renal(p), _dose(p),
                                      _duration(p, a, b), _persists(p, a, b), hepatic=_hepatic(p),
                                      direction=_direction(p, a, b, error))]
    for rule in data["class_rules"]:
        for m in (s for side in ("a", "b") for s in (rule[side], *rule[side].get("any", ()))):
            for k in (m.get("class"), m.get("not_class")):
                if k is not None and k not in classes:
                    raise error(f"interactions.yaml: class rule {rule['id']}: no drug has class {k!r}")
            for d in ([m["drug"]] if "drug" in m else []) + list(m.get("drugs", [])) + list(m.get("not_drugs", [])):
                if d not in drugs:
                    raise error(f"interactions.yaml: class rule {rule['id']}: unknown drug {d!r}")
        if rule.get("dose") and rule.get("duration"):
            raise error(f"interactions.yaml: class rule {rule['id']}: give dose or duration contexts, not both")
        if bad := [d for c in _as_list(rule.get("persists")) for d in c.get("days_by", {}) if d not in drugs]:
            raise error(f"interactions.yaml: class rule {rule['id']}: persists days_by names unknown drugs {bad}")
        side_a = [d["id"] for d in drugs.values() if matches(d, rule["a"])]
        side_b = [d["id"] for d in drugs.values() if matches(d, rule["b"])]
        for a, b in itertools.product(side_a, side_b):
            key = frozenset((a, b))
            if a == b or key in explicit:
                continue  # an explicit pair is more specific than any class rule
            hits = pairs.setdefault(key, [])
            if any(h.rule == rule["id"] for h in hits):
                continue
            hits.append(InteractionRule(tuple(sorted((a, b))), rule["severity"], rule["mechanism"], rule["effect"],
                                        rule["management"], rule["source"], rule["id"], rule.get("avoid", False),
                                        _renal(rule), _dose(rule), _duration(rule, a, b), _persists(rule, a, b),
                                        _route_needs(rule, a, b), _hepatic(rule), _direction(rule, a, b, error)))
    return pairs, len(explicit)


def route_conditions(drugs: dict[str, dict], routes_doc: dict) -> Callable[[InteractionRule], dict]:
    """How an expanded rule depends on the routes its drugs are given by, as edge data for the knowledge graph (the
    planner applies the same data per typed name: medcore.therapy.routes): a function of the rule. `routes_doc`: the
    drug lexicon's routes.yaml. Every rule is for the medicines as they reach the blood, so it is not raised for a
    skin, eye or ear form (`not_for_routes`) unless the label keeps it for that form (`kept_for`, with the label's
    grade); absorbed forms with a label grade of their own are listed there too. A rule written for some routes only
    (IM olanzapine) names them (`route_needs`). The local routes and each drug's label exceptions (`keeps`) are
    worked out once for all rules, not once per rule (the graph has about 25,000 interaction edges)."""
    local = sorted(r for r, e in routes_doc.get("exposure", {}).items() if not e.get("systemic", True))
    keeps = routes_doc.get("keeps", [])
    by_drug: dict[str, list[dict]] = {}

    def keeps_of(d: str) -> list[dict]:
        got = by_drug.get(d)
        if got is None:
            classes = set(drugs.get(d, {}).get("classes", ()))
            got = by_drug[d] = [k for k in keeps if d in k.get("drugs", ()) or classes & set(k.get("classes", ()))]
        return got

    def condition(rule: InteractionRule) -> dict:
        kept = [{"drug": d, "route": k["route"], "severity": k.get("severity", rule.severity), "source": k["source"]}
                for d in rule.drugs for k in keeps_of(d) if "rules" not in k or rule.rule in k["rules"]]
        out: dict = {"not_for_routes": list(local), "kept_for": kept}
        if rule.routes:
            out["route_needs"] = [{"drug": n.drug, "routes": list(n.routes), "route_unstated": n.unstated}
                                  for n in rule.routes]
        return out

    return condition
