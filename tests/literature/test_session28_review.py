"""Session 28 review of lit28 (issue 15): the readings an outsider's probes found wrong, each with the case the rule
was written for kept working. Own sentences only. Rule followed: never show an arm, an age, an N or a condition the
abstract does not give; an inferred side says so."""

from __future__ import annotations

import pytest


def _read(read, title, methods, results="The groups did not differ."):
    return read(f"{title}\nMETHODS: {methods}\nRESULTS: {results}\nCONCLUSIONS: More work is needed.")[0]


def _arms(read, title, methods):
    p = _read(read, title, methods).pico
    return [i.text for i in p.interventions], [i.text for i in p.comparators]


# --- dose and schedule arms: only when the pair is the whole list of arms ---

def test_dose_by_kidney_function_beside_another_drug_keeps_the_other_drug(read):
    inter, comp = _arms(read, "Apixaban or warfarin in frail adults", "Adults were randomly assigned to apixaban "
                        "(5 or 2.5 mg twice daily by kidney function) or warfarin.")
    assert [c.lower() for c in comp] == ["warfarin"]
    assert not any("mg" in x for x in inter + comp)


def test_dose_by_kidney_function_in_a_cohort_is_no_pair_of_arms(read):
    inter, comp = _arms(read, "Apixaban in older adults with atrial fibrillation: a cohort", "We followed 900 adults "
                        "who took apixaban 5 or 2.5 mg twice daily according to kidney function.")
    assert comp == []


def test_rescue_drug_doses_do_not_replace_the_allocated_arms(read):
    inter, comp = _arms(read, "Physiotherapy for knee pain", "Adults were randomly assigned to physiotherapy or usual "
                        "care; either group could take paracetamol 500 or 1000 mg as needed.")
    assert inter == ["physiotherapy"] and comp == ["usual care"]


def test_a_pair_closed_by_its_bracket_is_still_read(read):
    inter, comp = _arms(read, "Acid suppression for severe reflux", "Adults were randomly assigned to omeprazole (20 or "
                        "40 mg daily for 8 weeks) for grade C or D oesophagitis.")
    assert inter == ["omeprazole 40 mg"] and comp == ["omeprazole 20 mg"]


def test_same_total_dose_split_is_no_more_intensive_arm(read):
    p = _read(read, "Once or twice daily dosing of drug W", "Patients were randomly assigned to the same total daily "
              "dose of drug W given once daily or twice daily.").pico
    assert not any("inferred" in i.detail for i in p.interventions + p.comparators)


@pytest.mark.parametrize("title,methods,studied,usual", [
    ("Hypofractionated radiotherapy for prostate cancer",
     "Men were randomly assigned to 60 Gy in 20 fractions or 74 Gy in 37 fractions.",
     "60 Gy in 20 fractions", "74 Gy in 37 fractions"),
    ("Extended interval dosing of natalizumab", "Patients were randomly assigned to natalizumab every 4 weeks or "
     "every 6 weeks.", "natalizumab every 6 weeks", "natalizumab every 4 weeks"),
    ("Low-dose versus standard-dose methotrexate: a noninferiority trial",
     "Adults were randomly assigned to methotrexate 7.5 or 15 mg weekly.", "methotrexate 7.5 mg", "methotrexate 15 mg"),
])
def test_the_lighter_arm_is_studied_when_the_title_says_so(read, title, methods, studied, usual):
    p = _read(read, title, methods).pico
    assert [i.text for i in p.interventions] == [studied] and [c.text for c in p.comparators] == [usual]
    assert "inferred" in p.interventions[0].detail


def test_high_dose_title_keeps_the_heavier_arm_studied(read):
    p = _read(read, "Does high-dose radiotherapy help in palliative lung cancer?",
              "Patients were randomly assigned to 20 Gy in 5 fractions or 39 Gy in 13 fractions.").pico
    assert [i.text for i in p.interventions] == ["39 Gy in 13 fractions"]


def test_no_cue_keeps_the_more_intensive_arm_marked_inferred(read):
    p = _read(read, "Vitamin D doses in older adults", "Adults were randomly assigned to cholecalciferol 800 or 2000 "
              "IU daily.").pico
    assert [i.text for i in p.interventions] == ["cholecalciferol 2000 IU"]
    assert "inferred" in p.interventions[0].detail and "inferred" in p.comparators[0].detail


def test_doses_escalated_in_cohorts_are_one_arm(read):
    inter, comp = _arms(read, "Drug Y in melanoma: a phase 1 study", "Patients were randomly selected for drug Y "
                        "100 or 200 mg daily in successive cohorts of six.")
    assert not any("mg" in x for x in comp)


# --- bracketed arm labels need a list joint between them ---

def test_brackets_that_qualify_are_no_arm_labels(read):
    inter, comp = _arms(read, "Exercise in heart failure", "Patients were randomly assigned to exercise or usual care "
                        "(both groups) after discharge (in hospital).")
    assert inter == ["exercise"] and comp == ["usual care"]


def test_labels_joined_by_or_are_still_the_arms(read):
    inter, comp = _arms(read, "Fluids in sepsis", "Adults were randomly assigned to 30 ml/kg at once (early bolus) or "
                        "fluids as needed (late bolus).")
    assert inter == ["early bolus"] and comp == ["late bolus"]


# --- "is B necessary?": the omission arm beside B ---

def test_necessary_title_with_allocated_drain_or_no_drain(read):
    inter, comp = _arms(read, "Is a drain necessary after thyroidectomy?", "Patients were randomly assigned to a drain "
                        "or no drain.")
    assert inter == ["no drain"] and comp == ["drain"]


def test_plain_title_keeps_drain_first(read):
    inter, comp = _arms(read, "Drains after thyroidectomy", "Patients were randomly assigned to a drain or no drain.")
    assert inter == ["drain"] and comp == ["no drain"]


# --- age ---

def _age(read, methods, results="The groups did not differ."):
    return _read(read, "Falls in older people", methods, results).pico.population.age


def test_one_band_in_the_methods_is_the_minimum(read):
    age = _age(read, "We enrolled 450 residents older than 80 years.")
    assert age.get("stat") == "min" and age.get("low") == 80


def test_range_kept_beside_an_eligibility_band(read):
    age = _age(read, "We enrolled 210 adults aged 18 to 65 years; those younger than 18 were not eligible.")
    assert (age.get("stat"), age.get("low"), age.get("high")) == ("range", 18, 65)


def test_one_band_in_a_result_is_a_subgroup(read):
    assert _age(read, "We enrolled 450 residents of care homes.", "Of those older than 85 years, 30% fell.") == {}


def test_two_bands_set_against_each_other_bound_no_one(read):
    assert _age(read, "We surveyed 2,000 people.", "Falls were rarer in those younger than 70 years than in those "
                "aged 70 or older.") == {}


def test_excluded_age_is_no_bound_of_the_people(read):
    assert _age(read, "We enrolled 330 drivers; those aged 70 years or more were excluded.") == {}
    age = _age(read, "We enrolled 330 drivers aged 70 years or more.")
    assert age.get("stat") == "min" and age.get("low") == 70


def test_age_of_the_peoples_children_is_not_theirs(read):
    assert _age(read, "We interviewed 200 mothers; their infants were 2 years old on average.") == {}
    age = _age(read, "The 150 participants were 71.4 years old on average.")
    assert age.get("stat") == "mean" and age.get("value") == 71.4


# --- counts of people beside decimal commas ---

def _pop(read, methods):
    return _read(read, "Asthma in teachers", methods).pico.population


def test_comma_thousands_count_kept_beside_a_decimal_comma_share(read):
    pop = _pop(read, "We surveyed 12,350 teachers; 45,5% were women.")
    assert pop.n == 12350 and pop.sex.get("female_pct") == 45.5


def test_comma_thousands_count_kept_beside_a_list_of_days(read):
    assert _pop(read, "We enrolled 2,456 patients who were seen on days 1,3 and 7.").n == 2456


def test_european_point_count_still_read(read):
    assert _pop(read, "We surveyed 5.400 teachers in 40 schools.").n == 5400


def test_a_rate_per_people_is_no_count(read):
    assert _pop(read, "There were 1.200 cases per 100 000 children in four regions.").n is None


def test_card_shows_the_count_as_printed(read):
    r = _read(read, "Asthma in teachers", "We surveyed 12,350 teachers; 45,5% were women.")
    assert r.pico.population.n_text in r.paper.sentences[r.pico.population.n_sentence_idx].text


# --- a vaccine's target is no condition of the people ---

def test_vaccination_target_named_in_the_people_phrase_is_no_condition(read):
    r = _read(read, "Vaccines in older adults", "We followed 8,000 adults who had influenza vaccination.")
    assert not any("influenza" in c.text.lower() for c in r.pico.population.conditions)


def test_people_with_the_disease_keep_it(read):
    r = _read(read, "Antivirals in older adults", "We followed 800 adults who had influenza.")
    assert any("influenza" in c.text.lower() for c in r.pico.population.conditions)
