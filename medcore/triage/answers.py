"""The words of a yes, no or don't-know answer: one home for the interview's answer parsing (chat.py: a whole
message that is only an answer) and for a question answered inside a text (qa_forms.py: 'Any fever? No.')."""

from __future__ import annotations

import re

# a whole message that is an answer to the interview's pending question (chat.user_message)
YES = re.compile(r"^\s*(y|yes|yeah|yep|yup|correct|i do|i have|it is|true|sure|definitely|afraid so)\b[\s.!]*",
                 re.I)
NO = re.compile(r"^\s*(n|no|nope|nah|not really|i don'?t|i haven'?t|it isn'?t|never|none|false)\b[\s.!]*$", re.I)
UNKNOWN = re.compile(r"^\s*(don'?t know|dont know|not sure|unsure|no idea|maybe|dunno|i'?m not sure|skip|\?)\b"
                     r"[\s.!]*$", re.I)

# the same answers inside a text, right after a question mark or a checklist label's colon (qa_forms.py); the
# don't-know words come first, as 'no idea' opens with 'no'. Short forms ('y', 'n') only after a colon or '?'.
INLINE = {
    "unknown": ("don't know", "dont know", "do not know", "not sure", "unsure", "no idea", "maybe", "dunno",
                "possibly", "not certain"),
    "no": ("no", "nope", "nah", "not really", "not at all", "never", "none", "nil", "negative", "n"),
    "yes": ("yes", "yeah", "yep", "yup", "yes please", "correct", "definitely", "afraid so", "positive", "y"),
}
