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


# Agreement forms of the auxiliaries, folded for phrase matching only (the matcher splits "hasn't" into 'hasn' and
# 't'): 'she hasn't done a poo', "he doesn't want his feed" meet the phrases written "haven't done a poo", "don't
# want"; a parent's 'she hasn't' reads as 'I haven't', as 'her' reads as 'my'.
AUXILIARIES = {"hasn": "haven", "has": "have", "doesn": "don", "does": "do"}
# Irregular past forms of the verbs symptoms are told with, folded to the present for phrase matching only: 'felt
# faint', 'went dizzy', 'threw up', 'kept being sick' meet 'feel faint', 'go dizzy', 'throw up', 'keeps being sick';
# 'when I stood up' meets 'when I stand up' (session 20), 'dizzy when I got up' meets 'dizzy when I get up' (session 21).
# Regular '-ed' forms are left alone ('turned', 'swelled'): stripping them makes different words meet (normal_form.yaml).
VERB_FORMS = {"felt": "feel", "went": "go", "gone": "go", "goes": "go", "threw": "throw", "thrown": "throw",
              "kept": "keep", "came": "come", "broke": "break", "woke": "wake", "woken": "wake", "bled": "bleed",
              "stood": "stand", "got": "get", "gave": "give", "given": "give"}  # gave/given: session 27
# Contractions texted without the apostrophe, restored before the text is read (`restore_apostrophes`), so that the
# phrases and the assertion engine's cues meet them: 'cant catch my breath', 'i dont have a temperature', 'hasnt
# pooed'. Before session 17 each phrase was listed again in every spelling ('havent pooed', 'hasnt had a poo').
# 'wont', 'ill', 'shell', 'well', 'hell', 'its' are words of their own and are left alone.
TEXTED = {"cant": "can't", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "havent": "haven't",
          "hasnt": "hasn't", "hadnt": "hadn't", "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't",
          "werent": "weren't", "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
          "im": "i'm", "ive": "i've", "id": "i'd", "youre": "you're", "theyre": "they're", "hes": "he's",
          "shes": "she's", "thats": "that's", "theres": "there's", "whats": "what's",
          # session 24b: 'wont' is "won't" in a texted complaint ('a nosebleed that wont stop'); the old noun
          # ('as is his wont') is not said of symptoms
          "wont": "won't", "youve": "you've", "theyve": "they've", "weve": "we've"}
_TEXTED = re.compile(r"\b(" + "|".join(TEXTED) + r")\b", re.IGNORECASE)


def restore_apostrophes(text: str) -> str:
    """'i cant breathe' -> "i can't breathe" (TEXTED); the first letter's case is kept."""
    def put(m: re.Match) -> str:
        w = TEXTED[m.group(1).lower()]
        return w[0].upper() + w[1:] if m.group(1)[0].isupper() else w
    return _TEXTED.sub(put, text)


# A parent's or carer's subject pronoun reads as the patient's 'I' for phrase matching only (session 24): 'it hurts
# when he breathes in', 'she can't keep anything down' meet the phrases written 'hurts when I breathe in', "I can't
# keep anything down", as 'his' already met 'my'. Not in PRONOUNS: stem() serves other readers too.
SUBJECTS = {"he": "i", "she": "i", "they": "i"}
# The same map for the knowledge matcher's word keys ('he's' has no key of its own there: its 's is dropped).
PERSPECTIVE = {**{k: v for k, v in PRONOUNS.items() if "'" not in k}, **SUBJECTS, **AUXILIARIES, **VERB_FORMS}


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


# Session 27: a chart abbreviation's full stop ('shooting down post. thigh', 'tender ant. cervical nodes', 'approx.
# 2 days') is no sentence end: it cut the clause, so the words after it were read alone. Only before a lower-case
# word or a number; 'R.' and 'L.' are left alone (a sentence may end on a side letter).
_ABBREVIATION_PERIOD = re.compile(r"\b(ant|post|lat|med|approx|inf|sup|prox|dist|bilat|sev|occ|freq|assoc|prev"
                                  r"|hx|sx|pt|wks|hrs|mins|yrs)\.(?=\s{1,3}[a-z0-9])")


def chart_periods(text: str) -> str:
    """'post. thigh' -> 'post thigh': an abbreviation's full stop before a lower-case word or number left out."""
    return _ABBREVIATION_PERIOD.sub(r"\1", text)
