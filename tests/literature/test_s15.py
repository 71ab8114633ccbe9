"""Session 15 (lit15): arms of a trial that leaves out one step of the standard procedure (the sides were
reversed), and of a service comparison (both sides were unnamed). Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from medcore.config import Settings
from medcore.literature.arm_phrases import is_control, name_omission, works_subject
from medcore.literature.control_arms import named_control
from medcore.literature.model import Sentence
from medcore.literature.roles import cue_pattern


def _sents(*pairs):
    return [Sentence(i, t, 0, len(t), None, r) for i, (r, t) in enumerate(pairs)]


# ---- omitting a step -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, want", [
    ("a protocol where suction drainage was omitted", "omission of suction drainage"),
    ("the technique in which the skin marking is skipped", "omission of skin marking"),
    ("a shortened procedure in which bowel preparation was not performed", "omission of bowel preparation"),
    ("a protocol of early feeding", "a protocol of early feeding"),
])
def test_an_omitted_step_names_the_arm(name, want):
    assert name_omission(name) == want


@pytest.mark.parametrize("name", ["standard procedure", "the standard technique", "usual practice"])
def test_the_standard_procedure_is_a_control(name):
    assert is_control(cue_pattern(Settings(), "comparator"), name)


def test_omitting_a_step_is_the_intervention_and_the_standard_procedure_the_control(read):
    # the standard procedure is listed first: before, order decided and the sides came out reversed
    text = ("Can the wound drain be left out after knee replacement?\n"
            "METHODS: Eighty adults having a knee replacement were allocated at random to the standard procedure "
            "or a shortened protocol in which suction drainage was omitted. Blood loss was recorded for two days.\n"
            "RESULTS: Blood loss did not differ between the groups (p = 0.41).")
    pico = read(text)[0].pico
    assert [i.text.lower() for i in pico.interventions] == ["omission of suction drainage"]
    assert [c.text.lower() for c in pico.comparators] == ["standard procedure"]


# ---- service comparisons ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("title, want", [
    ("Nurse-led asthma clinics. Do they work?", "Nurse-led asthma clinic"),
    ("Does a telephone follow-up service really work?", "telephone follow-up service"),
    ("Do home visiting teams work?", "home visiting team"),
    ("Is a telephone follow-up service safe?", ""),
    ("Home visits for frail adults", ""),
])
def test_what_a_title_asks_to_work_is_the_intervention(title, want):
    assert works_subject(title) == want


def test_the_usual_way_of_care_names_the_control():
    sents = _sents(("methods", "The comparison cohort had been referred in the traditional separate outpatient "
                               "appointment manner before the new clinic opened."))
    assert named_control(sents) == ("separate outpatient appointment", 0)
    plain = _sents(("methods", "Adults were referred by their family doctor in the usual way."))
    assert named_control(plain) is None


def test_service_comparison_names_both_sides(read):
    text = ("Nurse-led asthma clinics. Do they work?\n"
            "METHODS: Ninety adults seen in the year before the clinic opened, the control group, had been referred "
            "in the traditional separate outpatient appointment manner. They were compared with the first 100 "
            "adults seen at the nurse-led clinic.\n"
            "RESULTS: Unplanned visits fell from 40% to 22% (p = 0.01).")
    pico = read(text)[0].pico
    assert [i.text.lower() for i in pico.interventions] == ["nurse-led asthma clinic"]
    assert [c.text.lower() for c in pico.comparators] == ["separate outpatient appointment"]


# ---- design of a case report that never says "case report" -----------------------------------------------------
@pytest.mark.parametrize("text", [
    "OBJECTIVE: To report an unusual combination of gout and sarcoid in one man.\n"
    "METHODS: His history, imaging and biopsies over three years are described.\n"
    "RESULTS: Both diseases were active at the same time.",
    "METHODS: A 7-month-old male infant was brought in with a swollen knee after a minor fall.\n"
    "RESULTS: Imaging showed a healing fracture and thin bones.",
])
def test_unlabelled_case_report(read, text):
    design = read("Gout and sarcoid together\n" + text)[0].design
    assert design.kind == "case_report" and design.kind_inferred


def test_a_study_of_many_patients_is_not_a_case_report(read):
    text = ("OBJECTIVE: To describe outcomes of knee washout in adults.\n"
            "METHODS: We reviewed the charts of 80 adults treated between 2010 and 2015.\n"
            "RESULTS: Most recovered.")
    assert read("Knee washout outcomes\n" + text)[0].design.kind == "cohort"


# ---- roles: a sentence that only names the design is methods ---------------------------------------------------
class _Clf:
    class cfg:
        roles = ["background", "objective", "methods", "results", "conclusions"]
    decode_how, transitions = "argmax", None


@pytest.mark.parametrize("text, role", [
    ("Retrospective cohort study.", "methods"),
    ("A prospective multicentre trial", "methods"),
    ("Falls are common in older adults.", "background"),
    ("A retrospective review of charts showed that falls were common in the study.", "background"),
])
def test_a_design_label_sentence_is_methods(text, role):
    from medcore.literature.roles import decode_roles

    probs = [[0.5, 0.05, 0.4, 0.03, 0.02]]  # the classifier leans to background, as at an abstract's start
    assert decode_roles(Settings(), [text], probs, _Clf)[0][0] == role
