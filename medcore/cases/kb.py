"""Load and cross-check the case KB (assets/kb/cases) against the triage KB it builds on.

The triage KB is reused as is (conditions, finding likelihoods, priors, red flags); this KB only adds
what a case needs beyond an interview: investigations with their results, vital-sign patterns,
examinable signs, and age/sex plausibility rules. Every id here must exist in the triage KB.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from medcore import kbyaml
from medcore.cases import schema
from medcore.triage.kb import KBError, KnowledgeBase, load_kb, validate_doc  # noqa: F401  (evaluate uses it)


@dataclass(frozen=True)
class Trigger:
    condition: str | None
    finding: str | None
    p: float
    result: str
    source: str


@dataclass(frozen=True)
class LabTest:
    id: str
    name: str
    category: str  # bedside | lab | imaging
    cost: float
    turnaround_min: float
    source: str
    normal: str
    abnormal: tuple[Trigger, ...]
    sex: str | None = None

    def for_condition(self, cid: str) -> Trigger | None:
        return next((t for t in self.abnormal if t.condition == cid), None)

    def conditions(self) -> set[str]:
        return {t.condition for t in self.abnormal if t.condition}


@dataclass(frozen=True)
class VitalFamily:
    id: str
    conditions: tuple[str, ...]
    signs: dict
    source: str


@dataclass
class CaseKB:
    triage: KnowledgeBase
    tests: list[LabTest]
    age_bands: dict  # band -> (lo, hi)
    age_ranges: dict  # condition id -> (lo, hi)
    female_only: frozenset
    male_only: frozenset
    min_age: dict
    max_age: dict
    baseline: dict  # band -> {sign: (lo, hi)}
    families: list[VitalFamily]
    finding_rules: dict  # finding id -> {"sign", "present", "absent"}
    exam_signs: tuple[str, ...]
    sources: dict  # section -> source text (cited in feedback)
    digest: str
    # condition id -> groups of findings; a case of it has at least one finding of each group (its cause)
    causes: dict = field(default_factory=dict)

    def test(self, test_id: str) -> LabTest:
        for t in self.tests:
            if t.id == test_id:
                return t
        raise KeyError(test_id)

    def families_of(self, cid: str) -> list[VitalFamily]:
        return [f for f in self.families if cid in f.conditions]


def case_dir(kb_dir: str | Path) -> Path:
    d = Path(kb_dir)
    return d if d.name == "cases" else d / "cases"


def load_case_kb(kb_dir: str | Path) -> CaseKB:
    """kb_dir is assets/kb (or assets/kb/cases, whose sibling triage/ is used). Cached per file contents."""
    d = case_dir(kb_dir)
    triage = load_kb(d.parent / "triage")
    files = [d / "tests.yaml", d / "patients.yaml"]
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        raise KBError(f"case knowledge base incomplete: missing {missing}")
    h = hashlib.sha256(triage.digest.encode())
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return _load_cached(str(d), h.hexdigest())


def _pair(v) -> tuple[float, float]:
    lo, hi = float(v[0]), float(v[1])
    if lo > hi:
        raise KBError(f"range {v} has its low end above its high end")
    return lo, hi


@lru_cache(maxsize=4)
def _load_cached(d: str, digest: str) -> CaseKB:
    base = Path(d)
    tkb = load_kb(base.parent / "triage")  # itself cached: the same object the triage tool uses
    tdoc = kbyaml.load(base / "tests.yaml")
    validate_doc(tdoc, schema.TESTS, "tests.yaml")
    pdoc = kbyaml.load(base / "patients.yaml")
    validate_doc(pdoc, schema.PATIENTS, "patients.yaml")

    def need_condition(cid: str, where: str) -> None:
        if cid not in tkb.condition_index:
            raise KBError(f"{where}: unknown condition {cid!r} (not in the triage knowledge base)")

    def need_finding(fid: str, where: str) -> None:
        if fid not in tkb.finding_index:
            raise KBError(f"{where}: unknown finding {fid!r} (not in the triage knowledge base)")

    tests, seen = [], set()
    for t in tdoc["tests"]:
        if t["id"] in seen:
            raise KBError(f"tests.yaml: duplicate test id {t['id']!r}")
        seen.add(t["id"])
        triggers = []
        for a in t["abnormal"]:
            if "condition" in a:
                need_condition(a["condition"], f"tests.yaml: test {t['id']}")
            else:
                need_finding(a["finding"], f"tests.yaml: test {t['id']}")
            triggers.append(Trigger(a.get("condition"), a.get("finding"), float(a["p"]), a["result"],
                                    a.get("source", t["source"])))
        tests.append(LabTest(t["id"], t["name"], t["category"], float(t["cost"]), float(t["turnaround_min"]),
                             t["source"], t["normal"], tuple(triggers), t.get("sex")))

    # a condition's typical age has one home, the triage KB's `typical_ages` (checked to rise when it loads)
    ranges = {c.id: c.typical_ages[:2] for c in tkb.conditions if c.typical_ages}
    cons = pdoc["constraints"]
    for key in ("female_only", "male_only", "min_age", "max_age"):
        for fid in cons[key]:
            need_finding(fid, f"patients.yaml: constraints.{key}")
    vit = pdoc["vitals"]
    families = []
    for fam in vit["families"]:
        for cid in fam["conditions"]:
            need_condition(cid, f"patients.yaml: vitals family {fam['id']}")
        families.append(VitalFamily(fam["id"], tuple(fam["conditions"]),
                                    {k: _pair(v) for k, v in fam["signs"].items()}, fam["source"]))
    rules = {}
    for fid, rule in vit["finding_rules"].items():
        need_finding(fid, "patients.yaml: vitals.finding_rules")
        rules[fid] = {"sign": rule["sign"], **{k: _pair(rule[k]) for k in ("present", "absent") if k in rule}}
    for fid in pdoc["exam"]["signs"]:
        need_finding(fid, "patients.yaml: exam.signs")
    causes = {}
    for cid, groups in (pdoc.get("causes") or {}).get("conditions", {}).items():
        need_condition(cid, "patients.yaml: causes")
        for fid in (f for g in groups for f in g):
            if fid not in tkb.conditions[tkb.condition_index[cid]].likelihoods:
                raise KBError(f"patients.yaml: causes of {cid}: {fid!r} is not one of its findings in the triage KB")
        causes[cid] = tuple(tuple(g) for g in groups)
    bands = {b: _pair(pdoc["age_bands"][b]) for b in ("child", "adult", "older")}
    baseline = {b: {k: _pair(v) for k, v in signs.items()} for b, signs in vit["baseline"].items()}
    sources = {"tests": tdoc["source"], "patients": pdoc["source"], "age_ranges": "each condition's typical_ages in the triage KB, with its own source",
               "constraints": cons["source"], "vitals": vit["source"], "exam": pdoc["exam"]["source"],
               "causes": (pdoc.get("causes") or {}).get("source", "")}
    return CaseKB(tkb, tests, bands, ranges, frozenset(cons["female_only"]), frozenset(cons["male_only"]),
                  {k: float(v) for k, v in cons["min_age"].items()}, {k: float(v) for k, v in cons["max_age"].items()},
                  baseline, families, rules, tuple(pdoc["exam"]["signs"]), sources, digest, causes)


def case_kb_stats(ckb: CaseKB) -> dict:
    covered = set().union(*(t.conditions() for t in ckb.tests))
    return {"tests": len(ckb.tests), "conditions_with_abnormal_tests": len(covered),
            "vital_families": len(ckb.families), "exam_signs": len(ckb.exam_signs),
            "conditions": len(ckb.triage.conditions)}
