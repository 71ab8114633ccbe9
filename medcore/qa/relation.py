""""Does X cause Y" questions ("can ibuprofen cause stomach bleeding", "is a cough a side effect of ramipril",
"does diabetes cause blurred vision", "can smoking cause COPD"): answered from a link the knowledge base holds,
with its source, or with a plain statement that it holds none. Absence is never read as "no".

Where a link is looked for, in order:
1. the graph: X (a condition) has the finding Y (a symptom or sign; risk factors excluded);
2. the graph: Y (a condition) has the risk factor X;
3. the text of X's education page (a medicine's side effects; a condition's symptoms, causes, outlook, warning
   signs): a sentence in which the shared matcher finds one of Y's concepts, or that holds every content word of Y;
4. the text of Y's page (its causes): the same test for X.

The cue patterns that split a question into X and Y are data (assets/kb/qa/question_cues.yaml, `relation`)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from medcore.qa import answer as A

log = logging.getLogger(__name__)
KB_SOURCE = "Medcore knowledge base: no recorded link (assets/kb)"
NOT_SYMPTOM = {"risk", "course", "measured"}  # finding categories that are not symptoms (as on the pages)
COMMON_P = 0.6
X_SECTIONS = {"drug": ("side_effects_common", "side_effects_serious"),
              "condition": ("symptoms", "causes", "outlook", "when_to_get_help")}
Y_SECTIONS = ("causes",)
STOP = frozenset("a an the of in on to you your my me people someone person up it be being been get have has feel "
                 "with and or for at from very really bad".split())


@dataclass(frozen=True)
class Relation:
    x: str  # the cause as asked ("ibuprofen", "being very overweight")
    y: str  # the effect as asked ("bleeding in the stomach", "sleep apnoea")


def read(cues, question: str) -> Relation | None:
    q = question.lower()
    same = len(q) == len(question)  # the sides are cut from the question as asked: "COPD" is an abbreviation only
    for pat in cues.relation:       # in capitals
        m = pat.search(q)
        if m and m.group("x").strip() and m.group("y").strip():
            x, y = ((question[m.start(g):m.end(g)] for g in ("x", "y")) if same else (m.group("x"), m.group("y")))
            return Relation(_tidy(x), _tidy(y))
    return None


def _tidy(s: str) -> str:
    return " ".join(s.split()).strip(" ?.!,")


def _shown(s: str) -> str:
    """As said back in an answer: without a leading article ("the runs" is matched whole, shown as asked)."""
    return re.sub(r"^(a|an|the|your|my)\s+", "", s)


@dataclass
class _Side:
    text: str
    ids: set[str]  # concepts the matcher reads in it, and the covered pages it names
    pages: list  # understand.Topic, covered pages named in it (longest mention first)
    stems: set[str]


def _side(eng, text: str, graph_id) -> _Side:
    from medcore.qa.retrieve import stem_words

    pages = eng.finder.find(text)
    ids = _concepts(eng, text) | {t.id for t in pages}
    ids |= {g for g in (graph_id(i) for i in list(ids)) if g}
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2]
    return _Side(text, ids, pages, set(stem_words(words)))


def _concepts(eng, text: str) -> set[str]:
    """Every concept the matcher reads, and the triage findings among them (a problem-list "headache" is also
    the finding the graph links conditions to)."""
    finder = eng.finder
    return {m.concept_id for m in finder.match(text)} | {m.concept_id for m in finder.match(text, types=("finding",))}


def answer(settings, eng, u, rel: Relation) -> A.QAAnswer:
    """The answer; a refusal when neither X nor Y is a page we have (the ordinary flow's symptom lists would
    answer another question)."""
    from medcore.knowledge.graph import load_graph

    kg = load_graph(settings)
    x, y = _side(eng, rel.x, kg.graph_id), _side(eng, rel.y, kg.graph_id)
    xpage = next((t for t in x.pages if t.id in eng.pages), None)
    ypage = next((t for t in y.pages if t.id in eng.pages and (xpage is None or t.id != xpage.id)), None)
    if xpage is None and ypage is None:
        return A.refuse(u, 0.2, f"we have no page on {_shown(rel.x)} or {_shown(rel.y)} to hold a link between them")
    found = None
    if xpage is not None and xpage.type == "condition":
        found = _finding_edge(kg, xpage, y)
    if found is None and ypage is not None and ypage.type == "condition":
        found = _risk_edge(kg, ypage, x)
    if found is None and xpage is not None:
        found = _in_page(eng, xpage, y, X_SECTIONS.get(xpage.type, ()))
    if found is None and ypage is not None:
        found = _in_page(eng, ypage, x, Y_SECTIONS)
    first = xpage or ypage
    if found is None:
        sents = _no_link(eng, first, xpage, ypage, rel)
        topic, conf = first, 0.7
    else:
        topic, sents = found
        conf = 0.85
    u.topics = [topic] + [t for t in u.topics if t.id != topic.id]
    u.question_type = "side_effect" if topic.type in ("drug", "product") else ("causes" if topic is ypage else "symptoms")
    return A.compose(u, sents, route=None, confidence=conf, page=topic.id)


def _finding_edge(kg, page, y: _Side):
    cid = kg.graph_id(page.id) or page.id
    if cid not in kg:
        return None
    for e in sorted(kg.edges(cid, "has_finding"), key=lambda e: -e.attrs.get("likelihood", 0)):
        if e.end in y.ids and kg.node(e.end)["attrs"].get("category") not in NOT_SYMPTOM:
            how = "often" if e.attrs.get("likelihood", 0) >= COMMON_P else "sometimes"
            text = (f"Yes. {_cap(kg.name(e.end))} is {how} a sign of {page.name.lower()}, "
                    "as our knowledge base lists it.")
            return page, [A.Sentence(text, e.source, page.id, "symptoms", "graph")]
    return None


def _risk_edge(kg, page, x: _Side):
    cid = kg.graph_id(page.id) or page.id
    if cid not in kg:
        return None
    for e in kg.edges(cid, "has_finding"):
        if e.end in x.ids and kg.node(e.end)["attrs"].get("category") == "risk":
            text = (f"Yes, there is a link. Our knowledge base lists this as a risk factor for {page.name.lower()} "
                    f"(it is seen more often in people who have it): {kg.name(e.end).lower()}.")
            return page, [A.Sentence(text, e.source, page.id, "causes", "graph")]
    return None


def _in_page(eng, topic, other: _Side, sections: tuple[str, ...]):
    """The first sentence of these sections of the page that names `other` (by concept or all its words)."""
    from medcore.qa.retrieve import stem_words

    page = eng.pages.get(topic.id)
    if page is None:
        return None
    for key in sections:
        sec = page.section(key)
        for p in (sec.passages if sec is not None else ()):
            for s in A.split_sentences(p.text):
                ids = _concepts(eng, s)
                stems = set(stem_words(re.findall(r"[a-z]+", s.lower())))
                if (ids & other.ids) or (other.stems and other.stems <= stems):
                    # words side by side are not a stated cause ("do not take it if you have asthma"): no "yes",
                    # the page's own sentence for the reader to judge
                    lead = f"Our page on {page.title} says this ({page.section(key).title.lower()}):"
                    return topic, [A.Sentence(lead, p.source, page.concept_id, key, "page"),
                                   A.Sentence(s, p.source, page.concept_id, key, p.origin)]
    return None


def _no_link(eng, first, xpage, ypage, rel: Relation) -> list[A.Sentence]:
    """No link found: say so plainly (not "no"), then what the page says in the section the question is about."""
    say = (f"Our knowledge base has no record linking {_shown(rel.x)} to {_shown(rel.y)}. "
           "That does not mean there is no link: "
           f"{'a pharmacist' if first.type in ('drug', 'product') else 'a doctor'} can tell you more.")
    out = [A.Sentence(say, KB_SOURCE, first.id, "no_link", "page")]
    page = eng.pages.get(first.id)
    key = ("side_effects_common" if first.type in ("drug", "product")
           else ("causes" if first is ypage and xpage is None else "symptoms"))
    sec = page.section(key) if page is not None else None
    if sec is not None and sec.passages:
        p = sec.passages[0]
        out.append(A.Sentence(f"What our page lists: {p.text}", p.source, first.id, key, p.origin))
    return out


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
