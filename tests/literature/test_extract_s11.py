"""Session 11: extraction scorer and reader changes (all texts invented for these tests)."""

import pytest

from medcore.literature import evaluate


def test_extra_scalar_is_scored_only_for_sets_that_declare_it():
    gold = [{"pmid": "1", "setting": "tertiary referral hospital"}, {"pmid": "2"}]
    preds = {"1": {"setting": "a tertiary referral hospital; in Chile"}, "2": {"setting": "nursing homes"}}
    with_setting = evaluate.score(gold, preds, ("setting",))["fields"]["setting"]
    assert (with_setting["gold"], with_setting["predicted"], with_setting["correct"]) == (1, 2, 1)
    assert "setting" not in evaluate.score(gold, preds)["fields"]


# ---- design inferred when the authors name none (designs.yaml `unnamed_design`) ----------------------------------
def test_enrolment_period_in_the_methods_reads_as_a_cohort(read):
    r = read("OBJECTIVE: To see whether early mobilisation shortens hospital stay. METHODS: We studied 212 adults "
             "admitted with a hip fracture between March 2011 and June 2015 at one hospital. RESULTS: Stay was "
             "shorter with early mobilisation.")[0]
    assert r.design.kind == "cohort" and r.design.kind_inferred
    assert "2011" in r.design.kind_cue and r.design.kind_sentence_idx == 1
    line = r.card.design[0]
    assert "inferred" in line.text and line.sentence_idx == 1


def test_a_period_outside_the_methods_or_a_named_design_is_not_overridden(read):
    background_only = read("BACKGROUND: Between 1990 and 2000 the incidence doubled. METHODS: We measured blood "
                           "pressure in 80 volunteers. RESULTS: It was normal.")[0]
    assert background_only.design.kind == "unknown"
    named = read("METHODS: A cross-sectional survey of 300 teachers carried out between 2018 and 2019. RESULTS: "
                 "Most slept badly.")[0]
    assert named.design.kind == "cross_sectional" and not named.design.kind_inferred


def test_people_followed_up_months_later_read_as_a_cohort(read):
    r = read("METHODS: 640 warehouse workers answered a questionnaire on back pain, and 590 answered it again "
             "18 months later. RESULTS: Lifting predicted new pain.")[0]
    assert r.design.kind == "cohort"


# ---- N from two groups counted side by side --------------------------------------------------------------------
@pytest.mark.parametrize("text, n", [
    ("METHODS: Outcomes were compared between 1,150 rural and 4,210 urban infants born before 30 weeks.", 5360),
    ("METHODS: We identified adults who started drug A (n = 310) or drug B (n = 1,045) from 2001 to 2010.", 1355),
])
def test_population_size_is_the_sum_of_two_groups(read, text, n):
    assert read(text)[0].pico.population.n == n


def test_three_counted_groups_are_not_summed_as_a_pair(read):
    r = read("METHODS: Arm one (n = 20), arm two (n = 25) and arm three (n = 30) were followed up.")[0]
    assert r.pico.population.n != 45


# ---- interventions of observational studies ---------------------------------------------------------------------
def test_question_subject_that_names_a_treatment_is_the_intervention(read):
    r = read("Does open mesh repair before age two change recurrence of inguinal hernia?\nMETHODS: We reviewed 150 "
             "children treated at one centre. RESULTS: Recurrence was rare.")[0]
    assert [i.text for i in r.pico.interventions] == ["open mesh repair"]
    plain = read("Does parental income influence asthma control in teenagers?\nMETHODS: We surveyed 400 families. "
                 "RESULTS: Lower income went with worse control.")[0]
    assert plain.pico.interventions == []


def test_observational_comparison_of_groups_is_not_an_intervention(read):
    r = read("OBJECTIVE: To compare smokers with non-smokers in their reporting of cough. METHODS: We surveyed "
             "700 office workers. RESULTS: Smokers coughed more.")[0]
    assert r.pico.interventions == [] and r.pico.comparators == []
