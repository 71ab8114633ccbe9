"""Session 26 (issue 15): the intervention of an observational abstract is the treatment, procedure, programme or
strategy its question is about, or the procedure every participant had (the annotation rule of the extraction
sets); a risk factor, a population, an outcome or a marker measured in everyone is none. Every sentence here is
written for the test."""

from __future__ import annotations

import pytest

from medcore.config import Settings
from medcore.literature import pico, studied_exposure
from medcore.literature.model import Sentence
from medcore.literature.roles import cue_pattern


@pytest.fixture(scope="module")
def is_exposure(lit_settings, term):
    # the production test (treatment cue, drug code or care strategy cue), the terminology included (session 26c)
    return pico.exposure_test(lit_settings, term)


@pytest.fixture(scope="module")
def is_procedure():
    treat = cue_pattern(Settings.load(), "treatment")
    return lambda x: bool(treat.search(x))


def _s(idx: int, text: str, role: str = "objective") -> Sentence:
    return Sentence(idx, text, 0, len(text), None, role)


@pytest.mark.parametrize("title, want", [
    ("Capsule colonoscopy: is it acceptable to older patients?", "Capsule colonoscopy"),
    ("Is transrectal ultrasound an accurate method to stage prostate cancer?", "transrectal ultrasound"),
    ("Has the new triage protocol shortened waiting times in a busy emergency room?", "new triage protocol"),
    ("Do smoking cessation programmes impact readmission after heart attack?", "smoking cessation programmes"),
    ("Are the national guidelines for sepsis bundles applicable in rural hospitals?", "national guidelines"),
    ("Home dialysis in the elderly: what are the barriers?", "Home dialysis"),
    ("Is hip resurfacing a reasonable option for young manual workers?", "hip resurfacing"),
    ("Did the 48-hour duty hours limit change patient handovers?", "48-hour duty hours limit"),
])
def test_a_title_names_the_treatment_or_strategy_it_asks_about(title, want, is_exposure):
    assert studied_exposure.from_title(title, is_exposure) == [want]


@pytest.mark.parametrize("title", [
    "Is obesity associated with wound infection after hernia surgery?",       # a risk factor (and an outcome)
    "Does maternal age influence birth weight?",                               # a risk factor
    "Are serum ferritin levels a reliable marker of iron stores in dialysis?",  # a marker measured in everyone
    "Rural general practitioners: are they burnt out?",                        # people, not a treatment
    "Knee pain in runners: is it seasonal?",                                    # a condition
])
def test_a_title_about_a_risk_factor_population_or_marker_names_none(title, is_exposure):
    assert studied_exposure.from_title(title, is_exposure) == []


@pytest.mark.parametrize("text, want", [
    ("To assess the impact of a pharmacist-led medication review on falls in nursing homes.",
     ["pharmacist-led medication review"]),
    ("We studied the effect of early physiotherapy on length of stay after stroke.", ["early physiotherapy"]),
    ("To evaluate endoscopic ultrasound in patients with suspected pancreatic cysts.", ["endoscopic ultrasound"]),
    ("The aim was to describe the feasibility of home telemonitoring among elderly people with heart failure.",
     ["home telemonitoring"]),
    ("To report our experience of day-case tonsillectomy and adenoidectomy in children.",
     ["day-case tonsillectomy", "adenoidectomy"]),
])
def test_an_objective_names_the_treatment_by_its_effect_or_as_what_it_evaluates(text, want, is_exposure):
    assert studied_exposure.from_question([_s(0, text)], is_exposure) == want


@pytest.mark.parametrize("text", [
    "To assess the effect of obesity on survival after kidney transplantation.",      # a risk factor
    "To determine the prognostic value of troponin in patients with chest pain.",      # a marker
    "To evaluate the predictive value of cardiac imaging for later arrhythmia.",       # a prognostic test
    "To examine the impact of age on the outcomes of patients in intensive care.",     # age
    "To describe complications in women after caesarean section.",                    # an outcome
])
def test_an_objective_about_a_factor_marker_or_outcome_names_none(text, is_exposure):
    assert studied_exposure.from_question([_s(0, text)], is_exposure) == []


def test_an_abbreviation_inside_a_name_takes_its_long_form(is_exposure):
    whole = "We reviewed cardiac resynchronisation therapy (CRT) implants."
    got = studied_exposure.from_question([_s(0, "To assess the results of urgent CRT in elderly patients.")],
                                         is_exposure, whole)
    assert got == ["urgent cardiac resynchronisation therapy"]


@pytest.mark.parametrize("title, whole, want", [
    ("Is body mass index related to blood loss after total hip arthroplasty?",
     "We reviewed 300 patients who had a total hip arthroplasty.", ["total hip arthroplasty"]),
    ("Does diabetes predict leaks following sleeve gastrectomy?",
     "Charts of sleeve gastrectomy patients were reviewed.", ["sleeve gastrectomy"]),
])
def test_the_procedure_a_question_is_asked_after_is_what_everyone_had(title, whole, want, is_procedure):
    assert studied_exposure.procedure_had(title, is_procedure, whole) == want


@pytest.mark.parametrize("title, whole", [
    ("Is smoking related to delirium after cardiac surgery?", "Patients after cardiac surgery were studied."),  # generic head
    ("Do nurses differ in burnout in primary care?", "Nurses in primary care were asked."),                  # a setting
    ("Is anxiety related to pain after knee arthroscopy?", "Patients completed a questionnaire."),            # not named again
])
def test_a_generic_word_a_setting_or_an_unrepeated_title_word_names_no_procedure(title, whole, is_procedure):
    assert studied_exposure.procedure_had(title, is_procedure, whole) == []


def test_an_observational_abstract_reads_its_studied_procedure(read):
    text = ("Balloon sinuplasty in a district hospital: is it safe and effective?\n"
            "OBJECTIVE: To review our results with balloon sinuplasty for chronic sinusitis.\n"
            "METHODS: Records of all adults treated over four years were reviewed retrospectively.\n"
            "RESULTS: Symptoms improved in most and no major complication was recorded.\n"
            "CONCLUSIONS: The procedure appears safe in this setting.")
    p = read(text)[0].pico
    assert [i.text.lower() for i in p.interventions] == ["balloon sinuplasty"]
    assert p.comparators == []


def test_a_risk_factor_study_reads_no_exposure_as_intervention(read):
    text = ("Is shift work associated with obesity in hospital nurses?\n"
            "OBJECTIVE: To examine the association between night shifts and body weight in nurses.\n"
            "METHODS: A questionnaire was completed by 400 nurses of two hospitals.\n"
            "RESULTS: Night shift nurses were heavier.\n"
            "CONCLUSIONS: Shift work may favour weight gain.")
    assert read(text)[0].pico.interventions == []


@pytest.mark.parametrize("title, whole, want", [
    ("Is frailty a predictor of post-TAVI delirium?",
     "Older adults underwent transcatheter aortic valve implantation (TAVI) at one centre.", ["TAVI"]),
    ("Statin-induced myopathy in older adults: how common is it?", "Patients taking a statin were followed.",
     ["Statin"]),
    ("Joint line height when performing unicompartmental knee arthroplasty: does the implant matter?",
     "Radiographs after unicompartmental knee arthroplasty were measured.", ["unicompartmental knee arthroplasty"]),
])
def test_a_complication_or_harm_named_after_a_procedure_gives_that_procedure(title, whole, want, is_procedure):
    assert studied_exposure.procedure_had(title, is_procedure, whole) == want


@pytest.mark.parametrize("title, whole", [
    ("Exercise-induced bronchoconstriction in swimmers: how common is it?", "Swimmers did an exercise test."),
    ("Post-traumatic stress in paramedics: a survey", "Paramedics answered a survey."),
    ("Smoking-related lung disease in miners", "Miners were examined."),
])
def test_a_trigger_or_risk_factor_before_a_harm_is_no_procedure(title, whole, is_procedure):
    assert studied_exposure.procedure_had(title, is_procedure, whole) == []


def test_the_success_of_a_procedure_names_it(is_exposure):
    got = studied_exposure.from_question([_s(0, "To evaluate the success of liver transplantation in older recipients.")],
                                         is_exposure)
    assert got == ["liver transplantation"]


# Session 26c: a bare "pathway", "culture", "assessment", "testing" or "monitoring" is no care strategy (a
# signalling pathway, a workplace culture, a score or marker measured in everyone); the named ones are
@pytest.mark.parametrize("text", [
    "To assess the role of the mTOR pathway in the progression of renal cell carcinoma.",
    "To examine the influence of safety culture on reported medication errors in surgical wards.",
    "To evaluate Glasgow Coma Scale assessment in patients with blunt head injury.",
    "To evaluate serial troponin testing in patients with acute chest pain.",
    "To describe the impact of vital sign monitoring in adults on general wards.",
])
def test_a_bare_pathway_culture_assessment_testing_or_monitoring_names_none(text, is_exposure):
    assert studied_exposure.from_question([_s(0, text)], is_exposure) == []


def test_a_bare_assessment_in_a_title_names_none(is_exposure):
    assert studied_exposure.from_title("Is pain assessment in the emergency department adequate?", is_exposure) == []


@pytest.mark.parametrize("text, want", [
    ("To evaluate continuous glucose monitoring in children with type 1 diabetes.", ["continuous glucose monitoring"]),
    ("To assess the impact of a clinical pathway on length of stay after hip fracture.", ["clinical pathway"]),
    ("The aim was to describe the yield of blood cultures in adults admitted with cellulitis.", ["blood cultures"]),
    ("To report the results of genetic testing in families with long QT syndrome.", ["genetic testing"]),
])
def test_a_named_pathway_culture_testing_or_monitoring_is_a_strategy(text, want, is_exposure):
    assert studied_exposure.from_question([_s(0, text)], is_exposure) == want
