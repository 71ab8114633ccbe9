"""Untrusted question text for the knowledge tool: nothing asked is empty, a non-text value is refused in words
(once `clean_text(None)` searched the graph for the word "None")."""

import pytest

from medcore.knowledge.service import QueryError, clean_text


def test_nothing_asked_is_empty_text_not_the_word_none():
    assert clean_text(None) == ""


@pytest.mark.parametrize("value", [7, 3.5, True, ["asthma"], {"q": "asthma"}, b"asthma"])
def test_a_value_that_is_not_text_is_refused_in_words(value):
    with pytest.raises(QueryError, match="must be text") as err:
        clean_text(value)
    assert "'" not in str(err.value)  # no Python type name such as 'int'


def test_control_and_bidi_characters_go_and_length_is_capped():
    assert clean_text("chest\x1b[2J pain\u202e now", limit=11) == "chest [2J p"
