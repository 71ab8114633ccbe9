"""One arm or both: the weakness findings split by the words of the text (session 29, issue 12).

The phrase matcher folds plurals ('arms' is 'arm'), so 'I can't lift my arms' matched the synonyms of both
arm_weakness (one side: a stroke's FAST sign) and arm_weakness_both (both arms: the cord, the nerve roots,
Guillain-Barre syndrome). Before session 29 only the one-sided finding existed and both arms read as a stroke. The
raw words decide: both arms named ('both arms', 'either arm', a plural 'arms') and no single arm ('my left arm',
'one arm', a singular 'arm') keeps the two-sided finding; a single arm and no plural keeps the one-sided one; a text
that names both ('left arm went weak, now both arms') keeps both. Only present readings are changed: a denial ('no
weakness in my arms') says no weakness of either kind and is left as read."""

from __future__ import annotations

import dataclasses
import re

ONE_SIDED, BOTH_SIDES = "arm_weakness", "arm_weakness_both"
_BOTH = re.compile(r"\b(?:both|either)\s+(?:of\s+)?(?:my\s+|his\s+|her\s+|their\s+|the\s+)?arms?\b|\barms\b")
# a singular 'arm' (not 'arms', not 'armpit') or one side named
_ONE = re.compile(r"\b(?:left|right|one|lt|rt)\s+(?:arm|hand|side)\b|\barm\b(?!s)|\bhand\b(?!s)|\bone\s+side\b")


def resolve(kb, ex, low: str) -> None:
    """Keep the arm weakness finding(s) the text's words name (see the module doc); changes ex.mentions in place."""
    if BOTH_SIDES not in kb.finding_index:
        return
    kinds = {m.finding_id for m in ex.mentions if m.present and m.finding_id in (ONE_SIDED, BOTH_SIDES)}
    if not kinds:
        return
    both, one = _BOTH.search(low) is not None, _ONE.search(low) is not None
    if both and not one:
        drop = ONE_SIDED
    elif not both:
        drop = BOTH_SIDES
    else:
        return
    if kinds == {drop}:  # the other finding was not matched: rename rather than lose the weakness
        keep = BOTH_SIDES if drop == ONE_SIDED else ONE_SIDED
        ex.mentions = [dataclasses.replace(m, finding_id=keep, name=kb.finding(keep).name)
                       if m.present and m.finding_id == drop else m for m in ex.mentions]
        return
    ex.mentions = [m for m in ex.mentions if not (m.present and m.finding_id == drop)]
