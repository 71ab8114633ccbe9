"""Review-of-systems and examination findings written as initials joined by slashes (issue 11, session 26b).

US charts shorten the stock negative lists to their initials: "Ext: no c/c/e" (cyanosis, clubbing, edema), "ROS: no
F/C/NS" (fever, chills, night sweats), "Psych: denies SI/HI", "Heart: no m/r/g", "Lungs: no w/r/r". Each letter
group is its own finding, asserted as the line says; the forms and the words they stand for are data
(`problem_vocabulary.yaml` `slash_lists`, after Stedman's abbreviations), each word resolved by the knowledge layer
(its code is the vocabulary's). Only whole listed forms are read: a slash between other letters ("and/or", "h/o",
"s/p") is not a list. Each finding's span is its own letter group, so the assertion is read as for any list item."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.errors import DomainError
from medcore.knowledge.concepts import Mention

# two to five groups of one to three letters joined by slashes, standing alone (no letter, digit or slash beside it)
_FORM = re.compile(r"(?<![\w/])[A-Za-z]{1,3}(?:/[A-Za-z]{1,3}){1,4}(?![\w/])")
_GROUP = re.compile(r"[A-Za-z]+")


class SlashListError(DomainError):
    """The slash_lists table of problem_vocabulary.yaml is malformed."""


@dataclass(frozen=True)
class SlashLists:
    forms: dict[str, tuple[str, ...]]  # 'c/c/e' -> ('cyanosis', 'clubbing', 'edema')


def build(doc) -> SlashLists | None:
    if not doc:
        return None
    forms = {}
    for form, words in (doc.get("forms") or {}).items():
        key = str(form).lower()
        groups = key.split("/")
        if not _FORM.fullmatch(key) or len(groups) != len(words or ()):
            raise SlashListError(f"slash_lists: {form!r} needs one word per letter group, got {words!r}")
        forms[key] = tuple(str(w) for w in words)
    return SlashLists(forms)


def find(vocab, table: SlashLists | None, sentence: str) -> list[tuple[object, object, str]]:
    """(mention, concept, code) for each letter group of a listed slash form, over that group's letters."""
    if table is None:
        return []
    out = []
    for m in _FORM.finditer(sentence):
        words = table.forms.get(m.group().lower())
        if words is None:
            continue
        for g, word in zip(_GROUP.finditer(m.group()), words):
            got = vocab.named_whole(word)
            if got is None:
                continue  # a word the knowledge layer does not name as a problem is left out, not guessed
            s, e = m.start() + g.start(), m.start() + g.end()
            out.append((Mention(s, e, sentence[s:e], got[0].id, "condition", word, how="variant"), *got))
    return out
