"""Session 13: interventions and comparators from the sentence that allocates them (allocation_arms), "we compared
A with B" in the methods, and a dose from the methods kept to the arm that names that drug. All abstracts here are
written for the test."""

from __future__ import annotations

import pytest

from medcore.config import Settings
from medcore.literature.allocation_arms import allocated, compared_in_methods, strip_dose
from medcore.literature.model import Sentence
from medcore.literature.roles import cue_pattern


def _sents(*texts, role="methods"):
    return [Sentence(i, t, 0, len(t), None, role) for i, t in enumerate(texts)]


def test_dose_and_schedule_are_not_part_of_an_arm_name():
    assert strip_dose("ferrous sulfate 200 mg three times daily") == "ferrous sulfate"
    assert strip_dose("nasal budesonide twice daily for 4 weeks") == "nasal budesonide"
    assert strip_dose("lidocaine 1% gel") == "lidocaine"
    assert strip_dose("physiotherapy") == "physiotherapy"
    assert strip_dose("0.5 mg/kg") == "0.5 mg/kg"  # nothing left but the dose: kept as written


@pytest.mark.parametrize("text, interventions, comparators", [
    ("Adults were randomly assigned to receive zinc lozenges or a matching placebo.", ["zinc lozenges"],
     ["matching placebo"]),
    ("We randomised 90 runners to foam rolling or static stretching.", ["foam rolling"], ["static stretching"]),
    ("Patients were randomized to tranexamic acid 1 g or usual care.", ["tranexamic acid"], ["usual care"]),
    ("Women were allocated to yoga, brisk walking or no intervention.", ["yoga", "brisk walking"],
     ["no intervention"]),
])
def test_allocated_arms_take_their_side(text, interventions, comparators):
    comp = cue_pattern(Settings(), "comparator")
    i, c = allocated(comp, _sents("Pain is common.", text))
    assert [n for n, _ in i] == interventions and [n for n, _ in c] == comparators
    assert {idx for _, idx in i + c} == {1}


def test_no_arms_from_lists_that_do_not_allocate_or_say_no_side():
    comp = cue_pattern(Settings(), "comparator")
    assert allocated(comp, _sents("Patients were randomized to A, B or C.")) == ([], [])  # three active arms
    assert allocated(comp, _sents("Outcomes were pain or swelling.")) == ([], [])  # no allocation
    assert allocated(comp, _sents("Patients were randomized to placebo or sham.")) == ([], [])  # only controls
    assert allocated(comp, _sents("Adults were randomly assigned to zinc or placebo.", role="results")) == ([], [])
    # arms named by their label only, and an arm that adds to the other: left to the other rules
    assert allocated(comp, _sents("Clinics were randomized to the experimental or control group.")) == ([], [])
    assert allocated(comp, _sents("Adults were randomized to zinc in addition to rest or rest alone.")) == ([], [])


def test_an_arm_that_withholds_is_the_control_when_no_cue_names_one():
    comp = cue_pattern(Settings(), "comparator")
    i, c = allocated(comp, _sents("Adults were allocated to insulin monotherapy or twice-daily premixed insulin."))
    assert [n for n, _ in c] == ["insulin monotherapy"] and [n for n, _ in i] == ["twice-daily premixed insulin"]


def test_we_compared_in_the_methods_only():
    sents = _sents("We compared night splints with stretching in 60 adults.", "Pain was lower.")
    sents[1].role = "results"
    assert [s.idx for s in compared_in_methods(sents)] == [0]
    assert compared_in_methods(_sents("Patients were compared by age.")) == []


TRIAL = """Zinc for colds in office workers
OBJECTIVE: To test whether zinc shortens colds in adults.
METHODS: In this double-blind trial, 150 office workers with a fresh cold were randomly assigned to receive zinc acetate lozenges 13 mg every 2 hours or a matching placebo.
Participants also kept taking paracetamol as needed.
RESULTS: Colds lasted 4.1 days with zinc and 5.9 days with placebo (p = 0.01).
CONCLUSIONS: Zinc lozenges shortened colds."""


def test_the_card_reads_arms_from_the_allocation_not_every_drug_named(read):
    r = read(TRIAL)[0]
    assert [i.text for i in r.pico.interventions] == ["zinc acetate lozenges"]
    assert [c.text for c in r.pico.comparators] == ["matching placebo"]


COMPARED = """Sleep therapy for long-standing insomnia
OBJECTIVE: Insomnia is common and often untreated.
METHODS: We compared guided sleep therapy with a sleep advice leaflet in 80 adults with long-standing insomnia.
RESULTS: Sleep onset was 20 minutes shorter with therapy.
CONCLUSIONS: Guided sleep therapy helped."""


def test_the_card_reads_we_compared_in_the_methods(read):
    r = read(COMPARED)[0]
    assert [i.text for i in r.pico.interventions] == ["guided sleep therapy"]
    assert [c.text for c in r.pico.comparators] == ["sleep advice leaflet"]


IRON = """Oral iron versus intravenous iron for anaemia after childbirth
OBJECTIVE: To compare two ways of giving iron after childbirth.
METHODS: Mothers with anaemia were randomised; the oral group took ferrous sulfate 200 mg twice daily.
RESULTS: Haemoglobin rose faster with intravenous iron.
CONCLUSIONS: Intravenous iron acts faster."""


def test_a_dose_from_the_methods_stays_with_the_arm_that_names_that_drug(read):
    r = read(IRON)[0]
    assert [i.text for i in r.pico.interventions] == ["Oral iron"]
    assert [c.text for c in r.pico.comparators] == ["intravenous iron"]


def test_leading_dose_and_asides_do_not_hide_an_arm():
    assert strip_dose("24% oral sucrose") == "oral sucrose"
    comp = cue_pattern(Settings(), "comparator")
    i, c = allocated(comp, _sents("Patients were randomised to walk twice daily after surgery (walking group) or to "
                                  "receive routine ward care (control group)."))
    assert [n for n, _ in i] == ["walk"] and [n for n, _ in c] == ["routine ward care"]


def test_a_question_that_states_both_arms():
    from medcore.literature.allocation_arms import stated_pair

    q = _sents("To determine whether a heat wrap is superior to oral naproxen for neck pain.", role="objective")
    assert stated_pair(q, lambda x: True) == ("heat wrap", "oral naproxen", 0)
    q = _sents("We asked if splinting was as effective as taping in runners.", role="objective")
    assert stated_pair(q, lambda x: True)[:2] == ("splinting", "taping")
    title = [Sentence(-1, "Zinc or vitamin C for colds in teachers?", 0, 0, None, "objective")]
    assert stated_pair(title, lambda x: True)[:2] == ("Zinc", "vitamin C")
    assert stated_pair(title, lambda x: x == "Zinc") is None  # both must name a treatment
    assert stated_pair(_sents("Smoking or obesity in teachers?", role="objective"), lambda x: True) is None


PLACEBO_TITLE = """Ginger for nausea in early pregnancy: a randomized, placebo-controlled trial
METHODS: We enrolled 120 pregnant women with nausea.
RESULTS: Nausea scores fell more with ginger.
CONCLUSIONS: Ginger eased nausea."""


def test_placebo_controlled_in_the_title_names_the_comparator(read):
    r = read(PLACEBO_TITLE)[0]
    assert [c.text for c in r.pico.comparators] == ["placebo"]
