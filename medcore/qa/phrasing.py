"""Optional language-model wording of an answer. The engine's sentences are the answer; a model may only
rephrase them, and its text must pass the grounding check (no condition or medicine the answer did not name)
or the template text stays, saying why. The page shows the template answer first and never waits for this."""

from __future__ import annotations

from medcore.llm import Prompt, get_backend
from medcore.llm.phrasing import Phrased, phrase


def phrase_answer(settings, answer: dict, vocabulary: list[str]) -> Phrased:
    """`answer`: QAAnswer.to_dict(); `vocabulary`: every condition and medicine name we have a page for."""
    text = answer["answer"]
    if answer.get("refused") or answer.get("emergency"):  # said exactly as written
        return Phrased(text, "template", "template")
    prompt = Prompt(
        task="qa.answer",
        instruction="Rewrite this answer to a health question in plain, calm words in under 80 words. "
                    "Keep every fact; add nothing; mention only the conditions and medicines in the facts.",
        facts={"question": answer["question"], "sentences": [s["text"] for s in answer["sentences"]]},
        template_text=text)
    allowed = [t["name"] for t in answer["topic"]] + [n for n in vocabulary if n.lower() in text.lower()]
    return phrase(get_backend(settings), prompt, allowed_terms=allowed, vocabulary=vocabulary)
