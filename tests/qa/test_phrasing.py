"""A language model may only reword an answer: an added condition fails the grounding check and the template
answer stays; refusals and emergency advice are never reworded."""

from __future__ import annotations

from medcore.llm.base import Prompt
from medcore.qa import phrasing
from medcore.qa.answer import QAAnswer, Sentence


class _Backend:
    name, label, local = "fake", "fake model", True

    def __init__(self, text):
        self.text = text

    def generate(self, prompt: Prompt) -> str:
        return self.text


def _answer(**kw) -> QAAnswer:
    base = dict(question="how is gout treated", answer="Medicines often tried first: colchicine and naproxen.",
                sentences=[Sentence("Medicines often tried first: colchicine and naproxen.", "2020 ACR Gout Guideline")],
                topic=[{"id": "condition:gout", "name": "Gout"}], question_type="treatment", route=None, confidence=0.9)
    base.update(kw)
    return QAAnswer(**base).to_dict()


def test_a_grounded_rewording_is_used_and_an_added_condition_is_not(settings, monkeypatch):
    vocab = ["Gout", "Migraine", "colchicine", "naproxen"]
    monkeypatch.setattr(phrasing, "get_backend", lambda s: _Backend("Gout is often treated first with colchicine or naproxen."))
    assert phrasing.phrase_answer(settings, _answer(), vocab).source == "model"
    monkeypatch.setattr(phrasing, "get_backend", lambda s: _Backend("Gout is like migraine; take colchicine."))
    out = phrasing.phrase_answer(settings, _answer(), vocab)
    assert out.source == "template" and out.text == _answer()["answer"] and "Migraine".lower() in out.note.lower()


def test_refusals_and_emergencies_are_never_reworded(settings, monkeypatch):
    monkeypatch.setattr(phrasing, "get_backend", lambda s: _Backend("anything"))
    assert phrasing.phrase_answer(settings, _answer(refused=True, answer="x"), []).text == "x"
    assert phrasing.phrase_answer(settings, _answer(emergency={"kind": "red_flag"}), []).source == "template"
