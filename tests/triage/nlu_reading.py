"""What the chat's NLU reads from a sentence, for the reading tests (the `lex` fixture is in conftest.py)."""

from __future__ import annotations

from medcore.triage import nlu


def evidence(lex, text: str) -> dict:
    """finding id -> True (present) / False (absent), as one chat turn reads `text`."""
    return nlu.extract(text, lex).evidence()
