"""Free text to findings: synonym phrases, NegEx-style negation, duration, severity,
age and sex, plus MiniLM embeddings for lay phrasings the synonym list misses.

Phrases match exactly or, failing that, in a normal form (no verb 'be', quantities collapsed);
negation skips pseudo-negations ('without trying'); a finding's not_synonyms ('cut down on') keep a
shorter synonym ('cut') from matching inside them; a duration counts only when it is attached to a
complaint, not to a risk factor or life history ('smoked for 35 years'); a frequency ('twice a day') is no
duration; an onset without 'since' ('it started this morning') gives one when it is the complaint's.

Speed: phrase matching is a dictionary lookup over token n-grams (no model). Only the
few text chunks with no phrase match are embedded, in one batch, against synonym
embeddings computed once per knowledge base (and cached on disk).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from medcore.llm.grounding import DRUG_STEM  # WHO INN drug-name stems
from medcore.triage.kb import KnowledgeBase

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

NEG_PRE = {"no", "not", "never", "without", "denies", "denied", "deny", "denying", "nor", "neither", "none",
           "don't", "doesn't", "didn't", "haven't", "hasn't", "hadn't", "isn't", "aren't", "wasn't", "weren't",
           "dont", "doesnt", "didnt", "havent", "hasnt", "isnt", "arent", "wasnt", "negative", "free", "nil",
           "ain't"}
NEG_PSEUDO = {("not", "sure"), ("no", "idea"), ("not", "only"), ("not", "just"), ("no", "doubt"),
              ("no", "longer")}
# A negation cue whose object says how or why something happened negates nothing: "lost weight without
# trying", "for no reason", "without any warning my heart started racing", "not trying to lose weight".
# The object is the first word after the cue once determiners and fillers (OBJECT_FILLERS) are skipped.
PSEUDO_OBJECTS = {"trying", "try", "tried", "reason", "warning", "cause", "explanation", "trigger", "meaning",
                  "intending", "dieting", "diet", "effort", "provocation", "stopping", "let", "letup", "end",
                  "knowing", "noticing", "realising", "realizing"}
OBJECT_FILLERS = {"a", "an", "the", "any", "much", "real", "really", "obvious", "apparent", "particular", "good",
                  "clear", "even", "being", "having", "of", "my", "me"}
UNCERTAIN = {"maybe", "might", "possibly", "perhaps", "unsure", "wonder", "wondering", "whether"}
TERMINATORS = {"but", "however", "although", "though", "except", "yet", "which", "who", "because", "so", "apart",
               "besides"}
AND_RESTART = {"i", "i'm", "i've", "it", "it's", "my", "he", "she", "they", "there", "have", "has", "also", "now",
               "then", "am", "feel", "got", "get", "is", "was"}
SCOPE_GAP = 6  # tokens a negation reaches past its last negated finding
BLOCK = "~"  # id prefix of a not_synonyms phrase in the lexicon

# Phrase matching falls back to a normal form without the verb 'be', so that 'the room is spinning' /
# 'the room has been spinning' find the synonym 'room spinning', and with each quantity collapsed to its
# kind, so that 'lost 6 kg' / 'lost half a stone' find 'lost a stone' and 'dropped two dress sizes' finds
# 'dropped a dress size'. (Other inflections are listed as synonyms: stripping '-ing' or '-ed' makes too
# many different words meet: 'deep breathing' is not 'a deep breath', 'teething' is not 'teeth'.)
BE_FORMS = {"am", "is", "are", "was", "were", "be", "been", "being"}
PERFECT_AUX = {"has", "have", "had"}  # left out only before 'been' ("has been spinning")
# An aspectual verb before an '-ing' form is left out too: 'my heart started pounding' finds 'heart pounding'
# ('has started racing' loses the 'has'). Only start/begin: 'keeps coming back' is not 'coming back'.
ASPECTUAL = {"start", "started", "starting", "began", "begin", "begun", "beginning"}
HEDGES = {"about", "around", "nearly", "almost", "roughly", "approximately", "over", "just", "maybe"}
MASS_UNITS = {"stone", "st", "kg", "kgs", "kilo", "kilogram", "kilogramme", "lb", "lbs", "pound"}
SIZE_UNITS = {"size"}
SIZE_QUALIFIERS = {"dress", "clothe", "clothing", "trouser", "jean", "waist", "belt", "skirt", "shirt"}
_QTY_TOKEN = re.compile(r"\d+(?:\.\d+)?(kg|kgs|lb|lbs|st)")

NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2, "few": 3, "several": 4,
             "fourteen": 14, "twenty": 20}
UNIT_HOURS = {"minute": 1 / 60, "min": 1 / 60, "hour": 1, "hr": 1, "day": 24, "night": 24, "week": 168,
              "fortnight": 336, "month": 730, "year": 8760}
_NUM = r"(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|couple|few|several)"
_UNIT = r"(minute|min|hour|hr|day|night|week|fortnight|month|year)s?"
DURATION_PATTERNS = [
    re.compile(rf"\b(?:for|past|last|over|about|almost|nearly)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:a\s+)?{_NUM}\s+(?:of\s+)?{_UNIT}\b(?!\s+(?:old|pregnant))"),
    re.compile(rf"\b{_NUM}\s+{_UNIT}\s+ago\b"),
    re.compile(rf"\b{_NUM}\s+{_UNIT}\b(?!\s+(?:old|pregnant|of age))(?![- ]old)"),
    re.compile(r"\bfor\s+(?:a\s+)?(minute|hour|day|week|fortnight|month|year)s?\b"),
]
SINCE = {"yesterday": 30, "last night": 14, "this morning": 6, "today": 6, "tonight": 2, "this afternoon": 3,
         "this evening": 2, "last week": 24 * 7, "last month": 730, "the weekend": 24 * 3, "monday": 24 * 4,
         "tuesday": 24 * 4, "wednesday": 24 * 4, "thursday": 24 * 4, "friday": 24 * 4, "saturday": 24 * 4,
         "sunday": 24 * 4, "christmas": 24 * 30, "last year": 8760}
# A frequency is not a duration: 'three times a day', 'twice a week', 'every few hours', '20 a day', '4 hours a
# day'. A duration phrase inside a frequency ('a day' in 'twice a day') is dropped.
FREQUENCY_PATTERNS = [
    re.compile(rf"\b(?:(?:{_NUM}|many|\d+)\s+times|\d+\s*x|once|twice|thrice)"
               rf"\s+(?:a|an|per|each|every|in\s+an?)\s+{_UNIT}\b"),
    re.compile(rf"\b(?:every|each|per)\s+(?:other\s+|single\s+|{_NUM}\s+(?:of\s+)?)?{_UNIT}\b"),
    re.compile(rf"\b(?:\d+(?:\.\d+)?|{_UNIT})\s+(?:a|an|per)\s+{_UNIT}\b(?!\s+ago)"),
]
# "since I woke up (yesterday)": the SINCE table's time, or this morning's with no time named.
_WOKE = r"(?:(?:i|he|she|we|they|you)\s+)?(?:woke|woken|got)\s+up"
# Onset without 'since': an onset verb and a SINCE time in one chunk, either order ('it started this
# morning', 'began last night', 'this morning my heart started pounding'). It counts only when it is the
# complaint's onset: the nearest finding is a symptom, or there is none and the verb has no object of its
# own ('I started a new job last week', 'started running yesterday' say nothing of the complaint).
ONSET_VERBS = (r"(?:started|starts|start|began|begun|begins|came\s+on|comes\s+on|come\s+on|came\s+up|kicked\s+in"
               r"|set\s+in|flared\s+up|woke\s+up|woken\s+up|appeared|developed)")
_FILLER = r"(?:\s+(?!(?:and|with|plus|also|since|for)\b)[a-z0-9']+)"
ONSET_OBJECTS = {"a", "an", "the", "my", "his", "her", "their", "our", "your", "some", "me", "him", "them", "us",
                 "to"}
# A treatment start is not the complaint's onset: 'I was started on ramipril last week', 'started on a new
# tablet', 'began metformin yesterday'. The verb's object is 'on' + something that is not a time ('on
# Monday' is one), a medicine word, or a drug name (WHO INN stem, as the grounding check uses).
MEDICINE_WORDS = {"tablet", "pill", "medication", "medicine", "med", "drug", "antibiotic", "inhaler", "injection",
                  "jab", "treatment", "course", "dose", "prescription", "patch", "cream", "steroid", "insulin",
                  "contraceptive", "hrt", "chemo", "chemotherapy", "new"}
ON_TIME_WORDS = {"the", "a", "this", "that", "my", "his", "her"}  # skipped before a SINCE time after 'on'
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "christmas",
              "holiday", "morning", "afternoon", "evening", "night", "day", "birthday", "way", "flight"}
DURATION_FINDINGS = ("duration_under_1_day", "duration_1_to_14_days", "duration_over_2_weeks")
# A duration says how long the complaint has lasted only if it is attached to a symptom. One attached to a
# risk factor or a life-history verb ("smoked for 35 years", "diabetic for 15 years", "worked in a mine
# for 30 years") is history, not symptom duration. Attachment: the nearest finding (or history word) in
# the same chunk, preceding first, else following. A history verb governs its whole phrase ("worked in a
# quarry for 30 years"); a risk noun or adjective owns the duration only when nothing but function words
# stands between them ("diabetic for 15 years", not "my asthma has been bad for 3 days").
HISTORY_CATEGORIES = {"risk"}
HISTORY_WORDS = {"smoke", "smoked", "smoking", "smoker", "vape", "vaped", "vaping", "vaper", "drank", "drunk",
                 "drinker", "worked", "working", "lived", "living", "married", "employed", "retired"}
FUNCTION_WORDS = {"am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "i", "i've",
                  "i'm", "i'd", "he", "she", "it", "they", "we", "you", "a", "an", "the", "my", "me", "now",
                  "still", "already", "just", "also", "very", "really", "per", "every", "since", "for", "of", "past",
                  "last", "over", "about", "around", "nearly", "almost", "roughly", "ago"}

SEVERE = re.compile(r"\b(severe|severely|terrible|excruciating|unbearable|agoni[sz]ing|agony|horrendous|horrible"
                    r"|worst|killing me|intense|crippling|really bad|very bad|extreme)\b")
MILD = re.compile(r"\b(mild|mildly|slight|slightly|a bit of|a little|minor|niggl\w*)\b")
SCALE = re.compile(r"\b(\d{1,2})\s*(?:/|out of)\s*10\b")

AGE_PATTERNS = [
    (re.compile(r"\b(\d{1,3})\s*(?:-|\s)?\s*(?:years?|yrs?|yr)(?:\s*|-)old\b"), 1.0),
    (re.compile(r"\b(\d{1,3})\s*-?\s*(?:year|yr)\s*-?\s*old\b"), 1.0),
    (re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.)\b"), 1.0),
    (re.compile(r"\b(\d{1,2})\s*(?:-|\s)?\s*months?(?:\s*|-)old\b"), 1 / 12),
    (re.compile(r"\b(\d{1,2})\s*(?:-|\s)?\s*weeks?(?:\s*|-)old\b"), 1 / 52),
    (re.compile(r"\b(\d{1,2})\s*(?:-|\s)?\s*days?(?:\s*|-)old\b"), 1 / 365),
    (re.compile(r"\b(?:aged?|i am|i'm|im)\s+(\d{1,3})\b(?!\s*(?:weeks?|days?|months?|%|kg|lb|cm|/))"), 1.0),
    (re.compile(r"\b(\d{1,3})\s*(?:m|f)\b"), 1.0),
    (re.compile(r"\b(?:in my|in his|in her)\s+(\d)0s\b"), 10.0),
]
AGE_WORDS = [(re.compile(r"\b(newborn|new born|neonate)\b"), 0.05), (re.compile(r"\b(baby|infant)\b"), 0.6),
             (re.compile(r"\btoddler\b"), 2.0), (re.compile(r"\b(teenager|teen)\b"), 15.0),
             (re.compile(r"\b(pensioner|elderly)\b"), 78.0)]
FEMALE = re.compile(r"\b(woman|female|girl|lady|mum|mom|mother|daughter|wife|she|her|pregnant|\d{1,3}\s?f)\b")
MALE = re.compile(r"\b(man|male|boy|gentleman|dad|father|son|husband|he|his|him|\d{1,3}\s?m)\b")
FEMALE_STRONG = re.compile(r"\b(i'?m a (?:\d+ ?(?:year|yr)s?[- ]old )?(?:woman|female|girl|lady)|woman|female|girl|daughter|pregnant|\d{1,3}\s?f)\b")
MALE_STRONG = re.compile(r"\b(i'?m a (?:\d+ ?(?:year|yr)s?[- ]old )?(?:man|male|boy|guy)|man|male|boy|son|\d{1,3}\s?m)\b")


PRONOUNS = {"his": "my", "her": "my", "their": "my", "your": "my", "our": "my", "he's": "i'm", "she's": "i'm",
            "they're": "i'm", "him": "me", "them": "me", "himself": "myself", "herself": "myself"}


def stem(tok: str) -> str:
    """Lower-case token, light plural stripping, and third-person pronouns mapped to first person
    so that 'hit her head' matches the synonym 'hit my head' (parents describe their children)."""
    tok = tok.replace("’", "'")
    if tok in PRONOUNS:
        return PRONOUNS[tok]
    if tok.endswith("'s"):
        tok = tok[:-2]
    if len(tok) > 4 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 4 and tok.endswith("s") and not tok.endswith(("ss", "us", "is", "ous")):
        return tok[:-1]
    return tok


def tokens(text: str) -> list[str]:
    return [stem(t) for t in _TOKEN.findall(text.lower().replace("’", "'"))]


def _is_number(tok: str) -> bool:
    return tok.replace(".", "", 1).isdigit() or tok in NUM_WORDS or tok == "half"


def _quantity(toks: list[str], i: int) -> tuple[int, str] | None:
    """A weight or clothes-size quantity starting at token i: (end index, '#mass' | '#size')."""
    n, j = len(toks), i
    if _QTY_TOKEN.fullmatch(toks[j]):
        return j + 1, "#mass"
    if toks[j] in HEDGES:
        j += 1
    if j >= n or not _is_number(toks[j]):
        return None
    j += 1
    while j < n and j - i < 6 and (_is_number(toks[j]) or toks[j] in {"and", "of"}):  # half a, one and a half
        j += 1
    if j < n and toks[j] in SIZE_QUALIFIERS:
        j += 1
        return (j + 1, "#size") if j < n and toks[j] in SIZE_UNITS else None
    if j < n and toks[j] in MASS_UNITS:
        return j + 1, "#mass"
    if j < n and toks[j] in SIZE_UNITS:
        return j + 1, "#size"
    return None


# 'started to pound' is 'started pounding': after start/begin, 'to' + verb becomes the verb's -ing form.
# Not after a word that cannot be a verb here ('began to my surprise', 'started to the left').
INFINITIVE_STOP = {"the", "a", "an", "my", "me", "his", "her", "him", "them", "their", "our", "your", "this", "that",
                   "it", "be", "bed", "school", "work", "home"}
_VOWELS = "aeiou"


def gerund(verb: str) -> str:
    """English -ing form: 'pound' -> 'pounding', 'race' -> 'racing', 'throb' -> 'throbbing', 'die' -> 'dying'."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    groups = re.findall(r"[aeiou]+", verb)
    if (len(groups) == 1 and len(groups[0]) == 1 and len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy"
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS):
        return verb + verb[-1] + "ing"  # one short vowel, consonant-vowel-consonant: double the last letter
    return verb + "ing"


def normal_form(toks: list[str]) -> list[tuple[str, int, int]]:
    """(normal token, start, end) over stemmed tokens: quantities collapsed to one element ('#mass',
    '#size'), and the verb 'be' (with a perfect 'has/have/had' before 'been') and an aspectual 'started'
    or 'began' before an '-ing' form left out; after such a verb, 'to' + verb is the verb's '-ing' form
    ('started to pound' reads as 'pounding')."""
    out, i, n = [], 0, len(toks)

    def aspectual(j: int) -> bool:
        return j + 1 < n and toks[j] in ASPECTUAL and ((toks[j + 1].endswith("ing") and len(toks[j + 1]) > 4)
                                                      or to_infinitive(j + 1))

    def to_infinitive(j: int) -> bool:  # 'to pound' after start/begin
        return j + 1 < n and toks[j] == "to" and toks[j + 1].isalpha() and len(toks[j + 1]) > 2 \
            and toks[j + 1] not in INFINITIVE_STOP and not toks[j + 1].endswith("ing")

    while i < n:
        q = _quantity(toks, i)
        if q is not None:
            out.append((q[1], i, q[0]))
            i = q[0]
            continue
        t = toks[i]
        if i > 0 and toks[i - 1] in ASPECTUAL and to_infinitive(i):  # 'started to pound' -> 'pounding'
            out.append((gerund(toks[i + 1]), i, i + 2))
            i += 2
            continue
        left_out = (t in BE_FORMS or aspectual(i)
                    or (t in PERFECT_AUX and i + 1 < n and (toks[i + 1] == "been" or aspectual(i + 1))))
        if not left_out:
            out.append((t, i, i + 1))
        i += 1
    return out


@dataclass
class Mention:
    finding_id: str
    name: str
    present: bool
    phrase: str  # the text that was matched
    method: str  # synonym | embedding | duration | severity
    score: float = 1.0


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    age: float | None = None
    sex: str | None = None
    duration_hours: float | None = None
    severity: str | None = None  # mild | severe | None
    uncertain: list[str] = field(default_factory=list)

    def evidence(self) -> dict[str, bool]:
        out: dict[str, bool] = {}
        for m in self.mentions:
            # A finding both affirmed and negated keeps the affirmation: safer for triage.
            out[m.finding_id] = out.get(m.finding_id, False) or m.present
        return out

    def to_dict(self) -> dict:
        return asdict(self)


class Lexicon:
    """Token n-gram index of every synonym and finding name."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.phrases: dict[tuple[str, ...], list[str]] = {}
        self.rows: list[tuple[str, str]] = []  # (finding id, phrase) for the embedding index
        self.absent: set[tuple[str, ...]] = set()  # phrases that say a finding is absent
        self.normal: dict[tuple[str, ...], list[str]] = {}  # the same phrases in normal form (fallback)
        for f in kb.findings:
            for phrase in f.absent_synonyms:
                toks = tuple(tokens(phrase))
                self.phrases.setdefault(toks, []).append("!" + f.id)
                self.absent.add(toks)
                self._add_normal(toks, "!" + f.id)
            for phrase in f.not_synonyms:  # 'cut down on': matched (so it wins over 'cut'), then dropped
                toks = tuple(tokens(phrase))
                self.phrases.setdefault(toks, []).append(BLOCK + f.id)
                self._add_normal(toks, BLOCK + f.id)
            for phrase in dict.fromkeys((*f.synonyms, f.name)):
                toks = tuple(tokens(phrase))
                if not toks:
                    continue
                ids = self.phrases.setdefault(toks, [])
                if f.id not in ids:
                    ids.append(f.id)
                self._add_normal(toks, f.id)
                self.rows.append((f.id, phrase))
        self.max_len = max(len(k) for k in self.phrases)
        self.max_normal_len = max(len(k) for k in self.normal)
        self.pain_words = {stem(w) for w in kb.body_pain.get("pain_words", [])}
        self.body_parts = {stem(k): v for k, v in kb.body_pain.get("parts", {}).items()}
        self.vocabulary = {t for k in self.phrases for t in k}

    def _add_normal(self, toks: tuple[str, ...], fid: str) -> None:
        norm = normal_form(list(toks))
        # A phrase that starts or ends with a left-out word ('being sick') keeps its exact form only: its
        # bare normal form ('sick') would say something else. A single word has no other form to find.
        if len(norm) < 2 or norm[0][1] != 0 or norm[-1][2] != len(toks):
            return
        ids = self.normal.setdefault(tuple(t for t, _, _ in norm), [])
        if fid not in ids:
            ids.append(fid)


def _unblocked(matches: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """Matches without the not_synonyms phrases: those say nothing, they only keep a shorter synonym out
    ('cut down on smoking' is matched whole, so 'cut' is not)."""
    out = [(s, e, [i for i in ids if not i.startswith(BLOCK)]) for s, e, ids in matches]
    return [m for m in out if m[2]]


_MATRICES: dict[tuple, np.ndarray] = {}


class EmbeddingIndex:
    """Synonym embeddings (computed once, cached as .npy next to the data dir) for lay matching."""

    def __init__(self, lexicon: Lexicon, embed_fn: Callable[[list[str]], np.ndarray], cache_dir: Path | None = None,
                 threshold: float = 0.74, margin: float = 0.04):
        self.lexicon = lexicon
        self.embed_fn = embed_fn
        self.threshold = threshold
        self.margin = margin
        self.ids = [fid for fid, _ in lexicon.rows]
        self.phrases = [p for _, p in lexicon.rows]
        mem_key = (lexicon.kb.digest, len(self.phrases), getattr(embed_fn, "__qualname__", repr(embed_fn)))
        if mem_key in _MATRICES:  # one computation per process, whatever the data dir
            self.matrix = _MATRICES[mem_key]
            return
        cache = None
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            cache = cache_dir / f"synonyms-{lexicon.kb.digest[:16]}-{len(self.phrases)}.npy"
        if cache is not None and cache.is_file():
            self.matrix = np.load(cache)
        else:
            self.matrix = np.asarray(embed_fn(self.phrases), dtype=np.float32)
            if cache is not None:
                tmp = cache.with_suffix(".tmp.npy")
                np.save(tmp, self.matrix)
                tmp.replace(cache)
        _MATRICES[mem_key] = self.matrix

    def match(self, chunks: list[str]) -> list[tuple[int, str, float]]:
        """For each chunk, its best finding if the cosine similarity clears the threshold."""
        if not chunks:
            return []
        q = np.asarray(self.embed_fn(chunks), dtype=np.float32)
        sims = q @ self.matrix.T
        out = []
        for i in range(len(chunks)):
            order = np.argsort(-sims[i])
            j = int(order[0])
            runner_up = next((float(sims[i, k]) for k in order[1:50] if self.ids[k] != self.ids[j]), 0.0)
            # A clear winner only: near-ties between findings are where embeddings guess.
            if sims[i, j] >= self.threshold and sims[i, j] - runner_up >= self.margin:
                out.append((i, self.ids[j], float(sims[i, j])))
        return out


_CLAUSE = re.compile(r"[.!?;\n]+|\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\bexcept\b")
_CHUNK = re.compile(r",|\band\b|\bwith\b|\bplus\b|\balso\b")


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty pieces of text between matches of pattern."""
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append((last, m.start()))
        last = m.end()
    out.append((last, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _clauses(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in _spans(_CLAUSE, text)]


def _match_clause(lex: Lexicon, toks: list[str]) -> list[tuple[int, int, list[str]]]:
    """Greedy longest-first phrase matches: (start, end, finding ids). At each token the exact n-gram
    index is tried first; the normal form (no 'be', quantities) wins only with a longer match."""
    norm = normal_form(toks)
    norm_at = {s: p for p, (_, s, _) in enumerate(norm)}
    out, i, n = [], 0, len(toks)
    while i < n:
        best = None
        for L in range(min(lex.max_len, n - i), 0, -1):
            ids = lex.phrases.get(tuple(toks[i:i + L]))
            if ids:
                best = (i + L, ids)
                break
        p = norm_at.get(i)
        if p is not None:
            for M in range(min(lex.max_normal_len, len(norm) - p), 0, -1):
                ids = lex.normal.get(tuple(t for t, _, _ in norm[p:p + M]))
                if ids:
                    end = norm[p + M - 1][2]
                    if best is None or end > best[0]:
                        best = (end, ids)
                    break
        if best is None:
            i += 1
        else:
            out.append((i, best[0], best[1]))
            i = best[0]
    return out


def _add_body_pain(lex: Lexicon, toks: list[str], matches: list) -> list:
    """'my knee is killing me': a body part plus a pain word, when no pain finding matched there."""
    kb = lex.kb
    located = [m for m in matches if any(not fid.startswith("!") and fid != "severe_pain"
                                         and kb.finding(fid).category == "pain" for fid in m[2])]
    if located:
        return matches
    covered = {t for (s, e, ids) in matches if ids != ["severe_pain"] for t in range(s, e)}
    parts = [i for i, t in enumerate(toks) if t in lex.body_parts and i not in covered]
    pains = [i for i, t in enumerate(toks) if t in lex.pain_words and i not in covered]
    if not parts or not pains:
        return matches
    b = parts[0]
    p = min(pains, key=lambda i: abs(i - b))
    if abs(p - b) > 8:
        return matches
    s, e = min(b, p), max(b, p) + 1
    # the composite may span a 'severe pain' match; other matches inside it stay as they are
    if any(ms < s < me or ms < e - 1 < me for (ms, me, ids) in matches if ids != ["severe_pain"]):
        return matches
    return sorted([*matches, (b, b + 1, [lex.body_parts[toks[b]]])])


def is_negation_cue(toks: list[str], t: int) -> bool:
    """toks[t] opens a negation scope: a cue word that is not part of a pseudo-negation ('no idea',
    'without trying', 'for no apparent reason', 'without any warning')."""
    tok = toks[t]
    if tok not in NEG_PRE:
        return False
    nxt = toks[t + 1] if t + 1 < len(toks) else ""
    if (tok, nxt) in NEG_PSEUDO:
        return False
    j = t + 1
    while j < len(toks) and toks[j] in OBJECT_FILLERS:
        j += 1
    return not (j < len(toks) and toks[j] in PSEUDO_OBJECTS)


def _negated_spans(toks: list[str], matches: list[tuple[int, int, list[str]]]) -> tuple[set[int], set[int]]:
    """Indexes of matches that are negated, and of those that are uncertain."""
    negated, uncertain = set(), set()
    starts = {m[0]: k for k, m in enumerate(matches)}
    covered = {t for (s, e, _) in matches for t in range(s, e)}
    active_until = -1  # negation scope reaches up to this token index
    for t, tok in enumerate(toks):
        if t in starts:
            k = starts[t]
            if t <= active_until:
                negated.add(k)
                active_until = max(active_until, matches[k][1] - 1 + SCOPE_GAP)
            back = toks[max(0, t - 6):t]
            if any(b in UNCERTAIN for b in back) or ("not" in back and "sure" in back):
                uncertain.add(k)
        if t in covered:
            continue
        if tok in TERMINATORS or (tok == "and" and t + 1 < len(toks) and toks[t + 1] in AND_RESTART):
            active_until = -1
        elif is_negation_cue(toks, t):
            active_until = t + SCOPE_GAP
        elif t > active_until:
            active_until = -1
    return negated, uncertain


def _num(s: str) -> float:
    return float(NUM_WORDS.get(s, s)) if not s.replace(".", "").isdigit() else float(s)


def frequency_spans(low: str) -> list[tuple[int, int]]:
    """Every frequency phrase in lower-case text ('twice a day', 'every few hours'): (start, end)."""
    return [(m.start(), m.end()) for pat in FREQUENCY_PATTERNS for m in pat.finditer(low)]


def duration_spans(low: str) -> list[tuple[int, int, float]]:
    """Every duration phrase in lower-case text, none inside a frequency: (start, end, hours)."""
    out = []
    for pat in DURATION_PATTERNS[:3]:
        for m in pat.finditer(low):
            out.append((m.start(), m.end(), _num(m.group(1)) * UNIT_HOURS[m.group(2)]))
    for m in DURATION_PATTERNS[3].finditer(low):
        out.append((m.start(), m.end(), UNIT_HOURS[m.group(1)]))
    keys = "|".join(SINCE)
    for key, h in SINCE.items():
        for m in re.finditer(rf"\bsince\s+(?:{_WOKE}\s+)?{key}\b", low):
            out.append((m.start(), m.end(), h))
    for m in re.finditer(rf"\bsince\s+{_WOKE}\b(?!\s+(?:{keys})\b)", low):
        out.append((m.start(), m.end(), SINCE["this morning"]))
    freq = frequency_spans(low)
    return [d for d in out if not any(a < d[1] and d[0] < b for a, b in freq)]


def onset_spans(low: str, durations: list[tuple[int, int, float]] | None = None) -> list[tuple[int, int, float, int]]:
    """Onset phrases without 'since' ('it started this morning'): (start, end, hours, verb end) with the
    span of the time words only, for attachment; not yet checked for attachment (extract() does that).
    `durations`: duration_spans(low), when the caller has it already."""
    out = []
    for key, h in SINCE.items():
        for m in re.finditer(rf"\b{ONSET_VERBS}(?P<v>){_FILLER}{{0,5}}?\s+(?P<k>{key})\b", low):
            out.append((m.start("k"), m.end("k"), h, m.end("v")))
        for m in re.finditer(rf"\b(?P<k>{key})\b{_FILLER}{{0,4}}?\s+{ONSET_VERBS}\b(?P<v>)", low):
            out.append((m.start("k"), m.end("k"), h, m.end("v")))
    since = [(a, b) for a, b, _ in (duration_spans(low) if durations is None else durations)]
    return [o for o in out if not low[:o[0]].rstrip().endswith("since")
            and not any(a < o[1] and o[0] < b for a, b in since)]


def _starts_treatment(after_verb: str) -> bool:
    """Whether the words after an onset verb name a treatment being started ('on ramipril', 'on a new
    tablet', 'metformin'), not a time ('on Monday', 'on the way home')."""
    toks = tokens(after_verb)[:4]
    if toks and toks[0] in ("on", "onto"):
        rest = [t for t in toks[1:] if t not in ON_TIME_WORDS]
        return bool(rest) and rest[0] not in TIME_WORDS and not _is_number(rest[0])
    head = [t for t in toks[:2] if t not in ONSET_OBJECTS]
    return bool(head) and (head[0] in MEDICINE_WORDS or DRUG_STEM.fullmatch(head[0]) is not None)


def extract_duration(text: str) -> float | None:
    """The longest duration phrase in the text, attached or not (extract() keeps symptom durations only)."""
    hours = [h for _, _, h in duration_spans(text.lower())]
    return max(hours) if hours else None


def _nearest_head(kb: KnowledgeBase, toks: list[str], chunk_of: list[int],
                  matches: list[tuple[int, int, list[str]]], s: int, e: int) -> tuple[str, list[str]] | None:
    """The head a phrase at tokens [s, e) is attached to, its nearest finding or history word in the same
    chunk, preceding first: (kind: symptom | risk | verb, the tokens in between), or None."""
    if s >= len(toks):
        return None
    chunk = chunk_of[s]
    heads = []  # (start, end, kind): symptom | risk | verb
    for ms, me, ids in matches:
        if chunk_of[ms] != chunk or (ms < e and me > s):
            continue
        real = [kb.finding(i.lstrip("!")) for i in ids]
        if all(f.category == "course" for f in real):  # 'getting worse', 'for a week': not a head
            continue
        if not all(f.category in HISTORY_CATEGORIES for f in real):
            kind = "symptom"
        else:
            kind = "verb" if any(t in HISTORY_WORDS for t in toks[ms:me]) else "risk"
        heads.append((ms, me, kind))
    covered = {t for ms, me, _ in matches for t in range(ms, me)}
    heads += [(t, t + 1, "verb") for t, tok in enumerate(toks)
              if tok in HISTORY_WORDS and chunk_of[t] == chunk and t not in covered and not s <= t < e]
    before = [h for h in heads if h[1] <= s]
    after = [h for h in heads if h[0] >= e]
    if before:
        hs, he, kind = max(before, key=lambda h: h[1])
        return kind, toks[he:s]
    if after:
        hs, he, kind = min(after, key=lambda h: h[0])
        return kind, toks[e:hs]
    return None


def _describes_history(kb: KnowledgeBase, toks: list[str], chunk_of: list[int],
                       matches: list[tuple[int, int, list[str]]], s: int, e: int) -> bool:
    """Whether the duration at tokens [s, e) is attached to a risk factor or life history ('smoked for
    35 years') rather than to a symptom: its nearest head in the same chunk, preceding first."""
    head = _nearest_head(kb, toks, chunk_of, matches, s, e)
    if head is None:
        return False
    kind, between = head
    if kind == "risk":
        return all(t in FUNCTION_WORDS or _is_number(t) or t in UNIT_HOURS for t in between)
    return kind == "verb"


def extract_age(text: str) -> float | None:
    low = text.lower()
    for pat, scale in AGE_PATTERNS:
        m = pat.search(low)
        if m:
            val = float(m.group(1)) * scale
            if 0 <= val <= 110:
                return round(val, 3)
    for pat, val in AGE_WORDS:
        if pat.search(low):
            return val
    return None


def extract_sex(text: str) -> str | None:
    low = text.lower()
    f, m = FEMALE_STRONG.search(low), MALE_STRONG.search(low)
    if f and not m:
        return "female"
    if m and not f:
        return "male"
    if f and m:
        return "female" if f.start() < m.start() else "male"
    f, m = FEMALE.search(low), MALE.search(low)
    if f and not m:
        return "female"
    if m and not f:
        return "male"
    return None


def extract_severity(text: str) -> str | None:
    low = text.lower()
    m = SCALE.search(low)
    if m:
        v = int(m.group(1))
        return "severe" if v >= 7 else ("mild" if v <= 3 else "moderate")
    if SEVERE.search(low):
        return "severe"
    if MILD.search(low):
        return "mild"
    return None


def duration_evidence(hours: float) -> dict[str, bool]:
    if hours < 24:
        hit = "duration_under_1_day"
    elif hours <= 24 * 14:
        hit = "duration_1_to_14_days"
    else:
        hit = "duration_over_2_weeks"
    return {f: f == hit for f in DURATION_FINDINGS}


def extract(text: str, lexicon: Lexicon, embeddings: EmbeddingIndex | None = None,
            max_embed_chunks: int = 6) -> Extraction:
    kb = lexicon.kb
    ex = Extraction()
    text = text.replace("’", "'")
    unmatched_chunks: list[tuple[str, bool]] = []
    durations: list[float] = []  # hours of the duration phrases attached to a complaint
    for clause in _clauses(text.lower()):
        toks = tokens(clause)
        matches = _unblocked(_match_clause(lexicon, toks))
        matches = _add_body_pain(lexicon, toks, matches)
        negated, uncertain = _negated_spans(toks, matches)
        starts = [m.start() for m in _TOKEN.finditer(clause)]
        chunk_spans = _spans(_CHUNK, clause)
        chunk_of = [next((c for c, (a, b) in enumerate(chunk_spans) if a <= st < b), -1 - t)
                    for t, st in enumerate(starts)]

        def token_at(pos: int) -> int:  # the first token starting at or after a character offset
            return next((t for t, st in enumerate(starts) if st >= pos), len(toks))

        clause_durations = duration_spans(clause)
        for a, b, hours in clause_durations:
            if not _describes_history(kb, toks, chunk_of, matches, token_at(a), token_at(b)):
                durations.append(hours)
        for a, b, hours, v in onset_spans(clause, clause_durations):
            head = _nearest_head(kb, toks, chunk_of, matches, token_at(a), token_at(b))
            obj = _TOKEN.match(clause[v:].lstrip())
            transitive = obj is not None and (obj.group(0) in ONSET_OBJECTS or obj.group(0).endswith("ing")
                                              or _starts_treatment(clause[v:]))
            if (head is not None and head[0] == "symptom") or (head is None and not transitive):
                durations.append(hours)
        for k, (s, e, ids) in enumerate(matches):
            phrase = " ".join(toks[s:e])
            if any(i in DURATION_FINDINGS for i in ids) and _describes_history(kb, toks, chunk_of, matches, s, e):
                continue  # 'smoked for years': the history's duration, not the complaint's
            if k in uncertain:
                ex.uncertain.extend(ids)
                continue
            for fid in ids:
                if fid.startswith("!"):  # an 'absent' phrase ("I can keep fluids down")
                    ex.mentions.append(Mention(fid[1:], kb.finding(fid[1:]).name, False, phrase, "synonym"))
                else:
                    ex.mentions.append(Mention(fid, kb.finding(fid).name, k not in negated, phrase, "synonym"))
        if embeddings is not None:
            for chunk in _CHUNK.split(clause):
                ctoks = tokens(chunk)
                content = [t for t in ctoks if t not in NEG_PRE and t not in {"i", "my", "a", "the", "have", "am",
                                                                               "i'm", "been", "is", "it"}]
                if len(content) < 2 or len(ctoks) > 25 or _match_clause(lexicon, ctoks):
                    continue
                neg = any(is_negation_cue(ctoks, t) for t in range(len(ctoks) - 1))
                unmatched_chunks.append((chunk.strip(), neg))
    if embeddings is not None and unmatched_chunks:
        chunks = unmatched_chunks[:max_embed_chunks]
        for i, fid, score in embeddings.match([c for c, _ in chunks]):
            ex.mentions.append(Mention(fid, kb.finding(fid).name, not chunks[i][1], chunks[i][0], "embedding",
                                       round(score, 3)))
    # Duration from numbers beats the duration phrases in the synonym list.
    ex.duration_hours = max(durations) if durations else None
    if ex.duration_hours is not None:
        ex.mentions = [m for m in ex.mentions if m.finding_id not in DURATION_FINDINGS]
        for fid, present in duration_evidence(ex.duration_hours).items():
            ex.mentions.append(Mention(fid, kb.finding(fid).name, present, f"{ex.duration_hours:g} h", "duration"))
    ex.severity = extract_severity(text)
    has_pain = any(m.present and kb.finding(m.finding_id).category == "pain" for m in ex.mentions)
    if has_pain and ex.severity in ("severe", "mild") and not any(m.finding_id == "severe_pain" for m in ex.mentions):
        ex.mentions.append(Mention("severe_pain", kb.finding("severe_pain").name, ex.severity == "severe",
                                   ex.severity, "severity"))
    ex.age = extract_age(text)
    ex.sex = extract_sex(text)
    if ex.age is not None and ex.age < 0.25 and "infant_under_3m" in kb.finding_index:
        ex.mentions.append(Mention("infant_under_3m", kb.finding("infant_under_3m").name, True, "age", "age"))
    return ex
