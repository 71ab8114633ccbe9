"""`literature ask`: answer a yes / no / maybe research question from a paper, with the sentences behind it.

The paper's sentences get their roles as the reader gives them (headings, else the trained classifier, else rules);
the answer is read from the conclusion sentences (the last two sentences when none is marked a conclusion) by the
small answer model (ask_model), or, when no model is installed, by the cue answer model (ask_polarity, session 11:
counted cues read against the question, weighed by a shipped logistic regression), else by counted cues alone. The evidence shown is the
conclusion sentences plus the results sentences closest in meaning to the question."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field

from medcore.literature.ask_model import ANSWERS, AnswerModel, cue_counts, cue_patterns, features
from medcore.literature.ask_numbers import check_yes

log = logging.getLogger(__name__)

N_RESULTS_EVIDENCE = 2


@dataclass
class Answer:
    question: str
    answer: str  # yes | no | maybe
    confidence: float
    evidence: list[dict] = field(default_factory=list)  # {idx, text, role, why}
    probabilities: dict = field(default_factory=dict)
    method: str = "model"  # model | cue-model | cues, "+numbers" when the primary result overruled a "yes"

    def to_dict(self) -> dict:
        return asdict(self)


def conclusion_indices(roles: list[str]) -> list[int]:
    idx = [i for i, r in enumerate(roles) if r == "conclusions"]
    return idx or list(range(max(0, len(roles) - 2), len(roles)))


def cue_answer(cue_vals: list[float]) -> tuple[str, dict]:
    """Without a model: negation wins over hedging, hedging over plain statements."""
    neg, hedge, pos = cue_vals
    if neg > 0 and neg >= pos / 2:
        probs = {"yes": 0.2, "no": 0.6, "maybe": 0.2}
    elif hedge > 0.5 and pos == 0:
        probs = {"yes": 0.3, "no": 0.1, "maybe": 0.6}
    else:
        probs = {"yes": 0.6, "no": 0.2, "maybe": 0.2}
    return max(probs, key=probs.get), probs


def answer_question(question: str, sentences: list[str], roles: list[str], *, embed, cues,
                    model: AnswerModel | None = None, cue_model=None) -> Answer:
    """The answer from sentences with their roles. `embed(texts)` returns L2-normalised vectors (numpy).
    Without an embedding answer `model`, the cue answer model (`cue_model`, ask_polarity) answers when given,
    else the fixed cue rule."""
    if not sentences:
        return Answer(question, "maybe", 0.0, [], {}, "cues")
    conc = conclusion_indices(roles)
    vecs = embed([question] + sentences)
    q, s = vecs[0], vecs[1:]
    cue_vals = cue_counts([sentences[i] for i in conc], cues, question)
    if model is not None:
        p = model.probabilities(features(q, s[conc], cue_vals))
        probs = {a: round(float(v), 4) for a, v in zip(ANSWERS, p)}
        method = "model"
    elif cue_model is not None:
        from medcore.literature.ask_polarity import features as polarity_features

        p = cue_model.probabilities(polarity_features(question, [sentences[i] for i in conc], cues))
        probs = {a: round(float(v), 4) for a, v in zip(ANSWERS, p)}
        method = "cue-model"
    else:
        _, probs = cue_answer(cue_vals)
        method = "cues"
    best = max(probs, key=probs.get)
    sims = s @ q
    confidence = probs[best]
    numbers = check_yes(question, sentences, roles, sims, cues) if best == "yes" else None
    if numbers is not None:
        # the words said yes, the primary result's numbers do not: the numbers win; the confidence is the
        # words' own weight against "yes"
        best, confidence, method = numbers.answer, round(1.0 - probs["yes"], 4), method + "+numbers"
    results = sorted((i for i, r in enumerate(roles) if r == "results" and i not in conc), key=lambda i: -sims[i])
    evidence = [{"idx": i, "text": sentences[i], "role": roles[i], "why": "conclusion"} for i in conc]
    evidence += [{"idx": i, "text": sentences[i], "role": roles[i], "why": f"result closest to the question "
                  f"(similarity {float(sims[i]):.2f})"} for i in results[:N_RESULTS_EVIDENCE]]
    if numbers is not None:
        evidence = [e for e in evidence if e["idx"] != numbers.sentence_idx]
        evidence.append({"idx": numbers.sentence_idx, "text": sentences[numbers.sentence_idx],
                         "role": roles[numbers.sentence_idx], "why": numbers.why})
    evidence.sort(key=lambda e: e["idx"])
    return Answer(question, best, confidence, evidence, probs, method)


def ask_text(settings, text: str, question: str, *, store=None) -> Answer:
    """Read `text` as the reader does (sections, sentences, roles), then answer."""
    from medcore.embeddings import embed
    from medcore.literature.ask_model import load_answer_model
    from medcore.literature.headings import heading_map
    from medcore.literature.model import Paper
    from medcore.literature.roles import assign_roles
    from medcore.literature.segment import segment

    hmap = heading_map(settings)
    paper = assign_roles(segment(Paper(text=text), hmap), hmap, settings)
    sentences = [s.text for s in paper.sentences]
    roles = [s.role for s in paper.sentences]
    from medcore.literature.ask_polarity import load_cue_model

    return answer_question(question, sentences, roles, embed=embed, cues=cue_patterns(settings),
                           model=load_answer_model(settings, store), cue_model=load_cue_model(settings))


def training_rows(abstracts, embed, cues, roles_of=None):
    """(features, answers) of abstracts that have a question and an expert answer. Conclusions are the labelled
    ones, or `roles_of(abstract)`'s predicted roles when given (what evaluation does: headings removed)."""
    import numpy as np

    items = [a for a in abstracts if a.question and a.answer in ANSWERS]
    xs, ys = [], []
    for a in items:
        roles = roles_of(a) if roles_of else [lab or "" for lab in a.labels]
        conc = conclusion_indices(roles)
        vecs = embed([a.question] + [a.sentences[i] for i in conc])
        xs.append(features(vecs[0], vecs[1:], cue_counts([a.sentences[i] for i in conc], cues, a.question)))
        ys.append(a.answer)
    return (np.stack(xs) if xs else np.zeros((0, 0), dtype=np.float32)), ys
