"""An empty template field ("INFECTIONS:" then "None.", "BLEEDING:" then "Negative.", "Delirium:" then "N/A") denies
the concept its heading names. When the field and its answer share a sentence, the assertion rule ": none" does it
(assets/kb/knowledge/assertion_rules.yaml); but the sentence splitter cuts a note flattened to one line after the
heading's ":," and a heading alone on its line, so the answer is the next sentence and that rule never sees the two
together. Only a sentence that is the heading and nothing else, followed by a sentence that is only the answer."""

from __future__ import annotations

import re
from dataclasses import replace

from medcore.records.entities import Problem
from medcore.records.text import Sentence

# the heading and nothing else: "INFECTIONS:", "2. Complications:" (fullmatched on the sentence stripped of blanks
# and commas, so no pattern starts or ends with a run of them: linear when searched too)
_HEADING_ONLY = re.compile(r"(?:\d{1,2}[.)][ \t]{0,3})?[A-Za-z][A-Za-z /&'()-]{0,60}:")
# the whole answer sentence, stripped the same way: "None.", "Negative", "N/A", "Not applicable.", "None noted."
_EMPTY_ANSWER = re.compile(r"(?:none|nil|negative|absent|no|n/a|na|not applicable)"
                           r"(?:[ \t]{1,3}(?:noted|seen|identified|reported|encountered))?[.;]?", re.I)
_BLANKS = " \t\r\n,"


def apply(sentences: list[Sentence], problems: list[Problem]) -> list[Problem]:
    """The problems named by a heading whose field is empty, negated (a problem already negated stays so)."""
    empty: set[int] = set()
    for head, answer in zip(sentences, sentences[1:]):
        if _HEADING_ONLY.fullmatch(head.text.strip(_BLANKS)) and _EMPTY_ANSWER.fullmatch(answer.text.strip(_BLANKS)):
            empty.add(head.index)
    return [replace(p, assertion="negated") if p.sentence in empty and p.assertion != "negated" else p
            for p in problems]
