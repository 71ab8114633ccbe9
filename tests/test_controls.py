"""Control and bidi characters (issue 14, audit s15 item 4): gone from note text before the engines read it, and
from the CLI's output. Texts in our own words."""

import io

import pytest

from medcore.auth import SYSTEM
from medcore.controls import strip_controls
from medcore.records import inputs
from medcore.records.inputs import InputError, NoteInput


@pytest.mark.parametrize("raw, clean", [
    ("\x9b31mcough for two days", "cough for two days"),
    ("\x1b[1;31mred\x1b[0m text", "red text"),
    ("\x1b]0;title\x07fever", "fever"),
    ("ab\u202ecd\u202c ef", "abcd ef"),
    ("x\u2066y\u2069z \u202adone", "xyz done"),
    ("bell\x07 and nul\x00 and del\x7f", "bell and nul and del"),
    ("page one\x0cpage two", "page one\npage two"),
    ("tab\tnew\nline\r\n", "tab\tnew\nline\r\n"),
    ("caf\u00e9 \u05e9\u05dc\u05d5\u05dd \u200dok", "caf\u00e9 \u05e9\u05dc\u05d5\u05dd \u200dok"),
])
def test_strip_controls(raw, clean):
    assert strip_controls(raw) == clean


def test_note_input_is_cleaned_before_the_engines(settings):
    note = inputs.from_paste("\x9b31m\u202eThe patient has a cough.\r\nNo fever.", settings)
    assert note.text == "The patient has a cough.\nNo fever."


def test_a_note_of_only_escape_sequences_is_empty(settings):
    with pytest.raises(InputError, match="empty.*invisible"):
        inputs.from_paste("\x1b[0m\x9b2J\u202e", settings)


def test_a_note_built_directly_is_cleaned_too(settings):
    from medcore.records.service import summarize_input

    result = summarize_input(NoteInput("\x9b31m man with a cough.\u202e", "paste"), settings, user=SYSTEM, with_narrative=False)
    assert "31" not in result.analysis.text and "\u202e" not in result.analysis.text
    assert "31" not in repr(result.analysis.summary)


def test_cli_output_drops_bidi_overrides_and_escape_sequences():
    from medcore.cli import _Clean

    out = io.StringIO()
    _Clean(out).write("name \u202eevil\u202c \x9b31mred\x1b[0m\r\n")
    assert out.getvalue() == "name evil red\n"
