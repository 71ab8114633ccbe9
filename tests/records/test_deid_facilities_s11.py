"""De-identification, session 11 (issue 11): facilities in more shapes (a saint's name, "University of X", a named
emergency department, capitals, bare heads such as "X Health"), a facility's abbreviation, initials and own words
repeated later, and names in more shapes (several doctors after "Drs.", capitals after a label, the same name in
another case, a letter standing for the patient). Every sentence is written here, in our own words; no real note."""

from __future__ import annotations

import itertools
import string
import time

import pytest

from medcore.deid import deidentify, find_phi


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.type, s.text) for s in deidentify(text, shift_days=-40).spans]


def _texts(text: str) -> list[str]:
    return [t for _, t in _found(text)]


@pytest.mark.parametrize("text, phi", [
    ("She had her hip done at St. Aldhelm's last spring.", "St. Aldhelm's"),
    ("Transferred to ST. BARTHOLOMEW'S HOSPITAL for the repair.", "ST. BARTHOLOMEW'S HOSPITAL"),
    ("he was seen at st. cuthbert's hospital overnight", "st. cuthbert's hospital"),
    ("Her first operation was at the University of Wexborough in the end.", "University of Wexborough"),
    ("He walked into the Brackley ER with a cut hand.", "Brackley"),
    ("An ambulance took her to the Tollington emergency room.", "Tollington"),
    ("Physiotherapy continues at Fenwright Rehab twice a week.", "Fenwright Rehab"),
    ("Her records are held by Kessington Health and were sent over.", "Kessington Health"),
    ("He arrived by transfer from Harrowgate Regional overnight.", "Harrowgate Regional"),
    ("He was transferred to Cresswell General for dialysis.", "Cresswell General"),
    ("DISCHARGED TO: ALDERMOOR REGIONAL MEDICAL CENTER", "ALDERMOOR REGIONAL MEDICAL CENTER"),
    ("She has lived at Pennyworth Care Center since the stroke.", "Pennyworth Care Center"),
    ("he was first seen at riverside medical center for this", "riverside medical center"),
])
def test_facilities_in_more_shapes(text, phi):
    assert phi in _texts(text)


@pytest.mark.parametrize("text", [
    "He takes St. John's wort for low mood.",
    "We followed the College of Surgeons guidance and the School of Medicine rules.",
    "She was seen in the Pediatric ER and then in the Main ER.",
    "He attends Cardiac Rehab and Pulmonary Rehab; Mental Health and Behavioral Health follow him.",
    "He was transferred to General Surgery and then to Internal Medicine.",
    "BRIEF SUMMARY OF HOSPITAL COURSE:, She did well after the operation.",
    "Her device was programmed at DDDR with a lower limit of 55.",
    "He was seen at outside hospital, then at general hospital, then in another hospital.",
    "We spoke with Cardiology about it and talked to Radiology, who agreed.",
])
def test_clinical_settings_and_eponyms_stay(text):
    assert _found(text) == []


def test_a_facility_abbreviation_initials_and_own_word_are_removed_where_repeated():
    text = ("He went to Lindenholt Valley Medical Center (LVMC) with chest pain. LVMC kept him two days. "
            "He was admitted to Quarrybank Memorial later. The QUARRYBANK team phoned; Quarrybank's notes came.")
    out = deidentify(text, shift_days=-40).text
    for leak in ("Lindenholt", "LVMC", "Quarrybank", "QUARRYBANK"):
        assert leak not in out, out
    assert "chest pain" in out and "two days" in out


def test_initials_of_a_facility_are_removed_without_brackets():
    out = deidentify("Seen at Pellingford Royal Infirmary today. PRI will send the letter.", shift_days=-40).text
    assert "PRI" not in out and "Pellingford" not in out, out


def test_a_town_found_once_is_removed_where_repeated():
    out = deidentify("She moved from Brantwick last year. The Brantwick practice sent her notes.", shift_days=-40).text
    assert "Brantwick" not in out, out


@pytest.mark.parametrize("text, names", [
    ("She was seen by Drs. Halvorsen and Quint last week.", ["Halvorsen", "Quint"]),
    ("Dictated by: ORSOLYA VANTERPOOL", ["ORSOLYA VANTERPOOL"]),
    ("SURGEON:, HALLAM PRYCE, MD", ["HALLAM PRYCE"]),
    ("Both Dr. Page and Dr. Call saw her.", ["Page", "Call"]),
    ("HISTORY:,  A is in clinic for a check-up. A has been well.", ["A", "A"]),
    ("I spoke with Ruthanne at the front desk about the bill.", ["Ruthanne"]),
    ("Thanks again for the referral.\nSincerely,\nImogen Fairweather\n", ["Imogen Fairweather"]),
    ("Kind regards, ANNELISE MORITZ", ["ANNELISE MORITZ"]),
    ("cc: Margaret Brackwater; Harold Quint", ["Margaret Brackwater", "Harold Quint"]),
])
def test_names_in_more_shapes(text, names):
    assert [t for k, t in _found(text) if k == "NAME"] == names


def test_a_lower_case_name_after_a_title_may_have_any_latin_letter_and_ends_before_its_verb():
    assert [t for k, t in _found("seen by dr. ødegård today; mrs. núñez called back.") if k == "NAME"] == [
        "ødegård", "núñez"]
    out = deidentify("mr. quennell was calm and well.", shift_days=-40).text
    assert "quennell" not in out and "was calm" in out, out


def test_a_name_is_removed_in_another_case_too():
    out = deidentify("PATIENT NAME: BARNABY QUILLFEATHER. Mr. Quillfeather walks daily. QUILLFEATHER agreed.",
                     shift_days=-40).text
    assert "Quillfeather" not in out and "QUILLFEATHER" not in out, out
    out = deidentify("Mrs. Ondrejka came alone. ONDREJKA signed the form.", shift_days=-40).text
    assert "ONDREJKA" not in out, out


@pytest.mark.parametrize("text", [
    "CC:, CHEST PAIN.",
    "CC: Chest pain for two days.",
    "Observations: P was 72 and T was 36.8; I was asked to review her.",
    "Plan A. Option B is preferred.",
    "Page RN if the pain returns. Notify MD.",
    "CC: Med Refill today.",
    "CC: Left Knee Pain and Swelling",
])
def test_clinical_labels_vitals_and_instructions_stay(text):
    assert [k for k, _ in _found(text) if k == "NAME"] == []


@pytest.mark.parametrize("shape", ["St. Ab's ", "University of Ab ", "the Ab ER ", "AB AB HOSPITAL ", "Ab Ab Health ",
                                   "at Ab Regional (ABR) ", "Drs. Ab and Ab, ", "cc: AB AB ", ". A is ",
                                   "to Ab General ", "set at ABC ", "at ab ab hospital ", "spoke with Ab at ",
                                   "Sincerely, Ab Ab ", "cc: Ab Ab; "])
def test_new_rules_are_linear(shape):
    text = shape * (40_000 // len(shape))
    find_phi("Warm up at Ab.")  # the vocabulary loads once per process: not what is timed here
    start = time.perf_counter()
    find_phi(text)
    assert time.perf_counter() - start < 6.0


def test_many_distinct_facilities_stay_linear():
    words = ["Q" + "".join(c) for c in itertools.islice(itertools.product(string.ascii_lowercase, repeat=4), 1000)]
    text = " ".join(f"He was transferred to {w} Regional today, then {w} called." for w in words)
    find_phi("Warm up at Ab.")
    start = time.perf_counter()
    out = deidentify(text).text
    assert time.perf_counter() - start < 6.0
    assert "Qaaab" not in out
