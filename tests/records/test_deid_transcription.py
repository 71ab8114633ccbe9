"""De-identification of the forms dictated notes use (issue 11): placeholder names after a title, years and
months standing alone, month/year dates of a history list, template date placeholders; public crisis and
emergency numbers stay. Every snippet is written here, in our own words."""

import pytest

from medcore.deid import deidentify, shift_date


def replaced(text):
    """The texts of the spans the de-identifier replaced."""
    return [s.text for s in deidentify(text, shift_days=-40).spans]


@pytest.mark.parametrize("text,phi", [
    ("Her knee was scoped by Dr. Q, who found a torn meniscus.", ["Q"]),
    ("Plan discussed with Dr. Q.", ["Q"]),
    ("Ms. B returns today; Mr. B's wife drove her.", ["B", "B"]),
    ("Letter typed for the surgeon.\nLMN, MD", ["LMN"]),
    ("Please see patient xxx xxxx in clinic.", ["xxx xxxx"]),
    ("Appendectomy in 1987 and a knee replacement since 2011.", ["1987", "2011"]),
    ("He gave up smoking (quit '98) after the stroke.", ["'98"]),
    ("Tonsillectomy,1972. Hysterectomy, 1990.", ["1972", "1990"]),
    ("Stents were placed 2009-2012 at another centre.", ["2009-2012"]),
    ("The first seizure came in the summer of 2015.", ["summer of 2015"]),
    ("Operations: tonsils out 4/86. Knee arthroscopy 11/93.", ["4/86", "11/93"]),
    ("Her last colonoscopy was in March and her flu shot last October.", ["March", "October"]),
    ("Expected delivery MM/DD/YYYY; booked on Month DD, YYYY.", ["MM/DD/YYYY", "Month DD, YYYY"]),
])
def test_transcription_phi_found(text, phi):
    assert replaced(text) == phi


@pytest.mark.parametrize("text", [
    "Pain 6/10 today, grip strength 4/5, 2/14 nodes positive.",
    "The risk is about 1 in 2000 births.",
    "Estimated blood loss was 1950 mL; she was given 2000 mg of cefazolin.",
    "Blood pressure 130/85, pulse 72.",
    "Drops were put in the XXX eye; she takes Vytorin 10/40 mg.",
    "She may return in a week; the nurse will march her through the exercises.",
    "If you feel unsafe call 988, or 911 in an emergency.",
    "In the UK ring 999, or NHS 111 for advice; Samaritans can be reached on 116 123.",
    "Call 111 if the wound gets worse.",
])
def test_numbers_and_words_that_are_not_phi(text):
    assert replaced(text) == []


def test_a_title_placeholder_keeps_the_sentence_stop():
    out = deidentify("Reviewed by Dr. Q. She agrees.", shift_days=-40).text
    assert out == "Reviewed by Dr. [NAME]. She agrees."


def test_years_and_months_are_shifted_not_dropped():
    assert shift_date("2004", -40) == "2004"
    assert shift_date("2004", -200) == "2003"
    assert shift_date("April", -40) == "March"


@pytest.mark.parametrize("text,phi", [
    ("She was transferred to Brightwater for rehabilitation.", ["Brightwater"]),
    ("He came to QVMC for evaluation on the ward.", ["QVMC"]),
])
def test_a_place_the_patient_moved_to(text, phi):
    assert replaced(text) == phi


@pytest.mark.parametrize("text", [
    "The specimen was sent to Pathology.",
    "He was taken to OR and later transferred to MICU.",
    "She was admitted to Medicine and discharged to home.",
    "He was brought to ER by ambulance.",
])
def test_units_and_services_are_not_places(text):
    assert replaced(text) == []
