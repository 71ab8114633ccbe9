"""Question understanding: the topic concepts (through the shared matcher), the question type (cues from
assets/kb/qa, MiniLM nearest prototype as a fallback), whether the asker describes their own current symptoms,
and whether it is a dose question about a particular person.

Everything clinical comes from elsewhere: concept names from the terminology, symptoms from the triage NLU."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field

import numpy as np

from medcore.knowledge.normalize import PAREN, says_what_to_do
from medcore.qa import general_words
from medcore.qa.cues import Cues

log = logging.getLogger(__name__)
DRUG_TYPES = ("drug", "product")
NON_COMPLAINT = {"course", "risk", "measured"}  # triage finding categories that are not a symptom
ASIDE = re.compile(PAREN.pattern + r"\s*$")  # a trailing bracketed aside in a page name


@dataclass(frozen=True)
class Covered:
    """A concept we have an education page for."""

    id: str
    name: str
    type: str  # condition | drug | ...
    codes: dict


@dataclass
class Topic:
    id: str
    name: str
    type: str
    codes: dict
    matched: str
    how: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Understanding:
    question: str
    topics: list[Topic]
    question_type: str
    type_how: str  # cue | prototype | default | context
    personal: bool  # describes the asker's (or a dependant's) own current symptoms
    patient_dosing: bool
    findings: list[str] = field(default_factory=list)  # present symptoms the triage NLU read
    topic_from_context: bool = False
    sections: tuple[str, ...] = ()  # sections the wording asks for ("how do I take it": how_to_take first)
    by_words: bool = False  # those sections' passages ranked together by the question's words (TypeCue.by_words)

    @property
    def is_drug(self) -> bool:
        return bool(self.topics) and self.topics[0].type in DRUG_TYPES

    def to_dict(self) -> dict:
        d = asdict(self)
        d["topics"] = [t.to_dict() for t in self.topics]
        return d


class TopicFinder:
    """Mentions of covered concepts: the matcher restricted to them first, then any terminology concept
    (an ICD-10-CM code, an HPO term, a finding) mapped onto a covered one by a shared code or name."""

    def __init__(self, terminology, covered: dict[str, Covered], alias_fn=None, cues: Cues | None = None):
        self.term = terminology
        self.cues = cues
        self.covered = covered
        self.alias_fn = alias_fn  # the graph's id for a merged concept (a therapy condition -> the triage one)
        self.only = frozenset(covered)
        self.by_code: dict[tuple[str, str], list[str]] = {}
        self.by_name: dict[str, list[str]] = {}
        for c in covered.values():
            for system in ("icd10cm", "rxnorm", "atc"):
                for code in c.codes.get(system, ()):
                    self.by_code.setdefault((system, code), []).append(c.id)
            self.by_name.setdefault(_norm(c.name), []).append(c.id)
            base = _norm(ASIDE.sub("", c.name))  # "Insect bite or sting (local reaction)" -> its core name
            if base and base != _norm(c.name) and c.id not in self.by_name.get(base, []):
                self.by_name.setdefault(base, []).append(c.id)
        cores = {c.id: _norm(ASIDE.sub("", c.name)) for c in covered.values()}
        # a page's own core name ("Flu" of "Flu (influenza)") as a whole word, for words the terminology does not
        # read at all (hand check s11: "how can I avoid getting flu" was refused); one page per name only
        by_core: dict[str, list[str]] = {}
        for i, n in cores.items():
            by_core.setdefault(n, []).append(i)
        self.core_names = {n: ids[0] for n, ids in by_core.items() if len(ids) == 1 and len(n) >= 3}
        # an abbreviation in capitals in a title's aside ("(immune thrombocytopenia, ITP)", "(PMS)") names its
        # page when the question writes it in capitals too; the terminology does not know every such short form
        self.by_abbreviation: dict[str, list[str]] = {}
        for c in covered.values():
            for abbr in aside_abbreviations(c.name):
                self.by_abbreviation.setdefault(abbr, []).append(c.id)
        for c in covered.values():
            for name in aside_names(c.name):
                # a page of its own wins: "button battery" in "(chemical, plant, button battery)" is in the
                # "Swallowed button battery" page's name, so it does not name the poisoning page
                word = re.compile(rf"\b{re.escape(name)}\b")
                if name not in self.by_name and not any(word.search(n) for i, n in cores.items() if i != c.id):
                    self.by_name[name] = [c.id]

    def match(self, text: str, **kw) -> list:
        """The terminology's mentions, less an everyday adjective used before an object or remedy ("a cold
        compress", "cold water": cues, not_a_mention)."""
        return [m for m in self.term.match(text, **kw) if not self._object_word(text, m)]

    def _object_word(self, text: str, m) -> bool:
        c = self.cues
        if c is None or c.object_after is None:
            return False
        word = re.sub(r"^(a|an|the)\s+", "", m.text.lower().strip())
        return word in c.adjective_names and bool(c.object_after.match(text[m.end:].lower()))

    def find(self, question: str) -> list[Topic]:
        # a shouted question makes every word look like a short form: no abbreviation is read in one, the
        # knowledge layer's (session 24b added ITP, NASH...) no more than the pages' own
        shouted = question.isupper()
        wide = [m for m in self.match(question) if not (shouted and m.how == "abbreviation")]
        # a covered mention inside a longer symptom mention is part of that symptom, not the topic: "burns" in
        # "it burns when I pee" is painful urination, not the minor burn page (hand check s11)
        mentions = [m for m in self.match(question, only=self.only)
                    if not _inside_finding(m, wide) and not (shouted and m.how == "abbreviation")]
        topics = []
        for m in mentions:
            if (wider := self._wider_page(m, wide)) is not None:
                topics.append(wider)
                continue
            how = m.how + ("+narrower" if self._narrower(question, m, wide) else "")
            topics.append(self._topic(m.concept_id, m.text, how, m.end - m.start, m.start))
        if not topics:  # a synonym only the wider terminology knows ("ALL" -> acute lymphoblastic leukaemia)
            for m in wide:
                narrower = "+narrower" if self._narrower(question, m, wide) else ""
                for cid, how in self._mapped(m.concept_id, m.text):
                    topics.append(self._topic(cid, m.text, f"{m.how}+{how}{narrower}", m.end - m.start, m.start))
        if not topics and not shouted:
            for abbr, ids in self.by_abbreviation.items():
                m = re.search(rf"\b{abbr}s?\b", question)
                if m:
                    topics += [self._topic(cid, m.group(0), "abbreviation", m.end() - m.start(), m.start())
                               for cid in ids]
        if not topics:
            topics = self._core_name(question, wide)
        topics = general_words.read(self, question, topics, wide)
        ranked = sorted(topics, key=lambda t: (-t[1], t[2]))  # longest mention first, then the earliest
        out: dict[str, Topic] = {}
        for t, _, _ in ranked:
            out.setdefault(t.id, t)
        return list(out.values())

    def _core_name(self, question: str, wide) -> list:
        """A page's core name written as a whole word where the terminology read nothing at all (so a symptom
        or another concept the matcher knows is never taken over)."""
        text = question.lower()
        out = []
        for name, cid in self.core_names.items():
            pattern = r"\b" + r"\W+".join(re.escape(w) for w in name.split()) + r"\b"
            for m in re.finditer(pattern, text):
                if not any(w.start < m.end() and m.start() < w.end for w in wide):
                    out.append(self._topic(cid, m.group(0), "exact", m.end() - m.start(), m.start()))
        return out

    def _wider_page(self, m, wide):
        """A longer mention around this one that maps to a page of its own ("heat stroke" around "stroke": the
        heatstroke page, whose T67.0 holds the knowledge concept's T67.01XA): that page answers, instead of a refusal
        as "a particular form" of the shorter one's page (s29 left it)."""
        for w in wide:
            if w.start <= m.start and w.end >= m.end and (w.end - w.start) > (m.end - m.start):
                mapped = [(cid, how) for cid, how in self._mapped(w.concept_id, w.text) if cid != m.concept_id]
                if mapped:
                    return self._topic(mapped[0][0], w.text, f"{w.how}+{mapped[0][1]}", w.end - w.start, w.start)
        return None

    def _narrower(self, question: str, m, wide) -> bool:
        """The question names a subtype of the concept: a longer terminology mention around it that is not
        the same covered concept, or an inherited/typed modifier next to it (cues: narrower)."""
        for w in wide:
            if w.start <= m.start and w.end >= m.end and (w.end - w.start) > (m.end - m.start):
                if m.concept_id not in [cid for cid, _ in self._mapped(w.concept_id, w.text)]:
                    return True
        if self.cues is None:
            return False
        before, after = question[max(0, m.start - 70):m.start].lower(), question[m.end:m.end + 40].lower()
        return bool(self.cues.narrower_before.search(before) or self.cues.narrower_after.search(after))

    def _topic(self, cid: str, text: str, how: str, length: int, start: int):
        c = self.covered[cid]
        return Topic(c.id, c.name, c.type, c.codes, text, how), length, start

    def _code_above(self, code: str) -> list[tuple[str, str]]:
        """Covered pages whose ICD-10-CM code holds this one: a parent code (G44.209 in the page's G44.2),
        nearest first, then the unspecified category (G20.A1 in G20 or G20.9). Never a sibling (G44.0)."""
        out = []
        for n in range(len(code) - 1, 3, -1):
            parent = code[:n].rstrip(".")
            if len(parent) > 3:
                out += [(i, "parent") for i in self.by_code.get(("icd10cm", parent), [])]
        cat = code[:3]
        out += [(i, "category") for i in self.by_code.get(("icd10cm", cat), []) + self.by_code.get(("icd10cm", cat + ".9"), [])]
        return out

    def _mapped(self, concept_id: str, text: str) -> list[tuple[str, str]]:
        """Covered concepts for a terminology concept: the graph's merge, the same code or name (a page's name
        less a trailing aside counts), or an ICD-10-CM code inside a covered page's code (G44.209 in G44.2) or
        unspecified category code (G20.A1 in G20) when the names share a word. (Any shared category was too
        loose: it answered Sjogren syndrome, M35.0, from the polymyalgia page.)"""
        out: list[tuple[str, str]] = []
        if self.alias_fn is not None:
            gid = self.alias_fn(concept_id)
            if gid in self.covered:
                out.append((gid, "alias"))
        # a page named by the asked word itself comes before one sharing only a code: "cystitis", a synonym of
        # the terminology's urinary tract infection (N39.0), was answered from the child-UTI page (N39.0) though
        # the bladder infection page names cystitis (hands-on check s28)
        out += [(i, "name") for i in self.by_name.get(_norm(text), [])]
        c = self.term.get(concept_id)
        if c is not None:
            for system, codes in c.codes.items():
                for code in codes:
                    out += [(i, "code") for i in self.by_code.get((system, code), [])]
            out += [(i, "name") for i in self.by_name.get(_norm(c.name), [])]
        if not out and c is not None:
            # the names must share a whole word (a plural counts): "tension headache" is the tension-type
            # headache page, but "diabetic kidney disease" (E11.22) shares only a word stem with "type 2
            # diabetes", whose page says nothing on kidneys (hand check s11; a 6-letter stem matched it)
            words = _name_words(f"{text} {c.name}")
            for code in c.codes.get("icd10cm", ()):
                for i, how in self._code_above(code):
                    if words & _name_words(self.covered[i].name):
                        out.append((i, how))
        seen: dict[str, str] = {}
        for cid, how in out:
            seen.setdefault(cid, how)
        return list(seen.items())


def _name_words(name: str) -> set[str]:
    """The longer words of a name, a plural read as its singular ("cataracts" = "cataract")."""
    return {w[:-1] if w.endswith("s") and len(w) > 5 else w for w in _norm(name).split() if len(w) >= 5}


def _inside_finding(m, wide) -> bool:
    """The mention lies inside a strictly longer terminology mention of a finding (a symptom phrase)."""
    return any(w.concept_id.startswith("finding:") and w.start <= m.start and w.end >= m.end
               and (w.end - w.start) > (m.end - m.start) for w in wide)


def aside_names(title: str) -> list[str]:
    """The names in a page title's trailing bracketed aside, for the one name index (`TopicFinder.by_name`):
    "Inflamed eyelid margins (blepharitis)" -> blepharitis; "Fungal skin infection (ringworm, athlete's foot)"
    -> ringworm, athlete's foot; "(Crohn's or colitis)" -> Crohn's, Crohn's disease, colitis. Not an aside that
    says what to do ("needs a scan"). A name here only maps a mention the matcher read whole (its text or its
    concept's name equals it), so "chemical" in "(chemical, plant, button battery)" names nothing by itself."""
    aside = _aside(title)
    if not aside or says_what_to_do(aside):
        return []
    out = []
    for part in _aside_parts(aside):
        if says_what_to_do(part):
            continue
        out.append(_norm(part))
        if re.search(r"\w's$", part):  # an eponym: "Crohn's" is "Crohn's disease"
            out.append(_norm(part + " disease"))
    return out


def aside_abbreviations(title: str) -> list[str]:
    """The short forms written in capitals in a title's trailing aside: "(immune thrombocytopenia, ITP)" -> ITP."""
    return [p for p in _aside_parts(_aside(title)) if re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", p)]


def _aside(title: str) -> str:
    """The text inside a title's trailing bracketed aside ("" when it has none)."""
    m = ASIDE.search(title)
    return m.group(0).strip()[1:-1] if m else ""


def _aside_parts(aside: str) -> list[str]:
    """The items of an aside: "ringworm, athlete's foot" and "Crohn's or colitis" are two each."""
    return [p.strip() for p in re.split(r",\s*|(?<!\s)\s+or\s+", aside) if p.strip()]


def _norm(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", s.lower()))


class TypeClassifier:
    def __init__(self, cues: Cues, embed_fn=None):
        self.cues = cues
        self.embed_fn = embed_fn
        self._proto: tuple[list[str], np.ndarray] | None = None

    def classify(self, question: str, topics: list[Topic]) -> tuple[str, str]:
        return self.read(question, topics)[:2]

    def read(self, question: str, topics: list[Topic]) -> tuple[str, str, tuple[str, ...], bool]:
        """(question type, how it was read, the sections the matched cue asks for, or (), whether to rank those
        sections together by words)."""
        q = question.lower()
        drugs = [t for t in topics if t.type in DRUG_TYPES]
        is_drug = bool(topics) and topics[0].type in DRUG_TYPES
        for cue in self.cues.types:
            if not cue.pattern.search(q):
                continue
            if cue.needs == "two_drugs_or_interact" and not (len(drugs) >= 2 or re.search(r"\binteract|\bclash", q)
                                                             or (drugs and re.search(r"alcohol|grapefruit|\ba drink\b|\bdrinking\b|\bbeer\b|\bwine\b", q))):
                continue
            if cue.needs == "drug_topic" and not is_drug:
                continue
            if cue.needs == "not_drug_topic" and is_drug:
                continue
            return self._override(cue.type, is_drug), "cue", cue.sections, cue.by_words
        proto = self._nearest(q)
        if proto is not None:
            return self._override(proto, is_drug), "prototype", (), False
        return self._override(self.cues.default_type, is_drug), "default", (), False

    def _override(self, qtype: str, is_drug: bool) -> str:
        return self.cues.drug_overrides.get(qtype, qtype) if is_drug else qtype

    def _nearest(self, q: str) -> str | None:
        if self.embed_fn is None or len(q.split()) < 3:
            return None
        if self._proto is None:
            labels = [t for t, qs in self.cues.prototypes.items() for _ in qs]
            texts = [x for qs in self.cues.prototypes.values() for x in qs]
            self._proto = (labels, np.asarray(self.embed_fn(texts)))
        labels, mat = self._proto
        sims = mat @ np.asarray(self.embed_fn([q]))[0]
        best = int(np.argmax(sims))
        return labels[best] if float(sims[best]) >= self.cues.prototype_min_similarity else None


def personal_cue(cues: Cues, question: str) -> bool:
    q = question.lower()
    return bool(cues.personal.search(q)) and not cues.not_personal.search(q)


def patient_dosing(cues: Cues, question: str) -> bool:
    q = question.lower()
    return bool(cues.dose.search(q) and cues.patient.search(q))


def understand(question: str, finder: TopicFinder, classifier: TypeClassifier, *, symptoms_fn=None,
               context: dict | None = None) -> Understanding:
    """`symptoms_fn(text) -> list[finding id]`: present symptoms the triage NLU reads in the text."""
    topics = finder.find(question)
    from_context = False
    if not topics and context:
        ids = [t.get("id") if isinstance(t, dict) else t for t in context.get("topics", [])]
        topics = [Topic(c.id, c.name, c.type, c.codes, "", "context")
                  for c in (finder.covered.get(i) for i in ids if isinstance(i, str)) if c is not None]
        from_context = bool(topics)
    qtype, how, sections, by_words = classifier.read(question, topics)
    if from_context and how == "default":
        # a follow-up keeps the last topic only when it asks something (a type cue or prototype): gibberish such as
        # "asdfgh" after an ibuprofen answer was answered about ibuprofen at confidence 0.8 (session 25 hands-on check)
        topics, from_context = [], False
        qtype, how, sections, by_words = classifier.read(question, topics)
    findings: list[str] = []
    personal = personal_cue(classifier.cues, question)
    if personal and symptoms_fn is not None:
        findings = symptoms_fn(question)
        personal = bool(findings)
    dosing = patient_dosing(classifier.cues, question)
    return Understanding(question, topics, qtype, how, personal, dosing, findings, from_context, sections, by_words)
