"""The organs a cancer is said to have spread to (issue 11, session 25).

"A colon cancer now metastasized to the liver and both lungs", "metastatic to the adrenal glands and lymph
nodes": each organ of the list is a secondary malignant neoplasm of that organ (ICD-10-CM Neoplasm table, the
malignant secondary column: C77-C79), a problem of its own. The organ words are read after the spread word, item
by item (commas, "and", "or", "as well as"); each item is looked up as '<organ> metastasis' in the knowledge layer
(`conditions.yaml` holds the organ entries with their codes), longest words first, so an item that names no organ
("status post radiation") reports nothing. Plain word walking, no regular expression over the list."""

from __future__ import annotations

import re

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


# current spread told in the sentence: 'that has metastasized to', 'metastatic to', 'has spread to', 'with metastases',
# 'stage IV'. Not a denied one ('no metastases', 'without spread'), which the negation guard below refuses.
_CURRENT_SPREAD = re.compile(r"(?<![\w-])(?:metastasi[sz]ed|metastatic|(?:has|have|had)\s++spread|with\s++(?:\w+\s++)?"
                             r"metastas[ie]s|stage\s++(?:iv|4)(?![\w-]))", re.I)
_SPREAD_DENIED = re.compile(r"(?<![\w-])(?:no|without|negative\s++for|free\s++of)\s++(?:\w+\s++)?(?:metasta|spread)",
                            re.I)


def _malignant(code: str) -> bool:
    """ICD-10-CM C00-C96: malignant neoplasms, primary and secondary (D-codes are in situ, benign or uncertain)."""
    return len(code) >= 3 and code[0] == "C" and code[1:3].isdigit() and int(code[1:3]) <= 96


def current_disease(sentences, problems: list) -> list:
    """A cancer, and the organs it has spread to, told in a past-history sentence that says the spread ('history of
    breast cancer, now with deposits in the lung and liver') are present: metastatic disease is current disease,
    whatever the history cue (annotation convention, assets/notes/real/dev/README.md, session 26). A past-history
    cancer without current spread keeps its historical reading."""
    from dataclasses import replace

    spread = {s.index for s in sentences if _CURRENT_SPREAD.search(s.text) and not _SPREAD_DENIED.search(s.text)}
    return [replace(p, assertion="present") if p.assertion == "historical" and p.sentence in spread
            and _malignant(p.icd10cm) else p for p in problems]
