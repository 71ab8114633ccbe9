"""Sections and sentences of a paper: `segment(paper, hmap)` fills `paper.sections` (when the reader gave none)
and `paper.sentences`, each sentence with the heading it sat under."""

from __future__ import annotations

from medcore.literature.headings import HeadingMap, find_sections
from medcore.literature.model import Paper, Sentence
from medcore.literature.sentences import split_sentences


def segment(paper: Paper, hmap: HeadingMap) -> Paper:
    text = paper.text
    if paper.sections:  # an export labelled the blocks (PubMed XML AbstractText Label, MEDLINE "LABEL:" text)
        blocks = [(h, s, e) for h, s, e in paper.sections]
        found = {h: None for h, _, _ in blocks}
        stops = {h for h in found if hmap.is_stop(h)}
    else:
        secs = find_sections(text, hmap)
        blocks = [(s.heading, s.start, s.end) for s in secs] or [("", 0, len(text))]
        stops = {s.heading for s in secs if s.stop}
        paper.sections = [b for b in blocks if b[0]]
    sentences: list[Sentence] = []
    for heading, start, end in blocks:
        if heading in stops:
            continue
        for s, e in split_sentences(text, start, end):
            sentences.append(Sentence(idx=len(sentences), text=text[s:e], start=s, end=e, section=heading or None))
    paper.sentences = sentences
    return paper
