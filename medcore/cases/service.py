"""The case trainer as one object (case KB + triage engine + lexicon), built once per process, and
the session as plain state transitions on a JSON-able dict, so the page, the CLI and the tests drive
exactly the same code and the page can save the state to the store after every step."""

from __future__ import annotations

import copy
import threading

from medcore.cases import patient, scoring
from medcore.cases.generator import Case, new_case
from medcore.cases.kb import CaseKB, load_case_kb
from medcore.controls import strip_controls
from medcore.errors import DomainError
from medcore.triage.service import TriageEngine

_lock = threading.Lock()
_trainers: dict[tuple, "CaseTrainer"] = {}
STATE_VERSION = 1
EXAM_MINUTES = 10
MAX_TRANSCRIPT_CHARS = patient.MAX_QUESTION_CHARS


class SessionError(DomainError):
    """An action that does not fit the session (the case is already answered, an unknown test...)."""


class CaseTrainer:
    def __init__(self, ckb: CaseKB, engine: TriageEngine):
        self.ckb = ckb
        self.kb = ckb.triage
        self.engine = engine
        self.matcher = patient.QuestionMatcher(engine.lexicon)

    @classmethod
    def from_settings(cls, settings) -> "CaseTrainer":
        """Lexical NLU and the plain Bayesian engine (no MLP blend): a score must not change because a
        model was retrained, and the synonym lexicon answers in well under a millisecond."""
        ckb = load_case_kb(settings.kb_dir)
        key = (str(settings.kb_dir), ckb.digest)
        with _lock:
            tr = _trainers.get(key)
            if tr is None:
                from medcore.triage.config import load_configs

                ecfg, tcfg = load_configs(settings.kb_dir)
                from medcore.knowledge import load_terminology

                tr = cls(ckb, TriageEngine(ckb.triage, engine_cfg=ecfg, triage_cfg=tcfg,
                                           terminology=load_terminology(settings)))
                _trainers[key] = tr
            return tr

    def new_case(self, seed: int, **filters) -> Case:
        return new_case(self.ckb, seed, **filters)


# ---- the session ------------------------------------------------------------------------------------
def new_session(tr: CaseTrainer, seed: int, *, condition: str | None = None, level: str | None = None,
                system: str | None = None, difficulty: str = "standard") -> dict:
    case = tr.new_case(seed, condition=condition, level=level, system=system, difficulty=difficulty)
    opening = patient.opening_statement(tr.kb, case)
    return {"version": STATE_VERSION, "case": case.to_dict(),
            "transcript": [{"role": "patient", "kind": "opening", "text": opening}],
            "steps": [], "orders": [], "examined": False, "submission": None, "score": None}


def case_of(state: dict) -> Case:
    return Case.from_dict(state["case"])


def _open(state: dict) -> dict:
    if state.get("score") is not None:
        raise SessionError("this case is finished; start a new case")
    return copy.deepcopy(state)


def _reply(state: dict, question: str, reply: patient.Reply, source: str) -> dict:
    q = question if len(question) <= MAX_TRANSCRIPT_CHARS else question[:MAX_TRANSCRIPT_CHARS] + "…"
    state["transcript"].append({"role": "student", "kind": source, "text": q})
    state["transcript"].append({"role": "patient", "kind": reply.kind, "text": reply.text, "notes": reply.notes})
    if reply.findings:
        state["steps"].append({"question": q, "findings": dict(reply.findings), "source": source})
    return state


def ask(tr: CaseTrainer, state: dict, question: str | bytes | None) -> dict:
    state = _open(state)
    if isinstance(question, str):  # a bidi override shows one question and asks another (medcore.controls)
        question = strip_controls(question)
    reply = patient.ask(tr.matcher, case_of(state), question)  # bytes: decoded there, or said unreadable
    text = question.decode("utf-8", "replace") if isinstance(question, bytes) else (question or "")
    return _reply(state, strip_controls(text).strip(), reply, "typed")


def ask_finding(tr: CaseTrainer, state: dict, finding_id: str) -> dict:
    if finding_id not in tr.kb.finding_index:
        raise SessionError(f"unknown finding {finding_id!r}")
    state = _open(state)
    reply = patient.ask_finding(tr.kb, case_of(state), finding_id)
    return _reply(state, tr.kb.finding(finding_id).question, reply, "picked")


def examine(tr: CaseTrainer, state: dict) -> dict:
    """Vital signs and the examinable signs, all at once (an examination is not a question)."""
    state = _open(state)
    if state["examined"]:
        return state
    case = case_of(state)
    state["examined"] = True
    state["steps"].append({"question": "Examination and vital signs", "source": "exam",
                           "findings": {s: ("yes" if v else "no") for s, v in case.exam.items()}})
    return state


def exam_report(tr: CaseTrainer, state: dict) -> dict:
    case = case_of(state)
    signs = [tr.kb.finding(s).name for s, v in case.exam.items() if v]
    return {"vitals": case.vitals, "signs": signs, "checked": len(case.exam), "source": tr.ckb.sources["exam"],
            "vitals_source": tr.ckb.sources["vitals"]}


def order(tr: CaseTrainer, state: dict, test_id: str) -> dict:
    try:
        test = tr.ckb.test(test_id)
    except KeyError:
        raise SessionError(f"unknown test {test_id!r}") from None
    state = _open(state)
    if any(o["id"] == test_id for o in state["orders"]):
        return state
    res = case_of(state).results[test_id]
    state["orders"].append({"id": test.id, "name": test.name, "category": test.category, "cost": test.cost,
                            "turnaround_min": test.turnaround_min, "abnormal": res["abnormal"], "text": res["text"],
                            "source": res["source"]})
    return state


def totals(state: dict) -> dict:
    """Cost and the time until the last result (tests run in parallel; the examination takes 10 minutes)."""
    cost = sum(o["cost"] for o in state["orders"])
    minutes = max([o["turnaround_min"] for o in state["orders"]] + [EXAM_MINUTES if state["examined"] else 0])
    return {"cost": cost, "minutes": minutes, "questions": len(state["steps"]) - int(state["examined"]),
            "tests": len(state["orders"])}


def submit(tr: CaseTrainer, state: dict, diagnosis: str, differential: list, triage: str) -> dict:
    state = _open(state)
    sub = scoring.check_submission(tr.kb, diagnosis, differential, triage)
    res = scoring.score(tr.ckb, tr.engine, case_of(state), state["steps"], [o["id"] for o in state["orders"]], sub)
    state["submission"] = {"diagnosis": sub.diagnosis, "differential": sub.differential, "triage": sub.triage}
    state["score"] = res.to_dict()
    return state
