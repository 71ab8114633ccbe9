"""Session 30 review (issue 12, helper trirev30) of tri30's readings, fixed by cause, each with its opposite cases.
Own sentences throughout.

1. An acute event told with a past verb and a time a month or more ago ('she had a seizure years ago', 'my dad took
   an overdose years ago', 'my son choked on a sweet last year') is over (findings.yaml antecedents old_events): not
   read, so neither the chat nor the health questions give an emergency for it. Told again ('having one now',
   'another one tonight', 'choking on a grape') or told recently ('this morning', '2 weeks ago') it is read.
2. A relative's sign read with its own pronoun ('her arm went weak' matches 'my arm went weak') continues her
   history as 'her left arm went weak' does (relatives.chained).
3. A relative's pregnancy told as weeks of a late-pregnancy phrase ('my sister is 34 weeks pregnant') is hers, as
   '36 weeks pregnant' was (tri30 checked 'pregnant' only).
4. A relative's sign told in the sentence after the history ('My dad had a stroke last year. His face drooped. I
   have a cough.') is his history, as in one sentence; told as now it stays, and with no complaint of the speaker's
   the dad is the patient (emergency kept).
"""

from __future__ import annotations

import pytest


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}


def _level(engine, text, age=40, sex="female"):
    res, _ = engine.one_shot(text, age, sex)
    return res.to_dict()["triage"]


# ---- 1. an acute event long ago ----

@pytest.mark.parametrize("text,fid", [
    ("she had a seizure years ago and has been fine since", "seizure"),
    ("I had a seizure years ago", "seizure"),
    ("I had a seizure when I was a child, can I drive?", "seizure"),
    ("he had a fit as a baby", "seizure"),
    ("my dad took an overdose years ago", "overdose_taken"),
    ("I took an overdose last year, now I feel fine but I have a cold", "overdose_taken"),
    ("my son choked on a sweet last year, is he at risk now?", "choking_episode"),
    ("she had a seizure in 2015", "seizure"),
])
def test_event_long_ago_is_not_read(engine, text, fid):
    assert fid not in _read(engine, text)
    assert _level(engine, text) != "emergency"


@pytest.mark.parametrize("text,fid", [
    ("she had a seizure years ago and is having one now that won't stop", "seizure"),
    ("She had a seizure years ago. She is having one now.", "seizure"),
    ("my dad took an overdose years ago and has just taken another one tonight", "overdose_taken"),
    ("my son choked on a sweet last year and now he's choking on a grape and can't breathe", "choking_episode"),
    ("he had a fit this morning", "seizure"),
    ("she had a seizure 2 weeks ago", "seizure"),
    ("I took an overdose an hour ago", "overdose_taken"),
    ("my friend has taken an overdose", "overdose_taken"),
    ("I had a seizure years ago and had another one today", "seizure"),
])
def test_event_now_or_retold_is_read(engine, text, fid):
    assert _read(engine, text).get(fid) is True
    assert _level(engine, text) == "emergency"


def test_health_question_history_gets_no_emergency_block(engine):
    from medcore.qa import safety

    for q in ("she had a seizure years ago and has been fine since", "my dad took an overdose years ago"):
        assert safety.emergency(safety.read(engine, q), personal=True) is None
    now = "she had a seizure years ago and now she's having one that won't stop"
    assert safety.emergency(safety.read(engine, now), personal=True) is not None


# ---- 2. a relative's sign read with its pronoun ----

@pytest.mark.parametrize("text", [
    "My mum had a stroke in 2019 and her arm went weak. I have back pain.",
    "my dad had a stroke last year, his arm went weak, now I have a cough",
    "my mum had a stroke last year and her arm went weak, I have a sore throat",
])
def test_relative_sign_with_pronoun_is_hers(engine, text):
    assert "arm_weakness" not in _read(engine, text)
    assert _level(engine, text) != "emergency"


@pytest.mark.parametrize("text", [
    "my mum had a stroke last year and now her arm is weak",
    "my dad had a stroke years ago. Today his arm is weak and his speech is slurred.",
    "I'm worried about my mum, her arm went weak an hour ago",
    "her arm went weak suddenly and her face is drooping",
])
def test_relative_sign_now_stays(engine, text):
    assert _read(engine, text).get("arm_weakness") is True
    assert _level(engine, text) == "emergency"


# ---- 3. a relative's pregnancy of a late-pregnancy phrase ----

@pytest.mark.parametrize("text", [
    "my sister is 34 weeks pregnant and I have a headache",
    "my wife is 30 weeks pregnant and I have a headache",
    "my sister is 36 weeks pregnant and I have a headache",
])
def test_relative_pregnancy_weeks_are_hers(engine, text):
    got = _read(engine, text)
    assert not got.get("late_pregnancy") and not got.get("pregnant")
    assert _level(engine, text) != "emergency"


@pytest.mark.parametrize("text", [
    "I'm 34 weeks pregnant and I have a headache",
    "my daughter is 34 weeks pregnant and has a bad headache",
    "my wife is 30 weeks pregnant and has a terrible headache",
    "I'm 34 weeks pregnant and my sister has a cold, I have a headache",
])
def test_own_or_complaining_pregnancy_stays(engine, text):
    assert _read(engine, text).get("late_pregnancy") is True
    assert _level(engine, text) == "emergency"


# ---- 4. a relative's sign in the sentence after the history ----

@pytest.mark.parametrize("text", [
    "My dad had a stroke last year. His face drooped. I have a cough.",
    "My dad had a stroke last year. His face drooped then. I have a headache.",
])
def test_relative_sign_next_sentence_is_his(engine, text):
    assert "face_droop" not in _read(engine, text)
    assert _level(engine, text) != "emergency"


@pytest.mark.parametrize("text", [
    "My dad had a stroke last year. His face drooped again this morning. I have a cough.",
    "My dad had a stroke last year. Now his face is drooping and his speech is slurred.",
    "My dad had a cold last week. His face drooped an hour ago.",
    "My dad has a cough. His face drooped.",
    "My dad had a stroke last year. His face drooped.",
])
def test_relative_sign_next_sentence_now_stays(engine, text):
    assert _read(engine, text).get("face_droop") is True
    assert _level(engine, text) == "emergency"
