"""Session 21: pico.py split at its seams (stated_outcomes, population_conditions, pico_terms); the readers are
the same functions, reached from read_pico as before. Sentences written for this test."""

from medcore.literature import pico, population_conditions, stated_outcomes
from medcore.literature.model import Pico, Population, Sentence


def _sents(*texts):
    return [Sentence(i, t, 0, len(t), None, "methods") for i, t in enumerate(texts)]


def test_stated_outcomes_primary_and_secondary_parts():
    sents = _sents("The primary outcome was pain at six weeks.",
                   "Secondary outcomes were sleep quality, mobility and return to work.")
    p = Pico(population=Population())
    stated_outcomes.read_outcomes(None, sents, p)
    assert [o.text for o in p.outcomes_primary] == ["pain at six weeks"]
    assert [o.text for o in p.outcomes_secondary] == ["sleep quality", "mobility", "return to work"]
    assert {o.detail for o in p.outcomes_secondary} == {"secondary"}


def test_outcome_heading_when_no_primary_is_stated():
    s = Sentence(0, "Time to first relapse.", 0, 22, "MAIN OUTCOME MEASURES", "methods")
    p = Pico(population=Population())
    stated_outcomes.read_outcomes(None, [s], p)
    assert [(o.text, o.sentence_idx) for o in p.outcomes_primary] == [("Time to first relapse", 0)]


def test_pico_uses_the_split_modules():
    # one home each: the condition reader and the outcome patterns are not copied back into pico
    assert not hasattr(pico, "_conditions") and not hasattr(pico, "_PRIMARY")
    assert population_conditions.conditions(None, _sents("Adults with asthma."), None) == []
