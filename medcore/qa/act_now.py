"""What-to-do-now questions ("what to do if someone has ...", the TypeCue.by_words cue, session 29): the words
that only ask, and the emergency line that must lead when the page's condition is an emergency."""

from __future__ import annotations

import re

# left out of an act-now question ranked by words: "what should I do if" had matched other "what to do" (s29)
ASKING_WORDS = re.compile(r"\b(?:what|to|do|does|should|can|could|must|i|we|you|if|when|in|during|while|someone|somebody|"
                          r"person|people|my|our|your|has|have|having|had|is|are|was|gets?|got|getting|how|help|first|"
                          r"aid|for|he|she|they|him|her|them|child|baby|son|daughter|kid|an?|the|now)\b")


def emergency_first(index, page_id: str, page, found: list) -> list:
    """An emergency page's first when-to-get-help passage ("Emergency: call an ambulance ...") ahead of the first
    aid ranked by words. Why: the words ranking weighs that section least, so "what to do if someone has a heart
    attack" read "Do not drive yourself" and the aspirin advice with no call for an ambulance (review s29)."""
    if page is None or page.level != "emergency":
        return found
    lead = next((i for i in index.by_page.get(page_id, []) if index.docs[i].section == "when_to_get_help"), None)
    if lead is None:
        return found
    doc = index.docs[lead]
    from medcore.qa.retrieve import Scored

    return [Scored(doc, 0.0, 0.0)] + [s for s in found if s.doc is not doc]
