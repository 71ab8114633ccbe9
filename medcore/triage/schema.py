"""JSON schemas for the triage knowledge base files; checked at every load."""

from __future__ import annotations

PROB = {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1}
SOURCE = {"type": "string", "minLength": 3}
LEVELS = ["emergency", "urgent", "routine", "self_care"]

FINDINGS = {
    "type": "object",
    "required": ["findings", "source"],
    "properties": {
        "version": {"type": "integer"},
        "source": SOURCE,
        "body_pain": {"type": "object", "required": ["pain_words", "parts"],
                      "properties": {"pain_words": {"type": "array", "items": {"type": "string"}},
                                     "parts": {"type": "object", "additionalProperties": {"type": "string"}}}},
        "body_swelling": {"type": "object", "required": ["source", "window", "swelling_words", "parts"],
                          "additionalProperties": False,
                          "properties": {"source": SOURCE, "window": {"type": "integer", "minimum": 1, "maximum": 12},
                                         "swelling_words": {"type": "array", "items": {"type": "string"}},
                                         "parts": {"type": "object",
                                                   "additionalProperties": {"type": "string"}}}},
        # other states of a body part read like body_swelling: a state word near the part (kb.body_states)
        "body_states": {"type": "array", "items": {
            "type": "object", "required": ["name", "source", "window", "words", "parts"], "additionalProperties": False,
            "properties": {"name": {"type": "string"}, "source": SOURCE,
                           "window": {"type": "integer", "minimum": 1, "maximum": 12},
                           "words": {"type": "array", "items": {"type": "string"}},
                           "parts": {"type": "object", "additionalProperties": {"type": "string"}},
                           # generic readings of a state word that its part overrides ('discharge' alone: vaginal)
                           "replaces": {"type": "array", "items": {"type": "string"}},
                           "part_first": {"type": "boolean"}}}},  # only a part before the word ('my hearing went')
        "implies": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        # a finding told as a past episode ('had a sore throat 2 weeks ago') -> its antecedent finding (antecedents.py)
        "antecedents": {"type": "object", "required": ["source", "map"], "additionalProperties": False,
                        "properties": {"source": SOURCE,
                                       "map": {"type": "object", "additionalProperties": {"type": "string"}},
                                       # session 30: antecedents taken only with their own event told (antecedents.py)
                                       "own_event": {"type": "array", "items": {"type": "string"}},
                                       # session 30 review: acute events no longer read when told long ago
                                       "old_events": {"type": "array", "items": {"type": "string"}}}},
        # a relative's illness -> the family-history finding it gives ('his father died of a heart attack': relatives.py)
        "relative_conditions": {"type": "object", "required": ["source", "map"], "additionalProperties": False,
                                "properties": {"source": SOURCE,
                                               "map": {"type": "object", "additionalProperties": {"type": "string"}}}},
        # synonyms appended at the end of the file (shared file: helpers append, never edit rows in the middle);
        # merged into each finding's list at load
        "more_synonyms": {"type": "object", "additionalProperties": {
            "type": "array", "minItems": 1, "items": {"type": "string", "minLength": 2}}},
        "more_absent_synonyms": {"type": "object", "additionalProperties": {
            "type": "array", "minItems": 1, "items": {"type": "string", "minLength": 2}}},
        "findings": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name", "category", "leak", "question", "synonyms"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                    "name": {"type": "string", "minLength": 2},
                    "category": {"type": "string"},
                    "leak": PROB,
                    "question": {"type": "string", "minLength": 5},
                    "synonyms": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 2}},
                    "absent_synonyms": {"type": "array", "items": {"type": "string", "minLength": 2}},
                    "not_synonyms": {"type": "array", "items": {"type": "string", "minLength": 2}},
                    "unreliable_no": {"type": "boolean"},
                },
            },
        },
    },
}

_LIKELIHOOD = {
    "oneOf": [
        PROB,
        {"type": "array", "prefixItems": [PROB, SOURCE], "minItems": 2, "maxItems": 2},
    ]
}

CONDITIONS = {
    "type": "object",
    "required": ["conditions"],
    "properties": {
        "conditions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "icd10", "system", "triage", "prior", "sex", "red_flags", "source",
                             "findings", "education"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                    "name": {"type": "string"},
                    "icd10": {"type": "string", "pattern": r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$"},
                    "system": {"type": "string"},
                    "triage": {"enum": LEVELS},
                    "prior": {
                        "type": "object",
                        "required": ["child", "adult", "older"],
                        "additionalProperties": False,
                        "properties": {k: {"type": "number", "minimum": 0} for k in ("child", "adult", "older")},
                    },
                    "sex": {
                        "type": "object",
                        "required": ["female", "male"],
                        "additionalProperties": False,
                        "properties": {k: {"type": "number", "minimum": 0} for k in ("female", "male")},
                    },
                    "red_flags": {"type": "array", "items": {"type": "string"}},
                    # the ages (years) the condition typically presents at, narrower than its prior's band
                    # ('child' is 0-16): at a known age outside [lo, hi) the prior is multiplied by `outside`
                    # (absent: 1, the prior is left alone). The one home of a condition's typical age: the case
                    # generator draws its patients' ages from `range` too (cases/kb.py).
                    "typical_ages": {"type": "object", "required": ["range", "source"],
                                     "additionalProperties": False,
                                     "properties": {"range": {"type": "array", "items": {"type": "number", "minimum": 0},
                                                              "minItems": 2, "maxItems": 2},
                                                    "outside": {"type": "number", "minimum": 0, "maximum": 1},
                                                    "source": SOURCE}},
                    "source": SOURCE,
                    "findings": {"type": "object", "minProperties": 3, "additionalProperties": _LIKELIHOOD},
                    "education": {
                        "type": "object",
                        "required": ["what", "self_care", "seek_help"],
                        "additionalProperties": False,
                        "properties": {k: {"type": "string", "minLength": 5} for k in ("what", "self_care", "seek_help")},
                    },
                },
            },
        }
    },
}

RULES = {
    "type": "object",
    "required": ["rules", "crisis_resources"],
    "properties": {
        "version": {"type": "integer"},
        # a finding that says a red flag is there only in its milder form: {milder: [red flags], source}
        "milder_forms": {"type": "object", "required": ["forms", "source"], "additionalProperties": False,
                         "properties": {"source": SOURCE,
                                        "forms": {"type": "object",
                                                  "additionalProperties": {"type": "array",
                                                                           "items": {"type": "string"}}}}},
        # findings that are a condition's red flag only when the rest of the story makes the condition possible
        "needs_support": {"type": "object", "required": ["findings", "source"], "additionalProperties": False,
                          "properties": {"source": SOURCE, "findings": {"type": "array", "items": {"type": "string"}}}},
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "level", "reason", "source"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string"},
                    "level": {"enum": LEVELS},
                    "all": {"type": "array", "items": {"type": "string"}},
                    "any": {"type": "array", "items": {"type": "string"}},
                    "none": {"type": "array", "items": {"type": "string"}},
                    "unless_denied": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "reason": {"type": "string"},
                    "source": SOURCE,
                },
            },
        },
        "crisis_resources": {
            "type": "object",
            "required": ["text", "contacts", "source"],
            "properties": {"text": {"type": "string"}, "contacts": {"type": "array", "items": {"type": "string"}},
                           "source": SOURCE},
        },
    },
}

VIGNETTES = {
    "type": "object",
    "required": ["vignettes"],
    "properties": {
        "vignettes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "text", "age", "sex", "diagnosis", "icd10", "triage", "present"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string"},
                    "text": {"type": "string", "minLength": 10},
                    "age": {"type": "number", "minimum": 0, "maximum": 110},
                    "sex": {"enum": ["female", "male"]},
                    "diagnosis": {"type": "string"},
                    "icd10": {"type": "string"},
                    "triage": {"enum": LEVELS},
                    "present": {"type": "array", "items": {"type": "string"}},
                    "absent": {"type": "array", "items": {"type": "string"}},
                    "held_out": {"type": "boolean"},
                },
            },
        }
    },
}
