"""Adjectives that name a condition as a state of the patient (issue 11): "she is very hypertensive", "he remained
labile and disorganized", "she is not diabetic", "an 83-year-old diabetic woman". The same words also qualify
other things ("hypertensive emergency", "diabetic foot care", "a septic joint", "disorganized thoughts"), so they are
read only in two places: as the predicate of a linking verb (is, was, remained, appeared, found to be ...), with
nothing but degree words or other adjectives between, and not followed by a noun; or right before a word for the
patient (woman, male, patient ...). Which word names which problem-list condition is data: `adjective_forms` in
assets/kb/records/problem_vocabulary.yaml. Negation and the other assertions come from ConText afterwards, as for
any problem mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.errors import DomainError
from medcore.knowledge.concepts import Mention

# how far back from the adjective the linking verb may stand, in characters
WINDOW = 45
_LINKING = re.compile(r"\b(?:is|was|were|are|be|been|being|remains|remained|remain|became|become|becomes|appears|"
                      r"appeared|appear|seems|seemed|looks|looked|feels|felt|found to be|noted to be)\b", re.I)
# what may stand between the linking verb and the adjective: degree words, 'not', other adjectives and their joins
_BETWEEN = re.compile(r"(?:\s*(?:,|\band\b|\bor\b|\bnot\b|\bvery\b|\bquite\b|\bstill\b|\bnow\b|\balso\b|\bmore\b|"
                      r"\bless\b|\bso\b|\btoo\b|\bsomewhat\b|\ba bit\b|\ba little\b|\brather\b|\bno longer\b|\bmildly\b|\bagain\b|"
                      r"\b[a-z]+ly\b|\b[a-z]+(?:ic|ive|ed|al|ent|ant|ous|ile|ial)\b))*\s*", re.I)
# after a predicate adjective: the end of the clause or a word that starts a new phrase, not a noun it qualifies
_AFTER = re.compile(r"\s*+(?:$|[.,;:)!?/-]|(?:and|or|but|with|this|today|tonight|on|at|in|during|again|since|for|"
                    r"throughout|when|while|after|before|upon|than|now|yesterday|overnight|secondary|due|as|from|to|"
                    r"until|without|despite|both|then|here|there|[a-z]+ly)\b)", re.I)
# the subject of the linking verb is the patient ('she has been weak', 'he says he is very weak', 'complains of being
# weak'), for a word that is also said of things ('pulses are weak', 'grip is weak', 'weak positive'): read backwards
# from the verb over at most a few auxiliaries
_PATIENT_BEFORE = re.compile(r"(?:\b(?:he|she|they|i|patient|pt)|\bcomplain(?:s|ed|ing)?\s+of|\bc/o)"
                             r"(?:\s+(?:has|have|had|is|was|were|are|does|did|also|still|now|really|generally|just)){0,3}\s*$",
                             re.I)
PATIENT_BEFORE_CHARS = 40
# ... and not of one part ('she is weak in the left leg', 'weak on the right': a limb's weakness, R29.898, is the
# body-site table's, not the generalised weakness the word alone names); read right after the word (the lookbehind
# keeps a search over a run of blanks linear)
_OF_PART = re.compile(r"(?<!\s)\s+(?:in|on|of|at|over|throughout)\b", re.I)
_PERSON = re.compile(r"\s++(?:female|male|man|woman|patient|gentleman|lady|boy|girl|child|adult)\b", re.I)
# session 29: an examination written in verbless fragments ("A&O x3. Dysarthric and dysphagic.", "in no acute distress,
# very kyphotic."): the adjective opens its clause (sentence start, or after a comma, semicolon or colon, with only
# degree words or other adjectives before it) and the clause ends after it (not a label: "Orthostatic: ...")
_CLAUSE_OPEN = re.compile(r"[,;:]", re.I)
_FRAGMENT_END = re.compile(r"\s*+(?:$|[.,;)]|(?:and|or|but|with|today|now|again|throughout|at\s+times)\b)", re.I)
# after a predicate adjective, a time said in words ("she feels fatigued all the time", "most days")
_AFTER_TIME = re.compile(r"(?<!\s)\s++(?:all|most|much|every|some)\s++(?:the\s++)?(?:time|day|days|night|nights|mornings?|evenings?)\b", re.I)


class AdjectiveFormsError(DomainError):
    pass


@dataclass(frozen=True)
class AdjectiveForms:
    words: re.Pattern
    concept_of: dict[str, str]  # adjective (lower case) -> condition concept id
    patient_only: frozenset[str] = frozenset()  # read only as said of the patient ('she is weak', not 'pulses are weak')

    def find(self, sentence: str) -> list[Mention]:
        """A mention of the condition for each adjective said of the patient."""
        out = []
        for m in self.words.finditer(sentence):
            word = m.group().lower()
            of_patient = word in self.patient_only
            if of_patient and _OF_PART.match(sentence, m.end()):
                continue
            after = _AFTER.match(sentence, m.end()) or _AFTER_TIME.match(sentence, m.end())
            if _PERSON.match(sentence, m.end()) or (after and self._linked(sentence, m.start(), of_patient)) or \
                    (not of_patient and self._fragment(sentence, m.start(), m.end())):
                out.append(Mention(m.start(), m.end(), m.group(), self.concept_of[word], "condition", word,
                                   how="context"))
        return out

    @staticmethod
    def _fragment(sentence: str, start: int, end: int) -> bool:
        if not _FRAGMENT_END.match(sentence, end):
            return False
        opens = [c.end() for c in _CLAUSE_OPEN.finditer(sentence, max(0, start - WINDOW), start)]
        begin = opens[-1] if opens else 0
        if not opens and start > WINDOW:
            return False
        return _BETWEEN.fullmatch(sentence, begin, start) is not None

    @staticmethod
    def _linked(sentence: str, start: int, of_patient: bool = False) -> bool:
        lo = max(0, start - WINDOW)
        for v in _LINKING.finditer(sentence, lo, start):
            if _BETWEEN.fullmatch(sentence, v.end(), start) and (
                    not of_patient or _PATIENT_BEFORE.search(sentence[max(0, v.start() - PATIENT_BEFORE_CHARS):v.start()])):
                return True
        return False


def build(doc) -> AdjectiveForms | None:
    """From the data file's `adjective_forms` mapping {forms: {adjective: condition id}, source} (None without)."""
    if not doc:
        return None
    if not isinstance(doc, dict) or not doc.get("source") or not isinstance(doc.get("forms"), dict):
        raise AdjectiveFormsError("adjective_forms needs forms (adjective -> condition id) and a source")
    # a bare id is a problem-list condition; 'icd10cm:R49.0' names an ICD-10-CM concept directly (a sign that has no
    # problem-list entry: 'hoarse' is hoarseness, R49.0)
    concept_of = {str(k).lower(): str(v) if ":" in str(v) else f"condition:{v}" for k, v in doc["forms"].items()}
    alternation = "|".join(map(re.escape, sorted(concept_of, key=len, reverse=True)))
    patient_only = frozenset(str(w).lower() for w in doc.get("patient_only") or ())
    return AdjectiveForms(re.compile(rf"\b(?:{alternation})\b", re.I), concept_of, patient_only)
