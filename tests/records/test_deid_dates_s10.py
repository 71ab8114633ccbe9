"""De-identification, session 10 (issue 11): a year written right after the event it dates is a DATE (the i2b2
convention the real-note annotations follow), years in brackets, holidays and decades; device settings and
measurements stay. Every sentence here is written in our own words."""

from __future__ import annotations

import time

import pytest

from medcore.deid import deidentify, find_phi


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.type, s.text) for s in deidentify(text, shift_days=-40).spans]


@pytest.mark.parametrize("text, years", [
    ("Past history: lumbar fusion 1999, gallbladder removed 2006.", ["1999", "2006"]),
    ("He had both carotids opened, endarterectomies 1987, and did well.", ["1987"]),
    ("Hepatitis C diagnosed 2003 and treated.", ["2003"]),
    ("Surgical history: C-section 2015. Hernia repair 2012 (open).", ["2015", "2012"]),
    ("Positive drug screens, as recently as 2009 with cocaine.", ["2009"]),
    ("PMH: two heart attacks (1991 and 1994); thyroid cancer (2001).", ["1991", "1994", "2001"]),
    ("PMH: 1) CABG 1997, 2) asthma dx 1980. 3) gout.", ["1997", "1980"]),
    ("Her knee was rebuilt at the end of 2011; adhesions freed twice (1995; 1999).", ["2011", "1995", "1999"]),
])
def test_a_year_after_its_event_is_a_date(text, years):
    assert [t for k, t in _found(text) if k == "DATE"] == years


@pytest.mark.parametrize("text", [
    "Estimated blood loss 1950, urine output 2000.",
    "B12 level above 2000, ferritin 2010, folate normal.",
    "Given a bolus (1500-2000 mL) of saline.",
    "Stage 2000 is not a thing; type 1999 neither.",
    "Heparin 2000, then a drip at 1200 units per hour.",
])
def test_amounts_after_a_word_stay(text):
    assert [k for k, _ in _found(text) if k == "DATE"] == []


@pytest.mark.parametrize("text, phi", [
    ("She fainted once around Thanksgiving and once after Christmas Eve.", ["Thanksgiving", "Christmas Eve"]),
    ("The fall happened over the Memorial Day weekend.", ["Memorial Day weekend"]),
    ("He drank heavily in the 1970s and quit in the early '90s.", ["1970s", "'90s"]),
    ("Tonsils were taken out in the 1950's.", ["1950's"]),
])
def test_holidays_and_decades_are_dates(text, phi):
    assert [t for k, t in _found(text) if k == "DATE"] == phi


@pytest.mark.parametrize("text", [
    "Moved from Labor and Delivery to the recovery room.",
    "Seen through Memorial Medical Center's urgent care.",
    "A boy with Christmas disease takes factor IX.",
    "A woman in her 60s with knee pain; a man in his 80s.",
])
def test_words_that_only_look_like_holidays_or_decades_stay(text):
    assert [k for k, _ in _found(text) if k == "DATE"] == []


@pytest.mark.parametrize("text", [
    "The adenoid bed was cleared with the ablation wand on 7/3 and the bleeding stopped.",
    "Coagulation was set on 9/5 for the tonsil fossa.",
])
def test_device_settings_are_not_dates(text):
    assert _found(text) == []


@pytest.mark.parametrize("text, dates", [
    ("Her hip was replaced in 03/04 and revised in late 11/09.", ["03/04", "11/09"]),
    ("Scans from the beginning of 02/08 and the end of 06/08 were clear.", ["02/08", "06/08"]),
])
def test_a_month_and_two_digit_year_after_a_word_of_time(text, dates):
    assert [t for k, t in _found(text) if k == "DATE"] == dates


@pytest.mark.parametrize("text", [
    "Tumour in 8/12 cores; pain in 4/10 range; strength in 10/10 muscles tested.",
    "Response seen in 10/12 patients of the trial.",
    "Clinic review in 6/12; scan again in 3/52.",
])
def test_fractions_after_in_stay(text):
    assert [k for k, _ in _found(text) if k == "DATE"] == []


def test_a_local_phone_number_after_a_phone_word():
    found = _found("Call the office at 555-0142 with questions; her fax number is 555-0178.")
    assert [t for k, t in found if k == "PHONE"] == ["555-0142", "555-0178"]
    assert _found("Glucose 110-1200 over the day; call 911 if worse.") == []


def test_a_date_after_a_setting_in_another_sentence_is_still_a_date():
    assert ("DATE", "7/3") in _found("The wand was used. Stitches out on 7/3.")


def test_an_ultrasound_view_is_not_a_street():
    assert _found("Fetal heart (4 Chamber View): normal. Outflow tracts: normal.") == []
    assert ("ADDRESS", "22 Birch View, Leeds") in _found("She lives at 22 Birch View, Leeds LS6 2AB.")


@pytest.mark.parametrize("shape", ["surgery 1999 ", "(1999 and ", "around Thanksgiving ", "the 1990s ",
                                   "in the '90s ", "Ab-Ab-Ab 2000 ", "Wand on 7/3 ",
                                   "CABG 1999 ", "(1999; ", "end of 1999 ",
                                   "in 10/10 ", "call at 555-", "phone " + "a" * 30])
def test_new_date_rules_are_linear(shape):
    text = shape * (40_000 // len(shape))
    start = time.perf_counter()
    find_phi(text)
    assert time.perf_counter() - start < 6.0
