"""The symptom chat reads the shared terminology's clinical words for its findings (HPO synonyms, clinical
terms), with the same negation as its own phrases, and leaves out words that could say something else."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from medcore.triage.lexicon import Lexicon, terminology_phrases


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence()


@pytest.mark.parametrize("text, finding", [
    ("I have dyspnea", "breathless"),
    ("I vomited blood", "vomit_blood"),
    ("hematemesis since this morning", "vomit_blood"),
    ("polyuria", "frequent_urination"),
    ("I fainted", "collapse"),
    ("fainting at work", "collapse"),
    ("urinary frequency for a week", "frequent_urination"),
])
def test_clinical_words_find_the_finding(lexical_engine, text, finding):
    assert _ev(lexical_engine, text).get(finding) is True


def test_shared_negation_applies(lexical_engine):
    assert _ev(lexical_engine, "no dyspnea") == {"breathless": False}
    ev = _ev(lexical_engine, "denies hematemesis or polyuria but has a headache")
    assert ev["vomit_blood"] is False and ev["frequent_urination"] is False and ev["headache"] is True


def test_without_terminology_the_kb_words_only(kb):
    lex = Lexicon(kb)
    assert lex.ids_of("dyspnea") == [] and lex.ids_of("fainted") == ["collapse"]


@dataclass
class _Concept:
    id: str
    name: str
    synonyms: tuple


class _Terminology:
    def __init__(self, concepts):
        self._c = concepts

    def concepts(self, type=None):
        assert type == "finding"
        return self._c


def test_phrase_rules(kb):
    term = _Terminology([
        _Concept("finding:breathless", "Breathless", ("Dyspnea", "dizzy spell", "Tearing")),
        _Concept("finding:dizziness", "Dizziness", ("dizzy spell",)),
        _Concept("finding:not_a_triage_finding", "Whatever", ("polyuria",)),
    ])
    got = terminology_phrases(kb, term)
    # new word kept (its own spelling); one claimed by two findings dropped; a word that is part of a triage
    # phrase ('tearing chest pain') dropped; the KB's own name not repeated; unknown finding ids ignored
    assert got == {"breathless": ["Dyspnea"]}
    lex = Lexicon(kb, got)
    assert lex.ids_of("dyspnea") == lex.ids_of("dyspnoea") == ["breathless"]  # the UK spelling meets it too
    assert ("breathless", "Dyspnea") not in lex.rows  # the embedding index stays the KB's own
