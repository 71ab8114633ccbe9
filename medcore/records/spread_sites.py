"""The organs a cancer is said to have spread to (issue 11, session 25).

"A colon cancer now metastasized to the liver and both lungs", "metastatic to the adrenal glands and lymph
nodes": each organ of the list is a secondary malignant neoplasm of that organ (ICD-10-CM Neoplasm table, the
malignant secondary column: C77-C79), a problem of its own. The organ words are read after the spread word, item
by item (commas, "and", "or", "as well as"); each item is looked up as '<organ> metastasis' in the knowledge layer
(`conditions.yaml` holds the organ entries with their codes), longest words first, so an item that names no organ
("status post radiation") reports nothing. Plain word walking, no regular expression over the list."""

from __future__ import annotations

import re
from dataclasses import replace

from medcore.knowledge.assertions import has_cue
from medcore.knowledge.concepts import Mention

# the spread word and its preposition ('metastasized to', 'metastatic to'); 'spread' alone is left out: an infection
# spreads too. The nouns ('metastases to the bones') are left to the matcher, which reads the noun and its organ as
# one problem ('metastases to the brain') or the noun as a metastasis: an organ read beside it would be a second one
_SPREAD = re.compile(r"(?<![\w-])(?:metastasi[sz]ed|metastatic)\s++(?:to|into|involving)(?![\w-])", re.I)
_WORD = re.compile(r"[A-Za-z]+")
_SKIP = frozenset({"the", "her", "his", "their", "both", "bilateral", "right", "left", "multiple", "several",
                   "also", "likely", "probably", "possibly"})
_JOINERS = frozenset({"and", "or"})
MAX_ITEMS = 8  # organs in one list
MAX_WORDS = 4  # words in one organ ('lower left neck lymph nodes')


def _items(sentence: str, start: int) -> list[list[tuple[int, int, str]]]:
    """The list items after `start`: each a list of (start, end, word) of its words, the list ending at the item
    after a joiner, at a mark other than a comma, or at a long item."""
    items, current, last = [], [], False
    pos = start
    while len(items) < MAX_ITEMS:
        m = _WORD.search(sentence, pos)
        if m is None:
            break
        gap = sentence[pos:m.start()]
        if gap.strip() not in ("", ","):
            break  # a full stop, semicolon or bracket ends the list
        word = m.group().lower()
        if "," in gap and current:
            items.append(current)
            current = []
            if last:
                break
        if word in _JOINERS or word == "as" and sentence[m.end():m.end() + 8].lower().startswith(" well as"):
            if current:
                items.append(current)
                current = []
            last = True
            pos = m.end() + (8 if word == "as" else 0)
            continue
        if word not in _SKIP:
            current.append((m.start(), m.end(), word))
            if len(current) > MAX_WORDS:
                current = []
                break
        pos = m.end()
    if current:
        items.append(current)
    return items


def find(vocab, sentence: str) -> list[tuple[object, object, str]]:
    """(mention, concept, code) for each organ a cancer is said to have spread to, over the organ's words."""
    out = []
    for cue in _SPREAD.finditer(sentence):
        for item in _items(sentence, cue.end()):
            # the longest words first: 'neck lymph nodes', then 'lymph nodes'; an organ may also lead its item, with
            # words after it ('to the brain last year', 'bone and liver in 2019')
            spans = [item[-n:] for n in range(len(item), 0, -1)] + [item[:n] for n in range(len(item) - 1, 0, -1)]
            for words in spans:
                named = " ".join(w for _, _, w in words) + " metastasis"
                got = vocab.named_whole(named)
                if got is not None:
                    s, e = words[0][0], words[-1][1]
                    out.append((Mention(s, e, sentence[s:e], got[0].id, "condition", named, how="variant"), *got))
                    break
    return out


# Current disease told beside a cancer named under a history cue (session 26, narrowed after review): a present-tense
# word ('now', 'currently', 'has metastasized', 'metastatic to', 'on palliative chemotherapy'). A past tense ('had
# spread'), a stage at diagnosis or a bare adjective ('metastatic melanoma, resected') says nothing of now.
_NOW = re.compile(r"(?<![\w-])(?:now|currently|presently|still|ongoing|active|(?:has|have)\s++(?:now\s++)?"
                  r"(?:metastasi[sz]ed|spread)|(?:is|are)\s++(?:now\s++)?metastatic|metastatic\s++to|palliative|"
                  r"(?:on|receiving|undergoing)\s++(?:chemotherapy|chemo|immunotherapy|radiotherapy))(?![\w-])", re.I)
# an end of the disease told beside it: the convention reads a treated cancer with no current disease as historical
# (the negation cues, 'no evidence of', 'without', come from assertion_rules.yaml, one home)
_OVER = re.compile(r"(?<![\w-])(?:remission|cured|ned|disease[- ]free|at\s++(?:the\s++time\s++of\s++)?diagnosis|"
                   r"resolved|in\s++the\s++past)(?![\w-])", re.I)
_CLAUSE_END = re.compile(r"[;()]")
_LIST_GAP = re.compile(r"[\s,]*+(?:(?:and|or|as\s++well\s++as)\s++)?(?:(?:the|both|her|his)\s++)?", re.I)


def _malignant(code: str) -> bool:
    """ICD-10-CM C00-C96: malignant neoplasms, primary and secondary (D-codes are in situ, benign or uncertain)."""
    return len(code) >= 3 and code[0] == "C" and code[1:3].isdigit() and int(code[1:3]) <= 96


def _window(text: str, start: int, end: int, others: list[tuple[int, int]]) -> tuple[int, int]:
    """The words that speak of one mention: from the end of the problem before it (or the clause start) to the start
    of the problem after it (or the clause end); another cancer's or an infection's words are not this one's."""
    lo = max([e for _, e in others if e <= start] + [m.end() for m in _CLAUSE_END.finditer(text, 0, start)] + [0])
    nxt = _CLAUSE_END.search(text, end)
    hi = min([s for s, _ in others if s >= end] + [nxt.start() if nxt else len(text)])
    return lo, hi


def current_disease(sentences, problems: list, rules) -> list:
    """A cancer, and the organs it has spread to, told in a past-history sentence with a present-tense word of its
    own ('history of breast cancer, now with deposits in the liver', 'that has metastasized to the lungs') are present:
    metastatic disease is current disease, whatever the history cue (annotation convention,
    assets/notes/real/dev/README.md). Without such a word, or with an end told ('now in remission', 'no evidence of
    disease', 'cured'), a past-history cancer keeps its historical reading. An organ listed after a switched one
    ('to the lungs and bones') goes with it. `rules`: the clinical assertion rules (their negation cues)."""
    texts = {s.index: (s.start, s.text) for s in sentences}
    out, switched = list(problems), {}
    for i, p in enumerate(problems):
        if p.assertion != "historical" or not _malignant(p.icd10cm) or p.sentence not in texts:
            continue
        base, text = texts[p.sentence]
        start, end = p.start - base, p.end - base
        others = [(q.start - base, q.end - base) for q in problems if q.sentence == p.sentence and q is not p
                  and (q.end <= p.start or q.start >= p.end)]
        lo, hi = _window(text, start, end, others)
        words = text[lo:start] + " " + text[end:hi]
        if _OVER.search(words) or has_cue(words, rules, "negated"):
            continue
        before = switched.get(p.sentence)  # the organ before it in the same list
        listed = before is not None and _LIST_GAP.fullmatch(text, before, start) is not None
        if _NOW.search(words) or listed:
            out[i] = replace(p, assertion="present")
            switched[p.sentence] = end
    return out
