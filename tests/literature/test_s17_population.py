"""Session 17 (lit17): the population size of a case-control study from its controls per case (STROBE 6b), and of
studies counting three or more groups. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from medcore.literature.model import Sentence
from medcore.literature.population_size import pick_n


def _sents(*pairs):
    return [Sentence(i, t, 0, len(t), None, r) for i, (r, t) in enumerate(pairs)]


@pytest.mark.parametrize("pairs, want", [
    # controls per case: the cases counted, the ratio stated beside them -> cases x (1 + ratio)
    ((("methods", "For each case of a woman with a hip fracture on the ward (n = 60), 2 control women who had no "
                  "fracture were drawn from the same clinic."),), 180),
    ((("methods", "We identified 45 cases of childhood asthma, and each case was matched with three controls "
                  "by age and school."),), 180),
    ((("methods", "We enrolled 80 patients with gout and four controls per case from the same practices."),), 400),
    # the controls also counted in brackets: still the sum, not more
    ((("methods", "For each case (n = 50), 2 referent patients (n = 100) were chosen from the register."),), 150),
    # three or more groups counted in brackets in a sentence that recruits them
    ((("methods", "Children with eczema (n = 40), with asthma (n = 25) and healthy control children (n = 30) were "
                  "recruited from two schools."),), 95),
    # groups counted one after another, each labelled in brackets
    ((("methods", "Twelve patients had a first operation (group A), 9 patients had a repeat operation (group B), and "
                  "15 patients had no operation (group C)."),), 36),
    # labelled groups, then a further group of operations they are compared with in the next sentence
    ((("methods", "Twelve patients had a first operation (group A), 9 patients had a repeat operation (group B), and "
                  "15 patients had no operation (group C)."),
      ("methods", "The three groups were compared with one another and with 40 open repairs from the same "
                  "years (group D).")), 36),
    ((("methods", "Twelve patients had a first operation (group A), 9 patients had a repeat operation (group B), and "
                  "15 patients had no operation (group C)."),
      ("methods", "The three groups were compared with one another and with 40 open operations from the "
                  "same years (group D).")), 76),
    # "There were N in the A group and M in the B group" counts the groups, in the results too
    ((("results", "There were 120 recipients in the early group and 95 in the late group."),), 215),
])
def test_population_size_s17(pairs, want):
    assert pick_n(_sents(*pairs))[0] == want


@pytest.mark.parametrize("pairs, want", [
    # no ratio per case: the count stays
    ((("methods", "We enrolled 80 patients with gout from the same practices."),), 80),
    # a results list of findings counted in brackets is not a list of groups
    ((("methods", "We studied 64 adults who had a knee replaced."),
      ("results", "The commonest findings were swelling (n = 12), stiffness (n = 12), and pain (n = 6).")), 64),
    # a case counted per ratio is not multiplied when N is a sum of groups already
    ((("methods", "We compared 60 cases with 120 controls, two controls per case, from one district."),), 180),
])
def test_population_size_s17_left_alone(pairs, want):
    assert pick_n(_sents(*pairs))[0] == want
