"""The clinical vocabulary de-identification must not take for a person, a town or a facility: single words of the
knowledge layer's problem, procedure and drug vocabularies and of the section headers ("chest", "pain", "knee",
"imuran"). A header 'name' made only of these is a heading, not a person.

A brand's pack, flavour and device words (the drug name rules' form and trailing words: "Ispagel Orange",
"Rhinocort Aqua") are left out, or they would shield "East Orange" or "Aqua Street"; so is a brand the drug rules
keep out of free text because it is also a given name or an everyday word (Kirsty, Heather, MUSE), and a given name
that is one word of a longer name (the "John" of "St John's wort"): the phrase is clinical, the name alone is not."""

from __future__ import annotations

import re
from functools import lru_cache

from medcore.deid.kb_files import given_names, kb_lines, kb_paths, kb_yaml


def _words(line: object) -> list[str]:
    words = [w for w in re.findall(r"[a-z]+", str(line).lower()) if len(w) > 2]
    if len(words) > 1:  # a given name inside a longer name is an eponym ("St John's wort", "Hailey-Hailey disease")
        words = [w for w in words if w.capitalize() not in given_names()]
    return words


@lru_cache(maxsize=1)
def clinical_words() -> frozenset[str]:
    words = {w for line in kb_lines("records/sections.yaml") for w in _words(line)}
    for fname, key in (("conditions.yaml", "conditions"), ("procedures.yaml", "procedures")):
        for e in kb_yaml(f"knowledge/{fname}").get(key, ()):
            for form in (e.get("name", ""), *e.get("synonyms", ())):
                words.update(_words(form))
    rules = kb_yaml("knowledge/drugs/name_rules.yaml")
    not_brands = {str(w).lower() for w in rules.get("ambiguous_in_text", ())}
    pack = {w for key in ("form_words", "trailing_words") for phrase in rules.get(key, ()) for w in _words(phrase)}
    for path in kb_paths("knowledge/drugs", "*.yaml"):
        doc = kb_yaml(path)
        for e in (*doc.get("ingredients", ()), *doc.get("products", ())):
            for form in (e.get("name", ""), *(e.get("synonyms", ()) or ())):
                words.update(_words(form))
            for brand in e.get("brands", ()) or ():
                if str(brand).lower() not in not_brands:
                    parts = [w for w in _words(brand) if w not in pack]
                    if len(parts) == 1:  # a word met only inside a longer brand ("Ferro" of "Ferro-Sequels") is no
                        words.update(parts)  # drug name alone: it stays free to be a surname (session 24)
    return frozenset(words)
