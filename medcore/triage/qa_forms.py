"""A question answered inside a text, rewritten as the statement it makes before the text is read (nlu.prepare).

A triage nurse's note, a form pasted into the chat or a carer's message asks and answers: 'Stools normal? No. They
are black and tarry', 'Any fever? yes 39', 'Can he walk? no', 'Fever: no. Vomiting: yes.' Read as plain words, a
question's finding came out present whatever the answer ('Any fever? no' read a fever; 'Stools normal? No' read
the normal and no black stool). Here each answered question becomes its statement: yes -> the question's content
('fever'), no -> its denial ('no fever', 'he can't walk', 'stools not normal'), don't know -> a hedge ('maybe
fever'); the assertion engine then reads the polarity as for any other sentence. After a 'no', a next sentence
that opens with a pronoun ('They are black and tarry') is told of the question's subject ('stools are black and
tarry'). A question with no answer is left as it is. The answer words: answers.py (one home).
Linear patterns: bounded character classes, no nested quantifiers over the same text."""

from __future__ import annotations

import re

from medcore.triage.answers import INLINE

_KIND = {w: kind for kind, words in INLINE.items() for w in words}
_ANSWER = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_KIND, key=len, reverse=True))
# a question: the words since the last sentence end, up to its question mark, then the answer word; a 'no' or a
# short form must end there (a full stop, comma, dash, end of text, or a pronoun starting what it says next:
# 'No they are black'), a 'yes' may run on with its detail ('yes 39')
_QUESTION = re.compile(rf"(?P<q>[^.?!;:\n]{{1,100}})\?\s{{0,3}}(?P<a>{_ANSWER})(?![a-z'])(?P<end>\s{{0,3}}[.,;!\-]+)?",
                       re.I)
# a checklist label and its answer: 'Fever: no', 'Vomiting: yes x3' (a label of at most four words)
_LABEL = re.compile(rf"(?:^|(?<=[.;,\n?!]))(?P<q>\s{{0,3}}[a-z][a-z'/ ]{{0,40}}):\s{{0,3}}(?P<a>{_ANSWER})"
                    rf"(?![a-z'])(?P<end>\s{{0,3}}[.,;!\-]+)?", re.I)
# the contractions first: 'it's jet black' is told 'poo is jet black', not "poo's jet black"
_AFTER_NO = re.compile(r"\s{0,3}(?:they're|it's|he's|she's|i'm|theyre|its|they|it|he|she|i)\b", re.I)
_OPENER = re.compile(r"^(?:(?:is|are|was|were)\s+there\s+|(?:have|has|had|do|does|did)\s+(?:you|he|she|they|"
                     r"(?:the|your|his|her|my|their)\s+[a-z]+)\s+(?:ever\s+)?(?:had|got|have|get|notice|noticed|see"
                     r"|seen|felt|feel|suffer\s+from|suffered\s+from)\s+|ever\s+had\s+|any\s+(?:signs?|history|"
                     r"episodes?)\s+of\s+|any\s+)+", re.I)
_AUX = {"is": "isn't", "are": "aren't", "was": "wasn't", "were": "weren't", "can": "can't", "could": "couldn't",
        "does": "doesn't", "do": "don't", "did": "didn't", "has": "hasn't", "have": "haven't", "had": "hadn't",
        "will": "won't", "would": "wouldn't"}
_SUBJECT = re.compile(r"^(?P<aux>is|are|was|were|can|could|does|do|did|has|have|had|will|would)\s+(?P<s>i|you|he|she|"
                      r"it|they|we|(?:the|your|his|her|my|their|our)\s+[a-z]+)\b(?P<rest>.*)$", re.I)
_SECOND = {"you": "i", "your": "my", "yours": "mine", "yourself": "myself"}
# session 27 review: the normal word may close a noun of what is normal about it ('Poo a normal colour? No, it's
# jet black', 'Wee the usual colour? no'): the subject is what comes before it
_NORMAL_END = re.compile(r"\s(?:(?:normal|fine|ok|okay|alright|right|good|normally|regular|well)|(?:(?:a|the|its|their|"
                         r"her|his|your)\s+)?(?:normal|usual|regular)\s+(?:colou?r|consistency|amount|shape|size|"
                         r"smell|texture|rhythm))$", re.I)
_NOT_FIRST = re.compile(r"^(?:able|[a-z]+ing)\b", re.I)
_PRONOUNS = {"i", "you", "he", "she", "it", "they", "we"}


def _first_person(words: str) -> str:
    return re.sub(r"\b(?:you|your|yours|yourself)\b", lambda m: _SECOND[m.group(0).lower()], words, flags=re.I)


def statement(question: str, kind: str) -> tuple[str, str | None]:
    """The statement a question answered `kind` (yes, no, unknown) makes, and its subject noun phrase when it has
    one ('stools' of 'Stools normal?'), for a pronoun told after a 'no'."""
    q = " ".join(question.split())
    content = _OPENER.sub("", q)
    if content != q:  # 'Any fever', 'Is there blood in it', 'Have you had any vomiting'
        content = _first_person(content)
        return {"yes": content, "no": "no " + content, "unknown": "maybe " + content}[kind], None
    m = _SUBJECT.match(q)
    if m:  # 'Can he walk' -> 'he can walk' / "he can't walk"
        subj, aux, rest = _first_person(m.group("s")), m.group("aux").lower(), _first_person(m.group("rest"))
        said = f"{subj} {_AUX[aux] if kind == 'no' else aux}{rest}"
        noun = None if subj.lower() in _PRONOUNS else subj
        return ("maybe " + said if kind == "unknown" else said), noun
    q = _first_person(q)
    end = _NORMAL_END.search(q)
    if end:  # 'Stools normal' -> 'stools not normal'
        said = q[:end.start()] + " not" + q[end.start():] if kind == "no" else q
        return ("maybe " + said if kind == "unknown" else said), q[:end.start()].strip() or None
    if kind == "no":
        return ("not " if _NOT_FIRST.match(q) else "no ") + q, None
    return ("maybe " + q if kind == "unknown" else q), None


def rewrite(text: str) -> str:
    """The text with each answered question (or checklist label) replaced by its statement."""
    if "?" not in text and ":" not in text:
        return text
    for pattern in (_QUESTION, _LABEL):
        text = _rewrite(text, pattern)
    return text


def _rewrite(text: str, pattern: re.Pattern) -> str:
    out, last = [], 0
    for m in pattern.finditer(text):
        kind = _KIND.get(" ".join(m.group("a").lower().split()))
        tail = text[m.end():]
        # a 'no' (or a short form) is an answer only where it ends ('no energy' after a colon is a complaint)
        if kind is None or (kind != "yes" or len(m.group("a")) == 1) and not (
                m.group("end") or not tail.strip() or (kind == "no" and pattern is _QUESTION and _AFTER_NO.match(tail))):
            continue
        said, noun = statement(m.group("q"), kind)
        lead = m.group("q")[:len(m.group("q")) - len(m.group("q").lstrip())]
        out.append(text[last:m.start()] + lead + said + ".")
        last = m.end()
        if kind == "no" and noun:  # 'No. They are black and tarry': the question's subject
            p = _AFTER_NO.match(tail)
            if p and p.group(0).strip().lower() in ("they", "it", "they're", "it's", "theyre", "its"):
                word = p.group(0).strip().lower()
                verb = " are" if word in ("they're", "theyre") else " is" if word in ("it's", "its") else ""
                out.append(" " + noun + verb)
                last = m.end() + p.end()
    return "".join(out) + text[last:] if out else text
