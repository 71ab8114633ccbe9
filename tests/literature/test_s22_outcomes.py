"""Session 22 (issue 15): an outcome stated with the verb that made it one, in an abstract with no outcome heading
("X was chosen as the primary end point"), and no over-reading of an analysis clause or a plain comparison.
Sentences written for this test."""

from medcore.literature import stated_outcomes
from medcore.literature.model import Pico, Population, Sentence


def _read(*texts):
    p = Pico(population=Population())
    stated_outcomes.read_outcomes(None, [Sentence(i, t, 0, len(t), None, "methods") for i, t in enumerate(texts)], p)
    return [o.text for o in p.outcomes_primary], [o.text for o in p.outcomes_secondary]


def test_an_outcome_chosen_as_the_primary_one_is_read_without_a_heading():
    assert _read("Disease-free survival (DFS) was chosen as the primary end point.") == (["Disease-free survival"], [])
    assert _read("Pain at rest was assessed as the main outcome.")[0] == ["Pain at rest"]
    assert _read("Readmission within 30 days served as the primary outcome.")[0] == ["Readmission within 30 days"]
    assert _read("Wound dehiscence was recorded as a secondary outcome.") == ([], ["Wound dehiscence"])


def test_an_analysis_clause_or_a_comparison_is_not_a_stated_outcome():
    # X as outcome inside a "when" clause is one analysis, not the outcome the study set itself
    assert _read("Hazard ratios were higher when wound infection was taken as the main outcome.") == ([], [])
    # compared between groups: baseline traits are compared so too (the dev gold does not count it an outcome)
    assert _read("Weight and blood pressure were compared between the two groups.") == ([], [])
