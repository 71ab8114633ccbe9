"""The simulated patient: a free-text question in, a first-person answer from the case truth out.

Questions are read by the triage NLU (the same synonym lexicon and negation handling as the symptom
chat), plus a few question intents the symptom lexicon has no finding for (age, how long, how it
started, how bad, what brings you in). Answers are templates filled from the case and the KB; nothing
is made up. What the patient cannot know (measurements) is answered "I don't know".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from medcore.cases.generator import DURATION_HOURS, ONSET, Case, age_text
from medcore.triage import input_guard, nlu
from medcore.triage.engine import negative_label
from medcore.triage.kb import KnowledgeBase

MAX_QUESTION_CHARS = 500
PATIENT_CANNOT_KNOW = {"measured"}  # only an examination or a test shows these
HISTORY_CATEGORIES = {"risk"}

INTENTS = (
    ("greeting", re.compile(r"^\s*(hi|hello|hey|good (morning|afternoon|evening))\b[\s,.!]*$", re.I)),
    ("age", re.compile(r"\bhow old\b|\byour age\b|\bwhat age\b|\bdate of birth\b", re.I)),
    ("onset", re.compile(r"\bhow did (it|this|that|the \w+) (start|begin|come on)\b|\b(come|came) on (suddenly|"
                         r"gradually|slowly|quickly)\b|\bsudden(ly)? or (gradual|slow)", re.I)),
    ("duration", re.compile(r"\bhow long\b|\bwhen did\b|\bsince when\b|\bhow many (days|hours|weeks)\b|"
                            r"\bwhen (was|were) (it|this|that|they)\b.*\b(start|began|begin)|\bwhat time did\b", re.I)),
    ("severity", re.compile(r"\bhow (bad|severe|strong|painful)\b|\bout of (10|ten)\b|\bscale of\b|"
                            r"\brate (the|your) pain\b", re.I)),
    ("complaint", re.compile(r"\bwhat brings\b|\bwhat('s| is| seems to be) (the )?(problem|matter|wrong|trouble)\b|"
                             r"\bhow can i help\b|\bwhat happened\b|\bwhy (are|have) you (here|come)\b|"
                             r"\bmain (problem|symptom|complaint)\b|\btell me (more|about (it|this|your symptoms))\b",
                             re.I)),
)
INTENT_FINDINGS = {"duration": DURATION_HOURS, "onset": ONSET, "severity": ("severe_pain",)}
NOT_UNDERSTOOD = ("Sorry, I'm not sure what you mean. Could you ask me about one thing at a time, in plain words? "
                  "You can also pick a question from the list.")


@dataclass
class Reply:
    kind: str  # answer | not_understood | empty | other_language
    text: str
    findings: dict = field(default_factory=dict)  # finding id -> yes | no | unknown (what this reply told)
    intents: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s else s


# A patient this unwell cannot give a history; whoever came with them answers.
CANNOT_SPEAK = {"unresponsive", "seizure_ongoing", "drowsy", "acute_confusion"}
PROXY = {"parent": ("I've brought my child in", "(The parent answers) "),
         "companion": ("I've come in with them; they can't really answer for themselves. We're here",
                       "(The person with them answers) ")}


def _speaker(case: Case) -> str:
    """Young children are interviewed through a parent, a drowsy or confused patient through a companion."""
    if case.age < 12:
        return "parent"
    return "companion" if any(case.findings.get(f) for f in CANNOT_SPEAK) else "patient"


def _prefix(case: Case) -> str:
    return PROXY[_speaker(case)][1] if _speaker(case) in PROXY else ""


def onset_text(case: Case) -> str:
    h = case.onset_hours
    if h < 24:
        when = f"about {int(round(h))} hour{'s' if round(h) != 1 else ''} ago"
    elif h < 14 * 24:
        d = int(round(h / 24))
        when = f"{d} day{'s' if d != 1 else ''} ago"
    else:
        w = int(round(h / 168))
        when = f"about {w} weeks ago"
    how = (" It came on suddenly." if case.findings.get("sudden_onset") else
           " It came on gradually." if case.findings.get("gradual_onset") else "")
    return f"It started {when}.{how}"


# KB names that are events, not symptoms ('Swallowed a battery'). A listed verb, not any word ending in -ed:
# 'Blurred vision', 'Muffled hearing' and 'High-speed object ...' are things one comes in *because of*.
PAST_VERBS = {"took", "drank", "gave", "fell", "ate", "had", "was", "got", "swallowed", "breathed", "stopped",
              "passed"}
ARTICLES = {"a", "an", "the"}  # 'Missed a meal' is an event, 'Missed period' a symptom
# Names that are not noun phrases either, so "because of ..." breaks the sentence ("because of stung by a
# jellyfish"): a passive event takes "was" ('Stung by a jellyfish', 'Bitten by a snake'), a state "am"
# ('Breathless on exertion', 'Drowsy or confused', 'Unable to pass urine'), "cannot" its subject alone.
PASSIVE = {"stung", "bitten", "knocked", "hit", "struck", "scratched", "scalded", "burnt", "burned"}
STATES = {"breathless", "drowsy", "shaky", "pregnant", "unable", "confused", "dizzy", "faint", "restless"}
MODALS = {"cannot", "can't"}
# a past-tense event told of someone else: "they was" is not English
_THEY = {"was": "were"}


def _reason(name: str, proxy: bool) -> str:
    """'because of <name>' for a noun phrase; for a verb or adjective phrase, the subject and verb it needs."""
    words = name.split()
    first = words[0].strip(",")
    who = "they" if proxy else "I"
    if first in PAST_VERBS or (first == "missed" and len(words) > 1 and words[1] in ARTICLES):
        if proxy and first in _THEY:
            name = " ".join([_THEY[first], *words[1:]])
        return f"because {who} {name}"
    if first in PASSIVE:
        return f"because {who} {'were' if proxy else 'was'} {name}"
    if first in STATES:
        return f"because {'they are' if proxy else 'I am'} {name}"
    if first in MODALS:
        return f"because {who} {name}"
    return f"because of {name}"


def opening_statement(kb: KnowledgeBase, case: Case) -> str:
    """The presenting complaint in the KB's own words (its names are noun phrases or, for exposures,
    past-tense events: 'Took too much of a medicine')."""
    name = _lower_first(kb.finding(case.complaint).name)
    if _speaker(case) in PROXY:
        return f"{PROXY[_speaker(case)][0]} {_reason(name, True)}. {onset_text(case)}"
    return f"I'm here {_reason(name, False)}. {onset_text(case)}"


def opening_findings(case: Case) -> dict[str, str]:
    """What the opening statement tells: the complaint, how long ago it started (one duration yes, the others no)
    and, when it says so, how it came on."""
    told = {case.complaint: "yes"}
    told.update({f: "yes" if case.findings.get(f) else "no" for f in DURATION_HOURS})
    if any(case.findings.get(f) for f in ONSET):
        told.update({f: "yes" if case.findings.get(f) else "no" for f in ONSET})
    return told


def truth(kb: KnowledgeBase, case: Case, fid: str) -> str:
    """yes | no | unknown for one finding, from the case (a patient cannot know a measurement)."""
    if case.findings.get(fid):
        return "yes"
    if kb.finding(fid).category in PATIENT_CANNOT_KNOW:
        return "unknown"
    return "no"


def finding_answer(kb: KnowledgeBase, case: Case, fid: str) -> tuple[str, str]:
    value = truth(kb, case, fid)
    f = kb.finding(fid)
    if fid in DURATION_HOURS or fid in ONSET:
        return value, onset_text(case)
    if value == "unknown":
        return value, f"I don't know; I haven't had that checked ({_lower_first(f.name)})."
    if value == "yes":
        if f.category in HISTORY_CATEGORIES:
            return value, f"Yes, that's right: {_lower_first(f.name)}."
        return value, f"Yes, {_lower_first(f.name)}."
    neg = negative_label(f)
    if neg.startswith("Not: "):  # course/history labels read badly with "no"
        return value, f"No, that doesn't apply to me ({_lower_first(f.name)})."
    return value, f"No, {_lower_first(neg)}."


def _intent_answer(kb: KnowledgeBase, case: Case, intent: str) -> tuple[str, dict]:
    if intent == "greeting":
        return "Hello, doctor.", {}
    if intent == "age":
        who = "She" if case.sex == "female" else "He"
        return {"parent": f"{who} is {age_text(case.age).replace('-', ' ')}.",
                "companion": f"{who} is {int(case.age)}."}.get(_speaker(case), f"I'm {int(case.age)}."), {}
    if intent in ("duration", "onset"):
        return onset_text(case), {f: truth(kb, case, f) for f in INTENT_FINDINGS[intent]}
    if intent == "severity":
        severe = bool(case.findings.get("severe_pain"))
        return ("It's really bad, about 8 out of 10." if severe else "It's there, but bearable: about 4 out of 10."), \
            {"severe_pain": "yes" if severe else "no"}
    if intent == "complaint":
        return opening_statement(kb, case), opening_findings(case)
    raise ValueError(intent)


# Students ask in the second person; the lexicon's synonyms are in the first ("do you smoke" -> "i smoke").
SECOND_PERSON = [(re.compile(r"\byou're\b", re.I), "i'm"), (re.compile(r"\byou've\b", re.I), "i've"),
                 (re.compile(r"\byourself\b", re.I), "myself"), (re.compile(r"\byou\b", re.I), "i")]
STOP = {"a", "an", "the", "i", "my", "me", "do", "does", "did", "have", "has", "had", "is", "are", "was", "were",
        "any", "anything", "there", "it", "this", "that", "of", "to", "in", "on", "or", "and", "with", "been", "be",
        "ever", "you", "your", "can", "could", "would", "get", "got", "feel", "feeling", "when", "what", "how",
        "if", "for", "at", "more", "than", "so", "some", "not", "no", "like", "from", "by", "just", "also"}


STRONG_OVERLAP = 3  # shared content words that add a finding beside the lexicon's matches


class QuestionMatcher:
    """The triage lexicon (synonyms, negation) first; when it finds nothing, the finding whose KB question
    and name share the most content words with the student's question (at least two, and a clear best)."""

    def __init__(self, lexicon: nlu.Lexicon):
        self.lexicon = lexicon
        self.kb = lexicon.kb
        self.words: dict[str, set[str]] = {}
        for f in self.kb.findings:
            if f.category in PATIENT_CANNOT_KNOW:
                continue
            self.words[f.id] = {t for t in nlu.tokens(f"{f.name} {f.question}") if t not in STOP and len(t) > 2}

    def overlap(self, text: str, need: int = 2) -> str | None:
        q = {t for t in nlu.tokens(text) if t not in STOP and len(t) > 2}
        if len(q) < need:
            return None
        scored = sorted(((len(q & w), fid) for fid, w in self.words.items()), reverse=True)
        (best, fid), (second, _) = scored[0], scored[1]
        return fid if best >= need and best > second else None

    def read(self, text: str) -> tuple[list[str], list[str]]:
        """The intents and finding ids a question asks about (negated or not: 'no fever?' asks about fever)."""
        intents = [name for name, rx in INTENTS if rx.search(text)]
        first_person = text
        for rx, rep in SECOND_PERSON:
            first_person = rx.sub(rep, first_person)
        ex = nlu.extract(first_person, self.lexicon)
        fids = list(dict.fromkeys(m.finding_id for m in ex.mentions if m.method in ("synonym", "severity")))
        fids += [f for f in dict.fromkeys(ex.uncertain) if f not in fids and not f.startswith("!")]
        # A question that echoes a finding's own KB question closely names that finding even when the lexicon
        # matched something vaguer in it ('does the pain spread to your arm' is not just arm pain).
        best = self.overlap(text, need=2 if not fids and not intents else STRONG_OVERLAP)
        if best and best not in fids:
            fids.append(best)
        if intents:  # "how long have you had the pain": the intent answers the course, the NLU the rest
            covered = {f for i in intents for f in INTENT_FINDINGS.get(i, ())}
            fids = [f for f in fids if f not in covered]
        return intents, fids


def ask(matcher: QuestionMatcher, case: Case, question: str | bytes | None) -> Reply:
    kb = matcher.kb
    if isinstance(question, bytes):
        try:
            question = question.decode("utf-8")
        except UnicodeDecodeError:
            return Reply("not_understood", "Sorry, I couldn't read that (it was not UTF-8 text). Please type the "
                         "question again.")
    guard = input_guard.check(question, max_chars=MAX_QUESTION_CHARS)
    notes = []
    if guard.kind == "too_long":
        notes.append(f"That question was long ({guard.truncated_from:,} characters); the patient only heard the first "
                     f"{MAX_QUESTION_CHARS}. Ask one short question at a time.")
    if guard.injection:
        notes.append("The patient only answers questions about their health; instructions are ignored.")
    if guard.kind == "empty":
        return Reply("empty", "Please type a question for the patient, e.g. 'Do you have a fever?'")
    if guard.kind == "other_language":
        return Reply("other_language", "Sorry, I only understand English. Please ask in English.", notes=notes)
    intents, fids = matcher.read(guard.text)
    if not intents and not fids:
        return Reply("not_understood", NOT_UNDERSTOOD, notes=notes)
    parts, told = [], {}
    for intent in intents:
        text, f = _intent_answer(kb, case, intent)
        parts.append(text)
        told.update(f)
    for fid in fids:
        if fid in told:
            continue
        value, text = finding_answer(kb, case, fid)
        told[fid] = value
        if fid in DURATION_HOURS or fid in ONSET:
            told.update({f: truth(kb, case, f) for f in (*DURATION_HOURS, *ONSET)})
        if text not in parts:
            parts.append(text)
    prefix = _prefix(case)
    return Reply("answer", prefix + " ".join(parts), told, intents, notes)


def ask_finding(kb: KnowledgeBase, case: Case, fid: str) -> Reply:
    """The question picker: ask the KB's own question for one finding."""
    value, text = finding_answer(kb, case, fid)
    told = {fid: value}
    if fid in DURATION_HOURS or fid in ONSET:
        told.update({f: truth(kb, case, f) for f in (*DURATION_HOURS, *ONSET)})
    prefix = _prefix(case)
    return Reply("answer", prefix + text, told)


def question_menu(kb: KnowledgeBase) -> dict[str, list[tuple[str, str]]]:
    """Every askable finding by category (measurements excluded: examine or order a test instead)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for f in kb.findings:
        if f.category in PATIENT_CANNOT_KNOW:
            continue
        out.setdefault(f.category, []).append((f.id, f.question))
    return out
