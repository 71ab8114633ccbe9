"""The drug-name lookup of the records matchers (matchers.Matchers.drug_lookup), kept apart so extract.py stays small
(session 13, issue 11)."""

from __future__ import annotations

import re


class NameLookup(dict):
    """Drug names (lower case) to their entries; a name written with a hyphen or several spaces where the lexicon has
    one space, or the reverse ("proton-pump inhibitor", "ortho-tri-cyclen"; the drug patterns' `hyphens`), finds the
    same entry. Built whole before it is read (the plain-form index is made on the first miss)."""

    _index: dict | None = None

    @staticmethod
    def _plain(key: str) -> str:
        return re.sub(r"(?:\s|-)+", " ", key)

    def __missing__(self, key):
        if self._index is None:
            self._index = {}
            for k in self.keys():
                self._index.setdefault(self._plain(k), k)
        found = self._index.get(self._plain(key)) if isinstance(key, str) else None
        if found is None:
            raise KeyError(key)
        return dict.__getitem__(self, found)

    def __contains__(self, key) -> bool:
        if dict.__contains__(self, key):
            return True
        try:
            self[key]
        except KeyError:
            return False
        return True

    def get(self, key, default=None):
        return self[key] if key in self else default
