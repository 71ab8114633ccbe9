"""Session 16 (issues 11 and 12): a negation's scope ends at a comma that starts a new finding said with its own
state ("I have not lost weight, appetite fine"; "no wheeze, breath sounds reduced"), while a bare list after a
negation ("no fever, cough or chills"; "no fever, cough") stays denied as a whole. Both profiles use the one pattern
(assertion_rules.yaml, anchor comma_state_clause). Sentences written for these tests."""

import pytest

from medcore.knowledge import assertions as A


def _read(profile: str, sentence: str, *targets: str) -> list[str]:
    text = sentence.lower() if profile == "lay" else sentence
    low = text.lower()
    spans = [(low.index(t), low.index(t) + len(t)) for t in targets]
    return A.assert_spans(text, spans, A.load_rules(profile))


PROFILES = ["lay", "clinical"]


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("sentence,targets,want", [
    # a new finding with its own state after the comma: not denied
    ("I have not lost weight, appetite fine.", ("lost weight", "appetite"), ["negated", "present"]),
    ("Not lost weight, appetite is poor.", ("lost weight", "appetite"), ["negated", "present"]),
    ("No fever, cough worse at night.", ("fever", "cough"), ["negated", "present"]),
    ("No wheeze, breath sounds reduced at the bases.", ("wheeze", "breath sounds"), ["negated", "present"]),
    ("No nausea, appetite is good, bowels normal.", ("nausea", "appetite", "bowels"),
     ["negated", "present", "present"]),
    # a bare list keeps its negation
    ("No fever, cough or chills.", ("fever", "cough", "chills"), ["negated"] * 3),
    ("no fever, cough", ("fever", "cough"), ["negated"] * 2),
    ("Denies fever, chills, decreased appetite.", ("fever", "chills", "decreased appetite"), ["negated"] * 3),
    ("No fever, or feeling unwell.", ("fever", "feeling unwell"), ["negated"] * 2),
    ("No fever, chills as well.", ("fever", "chills"), ["negated"] * 2),  # "as well" is not a state
])
def test_a_comma_clause_with_its_own_state_ends_the_negation(profile, sentence, targets, want):
    assert _read(profile, sentence, *targets) == want
