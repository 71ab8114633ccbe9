"""The clinical vocabulary de-identification must not take for a person, a town or a facility: single words of the
knowledge layer's problem, procedure and drug vocabularies and of the section headers ("chest", "pain", "knee",
"imuran"). A header 'name' made only of these is a heading, not a person.

A brand's pack, flavour and device words (the drug name rules' form and trailing words: "Ispagel Orange",
"Rhinocort Aqua") are left out, or they would shield "East Orange" or "Aqua Street"; so is a brand the drug rules
keep out of free text because it is also a given name or an everyday word (Kirsty, Heather, MUSE)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_KB = Path(__file__).resolve().parents[2] / "assets" / "kb"


def _text(path: Path) -> str:
    """A KB file's text, or none: the KB is optional for the API (titles, labels and header lines still find names
    without it)."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def _yaml(path: Path) -> dict:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the drug files take seconds in pure Python
    return yaml.load(_text(path), Loader=loader) or {}


def _words(line: object) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", str(line).lower()) if len(w) > 2]


@lru_cache(maxsize=1)
def clinical_words() -> frozenset[str]:
    sections = _text(_KB / "records" / "sections.yaml").splitlines()
    words = {w for line in sections if not line.lstrip().startswith("#") for w in _words(line)}
    for fname, key in (("conditions.yaml", "conditions"), ("procedures.yaml", "procedures")):
        for e in _yaml(_KB / "knowledge" / fname).get(key, ()):
            for form in (e.get("name", ""), *e.get("synonyms", ())):
                words.update(_words(form))
    drugs = _KB / "knowledge" / "drugs"
    rules = _yaml(drugs / "name_rules.yaml")
    not_brands = {str(w).lower() for w in rules.get("ambiguous_in_text", ())}
    pack = {w for key in ("form_words", "trailing_words") for phrase in rules.get(key, ()) for w in _words(phrase)}
    for path in sorted(drugs.rglob("*.yaml")):
        doc = _yaml(path)
        for e in (*doc.get("ingredients", ()), *doc.get("products", ())):
            for form in (e.get("name", ""), *(e.get("synonyms", ()) or ())):
                words.update(_words(form))
            for brand in e.get("brands", ()) or ():
                if str(brand).lower() not in not_brands:
                    words.update(w for w in _words(brand) if w not in pack)
    return frozenset(words)
