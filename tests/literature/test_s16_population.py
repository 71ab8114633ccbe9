"""Session 16 (lit16): the population size when the groups are counted in different sentences or a recruitment
funnel is reported (CONSORT: the number randomised, or studied). Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from medcore.literature.model import Sentence
from medcore.literature.population_size import pick_n


def _sents(*pairs):
    return [Sentence(i, t, 0, len(t), None, r) for i, (r, t) in enumerate(pairs)]


# ---- N across sentences ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("pairs, want", [
    # the later funnel step is the study: enrolled -> randomised, screened -> eligible
    ((("methods", "We enrolled 212 adults with knee pain, of whom 180 were randomised to walking or usual care."),), 180),
    ((("methods", "A total of 212 adults with knee pain were screened."),
      ("methods", "Of these, 180 were randomly assigned to walking or usual care.")), 180),
    ((("methods", "We screened 400 children, of whom 96 were eligible."),), 96),
    # one group per sentence: the groups' sum
    ((("methods", "The walking group comprised 64 adults."), ("methods", "The usual care group comprised 59 adults."),
      ("methods", "Pain was scored at twelve weeks.")), 123),
    ((("methods", "Forty-one children received 10 mg zinc syrup daily."),
      ("methods", "Thirty-nine children received a matching placebo syrup.")), 80),
    # a total given first still wins over the parts
    ((("methods", "A total of 90 children were randomised."), ("methods", "Forty-one children received zinc syrup."),
      ("methods", "Thirty-nine children received a matching placebo syrup.")), 90),
    # "these" people compared with a second counted group in the next sentence
    ((("methods", "We studied 120 patients with a first stroke."),
      ("methods", "They were compared with 240 controls from the same district.")), 360),
    ((("methods", "Seventy women, the control group, were seen in the year before the clinic opened."),
      ("methods", "These women, who had been referred the usual way, were compared with the first 85 women seen "
                  "in the new clinic.")), 155),
    # a bracketed part of the people does not replace them
    ((("results", "88 infants (41 cases) were enrolled."),), 88),
    # groups listed as one subject, with an aside holding a decimal point
    ((("methods", "In total, 28 retired drivers (average age 71.4 years) and 30 student drivers, the control "
                  "group (average age 23.8 years), were tested twice."),), 58),
    ((("methods", "The study group comprised 23 patients divided into two groups."),
      ("methods", "Group A (n = 12) had one kind of reflux."), ("methods", "Group B (n = 11) had another.")), 23),
])
def test_population_size_across_sentences(pairs, want):
    assert pick_n(_sents(*pairs))[0] == want


def test_counts_in_results_sentences_are_not_summed_as_groups():
    # one count per results sentence is usually an event, not a group of the study
    sents = _sents(("methods", "Data were collected at one hospital."),
                   ("results", "Twelve patients underwent a second operation."),
                   ("results", "Five patients received a transfusion."))
    assert pick_n(sents)[0] == 12


def test_the_same_group_twice_is_not_summed():
    sents = _sents(("methods", "The walking group comprised 64 adults."),
                   ("methods", "The walking group comprised 64 adults at the end."))
    assert pick_n(sents)[0] != 128


def test_a_summed_n_points_at_the_first_group(read):
    r = read("Does walking help knee pain?\nMETHODS: The walking group comprised 64 adults. The usual care group "
             "comprised 59 adults.\nRESULTS: Pain fell more with walking (p = 0.01).")[0]
    assert r.pico.population.n == 123
    line = next(c for c in r.card.population if c.text.startswith("N = "))
    assert line.evidence == "64" and "64" in r.paper.sentences[line.sentence_idx].text
    assert "summed" in line.text  # the highlighted 64 is one group of the 123, and the line says so


def test_an_n_read_from_one_count_says_nothing_of_a_sum(read):
    r = read("Does walking help knee pain?\nMETHODS: Forty-two adults were randomised to walking or usual care."
             "\nRESULTS: Pain fell more with walking (p = 0.01).")[0]
    line = next(c for c in r.card.population if c.text.startswith("N = "))
    assert line.text == "N = 42" and line.evidence == "Forty-two"
