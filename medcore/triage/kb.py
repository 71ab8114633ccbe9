"""Load and check the triage knowledge base (assets/kb/triage) into arrays the engine uses.

Naive Bayes with leak: P(finding | condition) is the listed likelihood, or the finding's
leak rate when the condition does not list it. Conditions are treated as mutually
exclusive explanations of the presenting complaint (one main diagnosis per consult),
which is what the differential ranks.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from medcore import kbyaml
from medcore.errors import DomainError
from medcore.triage import schema

LEVELS = tuple(schema.LEVELS)  # most to least acute
LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}  # 0 = emergency
AGE_BANDS = ("child", "adult", "older")


class KBError(DomainError):
    """The knowledge base failed its schema or cross-reference checks."""


@dataclass(frozen=True)
class Finding:
    id: str
    name: str
    category: str
    leak: float
    question: str
    synonyms: tuple[str, ...]
    absent_synonyms: tuple[str, ...] = ()
    # phrases that contain a synonym but do not mean the finding ('cut down on smoking' is not a cut)
    not_synonyms: tuple[str, ...] = ()
    # a person's "no" cannot be trusted in full (confusion, unmeasured fever): never a hallmark's full-weight no
    unreliable_no: bool = False


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    icd10: str
    system: str
    triage: str
    prior: dict
    sex: dict
    red_flags: tuple[str, ...]
    source: str
    likelihoods: dict  # finding id -> (p, source)
    education: dict
    typical_ages: tuple[float, float, float] | None = None  # (lo, hi, prior factor outside [lo, hi))


@dataclass(frozen=True)
class RedFlagRule:
    id: str
    level: str
    all: tuple[str, ...]
    any: tuple[str, ...]
    none: tuple[str, ...]
    reason: str
    source: str
    # the rule holds back only when every one of these is said to be absent ('not feverish'); unknown keeps it
    unless_denied: tuple[str, ...] = ()

    def fires(self, present: set[str], denied: set[str] = frozenset()) -> bool:
        if self.all and not all(f in present for f in self.all):
            return False
        if self.any and not any(f in present for f in self.any):
            return False
        if any(f in present for f in self.none):
            return False
        if self.unless_denied and all(f in denied for f in self.unless_denied):
            return False
        return bool(self.all or self.any)


@dataclass
class KnowledgeBase:
    findings: list[Finding]
    conditions: list[Condition]
    rules: list[RedFlagRule]
    crisis: dict
    implies: dict  # specific finding id -> general finding ids it implies
    body_pain: dict  # {"pain_words": [...], "parts": {word: finding id}}
    source_files: list[str]
    digest: str
    finding_index: dict = field(default_factory=dict)
    condition_index: dict = field(default_factory=dict)
    lik: np.ndarray = None  # (C, F) P(f | c)
    prior_band: np.ndarray = None  # (C, 3) unnormalised priors by age band
    sex_mult: np.ndarray = None  # (C, 2) female, male multipliers
    level_idx: np.ndarray = None  # (C,) index into LEVELS
    listed: np.ndarray = None  # (C, F) True where the condition lists the finding (not just the leak)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # {"window": n, "swelling_words": [...], "parts": {word: finding id}, "source": ...}: 'my ankle has swollen up'
    body_swelling: dict = field(default_factory=lambda: {"window": 1, "swelling_words": [], "parts": {}})
    body_states: tuple = ()  # findings.yaml body_states: more part-and-state readings like body_swelling
    age_windows: tuple = ()  # (condition index, (lo, hi, outside)) for conditions with typical_ages
    # red_flags.yaml milder_forms: {milder finding: red flags it holds back} ('stridor only when upset': no
    # airway emergency, rules.decide)
    milder_forms: dict = field(default_factory=dict)
    # red_flags.yaml needs_support: findings that are a condition's red flag only when the condition is possible
    # without them (a faint alone is no warning sign of a lung clot: rules.decide)
    needs_support: tuple = ()
    # findings.yaml antecedents: {finding: the finding it is when told as a past episode} ('had a sore throat 2
    # weeks ago' is a recent sore throat, triage/antecedents.py)
    antecedents: dict = field(default_factory=dict)
    # findings.yaml antecedents own_event: history findings an antecedent maps to only when the past part tells that
    # event itself, a month or more ago ('I had a stroke last year, my face drooped then'; session 30)
    antecedent_events: frozenset = frozenset()
    # findings.yaml antecedents old_events: acute events that, told a month or more ago, are no event now (session 30
    # review: 'she had a seizure years ago', triage/antecedents.drop_old_events)
    old_events: frozenset = frozenset()
    # findings.yaml relative_conditions: {a relative's illness: the family-history finding it gives} (relatives.py)
    relative_conditions: dict = field(default_factory=dict)

    def implied_by(self, fid: str) -> tuple[str, ...]:
        """Specific findings that imply `fid` (so 'no chest pain' rules them out too)."""
        return tuple(k for k, vs in self.implies.items() if fid in vs)

    def finding(self, fid: str) -> Finding:
        return self.findings[self.finding_index[fid]]

    def condition(self, cid: str) -> Condition:
        return self.conditions[self.condition_index[cid]]

    def prior(self, age: float | None, sex: str | None) -> np.ndarray:
        """Normalised prior over conditions for this age and sex (unknowns average the bands)."""
        if age is None:
            p = self.prior_band.mean(axis=1)
        else:
            p = self.prior_band[:, AGE_BANDS.index(age_band(age))].copy()
            for ci, (lo, hi, outside) in self.age_windows:  # 'Perthes at 4-10, a slipped hip at 9-15'
                if not lo <= age < hi:
                    p[ci] *= outside
        if sex in ("female", "male"):
            p = p * self.sex_mult[:, 0 if sex == "female" else 1]
        else:
            p = p * self.sex_mult.mean(axis=1)
        total = p.sum()
        if total <= 0:  # e.g. impossible combination: fall back to the sex-free prior
            p = self.prior_band.mean(axis=1)
            total = p.sum()
        return p / total


def _typical_ages(c: dict) -> tuple[float, float, float] | None:
    t = c.get("typical_ages")
    if t is None:
        return None
    lo, hi = (float(x) for x in t["range"])
    if lo >= hi:
        raise KBError(f"condition {c['id']}: typical_ages range must rise")
    return lo, hi, float(t.get("outside", 1.0))


def age_band(age: float) -> str:
    if age < 16:
        return "child"
    if age < 65:
        return "adult"
    return "older"


def validate_doc(doc, sch, name: str) -> None:
    import jsonschema

    from medcore.knowledge.validate import first_error

    if first_error(doc, sch) is None:  # one pass of a cached validator; the ranked error below only for a bad file
        return
    try:
        jsonschema.validate(doc, sch)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path)
        raise KBError(f"{name}: {exc.message} at {where or 'top level'}") from None


def _read(path: Path):
    try:
        return kbyaml.load(path)
    except kbyaml.KBYamlError as exc:
        raise KBError(str(exc)) from exc


def load_kb(kb_dir: str | Path) -> KnowledgeBase:
    """Read, schema-check and cross-check the triage KB. Cached per directory and file contents."""
    kb_dir = Path(kb_dir)
    if kb_dir.name != "triage":
        kb_dir = kb_dir / "triage"
    files = [kb_dir / "findings.yaml", kb_dir / "red_flags.yaml", *sorted(kb_dir.glob("conditions_*.yaml"))]
    missing = [str(p) for p in files if not p.is_file()]
    if missing or len(files) < 3:
        raise KBError(f"triage knowledge base incomplete: missing {missing or 'conditions_*.yaml'}")
    h = hashlib.sha256()
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return _load_cached(str(kb_dir), h.hexdigest())


@lru_cache(maxsize=4)
def _load_cached(kb_dir: str, digest: str) -> KnowledgeBase:
    d = Path(kb_dir)
    fdoc = _read(d / "findings.yaml")
    validate_doc(fdoc, schema.FINDINGS, "findings.yaml")
    more, more_absent = fdoc.get("more_synonyms") or {}, fdoc.get("more_absent_synonyms") or {}
    unknown = sorted((set(more) | set(more_absent)) - {f["id"] for f in fdoc["findings"]})
    if unknown:
        raise KBError(f"findings.yaml: more_synonyms for unknown findings {unknown}")
    findings = [Finding(f["id"], f["name"], f["category"], float(f["leak"]), f["question"],
                        tuple(dict.fromkeys(s.strip() for s in (*f["synonyms"], *more.get(f["id"], ())))),
                        tuple(dict.fromkeys(s.strip() for s in (*f.get("absent_synonyms", []),
                                                                *more_absent.get(f["id"], ())))),
                        tuple(s.strip() for s in f.get("not_synonyms", [])),
                        bool(f.get("unreliable_no", False))) for f in fdoc["findings"]]
    f_index = {f.id: i for i, f in enumerate(findings)}
    if len(f_index) != len(findings):
        raise KBError("findings.yaml: duplicate finding ids")

    conditions: list[Condition] = []
    cond_files = sorted(d.glob("conditions_*.yaml"))
    for path in cond_files:
        cdoc = _read(path)
        validate_doc(cdoc, schema.CONDITIONS, path.name)
        for c in cdoc["conditions"]:
            liks = {}
            for fid, val in c["findings"].items():
                if fid not in f_index:
                    raise KBError(f"{path.name}: condition {c['id']} uses unknown finding {fid!r}")
                p, src = (val[0], val[1]) if isinstance(val, list) else (val, c["source"])
                liks[fid] = (float(p), src)
            for fid in c["red_flags"]:
                if fid not in f_index:
                    raise KBError(f"{path.name}: condition {c['id']} red flag {fid!r} is not a finding")
            conditions.append(Condition(c["id"], c["name"], c["icd10"], c["system"], c["triage"], dict(c["prior"]),
                                        dict(c["sex"]), tuple(c["red_flags"]), c["source"], liks,
                                        dict(c["education"]), _typical_ages(c)))
    implies = {k: tuple(v) for k, v in (fdoc.get("implies") or {}).items()}
    for k, vs in implies.items():
        for fid in (k, *vs):
            if fid not in f_index:
                raise KBError(f"findings.yaml: implies uses unknown finding {fid!r}")
    body_pain = fdoc.get("body_pain") or {"pain_words": [], "parts": {}}
    for fid in (*body_pain["parts"].values(), *(body_pain.get("behind") or {}).values()):
        if fid not in f_index:
            raise KBError(f"findings.yaml: body_pain maps to unknown finding {fid!r}")
    body_swelling = fdoc.get("body_swelling") or {"window": 1, "swelling_words": [], "parts": {}}
    antecedents = dict((fdoc.get("antecedents") or {}).get("map") or {})
    for fid in (*antecedents, *antecedents.values()):
        if fid not in f_index:
            raise KBError(f"findings.yaml: antecedents uses unknown finding {fid!r}")
    antecedent_events = frozenset((fdoc.get("antecedents") or {}).get("own_event") or ())
    for fid in antecedent_events:
        if fid not in set(antecedents.values()):
            raise KBError(f"findings.yaml: antecedents own_event {fid!r} is no antecedent of the map")
    old_events = frozenset((fdoc.get("antecedents") or {}).get("old_events") or ())
    for fid in old_events:
        if fid not in f_index:
            raise KBError(f"findings.yaml: antecedents old_events uses unknown finding {fid!r}")
    body_states = tuple(fdoc.get("body_states") or ())
    # a part may name a sense the chat has no finding for ('none': 'a lumbar disc prolapse' is no vaginal bulge)
    for fid in [f for st in body_states for f in (*st["parts"].values(), *st.get("replaces", ())) if f != "none"]:
        if fid not in f_index:
            raise KBError(f"findings.yaml: body_states maps to unknown finding {fid!r}")
    relative_conditions = dict((fdoc.get("relative_conditions") or {}).get("map") or {})
    for fid in relative_conditions.values():
        if fid not in f_index:
            raise KBError(f"findings.yaml: relative_conditions maps to unknown finding {fid!r}")
    for fid in body_swelling["parts"].values():
        if fid not in f_index:
            raise KBError(f"findings.yaml: body_swelling maps to unknown finding {fid!r}")
    c_index = {c.id: i for i, c in enumerate(conditions)}
    if len(c_index) != len(conditions):
        raise KBError("duplicate condition ids across conditions_*.yaml")

    rdoc = _read(d / "red_flags.yaml")
    validate_doc(rdoc, schema.RULES, "red_flags.yaml")
    rules = []
    for r in rdoc["rules"]:
        for fid in (*r.get("all", []), *r.get("any", []), *r.get("none", []), *r.get("unless_denied", [])):
            if fid not in f_index:
                raise KBError(f"red_flags.yaml: rule {r['id']} uses unknown finding {fid!r}")
        rules.append(RedFlagRule(r["id"], r["level"], tuple(r.get("all", [])), tuple(r.get("any", [])),
                                 tuple(r.get("none", [])), r["reason"], r["source"],
                                 tuple(r.get("unless_denied", []))))

    milder = {k: tuple(v) for k, v in (rdoc.get("milder_forms") or {}).get("forms", {}).items()}
    for fid in (*milder, *(f for v in milder.values() for f in v)):
        if fid not in f_index:
            raise KBError(f"red_flags.yaml: milder_forms uses unknown finding {fid!r}")
    needs_support = tuple((rdoc.get("needs_support") or {}).get("findings", []))
    for fid in needs_support:
        if fid not in f_index:
            raise KBError(f"red_flags.yaml: needs_support uses unknown finding {fid!r}")
    C, F = len(conditions), len(findings)
    leak = np.array([f.leak for f in findings], dtype=np.float64)
    lik = np.tile(leak, (C, 1))
    for ci, c in enumerate(conditions):
        for fid, (p, _src) in c.likelihoods.items():
            lik[ci, f_index[fid]] = p
    lik = np.clip(lik, 1e-4, 1 - 1e-4)
    listed = np.zeros((C, F), dtype=bool)
    for ci, c in enumerate(conditions):
        for fid in c.likelihoods:
            listed[ci, f_index[fid]] = True
    prior_band = np.array([[c.prior[b] for b in AGE_BANDS] for c in conditions], dtype=np.float64)
    sex_mult = np.array([[c.sex["female"], c.sex["male"]] for c in conditions], dtype=np.float64)
    level_idx = np.array([LEVEL_RANK[c.triage] for c in conditions], dtype=np.int64)
    return KnowledgeBase(findings, conditions, rules, dict(rdoc["crisis_resources"]), implies, body_pain,
                         [str(p) for p in [d / "findings.yaml", d / "red_flags.yaml", *cond_files]], digest,
                         f_index, c_index, lik, prior_band, sex_mult, level_idx, listed=listed,
                         body_swelling=body_swelling, body_states=body_states, milder_forms=milder, needs_support=needs_support,
                         antecedents=antecedents, antecedent_events=antecedent_events, old_events=old_events,
                         relative_conditions=relative_conditions,
                         age_windows=tuple((ci, c.typical_ages) for ci, c in enumerate(conditions)
                                           if c.typical_ages and c.typical_ages[2] != 1.0))


def kb_stats(kb: KnowledgeBase) -> dict:
    pairs = sum(len(c.likelihoods) for c in kb.conditions)
    by_level = {lvl: sum(1 for c in kb.conditions if c.triage == lvl) for lvl in LEVELS}
    return {"conditions": len(kb.conditions), "findings": len(kb.findings), "likelihood_pairs": pairs,
            "synonyms": sum(len(f.synonyms) for f in kb.findings), "red_flag_rules": len(kb.rules),
            "conditions_by_level": by_level}
