"""Session 29 review of lit29 (issue 15): the readings an outsider's probes found wrong (or right ones lit29 lost),
each with its opposite case kept working. Own sentences only. Rule followed: never show an arm, an outcome, an age,
an N, a share or a condition the abstract does not give; an inferred side says so."""

from __future__ import annotations

import pytest


def _read(read, title, methods, results="The groups did not differ."):
    return read(f"{title}\nMETHODS: {methods}\nRESULTS: {results}\nCONCLUSIONS: More work is needed.")[0]


def _unheaded(read, title, *sentences):
    return read(f"{title}\n" + " ".join(sentences))[0]


def _arms(p):
    return [i.text for i in p.interventions], [i.text for i in p.comparators]


def _conds(p):
    return [c.text.lower() for c in p.population.conditions]


# --- unheaded outcomes: who, how or with which test outcomes were assessed is no outcome ---

@pytest.mark.parametrize("how", ["by two blinded raters at eight weeks", "by telephone after three months",
                                 "using the Mann-Whitney test and logistic regression", "by an independent committee"])
def test_who_or_how_outcomes_were_assessed_is_no_outcome(read, how):
    r = _unheaded(read, "Massage for neck pain", "We randomly assigned 120 office workers to massage or advice.",
                  f"Outcomes were assessed {how}.", "Neck pain fell by 25% with massage.")
    assert r.pico.outcomes_primary == []


def test_instruments_after_a_generic_subject_are_still_the_outcomes(read):
    r = _unheaded(read, "Massage for neck pain", "We randomly assigned 120 office workers to massage or advice.",
                  "Outcomes were assessed with the Neck Disability Index and a pain rating scale.",
                  "Neck pain fell by 25% with massage.")
    assert [o.text for o in r.pico.outcomes_primary] == ["Neck Disability Index", "pain rating scale"]


@pytest.mark.parametrize("what", ["Risk of bias assessment was by two reviewers",
                                  "Baseline assessment was by a trained nurse",
                                  "Eligibility assessment was by the study physician"])
def test_an_assessment_of_the_study_conduct_is_no_outcome(read, what):
    r = _unheaded(read, "Tai chi for balance", "We randomly assigned 90 older adults to tai chi or walking.",
                  f"{what}.", "Falls were 30% fewer with tai chi.")
    assert r.pico.outcomes_primary == []


def test_an_assessment_of_what_was_measured_stays_the_outcome(read):
    r = _unheaded(read, "Tai chi for balance", "We randomly assigned 90 older adults to tai chi or walking.",
                  "Balance assessment was by the Berg scale.", "Falls were 30% fewer with tai chi.")
    assert [o.text for o in r.pico.outcomes_primary] == ["Balance assessment"]


@pytest.mark.parametrize("who", ["Children with recurrent ear infections.", "Older men with prostate cancer and bone "
                                 "pain."])
def test_a_verbless_line_of_whom_is_no_outcome_list(read, who):
    r = _unheaded(read, "Drug Q in outpatients", "Randomised controlled trial.", who, "Drug Q or placebo.",
                  "Symptoms were 20% fewer with drug Q.")
    assert r.pico.outcomes_primary == []


def test_a_verbless_line_of_outcome_names_is_still_read(read):
    r = _unheaded(read, "Drug Q in outpatients", "Randomised controlled trial.", "General practices in Scotland.",
                  "Readmissions and quality of life.", "Readmissions were 20% fewer with drug Q.")
    assert [o.text for o in r.pico.outcomes_primary] == ["Readmissions", "quality of life"]


# --- dose-change and switch arms ---

def test_a_results_sentence_does_not_replace_the_allocated_arms(read):
    p = _read(read, "Walking for claudication", "Adults were randomly assigned to supervised walking or advice.",
              "Among those randomly assigned to walking, those who continue clopidogrel 150 mg or reduce to 75 mg "
              "walked further.").pico
    assert _arms(p) == (["supervised walking"], ["advice"])


def test_a_dose_change_in_the_methods_is_still_read(read):
    p = _read(read, "Clopidogrel dose after stenting", "Adults were randomly assigned to continue clopidogrel 150 mg "
              "or reduce to 75 mg.").pico
    assert _arms(p) == (["clopidogrel 75 mg"], ["clopidogrel 150 mg"])


def test_a_pronoun_takes_the_name_of_the_treatment_the_people_were_on(read):
    p = _read(read, "Rosuvastatin de-escalation", "Adults taking rosuvastatin 40 mg were randomly assigned to "
              "continue it at 40 mg or reduce to 10 mg.").pico
    assert _arms(p) == (["rosuvastatin 10 mg"], ["rosuvastatin 40 mg"])
    assert p.population.n is None  # "40 mg were randomly assigned" is a dose, no count of people


def test_a_count_of_people_before_were_randomly_assigned_is_still_n(read):
    p = _read(read, "Rosuvastatin de-escalation", "In total 240 adults were randomly assigned to continue "
              "rosuvastatin 40 mg or reduce to 10 mg.").pico
    assert p.population.n == 240


def test_taper_is_a_dose_change(read):
    p = _read(read, "Steroid tapering in polymyalgia", "Adults were randomly assigned to continue prednisone 15 mg or "
              "taper to 7.5 mg.").pico
    assert _arms(p) == (["prednisone 7.5 mg"], ["prednisone 15 mg"])
    assert all("inferred" in i.detail for i in p.interventions + p.comparators)


def test_a_switch_to_another_drug_is_the_intervention(read):
    p = _read(read, "Switching biologics in psoriasis", "Adults were randomly assigned to continue etanercept or "
              "switch to adalimumab.").pico
    assert _arms(p) == (["adalimumab"], ["etanercept"])
    assert "inferred" in p.interventions[0].detail


def test_two_drugs_without_continue_are_the_general_arms(read):
    p = _read(read, "Etanercept or adalimumab in psoriasis", "Adults were randomly assigned to etanercept or "
              "adalimumab.").pico
    assert _arms(p) == (["etanercept"], ["adalimumab"])


# --- a placebo of each drug (double dummy) ---

def test_double_dummy_keeps_both_active_drugs(read):
    p = _read(read, "Two antiemetics after surgery", "Adults were randomly assigned to ondansetron plus droperidol "
              "placebo or droperidol plus ondansetron placebo.").pico
    names = [x.lower() for x in _arms(p)[0] + _arms(p)[1]]
    assert "ondansetron" in names and "droperidol" in names


def test_a_saline_placebo_is_still_the_placebo(read):
    p = _read(read, "Ketamine for depression", "Adults were randomly assigned to ketamine infusion or a saline "
              "placebo.").pico
    assert not any("saline" in i.text.lower() for i in p.interventions)
    assert any("placebo" in c.text.lower() for c in p.comparators)


# --- factorial trials: each factor against its own control ---

def test_factorial_factor_with_an_active_control(read):
    p = _read(read, "Spironolactone and a low-salt diet: a 2x2 factorial trial", "In a factorial design, 900 adults "
              "were randomly assigned to spironolactone or placebo and to low-salt or usual diet.").pico
    inter, comp = _arms(p)
    assert inter == ["spironolactone", "low-salt diet"]
    assert comp == ["placebo", "usual diet"]


def test_factorial_without_placebo(read):
    p = _read(read, "Walking and sleep advice: a factorial trial", "In a 2x2 factorial trial, 300 adults were randomly "
              "assigned to walking or usual care and to sleep advice or no advice.").pico
    assert _arms(p) == (["walking", "sleep advice"], ["usual care", "no advice"])


def test_the_same_pairs_outside_a_factorial_trial_are_left_to_the_general_reader(read):
    p = _read(read, "Walking for sleep", "Adults were randomly assigned to walking or usual care.").pico
    assert _arms(p) == (["walking"], ["usual care"])


# --- conditions: a denial ends at "and with / and had" ---

@pytest.mark.parametrize("methods", ["We enrolled 300 adults without prior dialysis and with type 2 diabetes.",
                                     "We enrolled 300 adults who had no insulin treatment and had type 2 diabetes."])
def test_the_trait_after_a_denial_is_the_peoples_condition(read, methods):
    assert "type 2 diabetes" in _conds(_read(read, "Foot care in adults", methods).pico)


def test_a_denied_list_stays_denied(read):
    conds = _conds(_read(read, "Foot care in adults", "We enrolled 300 adults who had no diabetes or gout.").pico)
    assert "gout" not in conds and "diabetes" not in conds


# --- % women: both groups together are everyone; "of all" is a share ---

@pytest.mark.parametrize("said", ["cases and controls were 35% women", "controls and cases were 35% women"])
def test_share_of_cases_and_controls_together_is_the_peoples(read, said):
    r = _read(read, "Tea and kidney stones: a case-control study", f"We studied 250 cases and 500 matched controls; "
              f"{said}.")
    assert r.pico.population.sex.get("female_pct") == 35.0


def test_share_of_the_cases_alone_is_still_refused(read):
    r = _read(read, "Tea and kidney stones: a case-control study", "We studied 250 cases and 500 matched controls; "
              "cases were 35% women.")
    assert r.pico.population.sex.get("female_pct") is None


def test_a_share_of_all_participants_is_no_all_women(read):
    r = _read(read, "Tea and kidney stones: a case-control study", "We studied 250 cases and 500 matched controls. "
              "Cases were younger than controls, and 45% of all participants were women.")
    assert r.pico.population.sex.get("female_pct") != 100.0


def test_all_were_women_still_reads_everyone(read):
    r = _read(read, "Pelvic floor training after birth", "We enrolled 180 mothers; all participants were women.")
    assert r.pico.population.sex.get("female_pct") == 100.0


# --- age: the study's own moments told with "when" are the people's age ---

@pytest.mark.parametrize("when", ["when they joined the cohort", "when the study began", "when they had surgery"])
def test_age_when_joining_or_operated_is_the_peoples(read, when):
    r = _read(read, "Hip replacement outcomes", f"We followed 700 adults aged 55 to 85 years {when}.")
    assert (r.pico.population.age.get("low"), r.pico.population.age.get("high")) == (55.0, 85.0)


@pytest.mark.parametrize("when", ["when exposed", "when they were infected"])
def test_age_at_an_event_is_still_refused(read, when):
    r = _read(read, "Lead and school results", f"We followed 700 children aged 1 to 4 years {when}.")
    assert r.pico.population.age.get("low") is None


def test_who_assessed_after_the_instrument_is_cut_from_its_name(read):
    r = _unheaded(read, "Massage for neck pain", "We randomly assigned 120 office workers to massage or advice.",
                  "Outcomes were assessed with the Neck Disability Index by blinded raters at eight weeks.",
                  "Neck pain fell by 25% with massage.")
    assert [o.text for o in r.pico.outcomes_primary] == ["Neck Disability Index"]


def test_an_instrument_named_after_a_committee_is_still_an_outcome(read):
    r = _unheaded(read, "Shoulder surgery", "We randomly assigned 80 adults to repair or debridement.",
                  "Outcomes were assessed with the American Shoulder and Elbow Surgeons Committee score.",
                  "Scores rose by 20% after repair.")
    assert [o.text for o in r.pico.outcomes_primary] != []


def test_a_dose_before_were_randomly_assigned_is_no_n(read):
    p = _read(read, "Vitamin D in winter", "Adults taking 2000 IU were randomly assigned to continue or stop.").pico
    assert p.population.n is None


def test_double_dummy_has_no_placebo_arm(read):
    p = _read(read, "Rivaroxaban or enoxaparin after knee surgery", "Adults were randomly assigned to rivaroxaban plus "
              "enoxaparin placebo or enoxaparin plus rivaroxaban placebo.").pico
    inter, comp = _arms(p)
    assert "placebo" not in [c.lower() for c in comp]
    assert [x.lower() for x in inter + comp] == ["rivaroxaban", "enoxaparin"]


def test_a_drug_against_a_matching_placebo_keeps_the_placebo_arm(read):
    p = _read(read, "Rivaroxaban after knee surgery", "Adults were randomly assigned to rivaroxaban or a matching "
              "placebo.").pico
    assert any("placebo" in c.text.lower() for c in p.comparators)
