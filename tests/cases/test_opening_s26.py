"""Session 26 hands-on check: the patient's first sentence read "I'm here because of stung by a jellyfish" and "I've
brought my child in because they was under water". A complaint whose name is a passive event, a state or a
"cannot" clause now gets the subject and verb it needs; noun phrases keep "because of"."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from medcore.cases.patient import _reason

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "case_trainer.py")


@pytest.mark.parametrize("name, proxy, want", [
    # our own phrases, not the KB's: the rule is about the phrase's first word
    ("stung by a wasp on the hand", False, "because I was stung by a wasp on the hand"),
    ("bitten by a dog", True, "because they were bitten by a dog"),
    ("drowsy after a fall", True, "because they are drowsy after a fall"),
    ("unable to lift the arm", False, "because I am unable to lift the arm"),
    ("cannot straighten the knee", True, "because they cannot straighten the knee"),
    ("was in a cold river for an hour", True, "because they were in a cold river for an hour"),
    ("was in a cold river for an hour", False, "because I was in a cold river for an hour"),
    ("swallowed a coin", True, "because they swallowed a coin"),
    ("swollen knee after football", False, "because of swollen knee after football"),  # a noun phrase
    ("missed period", False, "because of missed period"),
])
def test_the_reason_clause_fits_the_phrase(name, proxy, want):
    assert _reason(name, proxy) == want


def _opening(at) -> str:
    return at.chat_message[0].markdown[0].value.replace("\\", "")


def test_the_student_reads_a_sentence_for_a_sting_and_a_bite(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    for condition, seed, want in (("jellyfish_sting", 42, "stung by a jellyfish"),
                                  ("snake_bite", 3, "bitten by a snake")):
        at.number_input(key="case_seed").set_value(seed)
        at.selectbox(key="case_f_condition").set_value(condition)
        at.button(key="case_start").click().run()
        assert not at.exception and not at.error, [e.value for e in at.error]
        shown = _opening(at)
        # an adult says "I was ...", a parent "they were ..."; never "because of stung / bitten"
        assert f"because I was {want}" in shown or f"because they were {want}" in shown, shown
