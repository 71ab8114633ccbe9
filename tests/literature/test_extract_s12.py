"""Session 12 (issue 15): arms, exposures, N and unnamed designs on unseen phrasings. Every text here is invented
for these tests (no abstract text)."""

import re

import pytest

from medcore.literature import arm_phrases


def _pico(r):
    return [i.text for i in r.pico.interventions], [c.text for c in r.pico.comparators]


# ---- interventions and comparators -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, interventions, comparators", [
    # "A versus B" in the title: the comparator stops before "after ..."
    ("Walking sticks versus frames after knee surgery: a randomised trial\nMETHODS: We enrolled 88 adults after "
     "knee surgery. RESULTS: Falls were fewer with frames.", ["Walking sticks"], ["frames"]),
    # "to compare A with B"
    ("OBJECTIVE: To compare cold packs with warm compresses for ankle sprain. METHODS: 64 runners were randomised. "
     "RESULTS: Pain fell in both.", ["cold packs"], ["warm compresses"]),
    # randomised to A or B
    ("METHODS: Ninety adults with gout were randomized to colchicine or naproxen for five days. RESULTS: Pain "
     "scores were similar.", ["colchicine"], ["naproxen"]),
    # "received A or placebo": a placebo arm makes it an experiment even when no design is named
    ("METHODS: Adults with migraine received magnesium or placebo in a double-blind design. RESULTS: Attacks fell.",
     ["magnesium"], ["placebo"]),
    # sham
    ("METHODS: Patients with neck pain were allocated to acupuncture or sham acupuncture. RESULTS: No difference "
     "was seen.", ["acupuncture"], ["sham acupuncture"]),  # session 13: named as allocated
    # usual care: the other arm is the intervention
    ("METHODS: Clinics were randomly assigned to a nurse-led phone follow-up or usual care. RESULTS: Readmissions "
     "fell.", ["nurse-led phone follow-up"], ["usual care"]),
    # "A plus standard care or standard care alone": the arm that adds to standard care is the intervention
    ("METHODS: We randomly assigned 150 smokers to text message support plus standard care or standard care alone. "
     "RESULTS: Quit rates rose.", ["text message support plus standard care"], ["standard care"]),
    # no treatment
    ("METHODS: Infants with colic were randomized to probiotic drops or no treatment. RESULTS: Crying time was "
     "shorter.", ["probiotic drops"], ["no treatment"]),
    # "the A group ... the B group" in a randomised study
    ("METHODS: Sixty office workers were randomised. In the standing desk group, desks were raised for half the "
     "day; in the seated desk group, nothing changed. RESULTS: Back pain fell.", ["standing desk"], ["seated desk"]),
    # observational: "laparoscopic versus open X" shares the head noun
    ("OBJECTIVE: To compare outcomes of laparoscopic versus open appendectomy in children. METHODS: Charts of "
     "300 children were reviewed. RESULTS: Stay was shorter after laparoscopic surgery.",
     ["laparoscopic appendectomy"], ["open appendectomy"]),
    # observational: people given A compared with people not given it
    ("METHODS: Patients given statin therapy were compared with patients not given statins. RESULTS: Deaths were "
     "fewer.", ["statin therapy"], ["no statins"]),
    # observational exposure named by the question: "Is X associated with Y?"
    ("Is early rehabilitation after hip surgery associated with fewer falls?\nMETHODS: We reviewed 210 women "
     "treated between 2004 and 2011. RESULTS: Falls were fewer.", ["early rehabilitation"], []),
])
def test_arms_of_each_phrasing(read, text, interventions, comparators):
    assert _pico(read(text)[0]) == (interventions, comparators)


def test_a_measured_level_in_the_question_is_not_an_exposure(read):
    r = read("Are raised morning glucose levels associated with infection after hip replacement?\nMETHODS: We "
             "reviewed 500 adults operated on from 2009 to 2013. RESULTS: Infection was commoner.")[0]
    assert r.pico.interventions == []


def test_named_groups_of_an_observational_study_need_a_treatment(read):
    r = read("METHODS: In the urban group, families lived in flats; in the rural group, families lived on farms. "
             "RESULTS: Asthma was commoner in the urban group.")[0]
    assert _pico(r) == ([], [])


def test_control_arm_is_the_one_the_cue_opens(lit_settings):
    from medcore.literature.roles import cue_pattern

    comp = cue_pattern(lit_settings, "comparator")
    assert arm_phrases.is_control(comp, "sham acupuncture") and arm_phrases.is_control(comp, "usual care alone")
    assert arm_phrases.is_control(comp, "control") and arm_phrases.is_control(comp, "the matching placebo")
    assert not arm_phrases.is_control(comp, "home visits plus usual care")


def test_arm_names_are_trimmed_and_share_a_head():
    assert arm_phrases.trim_arm("To compare results of keyhole") == "keyhole"
    assert arm_phrases.trim_arm("frames after knee surgery") == "frames"
    assert arm_phrases.trim_arm("screening for bowel cancer") == "screening for bowel cancer"
    assert arm_phrases.share_head("robotic", "open hernia repair") == "robotic hernia repair"
    assert arm_phrases.share_head("aspirin", "low-dose heparin") == "aspirin"


# ---- population size --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, n", [
    ("METHODS: Adults with asthma (n = 212) were studied. RESULTS: Control improved.", 212),
    ("RESULTS: Of the 318 patients, 40 had a relapse within a year.", 318),
    ("METHODS: In all, 1,204 participants were enrolled at six sites. RESULTS: Most finished.", 1204),
    ("METHODS: Two hundred and twelve children were randomised. RESULTS: Cough fell.", 212),
    # a count with a word that is not on the people list, before "were randomised"
    ("METHODS: 64 runners were randomised to two kinds of shoe. RESULTS: Injuries were rare.", 64),
    # a consecutive series stated without a verb, beside a smaller count after "of"
    ("METHODS: Data on 212 consecutive adults undergoing hernia repair were read; of 30 smokers, 9 had a "
     "recurrence.", 212),
    # groups counted in their own clauses, summed
    ("METHODS: The drug group included 45 patients and the placebo group included 47 patients. RESULTS: Fever "
     "fell.", 92),
    ("METHODS: After allocation, 30 were in the brace group and 33 in the cast group. RESULTS: Healing was alike.",
     63),
    # two compared groups of a case-control study
    ("METHODS: We compared 80 patients with the disease with 160 matched people without it. RESULTS: Exposure was "
     "commoner.", 240),
])
def test_population_size_forms(read, text, n):
    assert read(text)[0].pico.population.n == n


def test_counts_of_events_in_two_groups_are_not_the_population(read):
    r = read("RESULTS: Nausea occurred in 12 of the drug group and 20 of the placebo group; the drug group had 3 "
             "falls and the placebo group had 5.")[0]
    assert r.pico.population.n not in (8, 32)


# ---- design named by how the study was done ---------------------------------------------------------------------
@pytest.mark.parametrize("text, kind", [
    ("METHODS: Participants were randomly split into two groups by sealed envelopes. RESULTS: Scores rose.", "rct"),
    ("METHODS: Residents of three villages completed a questionnaire about sleep. RESULTS: Most slept well.",
     "cross_sectional"),
    ("METHODS: We looked back at the charts of all adults who had a stroke at our hospital. RESULTS: Few died.",
     "cohort"),
    ("METHODS: Records of 90 children with burns were reviewed. RESULTS: Most healed.", "cohort"),
    ("METHODS: We compared 80 patients with the disease with 160 matched people without it. RESULTS: Exposure was "
     "commoner.", "case_control"),
])
def test_unnamed_designs(read, text, kind):
    d = read(text)[0].design
    assert d.kind == kind


def test_questionnaire_answered_again_later_stays_a_cohort(read):
    r = read("METHODS: 300 bus drivers completed a questionnaire on sleep and completed it again 12 months later. "
             "RESULTS: Sleep worsened.")[0]
    assert r.design.kind == "cohort"


def test_arms_fill_an_empty_pico_and_link_the_estimate(read):
    r = read("METHODS: Adults with eczema were randomised to oat cream or usual care. RESULTS: Itch improved more "
             "with oat cream (RR 1.5, 95% CI 1.1 to 2.0).")[0]
    assert _pico(r) == (["oat cream"], ["usual care"])
    e = next(e for e in r.effects if e.measure == "RR")
    assert (e.arm, e.comparator) == ("oat cream", "usual care")
    assert not any(re.search(r"usual care", a.name) and a.kind != "comparator" for a in r.arms)


def test_observational_groups_given_different_treatments_are_intervention_and_comparator(read):
    # session 22b: was "both exposures"; the comparative splits' written rule (s13/s14 headers: the arms'
    # treatments, the title's arm first) makes the second of two compared treatments the comparator, as in a trial
    r = read("METHODS: We reviewed 400 adults with lung cancer from 2002 to 2010; they received surgery or "
             "radiotherapy. RESULTS: Survival was longer after surgery.")[0]
    assert [i.text for i in r.pico.interventions] == ["surgery"] and [c.text for c in r.pico.comparators] == ["radiotherapy"]


def test_observational_groups_of_people_stay_exposures(read):
    r = read("METHODS: We reviewed 400 adults with lung cancer from 2002 to 2010: smokers and never smokers. "
             "RESULTS: Survival was longer in never smokers.")[0]
    assert r.pico.comparators == []


def test_an_arm_that_names_a_known_intervention_is_not_its_comparator(read):
    r = read("METHODS: Adults with gout were randomized to a six-week course of colchicine or a low-purine diet "
             "plan given with colchicine. RESULTS: Flares fell.")[0]
    assert not any("colchicine" in c.text for c in r.pico.comparators)


@pytest.mark.parametrize("text, interventions, comparators", [
    ("METHODS: We compared those who received early surgery and those who received a cast for wrist fractures. "
     "RESULTS: Grip was better.", ["early surgery"], ["a cast"]),
    ("METHODS: We reviewed 300 adults who did or did not receive physiotherapy after a stroke. RESULTS: Walking "
     "was better.", ["physiotherapy"], ["no physiotherapy"]),
    ("Does outcome differ with or without drain placement after thyroid surgery?\nMETHODS: We reviewed 180 "
     "operations. RESULTS: No difference.", ["drain placement"], ["no drain placement"]),
])
def test_observational_exposure_against_its_absence_or_another_treatment(read, text, interventions, comparators):
    assert _pico(read(text)[0]) == (interventions, comparators)


def test_with_or_without_a_non_treatment_is_not_an_arm(read):
    r = read("METHODS: We reviewed 300 adults with or without diabetes admitted with a fall. RESULTS: Fractures "
             "were commoner.")[0]
    assert r.pico.comparators == []


def test_what_the_control_group_was_given_is_the_comparator(read):
    r = read("METHODS: Ninety nurses were randomised. The intervention group received a sleep hygiene course, and "
             "the control group received a leaflet on shift work. RESULTS: Sleep improved.")[0]
    assert _pico(r) == (["sleep hygiene course"], ["leaflet on shift work"])


def test_people_given_something_else_who_served_as_controls(read):
    r = read("METHODS: We measured a liver enzyme in 40 adults after keyhole gallbladder removal. Twelve adults who "
             "had knee arthroscopy, a procedure away from the liver, served as controls. RESULTS: Levels rose.")[0]
    assert [c.text for c in r.pico.comparators] == ["knee arthroscopy"]


def test_people_placed_in_two_groups_are_summed_but_events_are_not(read):
    placed = read("METHODS: Adults with eczema were treated for a month; 30 were in the cream group and 31 in the "
                  "usual care group. RESULTS: Itch fell.")[0]
    assert placed.pico.population.n == 61
    events = read("RESULTS: 12 patients in the cream group and 20 patients in the usual care group had a rash.")[0]
    assert events.pico.population.n != 32


def test_the_arm_given_one_treatment_alone_is_the_comparator(read):
    r = read("METHODS: Adults with knee pain were randomized to exercise plus weight loss advice (n = 40) or "
             "exercise alone (n = 41). RESULTS: Pain fell in both.")[0]
    assert [(a.name, a.kind) for a in r.arms] == [("exercise plus weight loss advice", "intervention"),
                                                  ("exercise alone", "comparator")]


@pytest.mark.parametrize("text", [
    "METHODS: We compared adults who had diabetes and those who had no diabetes at one clinic. RESULTS: Falls were "
    "commoner.",
    "METHODS: The control group had similar baseline characteristics. RESULTS: Nothing differed.",
    "METHODS: The study group received a questionnaire by post. RESULTS: Most replied.",
])
def test_groups_of_people_or_their_traits_are_not_arms(read, text):
    assert _pico(read(text)[0]) == ([], [])


def test_people_counted_in_two_places_in_the_results_are_not_the_population(read):
    r = read("METHODS: We enrolled 200 adults. RESULTS: 15 patients were in the ICU group and 20 in the ward group "
             "at day 3.")[0]
    assert r.pico.population.n == 200


def test_people_asked_again_later_are_a_cohort_and_a_case_by_case_choice_is_no_arm(read):
    r = read("METHODS: Mothers were interviewed at birth and again when the child was 2 years old. RESULTS: Most "
             "breastfed.")[0]
    assert r.design.kind == "cohort"
    r = read("METHODS: Patients received antibiotics or not depending on the surgeon. RESULTS: Infections were "
             "rare.")[0]
    assert not any(a.name.startswith("not") for a in r.arms)
