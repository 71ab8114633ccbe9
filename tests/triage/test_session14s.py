"""Session 14 (triage14s): general causes found while studying the spent s14 set as dev. Every sentence here was
written for these tests, not taken from a vignette: a painful or failing eye after an eye operation (NHS.uk
"Cataract surgery", RCOphth) and lay words for drooling, a thick voice, a cataract operation and misty sight."""

from __future__ import annotations

import pytest


def _present(engine, text) -> set[str]:
    _, ex = engine.read_text(text)
    return {f for f, v in ex.evidence().items() if v}


def _fired(kb, present):
    return {r.id: r.level for r in kb.rules if r.fires(set(present), set())}


# ---- an eye after an operation: pain or lost sight is an emergency; redness or blurring alone is expected ----
def test_a_painful_eye_or_lost_sight_after_eye_surgery_is_an_emergency(kb):
    for sign in ("eye_pain", "vision_loss"):
        assert _fired(kb, {"eye_surgery_recent", sign}).get("eye_after_surgery") == "emergency", sign
    for sign in ("red_eye", "blurred_vision"):
        assert _fired(kb, {"eye_surgery_recent", sign, "getting_worse"}).get("eye_after_surgery_worse") == "emergency"


def test_redness_or_blurring_alone_after_eye_surgery_is_no_emergency(kb):
    # NHS.uk lists a red eye and blurred sight as normal while the eye heals
    fired = _fired(kb, {"eye_surgery_recent", "red_eye", "blurred_vision"})
    assert "eye_after_surgery" not in fired and "eye_after_surgery_worse" not in fired
    assert "emergency" not in fired.values()


def test_a_failing_eye_after_a_cataract_op_is_read_and_sent_on(lexical_engine):
    text = "Had my cataract done last week, now my sight has gone very misty and it is much worse than before"
    assert {"eye_surgery_recent", "blurred_vision", "getting_worse"} <= _present(lexical_engine, text)
    result, _ = lexical_engine.one_shot(text, 70, "M")
    assert result.triage == "emergency"


@pytest.mark.parametrize("text, fid", [
    ("the glands in my neck are huge and I'm dribbling as it hurts to swallow", "drooling"),
    ("my son is dribbling because swallowing hurts so much", "drooling"),
    ("my throat is agony and my voice has gone thick", "muffled_voice"),
])
def test_airway_lay_words_are_read(lexical_engine, text, fid):
    assert fid in _present(lexical_engine, text)


def test_dribbling_alone_is_no_drooling(lexical_engine):
    # a teething baby dribbles, and so does a weak urine stream: neither is a threatened airway
    assert "drooling" not in _present(lexical_engine, "my 7 month old is dribbling loads and chewing everything")
    assert "drooling" not in _present(lexical_engine, "I dribble at the end when I pee")


@pytest.mark.parametrize("text, fid", [
    ("since the injection my neck keeps twisting and my eyes keep rolling up", "dystonic_spasm"),
    ("my jaw feels clenched and I can't open it", "dystonic_spasm"),
    ("there's a painful lump next to my bum hole", "anal_lump"),
    ("it's much worse when I go for a poo", "rectal_pain"),
    ("I get electric shock pains in my jaw when I eat", "face_pain_electric"),
    ("my boobs are tender and swollen", "breast_pain"),
    ("pt has lower abdo pain since yesterday", "abdominal_pain"),
    ("she finished her co-amox last week and now has diarrhoea", "recent_antibiotics"),
])
def test_more_lay_words_are_read(lexical_engine, text, fid):
    assert fid in _present(lexical_engine, text)


def test_a_face_going_floppy_is_no_floppy_child(lexical_engine):
    # a face that goes slack when laughing (cataplexy) is not a floppy, limp child (NICE NG143 red flag)
    assert "floppy" not in _present(lexical_engine, "when I laugh my face goes floppy for a second")
    assert "floppy" in _present(lexical_engine, "my baby has gone floppy and won't feed")


def test_electric_shock_pains_are_no_electric_injury(lexical_engine):
    assert "electric_shock" not in _present(lexical_engine, "I keep getting electric-shock pains in my cheek")
    assert "electric_shock" in _present(lexical_engine, "he got an electric shock from a socket")


def test_sudden_dystonic_spasms_are_urgent_and_weeks_of_them_are_not(kb, lexical_engine):
    assert _fired(kb, {"dystonic_spasm"}).get("acute_dystonic_spasm") == "urgent"
    assert "acute_dystonic_spasm" not in _fired(kb, {"dystonic_spasm", "duration_over_2_weeks"})
    result, _ = lexical_engine.one_shot("I was given metoclopramide two days ago and tonight my neck keeps "
                                        "twisting and my eyes keep rolling up", 20, "F")
    assert result.triage == "urgent"


def test_more_synonyms_has_no_duplicate_key():
    # a second `rectal_pain:` row silently replaced the first (yaml keeps the last), losing "passing broken glass"
    import re
    from pathlib import Path

    text = Path(__file__).resolve().parents[2].joinpath("assets/kb/triage/findings.yaml").read_text()
    for block in ("more_synonyms:", "more_absent_synonyms:"):
        body = text.split("\n" + block, 1)[1].split("\n" + "more_", 1)[0]
        keys = re.findall(r"^  (\w+):", body, flags=re.M)
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def test_a_lump_at_the_top_of_the_bum_crack_is_no_anal_lump(lexical_engine):
    assert "anal_lump" not in _present(lexical_engine, "I have a sore lump at the top of my bum crack that leaks")
    assert "rectal_pain" in _present(lexical_engine, "it feels like passing broken glass when I go")


@pytest.mark.parametrize("text, fid", [
    ("he coughed and gagged on a grape and now he's wheezy", "choking_episode"),
    ("she's breathing faster than normal", "fast_breathing"),
    ("as the plane was coming in to land my ear hurt", "flying_diving"),
    ("my ear went really painful on the plane", "ear_pain"),
    ("it's like being underwater in my left ear", "ear_fullness"),
    ("my hearing is muffled on that side", "hearing_loss"),
    ("I've had a stinking cold all week", "recent_cold"),
    ("there's a level of blood in his eye after the ball hit it", "blood_front_eye"),
])
def test_ear_eye_and_choking_lay_words_are_read(lexical_engine, text, fid):
    assert fid in _present(lexical_engine, text)


def test_coughing_fits_after_a_cold_are_no_emergency(lexical_engine):
    # "started with a cold" once read as a recent cold and, with coughing "fits", sent whooping cough to emergency
    result, _ = lexical_engine.one_shot("My 14 year old began with a cold four weeks ago and still gets coughing fits "
                                        "that end in a whoop, and she is fine in between", 14, "F")
    assert result.triage != "emergency"
