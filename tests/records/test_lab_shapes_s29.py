"""Issue 11, session 29 (rec29): lab readings written as a slash pair, a decade or a glucose log by slot
(records/lab_shapes.py), each read only where the shape is unambiguous, with its opposite cases. Own sentences."""

from __future__ import annotations

from medcore.records.pipeline import analyze


def _readings(kb, text: str) -> list[tuple[str, str]]:
    ex = analyze(text, kb).extraction
    return [(x.name.lower(), x.value) for x in [*ex.labs, *ex.vitals]]


def _flag(kb, text: str, name: str) -> str:
    ex = analyze(text, kb).extraction
    return next(x.flag for x in [*ex.labs, *ex.vitals] if x.name.lower() == name)


def test_a_slash_pair_gives_each_value_to_its_lab(kb):
    got = _readings(kb, "Labs today: BUN/creatinine 24/1.3.")
    assert ("bun", "24") in got and ("creatinine", "1.3") in got
    assert ("creatinine", "24") not in got
    got = _readings(kb, "BUN and creatinine were 41/2.2 on admission.")
    assert ("bun", "41") in got and ("creatinine", "2.2") in got


def test_an_implausible_pair_is_left_unread(kb):
    got = _readings(kb, "BUN/creatinine 12/14 were reviewed.")   # may be the date drawn: not read
    assert not any(n in ("bun", "creatinine") for n, _ in got)
    got = _readings(kb, "Heart rate/blood pressure 88/300.")       # vitals are not paired; no value invented
    assert ("blood pressure", "300") not in got


def test_a_lone_lab_value_is_read_as_before(kb):
    assert ("creatinine", "1.3") in _readings(kb, "Creatinine 1.3, BUN 24.")


def test_a_decade_is_kept_as_written(kb):
    assert ("blood pressure", "80s") in _readings(kb, "Her systolic blood pressure was in the 80s overnight.")
    assert ("glucose", "300s") in _readings(kb, "Sugars have been in the 300s at home.")
    assert ("heart rate", "130s") in _readings(kb, "Heart rate in the 130s with exertion.")
    assert _flag(kb, "Sugars have been in the 300s at home.", "glucose") == "high"


def test_a_decade_across_the_range_is_not_flagged(kb):
    assert _flag(kb, "Temperature in the 90s.", "temperature") == ""


def test_an_age_decade_is_no_reading(kb):
    assert _readings(kb, "She is in her 70s and lives alone.") == []


def test_a_glucose_log_by_slot(kb):
    got = _readings(kb, "Home sugars: fasting 120s, after lunch 160s, bedtime 140s.")
    assert [v for n, v in got if n == "glucose"] == ["120s", "160s", "140s"]
    got = _readings(kb, "Blood sugars at home: pre-breakfast 95, 104, pre-supper 130.")
    assert [v for n, v in got if n == "glucose"] == ["95", "104", "130"]


def test_slot_words_without_a_glucose_word_are_not_a_log(kb):
    assert not any(n == "glucose" for n, _ in _readings(kb, "She walks fasting 30 minutes, bedtime 10 pm."))
