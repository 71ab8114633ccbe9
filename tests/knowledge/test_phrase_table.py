"""A tool's own phrase table read by the one matcher: the knowledge layer's normalisation on the tool's
phrases, every entry of a key, longer phrases (blockers) winning, a tool word map, and an extra token stream
that wins only with a longer match."""

from __future__ import annotations

from medcore.knowledge import phrase_table
from medcore.knowledge.normalize import Token
from tests.knowledge._term import variants

ROWS = [
    ("cough", "cough", "term"), ("cough", "coughing", "term"),
    ("vomit", "can keep fluids down", "absent"),
    ("smoker", "smoke", "term"), ("smoker", "cut down on smoking", "block"),
    ("blood_stool", "bloody diarrhoea", "term"), ("diarrhoea", "bloody diarrhoea", "term"),
    ("head_injury", "hit my head", "term"),
    ("ankle_swelling", "swollen ankles", "term"),
    ("vertigo", "room spinning", "term"), ("vertigo", "spinning", "term"),
]


def _table(**kw):
    return phrase_table.build(ROWS, variants(), **kw)


def _found(table, text):
    return [(text[m.start:m.end], m.concept_id, m.type) for m in table.matcher.match(text, every=True)]


def test_normalisation_applies_to_a_tools_phrases():
    t = _table()
    assert _found(t, "a \uff43\uff4f\uff55\uff47\uff48") == [("\uff43\uff4f\uff55\uff47\uff48", "cough", "term")]
    assert _found(t, "\u0441oughing") == [("\u0441oughing", "cough", "term")]  # Cyrillic 'с'
    assert [c for _, c, _ in _found(t, "bloody diarrhea")] == ["blood_stool", "diarrhoea"]  # US spelling, both ids
    assert _found(t, "a swollen ankle") == [("swollen ankle", "ankle_swelling", "term")]  # singular meets plural


def test_kinds_and_longer_phrases_win():
    t = _table()
    assert _found(t, "I can keep fluids down") == [("can keep fluids down", "vomit", "absent")]
    assert _found(t, "I cut down on smoking") == [("cut down on smoking", "smoker", "block")]
    assert _found(t, "I smoke") == [("smoke", "smoker", "term")]


def test_a_tools_word_map_applies_to_phrases_and_text():
    assert _found(_table(), "she hit her head") == []
    assert _found(_table(words={"her": "my"}), "she hit her head") == [("hit her head", "head_injury", "term")]


def _drop_be(split):
    return [(Token(t.key, t.start, t.end, t.word_start, t.word_end), i, i + 1) for i, t in enumerate(split)
            if t.key not in ("is", "been")]


def test_an_extra_stream_wins_only_with_a_longer_match():
    t = _table(stream=_drop_be)
    assert _found(t, "the room is spinning") == [("room is spinning", "vertigo", "term")]
    assert _found(_table(), "the room is spinning") == [("spinning", "vertigo", "term")]
    # a single stream token never matches on its own ('stream_min'): 'is spinning' is the plain 'spinning'
    assert _found(t, "it is spinning") == [("spinning", "vertigo", "term")]
    # a break in the text (a full stop) stops a stream match as it stops a plain one
    assert _found(t, "the room. Is spinning") == [("spinning", "vertigo", "term")]
