"""Readings added after the spent s9 blind set's over-triage misses (issue 12, session 9b, findings.yaml
more_synonyms, the worms_seen finding and the 'worst when' severity reading in nlu.py), and near misses they must
not catch. Phrased in our own words, not the vignettes' (the s9b blind set is never quoted here)."""

from __future__ import annotations

import pytest


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence()


@pytest.mark.parametrize("text, finding", [
    ("This evening my left eye became very painful and red and I have a headache", "eye_pain"),
    ("This evening my left eye became very painful and red and I have a headache", "red_eye"),
    ("Everything looks misty since lunch, my vision went misty", "blurred_vision"),
    ("I keep seeing rainbow rings around lights", "halos"),
    ("His voice is like a hot potato voice and he can hardly open his mouth", "one_sided_throat_swelling"),
    ("I can hardly open my mouth", "trismus"),
    ("I can barely swallow", "difficulty_swallowing"),
    ("Tender in the left iliac fossa for two days", "pain_llq"),
    ("My pulse is all over the place", "irregular_pulse"),
    ("I get puffed going upstairs now", "breathless_exertion"),
    ("There was blood on the toilet paper", "rectal_bleeding"),
    ("My son keeps scratching his bottom at night", "anal_itch"),
    ("I saw tiny worms in his poo", "worms_seen"),
    ("It hurts most with my first steps out of bed", "heel_pain"),
    ("I've taken up running this spring", "repetitive_strain"),
    ("His scrotum is swollen and hot", "scrotal_swelling"),
])
def test_reading(lexical_engine, text, finding):
    assert _ev(lexical_engine, text).get(finding) is True


def test_misty_vision_is_not_vision_loss(lexical_engine):
    ev = _ev(lexical_engine, "my vision went misty")
    assert ev.get("blurred_vision") is True and not ev.get("vision_loss")
    # a real loss of sight is still read as such, and still the emergency rule
    assert _ev(lexical_engine, "I suddenly lost my vision in one eye").get("vision_loss") is True


def test_unchanged_bowels_are_no_change(lexical_engine):
    ev = _ev(lexical_engine, "I see a little blood but my bowels are otherwise the same as always")
    assert ev.get("alternating_bowel") is False and ev.get("change_bowel_habit") is False


@pytest.mark.parametrize("text, severity", [
    ("a heel pain that is worst with the first steps of the day", None),
    ("the itch is worst at night", None),
    ("my back is worst in the morning", None),
    ("the worst headache of my life", "severe"),
    ("it's the worst pain I've ever had", "severe"),
])
def test_worst_when_is_not_severity(lexical_engine, text, severity):
    _, ex = lexical_engine.read_text(text)
    assert ex.severity == severity


def test_painful_red_eye_with_misty_vision_is_angle_closure_not_the_vision_loss_rule(lexical_engine):
    # acute angle closure: eye casualty or A&E now (emergency since session 12: NHS.uk "Glaucoma", NICE CKS admit
    # immediately), by the condition's own level, not by the sudden-vision-loss rule
    res, _ = lexical_engine.one_shot("Tonight my left eye became very painful and red, my vision went misty with "
                                     "rainbow rings around lights, and I feel sick with a headache.", age=70,
                                     sex="female")
    assert "sudden_vision_loss" not in {r["id"] for r in res.fired_rules}
    assert res.triage == "emergency" and res.differential[0].id == "angle_closure_glaucoma"
