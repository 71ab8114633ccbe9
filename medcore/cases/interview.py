"""The triage engine on a case: its posterior of the true diagnosis given some evidence, and its own
interview (the engine as a student, its questions answered by the simulated patient).

Used by scoring (what the student gathered vs what the engine would have asked) and by the
evaluation (can the engine solve the generated cases at all?)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from medcore.cases.generator import Case
from medcore.cases.patient import ask_finding, opening_findings
from medcore.triage.service import TriageEngine


@dataclass
class EngineRun:
    questions: list[str]  # finding ids in the order the engine asked them
    curve: list[float]  # P(true diagnosis) after the complaint, then after each question
    answers: dict  # finding id -> yes | no | unknown
    top: list[str]  # condition ids, most likely first (top 5)
    rank: int  # 1-based rank of the true diagnosis at the end
    triage: str


def start_answers(case: Case) -> tuple[dict, dict]:
    """What the opening statement told: the presenting complaint as the patient said it (origin 'text' makes it a
    complaint for the engine), and how long ago and how it started (origin 'answer')."""
    answers = opening_findings(case)
    return answers, {f: ("text" if f == case.complaint else "answer") for f in answers}


def p_true(engine: TriageEngine, case: Case, answers: dict, origin: dict) -> float:
    post = engine.posterior(engine.closure(answers), case.age, case.sex, engine.complaints(answers, origin))
    return float(post[engine.kb.condition_index[case.condition_id]])


def ranking(engine: TriageEngine, case: Case, answers: dict, origin: dict) -> tuple[np.ndarray, int]:
    post = engine.posterior(engine.closure(answers), case.age, case.sex, engine.complaints(answers, origin))
    order = np.argsort(-post, kind="stable")
    ci = engine.kb.condition_index[case.condition_id]
    return post, int(np.where(order == ci)[0][0]) + 1


def engine_interview(engine: TriageEngine, case: Case, max_questions: int | None = None) -> EngineRun:
    kb = engine.kb
    answers, origin = start_answers(case)
    asked: list[str] = []
    curve = [p_true(engine, case, answers, origin)]
    # the engine's own cap, plus the red-flag safety net it may ask before finishing
    limit = max_questions or engine.engine_cfg.max_questions + engine.engine_cfg.safety_net_max
    res = None
    for i in range(limit + 1):
        res = engine.result(answers, case.age, case.sex, origin=origin, asked=set(asked), questions_asked=i)
        q = res.next_question
        if q is None or i == limit:
            break
        fid = q["id"]
        asked.append(fid)
        for f, value in ask_finding(kb, case, fid).findings.items():  # what the patient's answer tells
            if origin.get(f) != "text":
                answers[f] = value
                origin[f] = "answer"
        curve.append(p_true(engine, case, answers, origin))
    post, rank = ranking(engine, case, answers, origin)
    top = [kb.conditions[int(ci)].id for ci in np.argsort(-post, kind="stable")[:5]]
    final = engine.result(answers, case.age, case.sex, origin=origin, finished=True)
    return EngineRun(asked, curve, answers, top, rank, final.triage)
