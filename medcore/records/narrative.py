"""The narrative summary. With a language model configured, the model rephrases the structured
summary and must pass the grounding check (no drug, dose or diagnosis absent from the
extraction). Otherwise, or when the check fails, an extractive summary is shown: the most central
sentences of the note by MiniLM embeddings (LexRank-style degree centrality), re-ranked by the
learned sentence-importance scorer when one is trained. The result says which one it is."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from medcore.records.candidates import _cache, _embed_cached, candidates  # noqa: F401  (_cache: tests clear it)
from medcore.records.pipeline import NoteAnalysis
from medcore.records.prompt import allowed_terms, facts, narrative_prompt, template_text  # noqa: F401

@dataclass
class Narrative:
    text: str
    method: str  # "language model" | "extractive" | "template"
    backend: str  # which backend or model wrote it
    note: str = ""  # why this method was used
    sentences: list[int] = field(default_factory=list)  # source sentences (extractive)
    unsupported: list[str] = field(default_factory=list)


MAX_CANDIDATES = 200


def _cap(analysis: NoteAnalysis, cand: list[int]) -> list[int]:
    """Embedding costs ~25 ms a sentence on CPU; for very long notes keep the sentences the
    extraction cites (problems, medication changes, abnormal results, follow-ups) first."""
    if len(cand) <= MAX_CANDIDATES:
        return cand
    ex = analysis.extraction
    cited = {p.sentence for p in ex.problems if p.assertion == "present"}
    cited |= {m.sentence for m in ex.medications if m.status} | {f.sentence for f in ex.follow_ups}
    cited |= {x.sentence for x in ex.labs + ex.vitals if x.flag in ("high", "low")}
    first = [i for i in cand if i in cited][:MAX_CANDIDATES]
    rest = [i for i in cand if i not in cited][:MAX_CANDIDATES - len(first)]
    return sorted(first + rest)


def centrality(vecs: np.ndarray, threshold: float = 0.25) -> np.ndarray:
    """Degree centrality of the cosine-similarity graph (LexRank without the power iteration)."""
    if len(vecs) == 0:
        return np.zeros(0)
    sim = vecs @ vecs.T
    np.fill_diagonal(sim, 0.0)
    return (sim * (sim > threshold)).sum(axis=1) / max(1, len(vecs) - 1)


def extractive(analysis: NoteAnalysis, *, k: int | None = None, scorer=None) -> tuple[list[int], np.ndarray]:
    """Indices of the chosen sentences (in note order) and every candidate's score."""
    cand = _cap(analysis, candidates(analysis))
    if not cand:
        return [], np.zeros(0)
    texts = [analysis.sentences[i].text for i in cand]
    vecs = _embed_cached(texts)
    cen = centrality(vecs)
    score = (cen - cen.mean()) / (cen.std() + 1e-6)
    if scorer is not None:
        from medcore.records.scorer import features

        prob = scorer.predict(vecs, features(analysis, cand))
        score = 0.5 * score + 0.5 * (prob - prob.mean()) / (prob.std() + 1e-6)
    k = k or min(len(cand), max(3, min(5, len(cand) // 5 + 1)))
    top = np.argsort(-score)[:k]
    return sorted(cand[i] for i in top), score


def narrative(analysis: NoteAnalysis, settings, *, backend=None, scorer=None, vocabulary=(), store=None) -> Narrative:
    from medcore.llm import get_backend
    from medcore.llm.phrasing import phrase

    summary = analysis.summary
    template = template_text(summary)
    backend = backend or get_backend(settings)
    if backend.name in ("hf", "embedded"):
        # the LoRA adapter the Model lab activated, when it was trained on this very base model
        from medcore.records.lora_serving import with_active_adapter

        backend = with_active_adapter(backend, settings, store)
    note = ""
    if backend.name != "template":
        prompt = narrative_prompt(analysis)
        allowed = allowed_terms(analysis)
        result = phrase(backend, prompt, allowed_terms=allowed, vocabulary=vocabulary)
        if result.source == "model":
            return Narrative(result.text, "language model", result.backend)
        note = (result.note or "the language model's text did not pass the grounding check").replace(
            "; showing the template text", "")
    else:
        note = "no language model is configured"
    try:
        chosen, _ = extractive(analysis, scorer=scorer)
    except (FileNotFoundError, ImportError, OSError) as exc:
        return Narrative(template, "template", "template (no language model)",
                         f"{note}; the sentence-embedding model is unavailable ({exc}), so the template text is shown")
    if not chosen:
        return Narrative(template, "template", "template (no language model)", f"{note}; the note has no prose sentences")
    text = " ".join(analysis.sentences[i].text.strip() for i in chosen)
    how = "MiniLM centrality" + (f" + {getattr(scorer, 'label', 'learned scorer')}" if scorer is not None else "")
    return Narrative(text, "extractive", f"extractive ({how})", f"{note}; showing an extractive summary", chosen)
