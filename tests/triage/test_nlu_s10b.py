"""Session 10b readings (issue 12): swelling by the eye and behind the ear, negated-looking positives as exact
synonyms, South Africa is not 'Africa'; and a serious burn's level agrees with its own red flag's rule. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text, finding", [
    ("since yesterday the skin around her right eye has begun to puff up", "eye_swelling"),
    # session 27: the perfect is read like the present ('eyelid is red and swollen'): the KB's red swollen eyelid phrase
    ("his upper eyelid has gone red and swollen overnight", "eyelid_redness_swelling"),
    ("the bit behind my son's left ear is really swollen", "behind_ear_swelling"),
    ("there is a tender swelling just behind the ear", "behind_ear_swelling"),
])
def test_swelling_by_the_eye_or_behind_the_ear(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


def test_swelling_words_by_the_eye_keep_their_polarity_and_fluid_puffiness(lex):
    assert _ev(lex, "the skin around my eye is not swollen").get("eye_swelling") is False
    ev = _ev(lex, "my eyes are puffy first thing in the morning")
    assert ev.get("puffy_face") is True and "eye_swelling" not in ev
    # 'puffed' is still out of breath, not a swelling word
    assert "eye_swelling" not in _ev(lex, "I get puffed up the stairs and my eye waters")


@pytest.mark.parametrize("text, finding", [
    ("she hasn't passed any urine since lunchtime", "low_urine_output"),
    ("I've put on a stone in three months", "weight_gain"),
    ("our baby is not interested in feeding today", "not_feeding"),
    ("my toddler doesn't seem to hear us when we call", "hearing_loss"),
    ("we didn't use a condom last month", "new_sexual_partner"),
    ("she has not had the mmr", "recent_vaccination_missed"),
    ("he hasn't needed sleep all week and talks non-stop", "elevated_mood"),
    ("I no longer enjoy going out with friends", "anhedonia"),
])
def test_negated_looking_positives_are_read(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


def test_south_africa_is_not_a_tropical_stay_but_a_long_journey(lex):
    ev = _ev(lex, "we flew home from south africa on sunday")
    assert "travel_tropics" not in ev and ev.get("immobility_surgery") is True
    assert _ev(lex, "just back from visiting family in east africa").get("travel_tropics") is True
    assert _ev(lex, "back from a safari in the kruger national park").get("travel_tropics") is True
    assert "travel_tropics" not in _ev(lex, "came back from a week in north africa")


def test_a_serious_burn_is_an_emergency_as_its_red_flag_rule_says(kb):
    burn = kb.condition("burn_serious")
    rules = [r for r in kb.rules if any(r.fires({"burn_injury", f}) for f in burn.red_flags)]
    assert burn.triage == "emergency" and rules and all(r.level == "emergency" for r in rules)
    assert "A&E" in burn.education["seek_help"] and "NHS.uk Burns and scalds" in burn.source
    assert kb.condition("minor_burn").triage == "self_care"


def test_not_opening_the_bowels_or_passing_wind_is_read_as_obstruction_not_as_wind_passed(lex):
    """A synonym that holds the negation would take the cue with it and leave 'passed wind' affirmed."""
    ev = _ev(lex, "my husband hasn't opened his bowels or even passed any wind for two days and his tummy is swollen")
    assert ev.get("no_flatus") is True
