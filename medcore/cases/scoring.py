"""The rubric: diagnosis 40, triage 20, history 25, tests 15 (= 100), minus a safety penalty for
sending an emergency home. Every point is computed from the case, the KB and the triage engine, and
every item says why, with the KB source.

History is judged against the engine: did the student check the condition's red flags, did they
ask what the engine found most informative (its own interview of the same patient), and how
probable is the true diagnosis given exactly what the student found out, compared with the
engine's own interview. Tests are judged by yield: a test is indicated when it is characteristically
abnormal in a condition that was plausible on the student's own evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from medcore.cases.generator import Case
from medcore.cases.interview import EngineRun, engine_interview, p_true, ranking, start_answers
from medcore.cases.kb import CaseKB
from medcore.errors import DomainError
from medcore.triage.kb import LEVEL_RANK, LEVELS
from medcore.triage.service import TriageEngine

MAX_DIFFERENTIAL = 3
SAFETY_PENALTY = 15  # sending an emergency home costs more than any other single mistake
KEY_TEST_P = 0.8  # a test this likely to be abnormal in the true condition is a key test
PLAUSIBLE_TOP_K = 5  # the differential a test may legitimately be ordered for
ENGINE_KEY_QUESTIONS = 6  # the engine's first questions are the ones a student is compared with


class SubmissionError(DomainError):
    """The answer form was incomplete or named something the KB does not know."""


@dataclass
class Submission:
    diagnosis: str
    differential: list
    triage: str


@dataclass
class ScoreItem:
    area: str  # diagnosis | triage | history | tests | safety
    name: str
    points: float
    max_points: float
    verdict: str  # good | partial | missed | penalty
    explanation: str
    sources: list = field(default_factory=list)


@dataclass
class Score:
    total: float
    max_total: float
    items: list
    student_curve: list  # P(true diagnosis) after the complaint, then after each student question
    engine_curve: list
    engine_questions: list  # [{"id", "question"}]
    student_rank: int
    engine_rank: int
    truth: dict

    def to_dict(self) -> dict:
        return {**asdict(self), "by_area": self.by_area()}

    def by_area(self) -> dict:
        out: dict[str, list[float]] = {}
        for it in self.items:
            a = out.setdefault(it.area, [0.0, 0.0])
            a[0] += it.points
            a[1] += it.max_points
        return out


def check_submission(kb, diagnosis: str, differential: list, triage: str) -> Submission:
    if not diagnosis:
        raise SubmissionError("choose a leading diagnosis")
    if triage not in LEVELS:
        raise SubmissionError(f"choose a triage level ({', '.join(LEVELS)})")
    diff = [d for d in dict.fromkeys(differential or []) if d and d != diagnosis]
    if len(diff) > MAX_DIFFERENTIAL:
        raise SubmissionError(f"at most {MAX_DIFFERENTIAL} conditions in the differential")
    for cid in (diagnosis, *diff):
        if cid not in kb.condition_index:
            raise SubmissionError(f"unknown condition {cid!r}")
    return Submission(diagnosis, diff, triage)


def _diagnosis(kb, case: Case, sub: Submission, post: np.ndarray) -> ScoreItem:
    c = kb.condition(case.condition_id)
    picked = kb.condition(sub.diagnosis)
    order = list(np.argsort(-post, kind="stable"))
    their_rank = order.index(kb.condition_index[sub.diagnosis]) + 1
    if sub.diagnosis == case.condition_id:
        return ScoreItem("diagnosis", "Leading diagnosis", 40, 40, "good", f"Correct: {c.name}.", [c.source])
    if case.condition_id in sub.differential:
        return ScoreItem("diagnosis", "Leading diagnosis", 20, 40, "partial",
                         f"{c.name} was in your differential but not your leading diagnosis ({picked.name}). "
                         f"On the evidence you gathered the engine ranked {picked.name} #{their_rank}.", [c.source])
    return ScoreItem("diagnosis", "Leading diagnosis", 0, 40, "missed",
                     f"The diagnosis was {c.name}; you chose {picked.name} and it was not in your differential. "
                     f"On the evidence you gathered the engine ranked {picked.name} #{their_rank}.", [c.source])


def _triage(kb, case: Case, sub: Submission) -> list[ScoreItem]:
    c = kb.condition(case.condition_id)
    true_r, their_r = LEVEL_RANK[case.triage], LEVEL_RANK[sub.triage]
    name = lambda lvl: lvl.replace("_", "-")  # noqa: E731
    # a presentation raised above its condition's level by a red-flag rule (generator.presentation_level) says why
    rules = [r for r in kb.rules if r.id in getattr(case, "raised_by", [])]
    why = "".join(f" {r.reason}" for r in rules)
    sources = [c.source, *(r.source for r in rules)]
    needs = f"this patient needs {name(case.triage)} care" if rules else f"the condition needs {name(case.triage)} care"
    if their_r == true_r:
        return [ScoreItem("triage", "Triage level", 20, 20, "good", f"Correct: {name(case.triage)}.{why}", sources)]
    if their_r < true_r:
        pts = 12 if true_r - their_r == 1 else 6
        return [ScoreItem("triage", "Triage level", pts, 20, "partial",
                          f"Over-triage: you chose {name(sub.triage)}, {needs}. "
                          "Safe, but it uses scarce urgent capacity.", sources)]
    pts = 6 if their_r - true_r == 1 and true_r != 0 else 0
    items = [ScoreItem("triage", "Triage level", pts, 20, "missed",
                       f"Under-triage: you chose {name(sub.triage)}, {needs}.{why}", sources)]
    if true_r == 0:
        what = f"This presentation is an emergency:{why}" if rules else \
            f"{c.name} is an emergency: {c.education['seek_help']}"
        items.append(ScoreItem("safety", "Emergency under-triaged", -SAFETY_PENALTY, 0, "penalty",
                               f"{what} Sending it to a lower level of "
                               "care is the most dangerous error a triage can make.", sources))
    return items


def _history(kb, case: Case, asked: set[str], run: EngineRun, p_student: float) -> list[ScoreItem]:
    c = kb.condition(case.condition_id)
    items = []
    flags = list(c.red_flags)
    if flags:
        got = [f for f in flags if f in asked]
        missed = [kb.finding(f).name for f in flags if f not in asked]
        pts = round(10 * len(got) / len(flags), 1)
        expl = (f"You checked {len(got)} of {len(flags)} red flags of {c.name}."
                + (f" Not asked: {', '.join(missed)}." if missed else ""))
        items.append(ScoreItem("history", "Red flags checked", pts, 10, "good" if not missed else
                               "partial" if got else "missed", expl, [c.source]))
    else:
        items.append(ScoreItem("history", "Red flags checked", 10, 10, "good",
                               f"The KB lists no red flags for {c.name}.", [c.source]))
    key = run.questions[:ENGINE_KEY_QUESTIONS]
    if key:
        got = [f for f in key if f in asked]
        pts = round(10 * len(got) / len(key), 1)
        missed = [kb.finding(f).name for f in key if f not in asked]
        expl = (f"The engine's first {len(key)} questions on this patient (most informative first) were: "
                f"{', '.join(kb.finding(f).name for f in key)}. You covered {len(got)}."
                + (f" Missed: {', '.join(missed)}." if missed else ""))
        items.append(ScoreItem("history", "Most informative questions", pts, 10,
                               "good" if not missed else "partial" if got else "missed", expl,
                               ["Bayesian triage engine (expected information gain over the triage KB)"]))
    else:
        items.append(ScoreItem("history", "Most informative questions", 10, 10, "good",
                               "The complaint alone settled it for the engine; no further question was needed.",
                               ["Bayesian triage engine"]))
    p_engine = run.curve[-1]
    ratio = min(1.0, p_student / max(p_engine, 1e-6)) if p_engine > 0 else 1.0
    pts = round(5 * ratio, 1)
    items.append(ScoreItem("history", "Evidence for the diagnosis", pts, 5,
                           "good" if ratio >= 0.9 else "partial" if ratio >= 0.3 else "missed",
                           f"Given exactly what you found out, the engine puts {c.name} at {p_student:.0%}; after its "
                           f"own interview of the same patient, at {p_engine:.0%}.",
                           ["Bayesian triage engine (naive Bayes over the triage KB likelihoods)"]))
    return items


def _tests(ckb: CaseKB, case: Case, ordered: list[str], post: np.ndarray) -> list[ScoreItem]:
    kb = ckb.triage
    plausible = {kb.conditions[int(ci)].id for ci in np.argsort(-post, kind="stable")[:PLAUSIBLE_TOP_K]}
    plausible.add(case.condition_id)
    key = [t for t in ckb.tests if (tr := t.for_condition(case.condition_id)) and tr.p >= KEY_TEST_P
           and not (t.sex and t.sex != case.sex)]
    ordered_tests = [ckb.test(t) for t in dict.fromkeys(ordered)]
    low = [t for t in ordered_tests if not (t.conditions() & plausible)
           and not any(tr.finding and case.findings.get(tr.finding) for tr in t.abnormal)]
    items = []
    if ordered_tests:
        share = 1 - len(low) / len(ordered_tests)
        expl = (f"{len(ordered_tests) - len(low)} of {len(ordered_tests)} tests could change the diagnosis among the "
                f"conditions plausible on your evidence.")
        if low:
            expl += f" Low yield here: {', '.join(t.name for t in low)}."
        items.append(ScoreItem("tests", "Test yield", round(7 * share, 1), 7, "good" if not low else "partial", expl,
                               [t.source for t in low][:3] or [ckb.sources["tests"]]))
    else:
        items.append(ScoreItem("tests", "Test yield", 7, 7, "good", "No tests ordered, so none was wasted.",
                               [ckb.sources["tests"]]))
    if key:
        got = [t for t in key if t.id in ordered]
        pts = 4 if got else 0
        expl = (f"Key test for {kb.condition(case.condition_id).name}: "
                f"{' or '.join(t.name for t in key)}." + (" You ordered it." if got else " Not ordered."))
        items.append(ScoreItem("tests", "Key test", pts, 4, "good" if got else "missed", expl,
                               [t.for_condition(case.condition_id).source for t in key][:3]))
    else:
        items.append(ScoreItem("tests", "Key test", 4, 4, "good",
                               "No test in the catalogue is characteristically abnormal in this condition: the "
                               "diagnosis is clinical.", [ckb.sources["tests"]]))
    spent = sum(t.cost for t in ordered_tests)
    reference = max(20.0, 1.5 * sum(t.cost for t in key))
    ratio = 1.0 if spent <= reference else reference / spent
    items.append(ScoreItem("tests", "Cost", round(4 * ratio, 1), 4, "good" if ratio >= 1 else "partial",
                           f"You spent £{spent:.0f}; a focused work-up here costs up to £{reference:.0f}.",
                           [ckb.sources["tests"]]))
    return items


def score(ckb: CaseKB, engine: TriageEngine, case: Case, steps: list[dict], ordered: list[str],
          sub: Submission, run: EngineRun | None = None) -> Score:
    kb = ckb.triage
    run = run or engine_interview(engine, case)
    answers, origin = start_answers(case)
    curve = [p_true(engine, case, answers, origin)]
    for st in steps:  # the posterior after each of the student's questions (and the examination)
        for fid, val in st.get("findings", {}).items():
            if origin.get(fid) != "text":
                answers[fid] = val
                origin[fid] = "answer"
        curve.append(p_true(engine, case, answers, origin))
    post, rank = ranking(engine, case, answers, origin)
    asked = set(answers)
    items = [_diagnosis(kb, case, sub, post), *_triage(kb, case, sub),
             *_history(kb, case, asked, run, curve[-1]), *_tests(ckb, case, ordered, post)]
    total = max(0.0, round(sum(i.points for i in items), 1))
    c = kb.condition(case.condition_id)
    truth = {"condition": c.id, "name": c.name, "icd10": c.icd10, "triage": case.triage, "source": c.source,
             "what": c.education["what"], "present": sorted(case.present)}
    eq = [{"id": f, "question": kb.finding(f).question} for f in run.questions]
    return Score(total, 100.0, items, curve, run.curve, eq, rank, run.rank, truth)
