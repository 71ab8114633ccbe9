"""Classify a chat message before the NLU: empty, too long, another language, gibberish,
prompt injection, self-harm. The NLU only ever extracts findings, so injected
instructions cannot change anything; we still say so, politely."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from medcore.config import REPO_ROOT
from medcore.knowledge import assertions
from medcore.knowledge.normalize import latin_lookalikes, load_variants
from medcore.triage import drug_intake

MAX_CHARS = 4000  # a chat message; longer pastes are cut here, and the user is told

_WORD = re.compile(r"[a-z']+")

# Function words: a cheap, dependency-free language check for Latin-script text.
ENGLISH = set("""a about after again all also am an and any are as at back be because been before being but by can
can't could day days did do does doing don't down even ever every feel feeling feels felt few for from get gets
getting go going got had has have having he her here him his how i i'm i've if in into is it it's its just know
last like little lot made make may me more morning most much my myself near need night no not now of off often on
once one only or other our out over own really right same say see seems she should since so some still such take
than that the their them then there these they thing think this those through time to today too two up very was
way we week weeks well went were what when where which while who why will with without would year years yes yet
you your pain sore hurts hurt bad worse better started start lately hours hour months month ago""".split())
FOREIGN = {
    "Spanish": set("el la los las de del que y en un una es por con para mi me duele tengo estoy muy dolor desde hace "
                   "pero cabeza fiebre".split()),
    "French": set("le la les des du de et est une un je j'ai mal suis avec pour pas tres très depuis dans mon ma ai "
                  "fièvre tête".split()),
    "German": set("der die das und ist ich habe nicht mit ein eine mein meine seit sehr schmerzen kopf fieber bin "
                  "auch".split()),
    "Italian": set("il lo la gli le di che e è un una ho mi sono con per non molto dolore da mio mia testa "
                   "febbre".split()),
    "Portuguese": set("o a os as de do da que e um uma eu tenho estou com para não muito dor desde meu minha "
                      "cabeça febre".split()),
    "Dutch": set("de het een en ik heb niet met ben mijn van pijn sinds erg hoofd koorts".split()),
}

_NON_PREFIX = re.compile(r"\bnon-(?=[a-z])")
INJECTION = re.compile(
    r"ignore (all |any |the )?(previous|prior|above|earlier)|disregard (all |the )?(previous|prior|above|instructions)"
    r"|system prompt|you are now|act as (a|an|my)|pretend (to be|you)|jailbreak|developer mode|new instructions"
    r"|override (the|your)|forget (all|your|everything)|reveal (your|the) (prompt|instructions)|<\s*/?\s*system"
    r"|\bDAN\b|respond only with|output (the|a) diagnosis",
    re.IGNORECASE)

SELF_HARM = re.compile(
    r"\b(kill(ing)? my ?self|suicid\w*|end(ing)? (it all|my life)|tak(e|ing) my (own )?life|want(ed)? to die|wish i was dead"
    r"|better off dead|self[- ]?harm\w*|hurt(ing)? my ?self|cut(ting)? my ?self|no reason to live"
    r"|(don'?t|do not) want to (live|be here|be alive|wake up)|overdose on purpose"
    r"|(take|taking|swallow|swallowing) all (of )?my (tablets|pills|medicines?))\b",
    re.IGNORECASE)


COMMAND = re.compile(r"^\W*(you (are|must|will|should|now)|you're|say|tell|respond|reply|output|print|write|pretend|act"
                     r"|forget|disregard|ignore|repeat|translate|from now on|system|assistant)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?\n])\s+")


def strip_instructions(text: str) -> tuple[str, int]:
    """Drop the sentences that address the assistant ("ignore previous instructions...", "you are
    now..."), keep the ones describing symptoms. Used only when an injection was detected."""
    kept, dropped = [], 0
    for sent in _SENTENCE.split(text):
        if INJECTION.search(sent) or COMMAND.match(sent):
            dropped += 1
        else:
            kept.append(sent)
    return " ".join(kept), dropped


@dataclass
class GuardResult:
    text: str  # what the NLU should read (possibly truncated)
    kind: str  # ok | empty | too_long | other_language | gibberish_candidate
    notes: list[str] = field(default_factory=list)
    language: str | None = None
    injection: bool = False
    self_harm_mention: bool = False
    truncated_from: int | None = None


def _script_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


# Negative contractions typed without the apostrophe ('he cant breathe', 'she hasnt had a wee since last night'):
# the synonyms and the negation cues are written with it, so 'cant breathe' was not read at all. Only spellings
# that are no other English word: 'wont' and 'ill' stay as typed; 'cant' only before a verb (below).
_CONTRACTIONS = {"dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "arent": "aren't",
                 "wasnt": "wasn't", "werent": "weren't", "hasnt": "hasn't", "havent": "haven't", "hadnt": "hadn't",
                 "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
                 "ive": "i've", "youre": "you're", "theyre": "they're"}
_CONTRACTION = re.compile(r"\b(" + "|".join(k for k in _CONTRACTIONS) + r")\b", re.IGNORECASE)
# 'cant' is also a noun, but before a verb of the chat ('cant breathe', 'cant move my arm') it is always "can't"
_CANT = re.compile(r"\bcant(?=\s+(?:breathe|breath|move|walk|stand|see|hear|speak|talk|swallow|sleep|eat|drink|feel"
                   r"|lift|bend|keep|stop|wee|pee|poo|open|close|get|put|bear|remember|think|focus|wake|stay))",
                   re.IGNORECASE)


def restore_apostrophes(text: str) -> str:
    """'hasnt' -> "hasn't", 'cant breathe' -> "can't breathe" (case kept for the first letter)."""
    def fix(m: re.Match) -> str:
        word = m.group(0)
        full = _CONTRACTIONS.get(word.lower(), "can't")
        return full[0].upper() + full[1:] if word[0].isupper() else full
    return _CANT.sub(fix, _CONTRACTION.sub(fix, text))


def normalize_text(text: str) -> str:
    """NFKC (full-width letters, ligatures, odd spaces), invisible characters removed, and look-alike
    letters of other scripts mapped to Latin inside words that also hold Latin letters (the knowledge layer's
    confusables table, one home); negative contractions typed without their apostrophe restored."""
    out = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return restore_apostrophes(latin_lookalikes(out, load_variants(REPO_ROOT / "assets" / "kb")))


def self_harm_denied(text: str) -> bool:
    """Whether every self-harm statement of a text is denied ('no thoughts of hurting myself', 'never wanted to kill
    myself'), as the assertion engine reads a denial (session 27: the denial was read as the statement, making an
    anxious person's 'no thoughts of hurting myself' a suicide risk). A statement holding its own negation ("I don't
    want to live") is never denied: the engine's cue inside a target governs nothing."""
    low = text.lower()
    rules = assertions.load_rules("lay")
    hits = [m for m in SELF_HARM.finditer(low) if not drug_intake.all_my_is_ordinary(low, m.start())]
    if not hits:
        return False
    for m in hits:
        a, b = next(((a, b) for a, b in assertions.clauses(low, rules) if a <= m.start() < b), (m.start(), m.end()))
        if assertions.assert_spans(low[a:b], [(m.start() - a, min(m.end(), b) - a)], rules)[0] != "negated":
            return False
    return True


# A plan, a method or a preparation told in a text that speaks of self-harm or suicide ('No thoughts of suicide but I
# have a plan', 'I would never kill myself, but I've saved up my tablets') is suicidal intent whatever the denial
# before it: NICE NG225 Self-harm (ask about plans and preparations; a denial does not settle the risk) and NICE CKS
# Suicide risk (a plan, the means or preparations are the highest-risk features). Session 28 (issue 12): the 'but'
# clause after a denial read nothing. Only with a self-harm word in the text: 'I have a plan for the weekend' is none.
SELF_HARM_PLAN = re.compile(
    r"\b(?:(?:i|i've|ive|i have|i['’]ve)\s+(?:got\s+|made\s+|already\s+)?(?:a|the)\s+plan\b"
    # the plan is the one the text speaks of: said last in its clause, or told as how / when / to do it
    r"(?=\s*(?:[.,;:!?]|$|\b(?:but|and|now|already|though)\b|(?:to|of)\s+(?:do\s+it|end|kill|take|hurt|overdose|jump)\b"
    r"|(?:for\s+)?(?:how|when|where)\b))"
    r"|(?:made|making|got|have)\s+(?:a\s+|some\s+)?plans?\s+(?:to|for|of)\s+(?:do|doing|how|it|when|where)\b"
    r"|(?:worked|working|figured|figuring)\s+out\s+how\b|(?:planned|planning|decided)\s+(?:how|when|where)\b"
    r"|(?:know|knew)\s+(?:exactly\s+)?how\s+i\s+(?:would|will|'d|['’]d)\s+do\s+it"
    r"|(?:saved|saving|stockpiled|stockpiling|hoarded|hoarding|collected|collecting)\s+(?:up\s+)?(?:my\s+|some\s+|the\s+)?"
    r"(?:tablets|pills|medicines?|meds|painkillers)"
    r"|(?:written|wrote|writing)\s+(?:a\s+|my\s+)?(?:goodbye\s+|suicide\s+)?(?:note|letter)s?\s+(?:to|for)\b"
    r"|(?:looked|looking|searched|searching)\s+(?:up|online\s+for|for)\s+(?:ways|how)\s+to\b)",
    re.IGNORECASE)


def self_harm_plan(text: str) -> bool:
    """Whether a text that speaks of self-harm also tells a plan, a method or a preparation that the assertion engine
    does not read as denied ('I don't have a plan' is none): the thoughts are present whatever was denied before."""
    low = text.lower()
    if not any(not drug_intake.all_my_is_ordinary(low, m.start()) for m in SELF_HARM.finditer(low)):
        return False
    rules = assertions.load_rules("lay")
    for m in SELF_HARM_PLAN.finditer(low):
        a, b = next(((a, b) for a, b in assertions.clauses(low, rules) if a <= m.start() < b), (m.start(), m.end()))
        if assertions.assert_spans(low[a:b], [(m.start() - a, min(m.end(), b) - a)], rules)[0] not in ("negated",
                                                                                                          "hypothetical"):
            return True
    return False


def check(text: str | None, max_chars: int = MAX_CHARS) -> GuardResult:
    raw = normalize_text((text or "").replace("\x00", " "))
    stripped = raw.strip()
    if not stripped:
        return GuardResult("", "empty", ["Please describe your symptoms in a sentence or two."])
    res = GuardResult(stripped, "ok")
    if len(stripped) > max_chars:
        res.truncated_from = len(stripped)
        res.text = stripped[:max_chars]
        res.kind = "too_long"
        res.notes.append(f"That was a long message ({len(stripped):,} characters). I read the first {max_chars:,} "
                         "characters; please tell me the main symptoms in a few sentences.")
    if INJECTION.search(res.text):
        res.injection = True
        res.text, _ = strip_instructions(res.text)
        res.notes.append("I can only use what you tell me about symptoms; instructions to change how I work are "
                         "ignored.")
    low = res.text.lower()
    if any(not drug_intake.all_my_is_ordinary(low, m.start()) for m in SELF_HARM.finditer(low)):
        res.self_harm_mention = True
    if not res.text.strip():
        return res
    if _script_share(res.text) < 0.5:
        res.kind, res.language = "other_language", "non-Latin script"
        return res
    # a hyphenated 'non-' ('non-radiating, non-exertional chest pain') is an English prefix, not Italian 'non'
    words = _WORD.findall(_NON_PREFIX.sub("non", res.text.lower()))
    if words:
        en = sum(1 for w in words if w in ENGLISH)
        best_lang, best = None, 0
        for lang, vocab in FOREIGN.items():
            n = sum(1 for w in words if w in vocab and w not in ENGLISH)
            if n > best:
                best_lang, best = lang, n
        if best >= 2 and best >= 2 * max(en, 1) * 0.75:
            res.kind, res.language = "other_language", best_lang
    return res


def english_share(text: str, vocabulary: set[str]) -> float:
    """Share of word tokens that are English function words or KB vocabulary."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    known = sum(1 for w in words if w in ENGLISH or w in vocabulary or w.rstrip("s") in vocabulary)
    return known / len(words)
