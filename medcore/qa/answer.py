"""The answer: a short extractive text from the best passages (each sentence with its source), the route
(emergency, symptom chat, planner), links to the full page and to the right tool, and a confidence."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from medcore.qa.retrieve import Scored
from medcore.qa.safety import Emergency
from medcore.qa.understand import Understanding

NO_INFO = "I don't have reliable information on that."
MAX_SENTENCES = 3
MAX_WORDS = 70
TOOL_LINKS = {
    "symptom_chat": "Check these symptoms",
    "planner": "Plan treatment",
    "literature": "Read the evidence",
}
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


@dataclass
class Sentence:
    text: str
    source: str
    page: str | None = None
    section: str | None = None
    origin: str = ""


@dataclass
class QAAnswer:
    question: str
    answer: str
    sentences: list[Sentence]
    topic: list[dict]
    question_type: str
    route: str | None
    confidence: float
    links: list[dict] = field(default_factory=list)
    emergency: dict | None = None
    page: str | None = None
    refused: bool = False
    phrased: str | None = None  # a language model's wording, only when it passed the grounding check
    note: str = ""
    machine_generated: bool = True
    understood: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["sentences"] = [asdict(s) for s in self.sentences]
        return d

    def context(self) -> dict:
        """What a follow-up question needs: the topic and the type asked last."""
        return {"topics": [t["id"] for t in self.topic], "question_type": self.question_type}


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(" ".join(text.split())) if s.strip()]


def from_passages(passages: list[Scored], limit: int = MAX_SENTENCES) -> list[Sentence]:
    out: list[Sentence] = []
    words = 0
    for p in passages:
        for s in split_sentences(p.doc.text):
            n = len(s.split())
            if out and (len(out) >= limit or words + n > MAX_WORDS):
                return out
            out.append(Sentence(s, p.doc.source, p.doc.page, p.doc.section, p.doc.origin))
            words += n
    return out


def topic_dicts(u: Understanding) -> list[dict]:
    return [{"id": t.id, "name": t.name, "type": t.type,
             "codes": {k: list(v) for k, v in t.codes.items() if v}, "matched": t.matched, "how": t.how}
            for t in u.topics]


def links_for(u: Understanding, route: str | None, page: str | None) -> list[dict]:
    links = []
    if page:
        links.append({"kind": "page", "target": page, "label": "Read the full page"})
    tools = []
    if route in ("emergency", "symptom_chat") or u.personal:
        tools.append("symptom_chat")
    if route == "planner" or u.question_type in ("treatment", "interaction") or u.patient_dosing:
        tools.append("planner")
    if u.question_type in ("treatment", "prognosis", "prevention", "diagnosis"):
        tools.append("literature")
    for t in dict.fromkeys(tools):
        links.append({"kind": "tool", "target": t, "label": TOOL_LINKS[t]})
    return links


def compose(u: Understanding, sentences: list[Sentence], *, route: str | None, confidence: float,
            page: str | None, emergency: Emergency | None = None, lead: list[Sentence] = (),
            note: str = "") -> QAAnswer:
    """Emergency advice first, then any routing sentence, then the extractive answer."""
    sents: list[Sentence] = []
    if emergency is not None:
        sents += [Sentence(s["text"], s["source"], None, "emergency", "triage") for s in emergency.sentences]
        sents += [Sentence(c, emergency.sentences[0]["source"], None, "emergency", "triage")
                  for c in emergency.contacts]
        sents += [Sentence(w["text"], w["source"], None, "while_you_wait", "curated") for w in emergency.while_waiting]
    sents += list(lead) + list(sentences)
    refused = not sents
    text = " ".join(s.text for s in sents) if sents else NO_INFO
    return QAAnswer(u.question, text, sents, topic_dicts(u), u.question_type, route, round(float(confidence), 3),
                    links_for(u, route, page), emergency.to_dict() if emergency else None, page, refused,
                    note=note, understood=u.to_dict())


def refuse(u: Understanding, confidence: float, why: str) -> QAAnswer:
    return QAAnswer(u.question, NO_INFO, [], topic_dicts(u), u.question_type, None, round(float(confidence), 3),
                    links_for(u, None, None), refused=True, note=why, understood=u.to_dict())


# mappings that reach a page through a shared or enclosing code, not through the asked word
CODE_MAPPINGS = ("parent", "category", "code")
RELATED_SOURCE = "Medcore health questions: how the topic was found (medcore/qa/answer.py)"


def related_page_lead(topic, page) -> list[Sentence]:
    """Say so when the page answering is not a page on the asked condition itself but one reached through its
    code ("gallstones" -> the gallstone pain page, "ulcerative colitis" -> inflammatory bowel disease): the
    asker should know the answer comes from a related page (hands-on check s28: "what is asthma?" read the
    flare-up page's definition as if it were asthma's)."""
    how = topic.how.split("+")
    if page is not None and "general" in how[1:]:  # a general word read as its most common form (cues.general_words)
        asked = " ".join(re.findall(r"[a-z0-9']+", topic.matched.lower()))
        return [Sentence(f"We have no page on {asked} in general; this answer is from our page on its most common "
                         f"form, \"{page.title}\".", RELATED_SOURCE, page.concept_id, "routing", "routing")]
    if page is None or len(how) < 2 or how[1] not in CODE_MAPPINGS:
        return []
    asked = " ".join(re.findall(r"[a-z0-9']+", topic.matched.lower()))
    if not asked or asked in " ".join(re.findall(r"[a-z0-9']+", page.title.lower())):
        return []
    return [Sentence(f"We have no page on {asked} itself; this answer is from our related page "
                     f"\"{page.title}\".", RELATED_SOURCE, page.concept_id, "routing", "routing")]

