"""Session 25b (issue 15): BREADTH of how abstracts state the sample size, the study design and the setting.
Each rule is tried on sentences written for this test (none from a data file or a blind set), and on the
negatives it must leave alone."""

from __future__ import annotations

import pytest

from medcore.literature.population_size import pick_n


def _n(read, methods: str, results: str = "The main finding was a lower rate of falls."):
    text = ("Does tai chi prevent falls?\n"
            "OBJECTIVE: To study tai chi and falls.\n"
            f"METHODS: {methods}\n"
            f"RESULTS: {results}")
    return read(text)[0].pico.population.n


@pytest.mark.parametrize("methods, n", [
    ("Participants were 214 retired teachers living alone.", 214),
    ("The final sample was 318 carers of people with dementia.", 318),
    ("Participants: 96 adults over 70 years.", 96),
    ("Included were 143 residents of sheltered housing.", 143),
    ("Data on 512 outpatients with knee pain were extracted.", 512),
    ("The study was carried out on 77 patients attending a falls clinic.", 77),
    ("Of 260 screened, 31 were excluded, leaving 229 for analysis.", 229),
    ("Questionnaires were completed by 640 of the 900 pharmacists approached.", 640),
    ("We invited 2,400 households, and 1,870 residents took part.", 1870),
    ("Fifty-one patients with Parkinson disease were compared with 49 age-matched controls.", 100),
])
def test_more_ways_of_stating_who_was_studied(read, methods, n):
    assert _n(read, methods) == n


def test_a_subset_that_dropped_out_is_not_the_n(read):
    assert _n(read, "We enrolled 420 adults aged 65 or more.", "Twenty-two participants withdrew during the first month.") == 420


def test_a_questionnaire_sent_counts_only_when_nobody_is_said_to_have_answered(read):
    assert _n(read, "A questionnaire was mailed to 1,500 randomly chosen parents.") == 1500
    assert _n(read, "A questionnaire was mailed to 1,500 parents; 1,020 responded.") == 1020


def _design(read, methods: str, conclusion: str = "Balance training may help."):
    text = ("Balance training in older people\n"
            "OBJECTIVE: To study balance in older people.\n"
            f"METHODS: {methods}\n"
            "RESULTS: Balance improved.\n"
            f"CONCLUSIONS: {conclusion}")
    return read(text)[0].design.kind


@pytest.mark.parametrize("methods, kind", [
    ("We performed a post hoc analysis of data from a randomised trial, asking whether baseline gait speed predicted falls.", "cohort"),
    ("Using an administrative database, we identified adults prescribed opioids and compared their fracture rates.", "cohort"),
    ("PubMed, Embase and PsycINFO were systematically searched for trials of balance training.", "systematic_review"),
    ("Fall rates were compared before and after the introduction of a ward exercise programme.", "nonrandomised_trial"),
    ("In-depth interviews with 18 physiotherapists were analysed thematically.", "qualitative"),
    ("Cases were people with a hip fracture; population controls were drawn from the electoral roll.", "case_control"),
    ("We compared 40 women with osteoporosis with 40 women without it matched for age.", "case_control"),
    ("We report our experience with 11 patients treated with a hip protector.", "case_series"),
    ("Positive and negative predictive values of the timed up-and-go test for falls were computed.", "diagnostic_accuracy"),
])
def test_designs_said_in_other_words(read, methods, kind):
    assert _design(read, methods) == kind


def test_a_design_called_for_in_the_conclusion_is_not_this_studys(read):
    # nothing in the methods names a design; only the call for future work does
    kind = _design(read, "Balance was measured in 60 adults.", "Larger randomised trials are needed to confirm this.")
    assert kind != "rct"


def test_a_trial_that_is_this_study_still_reads_as_a_trial(read):
    assert _design(read, "Participants were randomly assigned to balance training or a waiting list.") == "rct"


def _setting(read, methods: str, results: str = "Balance improved.") -> str:
    text = (f"Balance in older people\nOBJECTIVE: To study balance.\nMETHODS: {methods}\nRESULTS: {results}")
    return read(text)[0].design.setting


@pytest.mark.parametrize("methods, want", [
    ("Residents of 14 care homes were assessed.", "care homes"),
    ("Patients admitted to a surgical ICU after hip surgery were studied.", "icu"),
    ("The study took place at a district general hospital in Wales.", "district general hospital"),
    ("Older adults were recruited in 40 community pharmacies.", "community pharmacies"),
    ("The work was done at a psychiatric hospital.", "psychiatric hospital"),
])
def test_more_kinds_of_place(read, methods, want):
    assert want in _setting(read, methods).lower()


@pytest.mark.parametrize("results", [
    "ICU mortality was 12%.",
    "Hospice enrolment rose by a third.",
    "Operating room time was 20 minutes shorter.",
])
def test_a_measure_of_care_used_is_not_the_setting(read, results):
    assert not _setting(read, "Balance was measured in 60 adults in Norway.", results)


def test_the_place_named_in_full_beats_its_abbreviation_in_the_title(read):
    text = ("Early tracheostomy for ventilated ICU patients\nOBJECTIVE: To study early tracheostomy.\n"
            "METHODS: Adults were enrolled in four university intensive care units.\nRESULTS: Sedation fell.")
    assert "intensive care units" in read(text)[0].design.setting


def test_an_icu_named_only_by_its_abbreviation_is_still_read(read):
    assert "ICU" in _setting(read, "Adults sedated in a medical ICU were enrolled.")


@pytest.mark.parametrize("methods", [
    "The ages of 18-64 year old farmers were recorded; 40 farmers were studied.",
    "Forty 64-year-old farmers were studied.",
])
def test_an_age_is_not_a_count(read, methods):
    assert _n(read, methods) == 40


def test_a_split_by_sex_is_not_the_count(read):
    assert _n(read, "A total of 14 adults took part. The subjects were 9 women and 5 men.") == 14


def test_a_data_source_alone_is_no_cohort(read):
    # the claims data named in a conclusion say where data came from, not how people were studied
    assert _design(read, "Costs of care were compared between hospital types.",
                   "Claims data cannot show why costs differ.") != "cohort"


def test_claims_data_read_for_new_events_are_a_cohort(read):
    assert _design(read, "Using health insurance claims data, we compared the incidence of stroke in users and non-users of the drug.") == "cohort"


def test_pick_n_reads_a_sentence_alone():
    from medcore.literature.model import Sentence
    s = Sentence(0, "Participants were 88 shift workers.", 0, 35, None, "methods", 1.0, "heading")
    assert pick_n([s])[0] == 88
