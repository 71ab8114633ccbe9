"""Control and bidi characters in untrusted text: the one home for what a note (on input) and the CLI (on output)
must not carry (issue 14).

- A terminal escape sequence goes whole ("ESC [ 31 m", the one-character CSI U+009B "31m", an OSC title): removing
  only the ESC or the CSI leaves "31m", which the records engines read as "31-year-old".
- C0 and C1 control characters go, except tab, newline and carriage return; a vertical tab or form feed (a PDF's
  page break) becomes a newline, so the words on either side stay apart.
- The bidi embedding, override and isolate characters (U+202A-U+202E, U+2066-U+2069) go: they reorder what a
  reader sees without changing what the engines read ("Trojan source"). Marks that only hint a direction (U+200E,
  U+200F) and zero-width joiners are kept: they do not reorder text, and some scripts need joiners.
Every quantifier is bounded (tests/test_regex_linear.py)."""

from __future__ import annotations

import re

_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]{0,32}[ -/]{0,8}[@-~]"  # CSI: colours, cursor moves
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\|\x9c)"  # OSC: window titles, hyperlinks
    r"|\x1b[@-Z\\-_]")  # other two-character escapes
_PAGE_BREAK = re.compile(r"[\x0b\x0c]")
CONTROL_CHARS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")


def strip_controls(text: str) -> str:
    """The text without escape sequences, control characters (tab, newline and CR kept) and bidi overrides."""
    if not text:
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _PAGE_BREAK.sub("\n", text)
    return _CONTROL.sub("", text)
