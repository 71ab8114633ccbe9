"""The chat's safety rules as data (assets/kb/triage/safety.yaml): questions that must be asked
before an interview ends, contradictions to flag, and how cautious the shown result is.
Schema-checked and cross-checked against the triage KB at load."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from medcore import kbyaml
from medcore.triage.kb import KBError, KnowledgeBase, validate_doc

_SOURCE = {"type": "string", "minLength": 3}
_IDS = {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9_]+$"}}
_AGE = {"type": "number", "minimum": 0, "maximum": 120}
SCHEMA = {
    "type": "object",
    "required": ["result", "required_questions", "contradictions", "semigran_levels", "source"],
    "properties": {
        "version": {"type": "integer"},
        "source": _SOURCE,
        "result": {
            "type": "object", "additionalProperties": False,
            "required": ["rank_min_p", "rule_out_min_p", "rule_out_max", "source"],
            "properties": {"rank_min_p": {"type": "number", "minimum": 0, "maximum": 1},
                           "rule_out_min_p": {"type": "number", "minimum": 0, "maximum": 1},
                           "rule_out_max": {"type": "integer", "minimum": 0},
                           "early_net_signs": {"type": "array", "items": {"type": "string", "minLength": 1}},
                           "source": _SOURCE},
        },
        "semigran_levels": {
            "type": "object", "additionalProperties": False,
            "required": ["emergency", "urgent", "routine", "self_care", "source"],
            "properties": {**{lvl: {"enum": ["emergent", "non_emergent", "self_care"]}
                              for lvl in ("emergency", "urgent", "routine", "self_care")}, "source": _SOURCE},
        },
        "required_questions": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["id", "any_present", "ask", "source"],
            "properties": {"id": {"type": "string"}, "sex": {"type": "array", "items": {"enum": ["female", "male"]}},
                           "age_min": _AGE, "age_max": _AGE, "any_present": _IDS, "ask": _IDS,
                           "before_result": {"type": "boolean"}, "source": _SOURCE}}},
        "contradictions": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "any_present", "terms", "clear", "message", "source"],
            "properties": {"id": {"type": "string"}, "sex": {"enum": ["female", "male"]}, "age_min": _AGE,
                           "age_max": _AGE, "any_present": _IDS,
                           "terms": {"type": "array", "items": {"type": "string"}},
                           "clear": {"enum": ["sex", "age"]}, "message": {"type": "string", "minLength": 5},
                           "source": _SOURCE}}},
        # findings whose mere suspicion is the red flag ('she might have swallowed a battery'): a hedged mention
        # counts as present, where other hedged findings are dropped as uncertain
        "suspicion_enough": {"type": "object", "additionalProperties": False, "required": ["findings", "source"],
                             "properties": {"findings": {**_IDS, "minItems": 1}, "source": _SOURCE}},
    },
}


@dataclass(frozen=True)
class RequiredQuestions:
    id: str
    sex: tuple[str, ...]
    age_min: float | None
    age_max: float | None
    any_present: tuple[str, ...]
    ask: tuple[str, ...]
    source: str
    before_result: bool = False  # asked even when the person asks for the result straight away

    def applies(self, present: set[str], age: float | None, sex: str | None) -> bool:
        if sex is not None and self.sex and sex not in self.sex:
            return False
        if age is not None and ((self.age_min is not None and age < self.age_min)
                                or (self.age_max is not None and age > self.age_max)):
            return False
        return any(f in present for f in self.any_present)


@dataclass(frozen=True)
class Contradiction:
    id: str
    sex: str | None
    age_min: float | None
    age_max: float | None
    any_present: tuple[str, ...]
    terms: tuple[str, ...]
    clear: str
    message: str
    source: str

    def demographic_fits(self, age: float | None, sex: str | None) -> bool:
        if self.sex is not None and sex != self.sex:
            return False
        if self.age_min is None and self.age_max is None:
            return True
        return age is not None and (self.age_min is None or age >= self.age_min) and (
            self.age_max is None or age <= self.age_max)


@dataclass(frozen=True)
class SafetyRules:
    rank_min_p: float
    rule_out_min_p: float
    rule_out_max: int
    required: tuple[RequiredQuestions, ...]
    contradictions: tuple[Contradiction, ...]
    semigran: dict  # our level -> emergent | non_emergent | self_care
    suspicion_enough: frozenset[str] = frozenset()
    early_net_signs: tuple[str, ...] = ()  # "Show result now" too early with no serious cause of the complaint


def load_safety_rules(kb_dir: str | Path, kb: KnowledgeBase) -> SafetyRules:
    d = Path(kb_dir)
    if d.name != "triage":
        d = d / "triage"
    path = d / "safety.yaml"
    if not path.is_file():
        raise KBError(f"triage knowledge base incomplete: missing {path}")
    data = path.read_bytes()
    rules = _parse(hashlib.sha256(data).hexdigest(), data)
    for rule in (*rules.required, *rules.contradictions):
        bad = [f for f in (*rule.any_present, *getattr(rule, "ask", ())) if f not in kb.finding_index]
        if bad:
            raise KBError(f"safety.yaml: rule {rule.id} uses unknown findings {bad}")
    bad = sorted(f for f in rules.suspicion_enough if f not in kb.finding_index)
    if bad:
        raise KBError(f"safety.yaml: suspicion_enough uses unknown findings {bad}")
    return rules


@lru_cache(maxsize=4)
def _parse(digest: str, data: bytes) -> SafetyRules:
    doc = kbyaml.loads(data.decode("utf-8"), "safety.yaml")
    validate_doc(doc, SCHEMA, "safety.yaml")
    res = doc["result"]
    required = tuple(RequiredQuestions(r["id"], tuple(r.get("sex", ())), r.get("age_min"), r.get("age_max"),
                                       tuple(r["any_present"]), tuple(r["ask"]), r["source"],
                                       bool(r.get("before_result", False)))
                     for r in doc["required_questions"])
    contradictions = tuple(Contradiction(c["id"], c.get("sex"), c.get("age_min"), c.get("age_max"),
                                         tuple(c["any_present"]), tuple(t.lower() for t in c["terms"]), c["clear"],
                                         c["message"], c["source"]) for c in doc["contradictions"])
    return SafetyRules(float(res["rank_min_p"]), float(res["rule_out_min_p"]), int(res["rule_out_max"]),
                       required, contradictions,
                       {k: v for k, v in doc["semigran_levels"].items() if k != "source"},
                       frozenset((doc.get("suspicion_enough") or {}).get("findings", ())),
                       tuple(res.get("early_net_signs", ())))


def rules_for(kb: KnowledgeBase) -> SafetyRules:
    """The safety rules next to this KB's own files, with rule_out_min_p scaled to the KB's size like the
    engine's other per-condition floors (config.floor_scale). Asked on every chat turn and batch line: read
    again only when safety.yaml or engine.yaml changes."""
    from dataclasses import replace

    from medcore.triage.config import floor_scale

    d = Path(kb.source_files[0]).parent
    key = (str(d), kb.digest, *(_mtime(d / name) for name in ("safety.yaml", "engine.yaml")))
    cache = kb.__dict__.setdefault("_safety_rules", {})
    if key not in cache:
        rules = load_safety_rules(d, kb)
        cache.clear()
        cache[key] = replace(rules, rule_out_min_p=rules.rule_out_min_p * floor_scale(d, len(kb.conditions)))
    return cache[key]


def _mtime(path: Path) -> int:
    return path.stat().st_mtime_ns if path.exists() else 0
