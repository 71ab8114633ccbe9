"""Session 11 readings (issue 12): more states of a body part read like its swelling (findings.yaml body_states:
weakness of both legs or one arm, a red and hot joint, a red eye), and the course of a complaint in everyday words
(recurrent episodes, a slow onset, a first episode). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text, finding", [
    ("since lunch both of my legs have felt heavy and weak", "leg_weakness_both"),
    ("her right arm suddenly went weak while she was eating", "arm_weakness"),
    ("his ankle blew up overnight and now it is red and hot", "joint_red_hot"),
    ("my knee is swollen, hot and red this morning", "joint_red_hot"),
    ("my left eye has looked bloodshot since yesterday", "red_eye"),
])
def test_part_and_state_with_words_between(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


@pytest.mark.parametrize("text, finding", [
    ("my arms feel weak after the gym", "arm_weakness"),  # plural 'arms': one or both, left to the synonyms
    ("I have a red rash around my eye", "red_eye"),  # the red belongs to the rash
])
def test_state_of_something_else_is_not_read(lex, text, finding):
    assert _ev(lex, text).get(finding) is not True


def test_negated_state_is_absent(lex):
    assert _ev(lex, "my knee is sore and stiff, not hot or red").get("joint_red_hot") is False


@pytest.mark.parametrize("text, finding, value", [
    ("this has happened a few times before", "recurrent_episodes", True),
    ("every now and then my heart gives a thump", "recurrent_episodes", True),
    ("it has never happened before", "recurrent_episodes", False),
    ("the mole has slowly grown over the last year", "gradual_onset", True),
    ("my hearing has got worse over the years", "gradual_onset", True),
])
def test_course_in_everyday_words(lex, text, finding, value):
    assert _ev(lex, text).get(finding) is value
