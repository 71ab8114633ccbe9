"""Session 13: an aim statement weighs toward objective inside the sequence decode (intro_roles.aim_bias, an
emission adjustment), and the aim forms the fixed cue phrases missed. Sentences written for these tests."""

from __future__ import annotations

from medcore.config import Settings
from medcore.literature import role_sequence
from medcore.literature.intro_roles import AIM_BONUS, aim_bias, states_aim
from medcore.literature.model import ROLES
from medcore.literature.role_train import decode
from medcore.literature.roles import classify, cue_pattern

B, O, M, R, C = ROLES


def _pats():
    s = Settings()
    return s, cue_pattern(s, "aim_statement"), cue_pattern(s, "study_aim")


def test_aim_forms_beyond_the_fixed_phrases():
    _, aim, sa = _pats()
    for text in ("The study objective was to compare two dressings.",
                 "The aim of our cohort review was to describe late relapse.",
                 "We set out to measure sleep in night nurses.",
                 "This audit was undertaken to check hand hygiene.",
                 "We reviewed our charts to see whether early feeding helps."):
        assert states_aim(text, aim, sa), text
    for text in ("Pressure ulcers are common in nursing homes.", "Dressings were changed every second day.",
                 "The aim of treatment is comfort."):
        assert not states_aim(text, aim, sa), text


def test_aim_bias_only_for_aim_sentences_in_the_first_half():
    _, aim, sa = _pats()
    texts = ["Falls are common.", "We aimed to test a home plan.", "We enrolled 80 people.", "Falls fell.",
             "We aimed to test it and it worked."]
    bias = aim_bias(texts, aim, sa, list(ROLES))
    assert [row[ROLES.index(O)] for row in bias] == [0.0, AIM_BONUS, 0.0, 0.0, 0.0]
    assert all(x == 0.0 for row in bias for k, x in enumerate(row) if k != ROLES.index(O))


def _flat_table():
    # abstracts start with background more often than with objective: the bias has to beat that start
    return role_sequence.count([[B, M, R, C]] * 20 + [[O, M, R, C]] * 10 + [[B, O, M, R, C]] * 5, ROLES, weight=0.5)


def test_bias_moves_a_leaning_aim_sentence_but_not_a_sure_methods_one():
    t = _flat_table()
    probs = [[0.6, 0.3, 0.05, 0.03, 0.02],  # first sentence: the classifier leans background
             [0.02, 0.03, 0.9, 0.03, 0.02], [0.01, 0.01, 0.03, 0.9, 0.05], [0.01, 0.01, 0.02, 0.06, 0.9]]
    plain = decode(probs, list(ROLES), "viterbi", t)
    assert plain[0][0] == B
    bias = [[0, AIM_BONUS, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]
    moved = decode(probs, list(ROLES), "viterbi", t, bias=bias)
    assert moved[0] == (O, 0.3)  # the probability reported stays the classifier's
    # an aim cue in a sentence the classifier is sure is methods ("... was undertaken to" in a design sentence)
    sure = [probs[0], [0.002, 0.002, 0.99, 0.003, 0.003]] + probs[2:]
    second = [[0, 0, 0, 0, 0], [0, AIM_BONUS, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]
    assert decode(sure, list(ROLES), "viterbi", t, bias=second)[1][0] == M


class _ProbClassifier:
    class cfg:  # noqa: N801 - stands in for NetConfig
        roles = list(ROLES)

    decode_how = "viterbi"
    transitions = _flat_table()

    def probabilities(self, sentences):
        lean_bg = [0.6, 0.35, 0.03, 0.01, 0.01]
        return [lean_bg, lean_bg] + [[0.01, 0.01, 0.96, 0.01, 0.01]] * (len(sentences) - 2)

    def predict(self, sentences):  # pragma: no cover - classify must decode the probabilities instead
        raise AssertionError("predict should not be used when probabilities are given")


def test_classify_decodes_probabilities_with_the_aim_bias_then_splits_the_intro():
    s = Settings()
    texts = ["Night shifts disturb sleep.", "The study objective was to measure sleep in night nurses.",
             "Forty nurses wore a wrist monitor.", "Sleep was recorded for two weeks."]
    roles = [r for r, _ in classify(s, _ProbClassifier(), texts)]
    assert roles == [B, O, M, M]
