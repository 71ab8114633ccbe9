"""The one entry point for health questions (page and CLI): `ask(settings, question, context=None) -> QAAnswer`.

Order of decisions: an emergency (the triage engine's red flags or a self-harm statement) is answered first;
a dose for a particular person goes to the planner; a description of one's own symptoms goes to the symptom
chat; a "does X cause Y" question from the knowledge base's link between the two (relation.py); an interaction
question is answered from the planner's rules in the graph; everything else from the education pages. Nothing we cannot source is said: below the calibrated confidence we refuse."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

from medcore.qa import answer as A
from medcore.qa import act_now, relation, safety
from medcore.qa.cues import Cues, load_cues
from medcore.qa.model import CONDITION_SECTIONS, DRUG_SECTIONS
from medcore.qa.retrieve import Index, build_index
from medcore.qa.understand import (Covered, TopicFinder, TypeClassifier, Understanding, personal_cue,
                                   understand)
from medcore.triage import input_guard
from medcore.triage.input_checks import EMERGENCY_LINE

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 500
ROUTING_SOURCE = "Medcore health questions: routing rules (assets/kb/qa/question_cues.yaml)"
CONFIDENCE = {"exact": 0.95, "variant": 0.9, "abbreviation": 0.8, "embedding": 0.6, "context": 0.8}
MAPPED = {"alias": 0.95, "code": 0.85, "name": 0.85, "category": 0.75, "parent": 0.75}  # a concept mapped onto a covered one


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
    if embed_fn is not None:
        embed_fn(["warm up"])  # load MiniLM now, not on somebody's first question
    triage = None
    if use_triage:
        from medcore.triage.service import TriageEngine

        triage = TriageEngine.from_settings(settings)
    from medcore.knowledge.graph import load_graph

    kg = load_graph(settings)
    eng = QAEngine(pages, covered, index, TopicFinder(terminology(settings), covered, kg.graph_id, cues),
                   TypeClassifier(cues, embed_fn), cues, triage)
    with _LOCK:
        _ENGINES.clear()
        _ENGINES[key] = eng
    return eng


def clean(question: str) -> str:
    from medcore.knowledge.service import clean_text

    return clean_text(question or "", MAX_QUESTION_CHARS)


def unknown_context_topics(settings, context: dict | None) -> list[str]:
    """The --context topic ids that name no page: they are ignored, and the CLI says so (hand check s11: a
    follow-up with "condition:asthma", which is no page id, was refused with no hint why)."""
    if not isinstance(context, dict):
        return []
    ids = [t.get("id") if isinstance(t, dict) else t for t in context.get("topics", [])]
    covered = engine(settings).covered
    return [str(i) for i in ids if i not in covered]


def ask(settings, question: str, context: dict | None = None, *, eng: QAEngine | None = None) -> A.QAAnswer:
    eng = eng or engine(settings)
    q = clean(question)
    if not q:
        raise ValueError("Please type a question.")
    reading = safety.read(eng.triage, q) if eng.triage is not None else None
    u = understand(q, eng.finder, eng.classifier, context=context if isinstance(context, dict) else None,
                   symptoms_fn=(lambda _t: [f for f in reading.symptoms if f not in eng.cues.states])
                   if reading is not None else None)
    em = safety.emergency(reading, personal_cue(eng.cues, q)) if reading is not None else None
    page = u.topics[0].id if u.topics else None
    if em is not None:
        if em.kind == "red_flag":  # after the emergency advice, what to do until help comes (hand check s11own01)
            em.waiting_heading, em.while_waiting = act_now.chat_waiting(settings.kb_dir, eng.pages, q, reading)
        return A.compose(u, [], route="emergency", confidence=1.0, page=page, emergency=em)
    if (now := act_now.now_answer(eng, u, q)) is not None:  # an emergency happening now: its page's advice (s29)
        return now
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
    rel = relation.read(eng.cues, q)
    if rel is not None:  # "does X cause Y": the knowledge base's own link, or a plain "no record"
        return relation.answer(settings, eng, u, rel)
    drink = _with_alcohol(eng, u, q) or _with_food(eng, u, q)  # whatever the type read ("a beer or two when I'm on metronidazole")
    if drink:
        return A.compose(u, drink, route=None, confidence=0.9, page=page)
    if u.question_type == "interaction":
        got = _interactions(settings, u)
        if got:
            return A.compose(u, got, route=None, confidence=0.95, page=page)
    if not u.topics:
        symptom = _symptom_causes(settings, eng, u, q)
        if symptom is not None:
            return symptom
        return _by_search(eng, u, q)
    if eng.cues.unsupported.search(q.lower()):
        t = u.topics[0]
        ans = A.refuse(u, 0.3, "our pages hold no figures on how common it is, research, trials or stages")
        ans.links.insert(0, {"kind": "page", "target": t.id, "label": f"Read our page on {t.name}"})
        return ans
    if "+narrower" in u.topics[0].how:
        t = u.topics[0]
        ans = A.refuse(u, 0.3, f"the question names a particular form of {t.name}; we only have a page on "
                               f"{t.name} in general")
        ans.links.insert(0, {"kind": "page", "target": t.id, "label": f"Read the general page on {t.name}"})
        return ans
    sents, conf = _from_pages(eng, u, q)
    if not sents or conf < eng.cues.thresholds["refuse_below"]:
        return A.refuse(u, conf, "the page for this topic has nothing on this question")
    return A.compose(u, sents, route=None, confidence=conf, page=page,
                     lead=A.related_page_lead(u.topics[0], eng.pages.get(page)))


def _from_pages(eng: QAEngine, u: Understanding, q: str, limit: int = A.MAX_SENTENCES):
    t = u.topics[0]
    wanted = u.sections or eng.cues.sections.get(u.question_type, ())
    query = act_now.ASKING_WORDS.sub(" ", _without(q, t.matched).lower()) if u.by_words else _without(q, t.matched)
    found = eng.index.in_page(t.id, query, wanted, k=3,
                              by_words=u.question_type in eng.cues.rank_by_words or u.by_words,
                              together=u.by_words)
    in_wanted = [s for s in found if s.doc.section in wanted]
    how, _, mapped = t.how.partition("+")
    mapped = mapped.split("+")[0]
    base = CONFIDENCE.get(how, 0.6) * MAPPED.get(mapped, 1.0)
    if in_wanted:
        in_wanted = act_now.emergency_first(eng.index, t.id, eng.pages.get(t.id), in_wanted, u)
        if u.question_type == "pregnancy":
            in_wanted = _pregnancy_first(q, in_wanted)
        return A.from_passages(in_wanted, limit), base
    page = eng.pages.get(t.id)
    if page is not None and set(wanted) & set(KIND_SECTIONS.get(page.kind, ())):
        return _safety_fallback(eng, t.id, wanted, limit), base * FALLBACK_FACTOR
    # the type asks for sections this kind of page never has ("what does <drug> treat" reads as treatment):
    # the best BM25 passage, with less confidence
    ranked = sorted(found, key=lambda s: -s.bm25)
    return A.from_passages(ranked[:1], limit), base * (0.5 if ranked and ranked[0].bm25 > 0 else 0.3)


# A drug page's pregnancy and breastfeeding advice are separate passages. Word ranking put "usually safe while
# breastfeeding" first for "is it safe late in pregnancy" (the stemmer splits "pregnant" from "pregnancy" and
# "safe" matched): the passage about the state the question names comes first (hand check s11).
BREASTFEEDING = re.compile(r"\bbreast ?fe\w*|\bbreast ?milk\b|\bnursing (a|my|the) baby\b")


def _pregnancy_first(q: str, found: list) -> list:
    """Breastfeeding passages first when the question names breastfeeding, else the pregnancy ones."""
    wants_milk = bool(BREASTFEEDING.search(q.lower()))
    return sorted(found, key=lambda s: bool(BREASTFEEDING.search(s.doc.text.lower())) != wants_milk)


FALLBACK_FACTOR = 0.75
KIND_SECTIONS = {"condition": tuple(CONDITION_SECTIONS), "drug": tuple(DRUG_SECTIONS)}
SAFETY_SECTION = {"condition": "when_to_get_help", "drug": "side_effects_serious"}
PAGE_SOURCE = "Medcore education page"


def _safety_fallback(eng: QAEngine, page_id: str, wanted: tuple[str, ...], limit: int) -> list[A.Sentence]:
    """The page has nothing in the sections this question asks for: say so, then give the page's own advice on
    when to get help (a drug page: its serious side effects), never a neighbouring section that may mislead
    (a mini-stroke's outlook is that it is an emergency, not its self-care)."""
    page = eng.pages.get(page_id)
    if page is None:
        return []
    asked = next((page.section(k) for k in wanted if page.section(k) is not None), None)
    if asked is not None and asked.missing:
        say = asked.missing
    else:
        what = wanted[0].replace("_", " ") if wanted else "this question"
        say = f"Our page on {page.title} has no checked information on {'how it spreads' if what == 'contagion' else what}."
    lead = A.Sentence(say, PAGE_SOURCE, page_id, asked.key if asked is not None else (wanted[0] if wanted else None),
                      "page")
    key = SAFETY_SECTION.get(page.kind)
    found = eng.index.in_page(page_id, "", (key,), k=limit, by_words=False) if key else []
    return [lead, *A.from_passages([f for f in found if f.doc.section == key], max(1, limit - 1))]


def _without(q: str, phrase: str) -> str:
    """The question less the topic's own words, for ranking passages within that topic's page."""
    if not phrase:
        return q
    i = q.lower().find(phrase.lower())
    return (q[:i] + " " + q[i + len(phrase):]).strip() if i >= 0 else q


LEVEL_WORDS = {"emergency": "an emergency", "urgent": "urgent", "routine": "routine", "self_care": "self-care"}


def _same_thing(asked: str, found: str) -> bool:
    """The last word of what was asked (its head: "pain" of "chest pain", "nephropathy" of "diabetic
    nephropathy") begins like a word of the graph's finding ("smoking" ~ "smoker", "headaches" ~ "headache")."""
    head = (re.findall(r"[a-z0-9]+", asked.lower()) or [""])[-1][:4]
    return bool(head) and any(w.startswith(head) for w in re.findall(r"[a-z0-9]+", found.lower()))


def _symptom_causes(settings, eng: QAEngine, u: Understanding, q: str) -> A.QAAnswer | None:
    """A symptom rather than a condition ("what causes chest pain"): the conditions the graph lists for it,
    most urgent first, each with its source, and the symptom chat for one's own symptoms."""
    # an act-now question with no page ("how can I help someone having a fit") keeps this route: the new cue had
    # made it a refusal with no emergency advice (review s29)
    if u.question_type not in ("causes", "definition", "symptoms", "diagnosis") and not u.by_words:
        return None
    found = [m for m in eng.finder.match(q) if m.concept_id not in eng.covered]
    if not found:
        return None
    from medcore.knowledge.service import ask as kg_ask

    res = kg_ask(settings, f"what can cause {found[0].text}")
    if not res.ok or not res.rows or any(r.relation != "has_finding" for r in res.rows):
        return None
    if not _same_thing(found[0].text, res.rows[0].target_name):
        # the graph read something else in the words: "diabetic nephropathy" (a condition with no page) came
        # back as the risk factor "known diabetes" and listed the emergencies of diabetes (hand check s11)
        return None
    order = {"emergency": 0, "urgent": 1, "routine": 2, "self_care": 3}
    rows = sorted(res.rows[:12], key=lambda r: (order.get(r.detail.get("triage"), 4), -r.detail.get("likelihood", 0)))
    name = res.rows[0].target_name.lower()
    from medcore.knowledge.graph import load_graph

    target = load_graph(settings).node(res.rows[0].target) if res.rows[0].target else {}
    if target.get("attrs", {}).get("category") == "risk":  # a risk factor ("smoker") is not a sign of anything
        sents = [A.Sentence(f"Our knowledge base lists {name} as a risk factor for {r.concept_name} "
                            f"({LEVEL_WORDS.get(r.detail.get('triage'), 'see a doctor')}).", r.source, r.concept,
                            "causes", "graph") for r in rows[:4]]
        lead = [A.Sentence(f"Our knowledge base lists {name} as a risk factor for these conditions, among others; "
                           "the most urgent first.", ROUTING_SOURCE, None, "routing", "routing")]
        u.question_type = "causes"
        return A.compose(u, sents, route=None, confidence=0.8, page=None, lead=lead)
    sents = [A.Sentence(f"{name.capitalize()} can be a sign of {r.concept_name} "
                        f"({LEVEL_WORDS.get(r.detail.get('triage'), 'see a doctor')}).", r.source, r.concept,
                        "causes", "graph") for r in rows[:4]]
    lead = [A.Sentence(f"Many conditions can cause {name}; these are some in our knowledge base, the most urgent "
                       "first. If you have it now, the symptom checker can tell you how soon to get help.",
                       ROUTING_SOURCE, None, "routing", "routing")]
    u.question_type = "causes"
    ans = A.compose(u, sents, route=None, confidence=0.8, page=None, lead=lead)
    ans.links.append({"kind": "tool", "target": "symptom_chat", "label": A.TOOL_LINKS["symptom_chat"]})
    return ans


def _serious_unasked(eng: QAEngine, cid: str, q: str) -> bool:
    """A cancer page near the question by name only, when the question itself does not raise cancer."""
    cues = eng.cues
    if cues.serious_page is None or not cues.serious_page.search(eng.covered[cid].name.lower()):
        return False
    return not cues.serious_question.search(q.lower())


def _by_search(eng: QAEngine, u: Understanding, q: str) -> A.QAAnswer:
    """No topic named: the nearest page by its names, answered only when it is close enough and the question
    names no other known concept (a condition we have no page on is refused, not answered from a neighbour)."""
    other = eng.finder.match(q)
    if other:
        return A.refuse(u, 0.2, f"we have no page on {other[0].text}")
    best = [(cid, sim) for cid, sim in eng.index.best_pages(q, k=3) if not _serious_unasked(eng, cid, q)]
    if not best or best[0][1] < eng.cues.thresholds["page_min_similarity"]:
        guard = input_guard.check(q)  # the chat's language check (one home): say why, not only "no topic"
        why = (f"the question does not read as English ({guard.language}), and the education pages answer "
               "questions in English only" if guard.kind == "other_language"
               else "no topic we cover was recognised in the question")
        return A.refuse(u, best[0][1] if best else 0.0, why)
    cid, sim = best[0]
    c = eng.covered[cid]
    from medcore.qa.understand import Topic

    u.topics = [Topic(c.id, c.name, c.type, c.codes, "", "embedding")]
    u.question_type, _, u.sections, u.by_words = eng.classifier.read(q, u.topics)
    sents, conf = _from_pages(eng, u, q)
    conf = min(conf, sim)
    if not sents or conf < eng.cues.thresholds["refuse_below"]:
        return A.refuse(u, conf, "the nearest page is not close enough to the question")
    return A.compose(u, sents, route=None, confidence=conf, page=cid)


ALCOHOL_PASSAGES = 2


def _with_alcohol(eng: QAEngine, u: Understanding, q: str) -> list[A.Sentence]:
    """Drinking with one medicine: the drug page's own sentences on alcohol, or a plain "nothing on it" (the
    planner's rules pair two medicines, so its list for the drug would answer another question)."""
    drugs = [t for t in u.topics if t.type in ("drug", "product")]
    if eng.cues.alcohol is None or len(drugs) != 1 or not eng.cues.alcohol.search(q.lower()):
        return []
    page = eng.pages.get(drugs[0].id)
    if page is None:
        return []
    out = _passages_naming(page, eng.cues.alcohol)
    if out:
        return out
    return [A.Sentence(f"Our page on {page.title} has no checked information on drinking alcohol with it. "
                       "Ask a pharmacist before you drink.", PAGE_SOURCE, page.concept_id, "interactions", "page")]


def _with_food(eng: QAEngine, u: Understanding, q: str) -> list[A.Sentence]:
    """A food with one medicine (grapefruit): the drug page's own sentences naming it, or a plain "nothing on it"."""
    drugs = [t for t in u.topics if t.type in ("drug", "product")]
    food = next(((name, pat) for name, pat in eng.cues.foods if pat.search(q.lower())), None)
    if food is None or len(drugs) != 1 or eng.pages.get(drugs[0].id) is None:
        return []
    page = eng.pages[drugs[0].id]
    return _passages_naming(page, food[1]) or [A.Sentence(f"Our page on {page.title} has no checked information on {food[0]} with it. "
                              "Ask a pharmacist.", PAGE_SOURCE, page.concept_id, "interactions", "page")]


def _passages_naming(page, pattern) -> list[A.Sentence]:
    """The page's passages that name a drink or food, its interactions section first; whole passages, so
    "Alcohol makes this worse" keeps the sentence it refers to."""
    order = sorted(page.sections, key=lambda sec: sec.key != "interactions")
    hits = [(sec.key, p) for sec in order for p in sec.passages if pattern.search(p.text.lower())]
    return [A.Sentence(s, p.source, page.concept_id, key, p.origin) for key, p in hits[:ALCOHOL_PASSAGES]
            for s in A.split_sentences(p.text)]


def _interactions(settings, u: Understanding) -> list[A.Sentence]:
    """The planner's interaction rules, through the graph (`kg ask`): one sentence per pair, with its source."""
    from medcore.knowledge.interaction_text import pair_text, sentences
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
    # one sentence per pair, its rules merged as the planner merges them (interaction_text.pair_text): the most
    # severe rule's grade and management lead (was one sentence per rule, a milder rule's beside a contraindication)
    by_pair: dict[tuple, list] = {}
    for r in res.rows:
        by_pair.setdefault((r.relation, *sorted((r.concept, r.target))), []).append(r)
    out = []
    for rows in list(by_pair.values())[:3]:
        r, t = rows[0], pair_text([row.detail for row in rows])
        out.append(A.Sentence(sentences(f"{r.concept_name.capitalize()} with {r.target_name}: "
                                        f"{t.severity or 'an'} interaction",
                                        f"Risk: {t.effect}" if t.effect else "",
                                        f"What to do: {t.advice()}" if t.advice() else ""),
                              "; ".join(dict.fromkeys(row.source for row in rows)), r.concept, "interactions",
                              "therapy_kb"))
    return out
