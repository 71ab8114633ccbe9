"""Session 21 (lit23): outcome phrasings the stated-outcome reader missed on dev (outcome named first, "main"
as "primary", an enumerated "Outcomes were:" list, rank tags in one list, a relative clause after the list, a
defined abbreviation, a heading's list over several sentences). Sentences written for this test."""

from medcore.literature import stated_outcomes
from medcore.literature.model import Pico, Population, Sentence


def _read(*texts, section=None):
    sents = [Sentence(i, t, 0, len(t), section, "methods") for i, t in enumerate(texts)]
    p = Pico(population=Population())
    stated_outcomes.read_outcomes(None, sents, p)
    return [o.text for o in p.outcomes_primary], [o.text for o in p.outcomes_secondary]


def test_outcome_named_before_its_rank():
    assert _read("Ninety-day readmission (i.e. any return to hospital) was the primary end point.") == (
        ["Ninety-day readmission"], [])
    assert _read("Wound infection and pain at rest were secondary outcomes.") == ([], ["Wound infection", "pain at rest"])


def test_main_ranks_as_primary_and_a_primary_study_outcome():
    assert _read("Patients were followed with the main outcome measures of falls and fractures.")[0] == [
        "falls", "fractures"]
    assert _read("Primary study outcome was graft loss.")[0] == ["graft loss"]
    assert _read("The main outcome was similar in both arms.")[0] == []  # reports on it, names nothing


def test_enumerated_outcomes_keep_commas_inside_an_item():
    assert _read("Outcomes were: (i) the composite of stroke, coma or death; (ii) delirium; and (iii) sepsis.")[0] == [
        "the composite of stroke, coma or death", "delirium", "sepsis"]


def test_rank_tags_inside_one_outcome_list():
    assert _read("Outcome measures at one year were relapse (primary outcome), weight and mood (secondary outcomes).") == (
        ["relapse"], ["weight", "mood"])


def test_relative_clause_after_the_list_is_dropped():
    assert _read("The outcome variables were itch and redness, which were scored on a ruler by a nurse.")[0] == [
        "itch", "redness"]


def test_outcome_measures_of_a_list_before_its_verb():
    assert _read("The outcome measures of grip strength, swelling and stiffness did not differ.")[0] == [
        "grip strength", "swelling", "stiffness"]


def test_defined_abbreviation_gets_its_long_name():
    assert _read("We studied mean arterial pressure (MAP) in shock.", "The primary outcome was MAP.")[0] == [
        "mean arterial pressure"]


def test_heading_list_over_two_sentences_and_a_sub_label():
    heading = "MAIN OUTCOME MEASURES"
    assert _read("Early: blood loss, pain and nausea.", "Late: scar width and relapse.", section=heading)[0] == [
        "blood loss", "pain", "nausea", "scar width", "relapse"]
    # a later sentence that is not a list of short names is the method's detail, not an outcome
    assert _read("Blood loss and pain.", "These were recorded by a research nurse blinded to the arm of each patient.",
                 section=heading)[0] == ["Blood loss", "pain"]
