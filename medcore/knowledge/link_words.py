"""The words that link two conditions told in one phrase, one home for every reader of such pairs (the disc disorder
and the nerve problem it causes, knowledge/body_site.py; the combination codes, records/combination_codes.py).
ICD-10-CM guideline I.A.15 reads "with" (and "due to", "in") as a link between two conditions named together; a
bare "and" links nothing (a list of two conditions presumes no link)."""

from __future__ import annotations

import re

# the first condition leads to, or comes with, the second ('disc herniation causing radiculopathy', 'BPH with retention')
FORWARD = ("with", "causing", "resulting in", "producing", "complicated by", "associated with", "with associated")
# the second condition is the cause of the first ('urinary retention due to BPH')
BACKWARD = ("secondary to", "due to", "from")


def alternation(words) -> str:
    """A regular-expression alternation of the link phrases, longest first, blanks as runs of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", "[ ]+") for w in sorted(words, key=len, reverse=True))
