"""Session 25 (review): the vignette answers of the evaluation, the threshold tuning and the MLP comparison come
from one home (evaluate.collect_answers); the two copies in the tuning and the comparison had let a later "no"
overwrite a "yes" and had no question cap."""

from __future__ import annotations

from types import SimpleNamespace

from medcore.triage import evaluate


class _Reader:
    """Reads any text as: wheeze present, then wheeze denied, then fever denied (own findings)."""

    def read_text(self, text):
        said = [("wheeze", True), ("wheeze", False), ("fever", False)]
        return 0, SimpleNamespace(mentions=[SimpleNamespace(finding_id=f, present=p) for f, p in said])


def test_one_shot_answers_keep_a_finding_said_present():
    answers, origin, questions = evaluate.collect_answers(_Reader(), {"text": "any"}, "one_shot")
    assert answers == {"wheeze": "yes", "fever": "no"}
    assert origin == {"wheeze": "text", "fever": "text"} and questions == 0


def test_tuning_reads_its_answers_through_the_one_home(lexical_engine, monkeypatch):
    seen = []
    real = evaluate.collect_answers

    def spy(engine, v, mode):
        seen.append((v["id"], mode))
        return real(engine, v, mode)

    monkeypatch.setattr(evaluate, "collect_answers", spy)
    v = {"id": "own-1", "age": 40, "sex": "female", "text": "I have had a high fever and a cough for two days.",
         "present": ["fever", "cough"], "absent": [], "diagnosis": "pneumonia", "triage": "urgent"}
    evaluate.tune_thresholds(lexical_engine, [v])
    assert seen == [("own-1", "one_shot"), ("own-1", "interactive")]
