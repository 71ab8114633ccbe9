"""The one entry point for health questions (page and CLI): `ask(settings, question, context=None) -> QAAnswer`.

Order of decisions: an emergency (the triage engine's red flags or a self-harm statement) is answered first;
a dose for a particular person goes to the planner; a description of one's own symptoms goes to the symptom
chat; an interaction question is answered from the planner's rules in the graph; everything else from the
education pages. Nothing we cannot source is said: below the calibrated confidence we refuse."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from medcore.qa import answer as A
from medcore.qa import safety
from medcore.qa.cues import Cues, load_cues
from medcore.qa.retrieve import Index, build_index
from medcore.qa.understand import (Covered, TopicFinder, TypeClassifier, Understanding, personal_cue,
                                   understand)
from medcore.triage.input_checks import EMERGENCY_LINE

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 500
ROUTING_SOURCE = "Medcore health questions: routing rules (assets/kb/qa/question_cues.yaml)"
CONFIDENCE = {"exact": 0.95, "variant": 0.9, "abbreviation": 0.8, "embedding": 0.6, "context": 0.8}
MAPPED = {"alias": 0.95, "code": 0.85, "name": 0.85, "category": 0.6}  # a concept mapped onto a covered one


@dataclass
class QAEngine:
    pages: dict
    covered: dict[str, Covered]
    index: Index
    finder: TopicFinder
    classifier: TypeClassifier
    cues: Cues
    triage: object | None  # medcore.triage.service.TriageEngine, or None where it cannot load


_ENGINES: dict[str, QAEngine] = {}
_LOCK = threading.Lock()


def engine(settings, *, use_embeddings: bool = True, use_triage: bool = True) -> QAEngine:
    from medcore.knowledge.service import terminology
    from medcore.qa.pages import build_pages

    pages = build_pages(settings)
    key = f"{settings.kb_dir}|{settings.data_dir}|{id(pages)}|{use_embeddings}|{use_triage}"
    with _LOCK:
        hit = _ENGINES.get(key)
    if hit is not None:
        return hit
    embed_fn = None
    if use_embeddings:
        from medcore.embeddings import minilm_path

        if minilm_path() is not None:
            from medcore.embeddings import embed as embed_fn
    covered = {cid: Covered(cid, p.title, p.kind, {k: tuple(v) for k, v in p.codes.items()})
               for cid, p in pages.items()}
    cues = load_cues(settings.kb_dir)
    index = build_index(pages, settings.path("qa", "index"), embed_fn)
    triage = None
    if use_triage:
        from medcore.triage.service import TriageEngine

        triage = TriageEngine.from_settings(settings)
    from medcore.knowledge.graph import load_graph

    kg = load_graph(settings)
    eng = QAEngine(pages, covered, index, TopicFinder(terminology(settings), covered, kg.graph_id),
                   TypeClassifier(cues, embed_fn), cues, triage)
    with _LOCK:
        _ENGINES.clear()
        _ENGINES[key] = eng
    return eng


def clean(question: str) -> str:
    from medcore.knowledge.service import clean_text

    return clean_text(question or "", MAX_QUESTION_CHARS)


def ask(settings, question: str, context: dict | None = None, *, eng: QAEngine | None = None) -> A.QAAnswer:
    eng = eng or engine(settings)
    q = clean(question)
    if not q:
        raise ValueError("Please type a question.")
    reading = safety.read(eng.triage, q) if eng.triage is not None else None
    u = understand(q, eng.finder, eng.classifier, context=context if isinstance(context, dict) else None,
                   symptoms_fn=(lambda _t: reading.symptoms) if reading is not None else None)
    em = safety.emergency(reading, personal_cue(eng.cues, q)) if reading is not None else None
    page = u.topics[0].id if u.topics else None
    if em is not None:
        return A.compose(u, [], route="emergency", confidence=1.0, page=page, emergency=em)
    if u.patient_dosing and any(t.type in ("drug", "product") for t in u.topics):
        lead = [A.Sentence("A dose for a particular person depends on their age, weight, kidney function and "
                           "other medicines, so the treatment planner works it out with those checks.",
                           ROUTING_SOURCE, None, "routing", "routing")]
        drug = next(t.id for t in u.topics if t.type in ("drug", "product"))
        found = eng.index.in_page(drug, q, eng.cues.sections["drug_use"], k=2)
        return A.compose(u, A.from_passages(found, 2), route="planner", confidence=0.9, page=drug, lead=lead)
    if u.personal:
        lead = [A.Sentence("It sounds like you are describing symptoms you have now. The symptom checker asks "
                           "a few questions and tells you how soon to get help.", ROUTING_SOURCE, None,
                           "routing", "routing"),
                A.Sentence(EMERGENCY_LINE, "Medcore symptom chat", None, "routing", "triage")]
        info = _from_pages(eng, u, q, limit=2)[0] if page else []
        return A.compose(u, info, route="symptom_chat", confidence=0.9, page=page, lead=lead)
    if u.question_type == "interaction":
        got = _interactions(settings, u)
        if got:
            return A.compose(u, got, route=None, confidence=0.95, page=page)
    if not u.topics:
        return _by_search(eng, u, q)
    sents, conf = _from_pages(eng, u, q)
    if not sents or conf < eng.cues.thresholds["refuse_below"]:
        return A.refuse(u, conf, "the page for this topic has nothing on this question")
    return A.compose(u, sents, route=None, confidence=conf, page=page)


def _from_pages(eng: QAEngine, u: Understanding, q: str, limit: int = A.MAX_SENTENCES):
    t = u.topics[0]
    wanted = eng.cues.sections.get(u.question_type, ())
    found = eng.index.in_page(t.id, _without(q, t.matched), wanted, k=3)
    in_wanted = [s for s in found if s.doc.section in wanted]
    how, _, mapped = t.how.partition("+")
    base = CONFIDENCE.get(how, 0.6) * MAPPED.get(mapped, 1.0)
    if in_wanted:
        return A.from_passages(in_wanted, limit), base
    # the page has nothing in the sections this type asks for: the best BM25 passage, with less confidence
    ranked = sorted(found, key=lambda s: -s.bm25)
    return A.from_passages(ranked[:1], limit), base * (0.5 if ranked and ranked[0].bm25 > 0 else 0.3)


def _without(q: str, phrase: str) -> str:
    """The question less the topic's own words, for ranking passages within that topic's page."""
    if not phrase:
        return q
    i = q.lower().find(phrase.lower())
    return (q[:i] + " " + q[i + len(phrase):]).strip() if i >= 0 else q


def _by_search(eng: QAEngine, u: Understanding, q: str) -> A.QAAnswer:
    """No topic named: the nearest page by its names, answered only when it is close enough."""
    best = eng.index.best_pages(q, k=1)
    if not best or best[0][1] < eng.cues.thresholds["page_min_similarity"]:
        return A.refuse(u, best[0][1] if best else 0.0, "no topic we cover was recognised in the question")
    cid, sim = best[0]
    c = eng.covered[cid]
    from medcore.qa.understand import Topic

    u.topics = [Topic(c.id, c.name, c.type, c.codes, "", "embedding")]
    u.question_type = eng.classifier.classify(q, u.topics)[0]
    sents, conf = _from_pages(eng, u, q)
    conf = min(conf, sim)
    if not sents or conf < eng.cues.thresholds["refuse_below"]:
        return A.refuse(u, conf, "the nearest page is not close enough to the question")
    return A.compose(u, sents, route=None, confidence=conf, page=cid)


def _interactions(settings, u: Understanding) -> list[A.Sentence]:
    """The planner's interaction rules, through the graph (`kg ask`): one sentence per pair, with its source."""
    from medcore.knowledge.service import ask as kg_ask

    drugs = [t for t in u.topics if t.type in ("drug", "product")]
    if not drugs:
        return []
    names = [t.name for t in drugs]
    kq = (f"does {names[0]} interact with {names[1]}" if len(names) >= 2 else f"what interacts with {names[0]}")
    res = kg_ask(settings, kq)
    if not res.ok:
        return []
    if not res.rows:
        if len(names) >= 2:
            return [A.Sentence(f"Medcore's interaction rules list no interaction between {names[0]} and "
                               f"{names[1]}. Ask a pharmacist, as no list is complete.",
                               "Medcore planner interaction rules (assets/kb/therapy/interactions.yaml)", None,
                               "interactions", "therapy_kb")]
        return []
    out = []
    for r in res.rows[:3]:
        d = r.detail
        parts = [f"{r.concept_name.capitalize()} with {r.target_name}: {d.get('severity', 'an')} interaction."]
        if d.get("effect"):
            parts.append(f"Risk: {str(d['effect']).rstrip('.')}.")
        if d.get("management"):
            parts.append(f"What to do: {str(d['management']).rstrip('.')}.")
        out.append(A.Sentence(" ".join(parts), r.source, r.concept, "interactions", "therapy_kb"))
    return out
