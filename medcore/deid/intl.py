"""The issue-14 hooks of find_phi in one place: look-alike folding (fold.py), addresses of other countries
(intl_addresses.py) and names in other scripts (intl_names.py). find_phi folds the note first, runs these rules
before its own name and place rules (so "Calle" is a street, not a town called Calle), and finds a known name
written with look-alike letters ("mаria" once "Maria" is known)."""

from __future__ import annotations

from typing import Callable

from medcore.deid.fold import fold, folded_name_mentions
from medcore.deid.intl_addresses import find_intl_addresses
from medcore.deid.intl_names import find_intl_names

__all__ = ["find_intl", "fold", "folded_name_mentions"]


def find_intl(original: str, folded: str, add: Callable[[int, int, str], None], covers: Callable[[int], bool],
              clinical: frozenset[str]) -> None:
    """International addresses (read in the folded note), then names in other scripts. A span is added only where
    nothing was found yet: find_phi's span list merges a longer span of the same kind into the one it overlaps
    without checking that span's neighbours, so an overlapping add could leave two spans over one word."""

    def add_free(start: int, end: int, kind: str) -> None:
        if end > start and not any(covers(i) for i in range(start, end)):
            add(start, end, kind)

    find_intl_addresses(folded, add_free, covers, clinical)
    find_intl_names(original, folded, add_free)
