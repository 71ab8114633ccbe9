"""Session 18 (issue 15): a title alone is not read as a paper; registry ids read once; every estimate names its
outcome or says it is not stated; arms are the drugs given, not their classes; the template summary is written from
the reading; case series vs cohort; a review's N is its studies and their people. Every text is invented."""

from __future__ import annotations

import json
import re

import pytest

from medcore.literature import narrative
from medcore.literature.model import Sentence
from medcore.literature.numbers import extract_effects

TITLE_ONLY = "Only a title was given: the abstract is missing"  # the start of service.TITLE_ONLY


def one(read, text):
    return read(text)[0]


def effects(text):
    return extract_effects(Sentence(0, text, 0, len(text)))


# ---- 1. a title alone ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("title", [
    "Bright light therapy versus melatonin for jet lag in long-haul cabin crew: a randomised controlled trial",
    "Does early mobilisation shorten hospital stay after ankle fracture fixation?",
])
def test_a_title_alone_is_a_title_not_a_question_or_a_pico(read, title):
    r = one(read, title)
    assert r.paper.title == title and r.paper.sentences == []
    assert any(w.startswith(TITLE_ONLY) for w in r.warnings)
    assert r.card.question == [] and r.card.lines() == []
    assert not (r.pico.interventions or r.pico.comparators or r.pico.population.conditions or r.arms or r.effects)
    assert "abstract is missing" in narrative.template_text(r.to_dict())


def test_a_one_line_sentence_is_still_read_as_text(read):
    r = one(read, "Night splints reduced morning heel pain in 64 runners (MD -1.8, 95% CI -2.6 to -1.0).")
    assert r.paper.sentences and r.effects and not any(w.startswith(TITLE_ONLY) for w in r.warnings)


# ---- 2. registry ids, once ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("written, registry, ident, shown", [
    ("Trial registration: ISRCTN 48213307.", "ISRCTN", "ISRCTN48213307", "ISRCTN48213307"),
    ("Registered at ClinicalTrials.gov (nct 04417265).", "ClinicalTrials.gov", "NCT04417265",
     "ClinicalTrials.gov NCT04417265"),
    ("EudraCT number: 2019-003318-41.", "EudraCT", "2019-003318-41", "EudraCT 2019-003318-41"),
    ("The trial is listed as ACTRN12620000381932.", "ANZCTR", "ACTRN12620000381932", "ANZCTR ACTRN12620000381932"),
    ("Registration: ChiCTR-IOR-16009872 and ChiCTR2000031145.", "ChiCTR", "ChiCTR-IOR-16009872", "ChiCTR-IOR-16009872"),
    ("The protocol was registered in PROSPERO (CRD 42021254433).", "PROSPERO", "CRD42021254433",
     "PROSPERO CRD42021254433"),
])
def test_each_registry_id_is_read_once_and_shown_once(lit_settings, written, registry, ident, shown):
    from medcore.literature import registrations

    found = registrations.find(lit_settings, [(0, written)])
    assert found[0]["registry"] == registry and found[0]["id"] == ident
    assert found[0]["text"] in written
    assert registrations.shown(found[0]) == shown
    assert shown.count(ident) == 1 and not re.search(r"\b(\w+) \1", shown), "a prefix written twice"


def test_the_same_id_written_twice_is_one_registration_and_a_longer_number_is_none(lit_settings):
    from medcore.literature import registrations

    found = registrations.find(lit_settings, [(0, "ISRCTN 48213307 (ISRCTN48213307)."), (1, "NCT044172659 is not one.")])
    assert [r["id"] for r in found] == ["ISRCTN48213307"]


def test_the_card_names_an_isrctn_id_once(read):
    r = one(read, "METHODS: We randomly assigned 90 adults to app coaching or leaflets. Trial registration: ISRCTN "
                  "48213307. RESULTS: Weight fell more with coaching (MD -1.5 kg, 95% CI -2.4 to -0.6).")
    lines = [x.text for x in r.card.design if x.text.startswith("Registered")]
    assert lines == ["Registered: ISRCTN48213307"]


# ---- 3. every estimate names its outcome -------------------------------------------------------------------------
def test_each_estimate_of_a_sentence_gets_the_outcome_of_its_own_clause():
    found = effects("Falls (HR 0.71, 95% CI 0.55-0.92) and fractures (HR 0.98, 95% CI 0.70-1.37) were less common "
                    "with tai chi.")
    assert [e.outcome for e in found] == ["Falls", "fractures"]
    found = effects("Delirium was less frequent with the protocol; length of stay did not differ (MD -0.3, "
                    "95% CI -1.1 to 0.5).")
    assert [e.outcome for e in found] == ["length of stay"]
    found = effects("Night shift work (OR 1.6, 95% CI 1.1-2.3) and short sleep (OR 1.4, 95% CI 1.0-1.9) were "
                    "associated with migraine.")
    assert [(e.outcome, e.label) for e in found] == [("migraine", "Night shift work"), ("migraine", "short sleep")]
    found = effects("The odds ratios of 30-day readmission were 1.3 (95% CI 0.9-1.8) at one site and 1.1 "
                    "(95% CI 0.8-1.5) at the other.")
    assert [e.outcome for e in found] == ["30-day readmission", "30-day readmission"]
    found = effects("Recovery of grip strength occurred in 14 of 40 (35%) vs 6 of 41 (15%) (P = .04).")
    assert [e.outcome for e in found] == ["Recovery of grip strength"]
    found = effects("Frailty was a predictor of delirium after surgery (OR 2.2, 95% CI 1.3-3.8).")
    assert [e.outcome for e in found] == ["delirium after surgery"]


def test_an_estimate_whose_sentence_names_no_outcome_says_so(read):
    r = one(read, "METHODS: We randomly assigned 140 adults with gout to colchicine or placebo. RESULTS: Flares were "
                  "counted for six months. The hazard ratio was 0.62 (95% CI 0.41 to 0.94). Attacks of gout "
                  "were fewer with colchicine (RR 0.70, 95% CI 0.52 to 0.95).")
    lines = [x.text for x in r.card.main_results]
    assert len(lines) == 2
    assert "outcome not stated" in lines[0] and "outcome: Attacks of gout" in lines[1]
    assert all("outcome" in t for t in lines)


# ---- 4. arms are the drugs given, not their classes --------------------------------------------------------------
CLASSES = """Topical versus oral NSAIDs for hand osteoarthritis
OBJECTIVE: To compare a topical NSAID with an oral NSAID for painful hand osteoarthritis.
METHODS: In this open-label trial, 210 adults were randomised to diclofenac gel vs ibuprofen for eight weeks.
RESULTS: Grip pain did not differ between arms (MD 0.3, 95% CI -0.8 to 1.4).
CONCLUSIONS: The gel worked as well as the tablets."""


def test_arms_are_the_named_drugs_with_their_route_kept(read):
    r = one(read, CLASSES)
    assert [(i.text, i.detail) for i in r.pico.interventions] == [("diclofenac gel", "(topical)")]
    assert [(i.text, i.detail) for i in r.pico.comparators] == [("ibuprofen", "(oral)")]
    assert [a.name for a in r.arms] == ["diclofenac gel", "ibuprofen"]
    assert not any("NSAID" in x.text for x in r.card.intervention_vs_comparator)


# ---- 5. the template summary -------------------------------------------------------------------------------------
TRIAL = """Oral iron every other day versus daily in pregnant women with anaemia
METHODS: In this double-blind trial, 312 pregnant women with iron deficiency anaemia were randomly assigned to
ferrous sulfate 60 mg on alternate days or ferrous sulfate 60 mg daily. The primary outcome was haemoglobin at 12 weeks.
RESULTS: Haemoglobin rose similarly (mean difference 0.1 g/dL, 95% CI -0.2 to 0.4). Nausea was less common with
alternate-day dosing (RR 0.55, 95% CI 0.36 to 0.84; P = .005).
CONCLUSIONS: Alternate-day iron corrected anaemia as well as daily iron, with less nausea."""


def test_the_template_summary_is_written_from_the_fields_and_is_grounded(read, lit_settings):
    from medcore.llm.grounding import check

    d = one(read, TRIAL).to_dict()
    text = narrative.template_text(d)
    card_blob = " ".join(t for sec in ("question", "design", "population", "intervention_vs_comparator",
                                       "main_results", "conclusion", "limitations") for t in narrative._lines(d["card"], sec))
    assert text != card_blob and not text.startswith("Question:")
    assert text.startswith("This randomised controlled trial (double-blind) studied 312 participants with")
    assert "It compared " in text and "The primary outcome was haemoglobin at 12 weeks." in text
    assert "the mean difference was 0.1 (95% CI -0.2 to 0.4)" in text and "not significant" in text
    assert text.rstrip().endswith("with less nausea.")
    vocab = narrative.vocabulary(lit_settings)
    assert check(text, narrative.allowed_terms(d), vocab, allowed_text=json.dumps(d)).ok
    numbers = set(re.findall(r"\d+(?:\.\d+)?", json.dumps(d)))
    assert set(re.findall(r"(?<![\w.])\d+(?:\.\d+)?", text.replace(",", ""))) <= numbers | {"95"}


# ---- 6. design: case series vs cohort; a review's N ----------------------------------------------------------------
SERIES = """Outcomes of a new cemented stem in hip revision
METHODS: We retrospectively reviewed 41 consecutive patients who had a hip revision with a new cemented stem between
2015 and 2020. Hip scores were recorded before surgery and at two years.
RESULTS: The mean hip score rose from 38 to 81 compared with preoperative values (P < .001). Two stems subsided.
CONCLUSIONS: The stem gave good results at two years."""

COHORT = """Statin use and dementia in older adults
METHODS: We retrospectively followed 2,400 consecutive patients aged 65 or older, of whom 1,100 took a statin and
1,300 did not, for five years.
RESULTS: Dementia was less common among statin users (HR 0.81, 95% CI 0.68-0.97).
CONCLUSIONS: Statin use was linked with less dementia."""

REVIEW = """Exercise for chronic neck pain: a systematic review and meta-analysis
METHODS: We searched three databases for randomised trials of supervised exercise against usual care.
RESULTS: Fourteen trials with 2,318 participants were included; in the largest, 402 patients were randomised to
exercise and 398 to usual care. Exercise reduced pain (SMD -0.41, 95% CI -0.58 to -0.24).
CONCLUSIONS: Supervised exercise reduces chronic neck pain a little."""


def test_one_series_with_no_comparison_is_a_case_series_and_compared_groups_a_cohort(read):
    d = one(read, SERIES).design
    assert d.kind == "case_series" and "no comparison group" in d.kind_inferred
    assert one(read, COHORT).design.kind == "cohort"


def test_a_review_counts_its_studies_and_the_people_pooled(read):
    r = one(read, REVIEW)
    assert r.design.kind == "meta_analysis"
    pop = r.pico.population
    assert pop.n == 2318 and pop.studies["count"] == 14 and pop.studies["what"] == "trials"
    assert [x.text for x in r.card.population][0] == "Pooled: 14 trials, 2,318 participants"
    assert r.card.population[0].evidence in r.paper.sentences[r.card.population[0].sentence_idx].text
    assert all(a.n is None for a in r.arms), "one included trial's arms are not the review's N"
    assert "pooled 14 trials with 2,318 participants" in narrative.template_text(r.to_dict())
