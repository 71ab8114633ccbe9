"""`python -m medcore eval qa [--split dev|blind]`: the health-questions tool on MedQuAD consumer questions.

Gold topic: the question's focus read by the same topic finder on the focus text alone (a focus we cannot
read as one of our pages is not covered). Scored on covered questions: topic top-1, question type (MedQuAD
qtypes mapped to ours, medquad.QTYPE_MAP), relevance of the answer to the reference answer (MiniLM cosine;
ROUGE-L with rouge-score), share refused. Coverage is the share of distinct foci we cover; on a sample of
uncovered questions we report the share refused (there, refusing is right)."""

from __future__ import annotations

import logging
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from medcore.qa import medquad

log = logging.getLogger(__name__)


def gold_topic(eng, focus: str) -> str | None:
    """The covered concept the focus names as a whole ("Gout", "Parkinson disease"), never one named inside
    a longer focus ("Familial hemiplegic migraine" is not our migraine page) or only as a narrower form."""
    want = _norm(focus)
    for t in eng.finder.find(focus):
        if _norm(t.matched) == want and "+narrower" not in t.how:
            return t.id
    return None


def _norm(s: str) -> str:
    import re

    return " ".join(re.findall(r"[a-z0-9]+", s.lower()))


def evaluate(settings, split: str = "dev", limit: int | None = None, uncovered_sample: int = 200,
             seed: int = 0, keep_items: bool = False) -> dict:
    path = medquad.data_path()
    if path is None:
        return {"skipped": "MedQuAD is not here (expected ../shared/data/medquad/medquad_dev.jsonl); "
                           "it is development data and is never committed"}
    from medcore.qa import service

    t0 = time.perf_counter()
    eng = service.engine(settings)
    items = medquad.load(path, split)
    foci = sorted({i.focus for i in items})
    gold = {f: gold_topic(eng, f) for f in foci}
    covered = [i for i in items if gold[i.focus]]
    uncovered = [i for i in items if not gold[i.focus]]
    rng = random.Random(seed)
    if limit is not None and len(covered) > limit:
        covered = rng.sample(covered, limit)
    unc = rng.sample(uncovered, min(uncovered_sample, len(uncovered)))
    rows = []
    lat = []
    for it in covered:
        t = time.perf_counter()
        a = service.ask(settings, it.question, eng=eng)
        lat.append(time.perf_counter() - t)
        rows.append((it, a))
    refused_unc = sum(service.ask(settings, it.question, eng=eng).refused for it in unc)
    topic_ok = [bool(a.topic) and a.topic[0]["id"] == gold[it.focus] for it, a in rows]
    typed = [(it, a) for it, a in rows if it.our_type]
    type_ok = [a.question_type == it.our_type for it, a in typed]
    answered = [(it, a) for it, a in rows if not a.refused]
    rel = _relevance(answered)
    confusion = Counter((it.our_type, a.question_type) for it, a in typed if a.question_type != it.our_type)
    out = {
        "split": split, "questions": len(items), "foci": len(foci),
        "coverage_foci": round(sum(1 for f in foci if gold[f]) / max(1, len(foci)), 4),
        "covered_questions": len(rows), "covered_foci": sum(1 for f in foci if gold[f]),
        "topic_top1": round(float(np.mean(topic_ok)), 4) if rows else None,
        "question_type_accuracy": round(float(np.mean(type_ok)), 4) if typed else None,
        "question_type_scored": len(typed),
        "question_type_left_out": dict(Counter(it.qtype for it, _ in rows if not it.our_type)),
        "refused_share_covered": round(sum(a.refused for _, a in rows) / max(1, len(rows)), 4),
        "refused_share_uncovered_sample": round(refused_unc / max(1, len(unc)), 4),
        "uncovered_sample": len(unc),
        **rel,
        "routes": dict(Counter(str(a.route) for _, a in rows)),
        "type_confusions_top": [f"{g}->{p}: {n}" for (g, p), n in confusion.most_common(8)],
        "latency_p95_ms": round(float(np.percentile(lat, 95)) * 1000, 1) if lat else None,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    if keep_items:
        out["items"] = [{"id": it.id, "gold": gold[it.focus], "qtype": it.our_type, "answer": a.to_dict()}
                        for it, a in rows]
    return out


def _relevance(answered) -> dict:
    if not answered:
        return {"answered": 0, "minilm_cosine_mean": None, "rougeL_f_mean": None, "rougeL_recall_mean": None}
    from rouge_score import rouge_scorer

    from medcore.embeddings import embed

    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)
    refs = [" ".join(it.answer.split()) for it, _ in answered]
    hyps = [a.answer for _, a in answered]
    r = [scorer.score(ref, hyp)["rougeL"] for ref, hyp in zip(refs, hyps)]
    # MiniLM reads 256 word pieces: the reference's opening, which is where NIH pages answer
    cos = np.sum(embed(refs) * embed(hyps), axis=1)
    return {"answered": len(answered), "minilm_cosine_mean": round(float(np.mean(cos)), 4),
            "rougeL_f_mean": round(float(np.mean([x.fmeasure for x in r])), 4),
            "rougeL_recall_mean": round(float(np.mean([x.recall for x in r])), 4),
            "rougeL_precision_mean": round(float(np.mean([x.precision for x in r])), 4)}
