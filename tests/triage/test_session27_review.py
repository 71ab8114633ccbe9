"""Session 27 review (issue 12): an outsider's probes of the session 27 rules, fixed by cause, each with its
opposite-meaning case. Own sentences throughout."""

from __future__ import annotations

import pytest

from medcore.triage import qa_forms
from medcore.triage.gestation import gestation_weeks, labour_pains


def _read(engine, text, age=None, sex=None):
    res, _ = engine.one_shot(text, age, sex)
    d = res.to_dict()
    return d["triage"], {f["id"]: f["present"] for f in d["findings"]}, [c["id"] for c in d["differential"]]


# (b) a question whose normal word closes a noun ('a normal colour'), answered no, then what it is instead
def test_a_normal_colour_answered_no_then_black_reads_black_stool(engine):
    assert qa_forms.rewrite("Poo a normal colour? No, it's jet black") == "Poo not a normal colour. Poo is jet black"
    level, found, _ = _read(engine, "Poo a normal colour? No, it's jet black")
    assert found.get("black_stool") is True and level == "emergency"


def test_a_normal_colour_answered_yes_reads_no_black_stool(engine):
    level, found, _ = _read(engine, "Poo the usual colour? Yes, only a little runny since the weekend")
    assert "black_stool" not in found and level != "emergency"


# (c) period-type pains at a regular interval with a bare 'N weeks' are labour words: how far along she is
def test_period_type_pains_at_an_interval_make_a_bare_weeks_a_gestation():
    assert labour_pains("31 weeks. period type pains coming every 7 minutes")
    assert gestation_weeks("31 weeks. period type pains coming every 7 minutes") == 31


@pytest.mark.parametrize("text", ["8 weeks. period-type pains on and off, worse before a period",
                                  "period-like cramps for 8 weeks"])
def test_period_type_pains_without_an_interval_say_no_pregnancy(text):
    assert gestation_weeks(text) is None


def test_period_type_pains_every_few_minutes_at_31_weeks_is_preterm_labour(engine):
    level, found, ranked = _read(engine, "31 weeks. Period type pains coming every 7 minutes", 29, "female")
    assert found.get("regular_contractions") is True and level == "emergency"
    assert "preterm_labour" in ranked[:2]


# a red swollen eyelid with fever in a child: periorbital cellulitis first, urgent at least
def test_a_red_swollen_lid_with_fever_in_a_child_is_at_least_urgent(engine):
    level, _, ranked = _read(engine, "Her lower eyelid went red and puffy yesterday and she has a temperature", 5,
                             "female")
    assert level in ("urgent", "emergency") and ranked[0] in ("periorbital_cellulitis", "orbital_cellulitis")


# after a comma, 'just'/'only' or a noun with its verb turns from the denial to what is there
@pytest.mark.parametrize("text,fid", [
    ("No dizziness, just a headache behind my eyes", "headache"),
    ("No sickness, only a sore tummy", "abdominal_pain"),
    ("No spreading to the arm, chest pain is heavy like a weight", "chest_pain"),
])
def test_what_follows_a_denial_after_a_comma_is_told(engine, text, fid):
    _, found, _ = _read(engine, text)
    assert found.get(fid) is True


@pytest.mark.parametrize("text,fid", [("No headache, fever or rash", "fever"), ("no cough, wheeze or phlegm", "wheeze")])
def test_a_bare_list_after_a_denial_stays_denied(engine, text, fid):
    _, found, _ = _read(engine, text)
    assert found.get(fid) is not True


# going under the water in a bath or into open water is a submersion; splashing is not
def test_going_under_in_the_bath_then_coughing_is_an_emergency(engine):
    level, found, _ = _read(engine, "She slipped under in the bath for a moment and keeps coughing", 2, "female")
    assert found.get("water_submersion") is True and level == "emergency"


def test_playing_in_the_bath_with_a_cold_cough_is_no_submersion(engine):
    level, found, _ = _read(engine, "She loves playing in the bath, she has a runny nose and a cough", 2, "female")
    assert "water_submersion" not in found and level != "emergency"
