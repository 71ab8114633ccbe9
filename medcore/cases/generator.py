"""A synthetic patient from a seed: condition, age and sex, findings, onset, vitals, examination and
test results, all sampled from the triage KB's likelihoods and the case KB, deterministically.

One numpy Generator drives every draw in a fixed order, so (seed, filters, KB contents) always
give the same case; the case records the KB digest so a stale case file is detected.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from medcore.cases.kb import CaseKB
from medcore.errors import DomainError
from medcore.triage.kb import AGE_BANDS, LEVEL_RANK, LEVELS, KBError

DIFFICULTY_EXPONENT = {"easy": 0.6, "standard": 1.0, "hard": 1.6}  # p ** e: lower e = a more typical picture
NON_COMPLAINT = {"course", "risk", "measured"}  # as the triage service: these are not what people come in with
DURATION_HOURS = {"duration_under_1_day": (1, 20), "duration_1_to_14_days": (26, 14 * 24),
                  "duration_over_2_weeks": (3 * 7 * 24, 26 * 7 * 24)}
ONSET = ("sudden_onset", "gradual_onset")
# modifiers and age markers: true of the complaint, but nobody comes in with "severe" alone
NOT_A_COMPLAINT = {"severe_pain", "infant_under_3m"}
# states and modifiers that frame a complaint: chosen only when the case has no other symptom to present with
# ("I'm here because I'm pregnant" hides the bleeding or the cord that brought her in)
CONTEXT_NOT_COMPLAINT = {"pregnant", "late_pregnancy", "early_pregnancy_weeks", "recently_given_birth",
                         "breastfeeding", "one_eye_affected"}


# An emergency-level case is drawn again until its findings carry an emergency feature (below), and a case of a
# condition defined by its cause until it carries the cause; the cap only matters for rare features, and then the
# most likely one is set.
MAX_EMERGENCY_DRAWS = 50


class CaseRequestError(DomainError):
    """No condition matches the requested filters (or an unknown id or level was named)."""


@dataclass
class Case:
    seed: int
    params: dict  # what was asked for: condition, level, system, difficulty
    condition_id: str
    condition_name: str
    icd10: str
    system: str
    triage: str
    age: float
    sex: str
    complaint: str  # the presenting finding id
    findings: dict  # finding id -> True (present) / False (explicitly absent); anything else is absent
    onset_hours: float
    vitals: dict
    exam: dict  # examinable sign -> present
    results: dict  # test id -> {"abnormal", "text", "source"}
    kb_digest: str
    distractors: list = field(default_factory=list)
    # the red-flag rules (red_flags.yaml ids) that raise this presentation above its condition's own level
    raised_by: list = field(default_factory=list)

    @property
    def present(self) -> set[str]:
        return {f for f, v in self.findings.items() if v}

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Case":
        return cls(**d)

    def student_view(self) -> dict:
        """What a student may see before answering: no diagnosis, no findings, no results."""
        return {"seed": self.seed, "params": self.params, "age": self.age, "sex": self.sex,
                "age_text": age_text(self.age), "presenting_complaint": self.complaint, "kb_digest": self.kb_digest}


def age_text(age: float) -> str:
    if age < 1:
        weeks = round(age * 52)
        return f"{weeks}-week-old" if weeks < 13 else f"{round(age * 12)}-month-old"
    if age < 2:
        return f"{round(age * 12)}-month-old"
    return f"{int(age)}-year-old"


def describe(case: "Case") -> str:
    """'58-year-old man', '6-month-old girl'."""
    if case.age >= 16:
        who = "woman" if case.sex == "female" else "man"
    else:
        who = "girl" if case.sex == "female" else "boy"
    return f"{age_text(case.age)} {who}".capitalize()


def candidates(ckb: CaseKB, condition: str | None = None, level: str | None = None,
               system: str | None = None) -> list[int]:
    kb = ckb.triage
    if condition and condition not in kb.condition_index:
        raise CaseRequestError(f"unknown condition {condition!r}")
    if level and level not in LEVELS:
        raise CaseRequestError(f"unknown triage level {level!r} (one of {', '.join(LEVELS)})")
    out = [i for i, c in enumerate(kb.conditions)
           if (not condition or c.id == condition) and (not level or c.triage == level)
           and (not system or c.system == system)]
    if not out:
        raise CaseRequestError("no condition in the knowledge base matches those filters")
    return out


def allowed(ckb: CaseKB, fid: str, age: float, sex: str) -> bool:
    if sex == "male" and fid in ckb.female_only or sex == "female" and fid in ckb.male_only:
        return False
    if age < ckb.min_age.get(fid, -1) or age > ckb.max_age.get(fid, 1e9):
        return False
    return True


def _demographics(ckb: CaseKB, c, rng: np.random.Generator) -> tuple[float, str]:
    w = np.array([c.sex["female"], c.sex["male"]], dtype=float)
    sex = "female" if w.sum() <= 0 else ("female", "male")[int(rng.choice(2, p=w / w.sum()))]
    if c.id in ckb.age_ranges:
        lo, hi = ckb.age_ranges[c.id]
    else:
        pb = np.array([c.prior[b] for b in AGE_BANDS], dtype=float)
        band = AGE_BANDS[int(rng.choice(3, p=pb / pb.sum()))] if pb.sum() > 0 else "adult"
        lo, hi = ckb.age_bands[band]
    age = float(rng.uniform(lo, hi))
    return (round(age, 2) if age < 2 else float(int(age))), sex


def _sample_findings(ckb: CaseKB, c, age: float, sex: str, exponent: float, rng) -> dict[str, bool]:
    kb = ckb.triage
    out: dict[str, bool] = {}
    liks = {f: p for f, (p, _src) in c.likelihoods.items() if allowed(ckb, f, age, sex)}
    # one duration and one onset: the KB lists them as separate findings, a patient has exactly one
    durations = {f: p for f, p in liks.items() if f in DURATION_HOURS}
    dw = np.array(list(durations.values()) or [1.0])
    dur = list(durations)[int(rng.choice(len(dw), p=dw / dw.sum()))] if durations else "duration_1_to_14_days"
    for f in DURATION_HOURS:
        out[f] = f == dur
    onsets = {f: p for f, p in liks.items() if f in ONSET}
    if len(onsets) == 2:
        ow = np.array(list(onsets.values()))
        pick = list(onsets)[int(rng.choice(2, p=ow / ow.sum()))]
        out.update({f: f == pick for f in ONSET})
    for fid in sorted(liks):  # sorted: draw order must not depend on YAML key order edits elsewhere
        if fid in out:
            continue
        out[fid] = bool(rng.random() < liks[fid] ** exponent)
    if "infant_under_3m" in kb.finding_index:
        out["infant_under_3m"] = age < 0.25
    return out


def emergency_features(kb, c, findings: dict) -> list[str]:
    """What makes this presentation an emergency by the KB: the condition's own red flags that are present (each
    condition lists them with its source) and the emergency-level red-flag rules (red_flags.yaml) that fire."""
    present = {f for f, v in findings.items() if v}
    denied = {f for f, v in findings.items() if v is False}
    return [f for f in c.red_flags if f in present] + [r.id for r in kb.rules if r.level == "emergency"
                                                       and r.fires(present, denied)]


def presentation_level(kb, c, findings: dict) -> tuple[str, list]:
    """The level this patient needs and the rules that set it: the condition's own level, raised by any red-flag
    rule of red_flags.yaml (each with its reason and source) that the patient's findings fire. A hypercalcaemia
    with sudden confusion, or a serious burn that is large, is an emergency whatever the condition's usual level:
    the rule says so of every patient, so the case (and the student's feedback) does too."""
    present = {f for f, v in findings.items() if v}
    denied = {f for f, v in findings.items() if v is False}  # a rule held back by a denied finding stays back
    fired = sorted((r for r in kb.rules if r.fires(present, denied) and LEVEL_RANK[r.level] < LEVEL_RANK[c.triage]),
                   key=lambda r: (LEVEL_RANK[r.level], r.id))
    return (fired[0].level if fired else c.triage), [r.id for r in fired if r.level == fired[0].level]


def _closed(ckb: CaseKB, findings: dict) -> dict:
    out = dict(findings)
    _close(ckb, out)
    return out


def missing_causes(ckb: CaseKB, c, findings: dict) -> list[tuple[str, ...]]:
    """The groups of the condition's causes (patients.yaml `causes`) of which no finding is present: a serotonin
    syndrome with neither a new medicine nor an overdose is no serotonin syndrome."""
    return [g for g in ckb.causes.get(c.id, ()) if not any(findings.get(f) for f in g)]


def _faithful_findings(ckb: CaseKB, c, age: float, sex: str, exponent: float, rng) -> dict[str, bool]:
    """The findings, drawn from the likelihoods, conditioned (rejection sampling) on carrying the condition's
    cause where patients.yaml names one, and for an emergency-level condition on at least one emergency feature,
    so an 'emergency' case is one a clinician could tell is an emergency from its history, examination and
    measurements. A condition with neither draws once, as before."""
    findings = _sample_findings(ckb, c, age, sex, exponent, rng)
    if c.triage != "emergency" and c.id not in ckb.causes:
        return findings
    for _ in range(MAX_EMERGENCY_DRAWS - 1):
        if not missing_causes(ckb, c, findings) and (
                c.triage != "emergency" or emergency_features(ckb.triage, c, _closed(ckb, findings))):
            return findings
        findings = _sample_findings(ckb, c, age, sex, exponent, rng)
    for group in missing_causes(ckb, c, findings):  # only when every draw lacked it: its likeliest finding
        findings[max(group, key=lambda f: (c.likelihoods[f][0], f))] = True
    if c.triage == "emergency" and not emergency_features(ckb.triage, c, _closed(ckb, findings)):
        flags = [f for f in c.red_flags if allowed(ckb, f, age, sex)]
        if not flags:
            raise KBError(f"emergency condition {c.id} has no red flag this patient could have")
        findings[max(flags, key=lambda f: (c.likelihoods.get(f, (0.0, ""))[0], f))] = True
    return findings


def _distractors(ckb: CaseKB, c, findings: dict, age: float, sex: str, rng, n: int) -> list[str]:
    """Incidental risk factors the condition does not list (hard cases): drawn by their leak rate."""
    kb = ckb.triage
    pool = [f for f in kb.findings if f.category == "risk" and f.id not in c.likelihoods
            and allowed(ckb, f.id, age, sex)]
    if not pool or n <= 0:
        return []
    w = np.array([f.leak for f in pool])
    idx = rng.choice(len(pool), size=min(n, len(pool)), replace=False, p=w / w.sum())
    out = [pool[int(i)].id for i in idx]
    for f in out:
        findings[f] = True
    return out


def _close(ckb: CaseKB, findings: dict) -> None:
    """A specific finding implies its general one (crushing chest pain is chest pain)."""
    changed = True
    while changed:
        changed = False
        for f, present in list(findings.items()):
            if present:
                for g in ckb.triage.implies.get(f, ()):
                    if not findings.get(g):
                        findings[g] = True
                        changed = True


def _complaint(ckb: CaseKB, c, findings: dict, age: float, sex: str) -> str:
    kb = ckb.triage

    def symptom(f: str) -> bool:
        return kb.finding(f).category not in NON_COMPLAINT and f not in NOT_A_COMPLAINT

    def lik(f: str) -> float:
        return c.likelihoods.get(f, (kb.finding(f).leak, ""))[0]

    present = [f for f, v in findings.items() if v and symptom(f)]
    if present:
        return max(present, key=lambda f: (f not in CONTEXT_NOT_COMPLAINT, lik(f), f))
    # guarantee a presenting complaint: the condition's most typical symptom that fits this patient
    listed = [f for f in c.likelihoods if symptom(f) and allowed(ckb, f, age, sex)]
    if not listed:
        raise KBError(f"condition {c.id} lists no symptom a patient could present with")
    best = max(listed, key=lambda f: (lik(f), f))
    findings[best] = True
    return best


def _vitals(ckb: CaseKB, c, age: float, findings: dict, rng) -> dict:
    from medcore.triage.kb import age_band

    ranges = dict(ckb.baseline[age_band(age)])
    for fam in ckb.families_of(c.id):
        ranges.update(fam.signs)
    for fid, rule in ckb.finding_rules.items():  # the truth's measured findings fix their sign
        if findings.get(fid) and "present" in rule:
            ranges[rule["sign"]] = rule["present"]
    v = {s: float(rng.uniform(lo, hi)) for s, (lo, hi) in sorted(ranges.items())}
    for fid, rule in ckb.finding_rules.items():
        if not findings.get(fid) and "absent" in rule:
            lo, hi = rule["absent"]
            v[rule["sign"]] = min(max(v[rule["sign"]], lo), hi)
    out = {s: int(round(x)) for s, x in v.items() if s != "temp"}
    out["temp"] = round(v["temp"], 1)
    out["dbp"] = min(out["dbp"], out["sbp"] - 20)
    out["spo2"] = min(out["spo2"], 100)
    return out


def _results(ckb: CaseKB, c, sex: str, findings: dict, rng) -> dict:
    out = {}
    for t in ckb.tests:
        draws = [rng.random() for _ in t.abnormal]  # always drawn: one test's result never shifts another's
        if t.sex and t.sex != sex:
            out[t.id] = {"abnormal": False, "text": f"Not applicable ({sex} patient).", "source": t.source}
            continue
        hit = next((tr for tr, u in zip(t.abnormal, draws)
                    if (tr.condition == c.id or (tr.finding and findings.get(tr.finding))) and u < tr.p), None)
        out[t.id] = ({"abnormal": True, "text": hit.result, "source": hit.source} if hit else
                     {"abnormal": False, "text": t.normal, "source": t.source})
    return out


def new_case(ckb: CaseKB, seed: int, *, condition: str | None = None, level: str | None = None,
             system: str | None = None, difficulty: str = "standard") -> Case:
    if difficulty not in DIFFICULTY_EXPONENT:
        raise CaseRequestError(f"unknown difficulty {difficulty!r} (one of {', '.join(DIFFICULTY_EXPONENT)})")
    kb = ckb.triage
    pool = candidates(ckb, condition, level, system)
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, 0xCA5E])
    c = kb.conditions[pool[int(rng.integers(len(pool)))]]  # uniform: every condition is worth teaching
    age, sex = _demographics(ckb, c, rng)
    findings = _faithful_findings(ckb, c, age, sex, DIFFICULTY_EXPONENT[difficulty], rng)
    distractors = _distractors(ckb, c, findings, age, sex, rng, 1 if difficulty == "hard" else 0)
    _close(ckb, findings)
    complaint = _complaint(ckb, c, findings, age, sex)
    dur = next(f for f in DURATION_HOURS if findings.get(f))
    lo, hi = DURATION_HOURS[dur]
    onset_hours = float(round(rng.uniform(lo, hi)))
    vitals = _vitals(ckb, c, age, findings, rng)
    exam = {s: bool(findings.get(s, False)) for s in ckb.exam_signs}
    results = _results(ckb, c, sex, findings, rng)
    params = {"condition": condition, "level": level, "system": system, "difficulty": difficulty}
    triage, raised_by = presentation_level(kb, c, findings)
    return Case(int(seed), params, c.id, c.name, c.icd10, c.system, triage, age, sex, complaint, findings,
                onset_hours, vitals, exam, results, ckb.digest, distractors, raised_by)


def regenerate(ckb: CaseKB, view: dict) -> Case:
    """The case behind a student view (or a full case dict): same seed, same filters, same KB.
    CaseRequestError, with what is wrong, for anything that is not what `case new` writes."""
    if not isinstance(view, dict):
        raise CaseRequestError(f"not a case file: it holds a JSON {_json_kind(view)}, not the object `case new` "
                               "writes")
    seed, p = view.get("seed"), view.get("params") or {}
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise CaseRequestError("not a case file: it has no whole-number 'seed'")
    if not isinstance(p, dict) or not all(isinstance(p.get(k), (str, type(None)))
                                          for k in ("condition", "level", "system", "difficulty")):
        raise CaseRequestError("not a case file: its 'params' are not the filters `case new` writes")
    case = new_case(ckb, seed, condition=p.get("condition"), level=p.get("level"),
                    system=p.get("system"), difficulty=p.get("difficulty") or "standard")
    if view.get("kb_digest") and view["kb_digest"] != case.kb_digest:
        raise CaseRequestError("this case was made with a different version of the knowledge base; "
                               "start a new case")
    return case


def _json_kind(value) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "true/false",
            type(None): "null"}.get(type(value), type(value).__name__)
