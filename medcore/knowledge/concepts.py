"""The shared concept record and its id scheme: every part of the knowledge layer speaks in these.

An id is `<type>:<key>`:
- `condition:<slug>`   a clinical condition (the triage KB id where one exists, else a therapy/records slug)
- `finding:<id>`       a symptom, sign or history item (the triage KB finding id)
- `drug:<id>`          one ingredient (the therapy KB drug id where one exists)
- `product:<slug>`     a brand or combination product; `ingredients` in attrs
- `class:<id>`         a pharmacological class (ace_inhibitor, maoi, qt_prolonging, strong_cyp3a4_inhibitor, ...)
- `gene:<symbol>`      a pharmacogene (CYP2C19, HLA-B, ...)
- `test:<slug>`        a lab or imaging test, with unit and reference range in attrs
- `procedure:<slug>`   a procedure
- `icd10cm:<code>`     an ICD-10-CM code with no richer concept of ours (the coding backbone)
- `hpo:<HP:nnnnnnn>`   an HPO term with no richer concept of ours

Codes live in `codes`: {"icd10cm": ["I21.9"], "hpo": ["HP:0100749"], "atc": [...]}."""

from __future__ import annotations

from dataclasses import dataclass, field

CONCEPT_TYPES = ("condition", "finding", "drug", "product", "class", "gene", "test", "procedure", "icd10cm", "hpo")


@dataclass(frozen=True)
class Concept:
    id: str
    type: str
    name: str
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    synonyms: tuple[str, ...] = ()  # clinical and lay, US and UK spellings; never includes `name`
    sources: tuple[str, ...] = ()
    attrs: dict = field(default_factory=dict)  # type-specific: ingredients, unit, range, triage level, ...

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def key(self) -> str:
        return self.id.split(":", 1)[1]

    def to_dict(self) -> dict:
        return {"id": self.id, "type": self.type, "name": self.name,
                "codes": {k: list(v) for k, v in self.codes.items()}, "synonyms": list(self.synonyms),
                "sources": list(self.sources), "attrs": dict(self.attrs)}


def concept_id(kind: str, key: str) -> str:
    if kind not in CONCEPT_TYPES:
        raise ValueError(f"unknown concept type {kind!r}")
    return f"{kind}:{key}"


@dataclass(frozen=True)
class Mention:
    """A concept found in text: character offsets into the ORIGINAL text (not the normalised one)."""

    start: int
    end: int
    text: str
    concept_id: str
    type: str
    synonym: str  # the lexicon entry that matched (normalised form)
    score: float = 1.0  # 1.0 for a lexicon match; the cosine for an embedding-fallback match
    how: str = "exact"  # exact | variant | abbreviation | embedding

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "concept_id": self.concept_id,
                "type": self.type, "synonym": self.synonym, "score": round(self.score, 4), "how": self.how}
