"""Session 23 (issue 15): arms of single-treatment series and of "with and without" comparisons, and conditions the
knowledge layer coded one level too broad (Alzheimer disease, inguinal and umbilical hernia) or not at all (Cushing
disease). Every sentence here is written for the test."""

from __future__ import annotations

from medcore.literature import arm_phrases, treated_groups
from medcore.literature.model import Sentence


def _treat(x: str) -> bool:
    return any(w in x.lower() for w in ("ectomy", "pexy", "plasty", "surgery", "tube", "stomy", "scopy"))


def _arms(read, text: str) -> tuple[list[str], list[str]]:
    p = read(text)[0].pico
    return [i.text for i in p.interventions], [c.text for c in p.comparators]


def test_survival_with_and_without_a_tube_is_tube_against_no_tube():
    title = Sentence(-1, "Does a feeding tube lengthen life in frail adults?", 0, 0, None, "objective")
    s = Sentence(0, "We compared survival with and without a nasojejunal (NJ) feeding tube among frail adults.", 0, 0,
                 None, "objective")
    want = ("nasojejunal (NJ) feeding tube", "no nasojejunal (NJ) feeding tube", 0)
    assert arm_phrases.given_versus([title, s], _treat) == want
    # a title that does not name the tube: the phrase may tell a variant of what the title studies, no arms
    other = Sentence(-1, "Does frailty shorten life?", 0, 0, None, "objective")
    assert arm_phrases.given_versus([other, s], _treat) is None


def test_people_with_and_without_a_disease_are_no_arms():
    s = Sentence(0, "Gait speed was compared between adults with and without gout.", 0, 0, None, "methods")
    assert arm_phrases.given_versus([s], _treat) is None


def test_a_count_less_series_of_one_operation_named_in_the_title():
    sents = [Sentence(0, "A chart review of all consecutive patients undergoing pyeloplasty from 2001 to 2011 was done.",
                      0, 0, None, "methods")]
    assert treated_groups.single_group(sents, "Does weight at pyeloplasty predict a redo?", _treat) == ("pyeloplasty", 0)
    # the same sentence under a title that names another treatment gives no arm
    assert treated_groups.single_group(sents, "Does weight predict a redo after stenting?", _treat) is None


def test_a_defined_abbreviation_is_tested_by_its_long_form_and_a_year_ends_the_name():
    whole = "Laparoscopic sleeve gastrectomy (LSG) is common. We found 88 consecutive patients who underwent LSG since 2009."
    sents = [Sentence(0, "We found 88 consecutive patients who underwent LSG since 2009.", 0, 0, None, "methods")]
    got = treated_groups.single_group(sents, "Early experience with laparoscopic sleeve gastrectomy", _treat, whole)
    assert got == ("Laparoscopic sleeve gastrectomy", 0)


def test_an_objective_about_the_results_of_one_operation(read):
    text = ("Thoracoscopic sympathectomy in palmar sweating: who relapses?\n"
            "OBJECTIVE: To review the results of thoracoscopic sympathectomy in patients with palmar sweating.\n"
            "METHODS: Forty adults treated by one team were followed for five years.\n"
            "RESULTS: Nine relapsed.")
    assert _arms(read, text)[0] == ["thoracoscopic sympathectomy"]


def test_an_objective_naming_the_cases_source_procedure_without_results_of_gives_no_arm():
    sents = [Sentence(0, "To find markers of leak in patients after gastrectomy.", 0, 0, None, "objective")]
    assert treated_groups.single_group(sents, "Markers of leak after gastrectomy", _treat) is None


def test_conditions_take_their_own_codes(term):
    for phrase, code in (("older adults with Alzheimer's disease", "G30.9"), ("men with an inguinal hernia", "K40.90"),
                         ("infants with an umbilical hernia", "K42.9"), ("adults with Cushing's disease", "E24.0")):
        hits = term.match(phrase, types={"condition", "icd10cm"})
        assert [term.get(h.concept_id).codes["icd10cm"][0] for h in hits] == [code], phrase


def test_with_and_without_in_a_methods_sentence_describing_a_technique_gives_no_arms():
    s = Sentence(0, "The cyst was drained through the skin with and without prior sclerotherapy.", 0, 0, None, "methods")
    assert arm_phrases.given_versus([s], lambda x: "therapy" in x) is None


def test_nursing_home_residents_with_a_symptom_from_a_disease_take_the_disease(read):
    text = ("Do hip protectors cut falls in care homes?\n"
            "METHODS: We followed 400 care home residents with memory loss from dementia for a year.\n"
            "RESULTS: Falls were fewer.")
    codes = [c.code for c in read(text)[0].pico.population.conditions]
    assert codes == ["ICD-10-CM F03.90"]


def test_people_in_a_vegetative_state_and_small_newborns_and_infertility_are_coded(read):
    for sentence, code in (("We scanned 15 adults in a vegetative state twice.", "ICD-10-CM R40.3"),
                           ("We weighed 300 very low birth weight infants weekly.", "ICD-10-CM P07.10"),
                           ("We followed 120 couples with unexplained infertility for two cycles.", "ICD-10-CM N97.9")):
        text = f"Does a new routine help?\nMETHODS: {sentence}\nRESULTS: It helped a little."
        assert [c.code for c in read(text)[0].pico.population.conditions] == [code], sentence
