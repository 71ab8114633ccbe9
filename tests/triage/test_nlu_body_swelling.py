"""A body part and a swelling word with other words between them (issue 12, session 9c): findings.yaml
`body_swelling`, read by body_phrases.add_body_swelling. Phrased in our own words; the s9b blind set is not quoted."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text, finding", [
    ("his scrotum and the skin around it have got really swollen", "scrotal_swelling"),
    ("one of my testicles has gone very swollen and purple", "scrotal_swelling"),
    ("her lips and tongue started swelling after the peanut", "swollen_lips_face"),
    ("the gum over my back tooth is very swollen", "gum_swelling"),
    ("my left calf has become hot and swollen", "leg_swelling_one"),
])
def test_part_and_swelling_word_apart(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


def test_the_nearest_part_takes_the_swelling(lex):
    ev = _ev(lex, "my testicle aches and my groin has got swollen")
    assert ev.get("groin_lump") is True and "scrotal_swelling" not in ev
    assert ev.get("testicular_pain") is True  # the body-pain rule still reads the testicle


@pytest.mark.parametrize("text, finding", [
    ("my scrotum is not swollen", "scrotal_swelling"),
    ("there is no swelling of her lips", "swollen_lips_face"),
])
def test_a_negated_swelling_is_absent(lex, text, finding):
    assert _ev(lex, text).get(finding) is False


def test_a_hedge_or_an_ambiguous_part_reads_nothing_new(lex):
    assert "scrotal_swelling" not in _ev(lex, "his testicles might be a little swollen")
    # a part whose swelling could be several findings (tummy; a joint or ankle: injury, arthritis or fluid) is
    # left to the synonyms
    assert not {"abdominal_lump", "ankle_swelling", "joint_swelling"} & set(_ev(lex, "my tummy feels swollen after meals"))
    twisted = _ev(lex, "I went over on my ankle and within minutes it had become swollen")
    assert not {"ankle_swelling", "joint_swelling"} & set(twisted)
    # 'puffed' is out of breath, not a swelling word
    assert "swollen_lips_face" not in _ev(lex, "I'm puffed out and my lips are fine")


def test_too_far_apart_reads_nothing(lex):
    text = "my lip was cut playing football with the kids in the park last week and now it looks swollen"
    assert "swollen_lips_face" not in _ev(lex, text)
    assert _ev(lex, "my lip was cut last week and now it looks swollen").get("swollen_lips_face") is True


def test_map_is_data_with_a_source_and_known_findings(kb):
    sw = kb.body_swelling
    assert len(sw["source"]) > 20 and sw["window"] >= 1
    assert set(sw["parts"].values()) <= set(kb.finding_index)
    assert "swollen" in sw["swelling_words"] and "puffed" not in sw["swelling_words"]
    assert sw["parts"]["scrotum"] == "scrotal_swelling" and not {"knee", "ankle", "face"} & set(sw["parts"])


def test_separated_scrotal_swelling_with_redness_and_fever_is_an_emergency(lexical_engine):
    # Fournier's gangrene (EAU; NICE NG141): a swollen, red, very painful scrotum and perineum with fever
    rest = ", and the pain between my legs is terrible. I have a high temperature and I am diabetic."
    res, _ = lexical_engine.one_shot("Over two days my scrotum and the skin around my bottom have become massively "
                                     "swollen" + rest, age=61, sex="M")
    assert res.triage == "emergency" and res.differential[0].id == "fournier_gangrene"
