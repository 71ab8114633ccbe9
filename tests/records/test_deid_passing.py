"""Issue 11, session 6: PHI named in passing (relatives, streets and towns without a cue word, facilities and
companies with less common last words, case and programme numbers), and the guards that keep clinical text."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify


def _phi(text: str) -> set[tuple[str, str]]:
    return {(s.type, s.text) for s in deidentify(text, shift_days=-10).spans}


@pytest.mark.parametrize("text, name", [
    ("Wife Agnieszka at the bedside overnight.", "Agnieszka"),
    ("Seen with her grandson Matteo Russo today.", "Matteo Russo"),
    ("Plan explained to brother-in-law Dragan.", "Dragan"),
    ("Son (Ignacio Pérez, mobile below) agrees.", "Ignacio Pérez"),
    ("Lives with roommate Tevita.", "Tevita"),
    ("Daughter-in-law Marijke Van der Meer is the carer.", "Marijke Van der Meer"),
])
def test_relatives_named_in_passing(text, name):
    assert ("NAME", name) in _phi(text)


@pytest.mark.parametrize("text", [
    "FAMILY HISTORY: mother Diabetes, father MI at 60.",
    "The child: fever noted. Child Protection team informed.",
    "Seen in the Park Lane clinic today.",
    "Wound packed with gauze soaked in Betadine, then dressed.",
    "Baby went to Newborn Nursery after delivery.",
    "Referred back to Gastroenterology Associates for a colonoscopy.",
])
def test_clinical_and_generic_text_is_kept(text):
    assert _phi(text) == set()


def test_clergy_staff_and_lower_case_signatures():
    assert ("NAME", "Ambrose Kettering") in _phi("Chaplain: Rev. Ambrose Kettering")
    assert ("NAME", "p. szymanska") in _phi("Signed: p. szymanska, RN")
    assert ("NAME", "lucinda ferro") in _phi("Name: lucinda ferro    DOB: 01/02/1960")
    assert ("NAME", "PRZYBYLSKI, TOMASZ") in _phi("Accession 4471  Patient: PRZYBYLSKI, TOMASZ  DOB 3/4/1950")
    assert not any(s.text == "Rev" for s in deidentify("Rev. Ambrose Kettering visited.").spans)


def test_places_without_a_cue_word():
    phi = _phi("He drove up from Wetherby on Monday and parks on Tanner Street in Wetherby.")
    assert {("CITY", "Wetherby"), ("ADDRESS", "Tanner Street")} <= phi
    assert ("ADDRESS", "9 Coldwell Road, Alnwick") in _phi("Address: 9 Coldwell Road, Alnwick\nSeen today.")
    assert ("HOSPITAL", "Meadowbank Assisted Living") in _phi("Sent from Meadowbank Assisted Living by ambulance.")
    assert ("HOSPITAL", "Greyfriars Heart Institute") in _phi("Transfer to Greyfriars Heart Institute declined.")
    assert ("ORGANIZATION", "Thornbury Pulmonary Associates") in _phi("Follow up at Thornbury Pulmonary Associates.")


@pytest.mark.parametrize("text, ident", [
    ("Specimen sent, case S24-55120.", "S24-55120"),
    ("Medicare ID 2FK7-PL3-QA90 on file.", "2FK7-PL3-QA90"),
    ("Staff no. K-40917, warehouse.", "K-40917"),
])
def test_case_and_programme_numbers(text, ident):
    assert ("ID", ident) in _phi(text)


def test_blood_gas_is_not_a_date():
    assert _phi("ABG 7.29/51/64 on arrival.") == set()
