"""JSON schemas of the knowledge layer's data files (assets/kb/knowledge/), checked at load."""

from __future__ import annotations

_STR = {"type": "string", "minLength": 1}
_STRS = {"type": "array", "items": _STR}
_SOURCED = {"source": _STR}
_ICD = {"type": "string", "pattern": r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$"}
_HPO = {"type": "string", "pattern": r"^HP:[0-9]{7}$"}


def _file(entries_key: str, entry: dict, required: list[str]) -> dict:
    return {
        "type": "object",
        "required": ["version", "source", entries_key],
        "properties": {"version": {"type": "integer"}, "source": _STR,
                       entries_key: {"type": "array", "minItems": 1, "items": {
                           "type": "object", "required": required, "additionalProperties": False,
                           "properties": entry}}},
    }


_TABLE = {"type": "object", "required": ["source"], "properties": {"source": _STR}}

SCHEMAS: dict[str, dict] = {
    "variants.yaml": {
        "type": "object",
        "required": ["version", "source", "confusables", "uk_us", "plurals", "adjectives"],
        "properties": {
            "version": {"type": "integer"}, "source": _STR,
            "confusables": {**_TABLE, "required": ["source", "map"],
                            "properties": {"source": _STR, "map": {"type": "object",
                                                                    "additionalProperties": {"type": "string"}}}},
            "uk_us": {**_TABLE, "required": ["source", "rules"],
                      "properties": {"source": _STR, "rules": {"type": "array", "items": {
                          "type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2}}}},
            "plurals": {**_TABLE, "required": ["source", "invariant", "irregular"],
                        "properties": {"source": _STR, "invariant": _STRS,
                                       "irregular": {"type": "object", "additionalProperties": _STR}}},
            "adjectives": {**_TABLE, "required": ["source", "map"],
                           "properties": {"source": _STR, "map": {"type": "object", "additionalProperties": _STR}}},
            "misspellings": {**_TABLE, "required": ["source", "map"],
                             "properties": {"source": _STR, "map": {"type": "object", "additionalProperties": _STR}}},
        },
    },
    "conditions.yaml": _file("conditions", {
        "id": {"type": "string", "pattern": r"^[a-z0-9_]+$"}, "name": _STR, "icd10cm": _ICD, "hpo": _HPO,
        "synonyms": _STRS, "source": _STR, "note": _STR}, ["id", "name", "icd10cm", "source"]),
    "procedures.yaml": _file("procedures", {
        "id": {"type": "string", "pattern": r"^[a-z0-9_]+$"}, "name": _STR, "kind": {"enum": ["procedure", "imaging", "study"]},
        "synonyms": _STRS, "source": _STR}, ["id", "name", "source"]),
    "finding_hpo.yaml": {**_file("findings", {
        "finding": {"type": "string", "pattern": r"^[a-z0-9_]+$"}, "hpo": _HPO, "source": _STR,
        "synonyms": {"type": "boolean"}, "exclude": _STRS},
        ["finding", "hpo", "source"])},
    "abbreviations.yaml": _file("abbreviations", {
        "abbr": _STR, "case_sensitive": {"type": "boolean"}, "source": _STR,
        "senses": {"type": "array", "minItems": 1, "items": {
            "type": "object", "additionalProperties": False, "required": ["term"],
            "properties": {"term": {"type": ["string", "null"]}, "sections": _STRS, "cues": _STRS,
                           "header": {"type": "boolean"}}}},
        "chat": {"type": "boolean"}}, ["abbr", "senses", "source"]),
    "match_dev.yaml": _file("examples", {
        "phrase": _STR, "concept": {"type": ["string", "null", "array"], "items": _STR}}, ["phrase", "concept"]),
    "fallback.yaml": {"type": "object", "required": ["version", "source", "threshold"],
                      "properties": {"version": {"type": "integer"}, "source": _STR,
                                     "threshold": {"type": "number", "minimum": 0, "maximum": 1},
                                     "dev_precision": {"type": "number"}, "dev_recall": {"type": "number"},
                                     # other users of the shared embedding index (knowledge.embedding_index)
                                     "indexes": {"type": "object", "additionalProperties": {
                                         "type": "object", "additionalProperties": False,
                                         "required": ["source", "threshold"],
                                         "properties": {"source": _STR,
                                                        "threshold": {"type": "number", "minimum": 0, "maximum": 1},
                                                        "margin": {"type": "number", "minimum": 0, "maximum": 1},
                                                        # the last calibration on a labelled dev set, adopted or not
                                                        "calibration": {"type": "object", "additionalProperties": False,
                                                                        "required": ["dev_set", "threshold", "margin", "adopted"],
                                                                        "properties": {
                                                            "dev_set": _STR, "min_precision": {"type": "number"},
                                                            "threshold": {"type": "number"}, "margin": {"type": "number"},
                                                            "dev_precision": {"type": "number"},
                                                            "dev_recall": {"type": "number"},
                                                            "adopted": {"type": "boolean"}}}}}}}},
}

_WORDS = {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9'#]+$"}}
SCHEMAS["normal_form.yaml"] = {
    "type": "object", "additionalProperties": False,
    "required": ["version", "source", "be_forms", "perfect_aux", "aspectual", "infinitive_stop", "hedges",
                 "number_words", "quantities"],
    "properties": {
        "version": {"type": "integer"}, "source": _STR, "be_forms": _WORDS, "perfect_aux": _WORDS,
        "aspectual": _WORDS, "infinitive_stop": _WORDS, "hedges": _WORDS, "degree": _WORDS, "linking": _WORDS,
        "subjects": _WORDS, "participles": _WORDS, "perfect_adverbs": _WORDS,
        "number_words": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
        "quantities": {"type": "array", "minItems": 1, "items": {
            "type": "object", "additionalProperties": False, "required": ["kind", "units"],
            "properties": {"kind": {"type": "string", "pattern": "^#[a-z]+$"}, "units": {**_WORDS, "minItems": 1},
                           "qualifiers": _WORDS, "glued": _WORDS}}},
    },
}

SCHEMAS["finding_hpo.yaml"]["properties"]["clinical_terms"] = {"type": "array", "items": {
    "type": "object", "required": ["finding", "terms", "source"], "additionalProperties": False,
    "properties": {"finding": {"type": "string", "pattern": r"^[a-z0-9_]+$"}, "terms": {**_STRS, "minItems": 1},
                   "source": _STR}}}

# allergens that are not medicines (the planner's non-drug allergies, the record summarizer's allergen words);
# `drugs` are lexicon ids the `note` is about (the planner checks them against its drugs at load)
_ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_\-]*$"}
SCHEMAS["non_drug_allergens.yaml"] = {
    "type": "object", "required": ["source", "allergens"], "additionalProperties": False,
    "properties": {"source": _STR, "allergens": {"type": "array", "items": {
        "type": "object", "required": ["id", "name", "kind", "source"], "additionalProperties": False,
        "properties": {"id": _ID, "name": _STR, "synonyms": _STRS, "condition_words": _STRS,
                       "kind": {"enum": ["food", "venom", "equipment", "environmental", "other"]},
                       "note": _STR, "drugs": {"type": "array", "items": _ID}, "source": {"type": "string",
                                                                                          "minLength": 6}}}}}}

# list-of-entries keys whose entries carry their own `source`
ENTRY_LISTS: dict[str, tuple[str, ...]] = {
    "conditions.yaml": ("conditions",), "procedures.yaml": ("procedures",), "finding_hpo.yaml": ("findings", "clinical_terms"),
    "abbreviations.yaml": ("abbreviations",), "non_drug_allergens.yaml": ("allergens",),
}
