"""Lay text to tokens for the symptom chat.

The matching itself is the knowledge layer's (triage/lexicon.py feeds it the chat's phrase table); this module
gives it the chat's configuration: `PERSPECTIVE` (a parent's 'her' reads as 'my'). The normal form the matcher
also reads (no verb 'be', quantities collapsed) is the knowledge layer's (knowledge/normal_form.py, its word
lists in assets/kb/knowledge/normal_form.yaml); `normal_form`, `normal_stream`, `gerund` and `NUM_WORDS` are
re-exported here for the chat's readers. The chat's own tokens (`tokens`) index matches for durations and
history."""

from __future__ import annotations

import re

from medcore.knowledge import normal_form as normal_form_rules

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NF = normal_form_rules.default_rules()
NUM_WORDS = _NF.number_words
normal_form = normal_form_rules.normal_form
normal_stream = normal_form_rules.stream
gerund = normal_form_rules.gerund

PRONOUNS = {"his": "my", "her": "my", "their": "my", "your": "my", "our": "my", "he's": "i'm", "she's": "i'm",
            "they're": "i'm", "him": "me", "them": "me", "himself": "myself", "herself": "myself"}


# The same map for the knowledge matcher's word keys ('he's' has no key of its own there: its 's is dropped).
PERSPECTIVE = {k: v for k, v in PRONOUNS.items() if "'" not in k}


def stem(tok: str) -> str:
    """Lower-case token, light plural stripping, and third-person pronouns mapped to first person
    so that 'hit her head' matches the synonym 'hit my head' (parents describe their children)."""
    tok = tok.replace("’", "'")
    if tok in PRONOUNS:
        return PRONOUNS[tok]
    if tok.endswith("'s"):
        tok = tok[:-2]
    if len(tok) > 4 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 4 and tok.endswith("s") and not tok.endswith(("ss", "us", "is", "ous")):
        return tok[:-1]
    return tok


def tokens(text: str) -> list[str]:
    return [stem(t) for t in _TOKEN.findall(text.lower().replace("’", "'"))]


def _is_number(tok: str) -> bool:
    return _NF.is_number(tok)
