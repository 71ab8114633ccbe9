"""JSON schemas for assets/kb/cases; checked at every load (cross-references are checked in kb.py)."""

from __future__ import annotations

SOURCE = {"type": "string", "minLength": 3}
RANGE = {"type": "array", "prefixItems": [{"type": "number"}, {"type": "number"}], "minItems": 2, "maxItems": 2}
SIGNS = ("hr", "rr", "sbp", "dbp", "temp", "spo2")
SIGN_RANGES = {"type": "object", "additionalProperties": False, "properties": {s: RANGE for s in SIGNS}}
IDS = {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9_]+$"}}

TESTS = {
    "type": "object",
    "required": ["tests", "source"],
    "properties": {
        "version": {"type": "integer"},
        "source": SOURCE,
        "tests": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name", "category", "cost", "turnaround_min", "source", "normal", "abnormal"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                    "name": {"type": "string", "minLength": 2},
                    "category": {"enum": ["bedside", "lab", "imaging"]},
                    "cost": {"type": "number", "minimum": 0},
                    "turnaround_min": {"type": "number", "minimum": 0},
                    "sex": {"enum": ["female", "male"]},
                    "source": SOURCE,
                    "normal": {"type": "string", "minLength": 3},
                    "abnormal": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["p", "result"],
                            "additionalProperties": False,
                            "properties": {
                                "condition": {"type": "string"},
                                "finding": {"type": "string"},
                                "p": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
                                "result": {"type": "string", "minLength": 3},
                                "source": SOURCE,
                            },
                            "oneOf": [{"required": ["condition"]}, {"required": ["finding"]}],
                        },
                    },
                },
            },
        },
    },
}

PATIENTS = {
    "type": "object",
    # a condition's typical age lives in the triage KB (`typical_ages`), not here
    "required": ["age_bands", "constraints", "vitals", "exam", "source"],
    "properties": {
        "version": {"type": "integer"},
        "source": SOURCE,
        "age_bands": {"type": "object", "required": ["child", "adult", "older", "source"],
                      "properties": {"source": SOURCE, "child": RANGE, "adult": RANGE, "older": RANGE}},
        "constraints": {
            "type": "object",
            "required": ["female_only", "male_only", "min_age", "max_age", "source"],
            "additionalProperties": False,
            "properties": {"source": SOURCE, "female_only": IDS, "male_only": IDS,
                           "min_age": {"type": "object", "additionalProperties": {"type": "number"}},
                           "max_age": {"type": "object", "additionalProperties": {"type": "number"}}},
        },
        "vitals": {
            "type": "object",
            "required": ["baseline", "families", "finding_rules", "source"],
            "properties": {
                "source": SOURCE,
                "baseline": {"type": "object", "required": ["child", "adult", "older"],
                             "additionalProperties": {**SIGN_RANGES, "required": list(SIGNS)}},
                "families": {"type": "array", "items": {
                    "type": "object", "required": ["id", "conditions", "signs", "source"], "additionalProperties": False,
                    "properties": {"id": {"type": "string"}, "source": SOURCE, "conditions": IDS,
                                   "signs": SIGN_RANGES}}},
                "finding_rules": {"type": "object", "additionalProperties": {
                    "type": "object", "required": ["sign"], "additionalProperties": False,
                    "properties": {"sign": {"enum": list(SIGNS)}, "present": RANGE, "absent": RANGE}}},
            },
        },
        "exam": {"type": "object", "required": ["signs", "source"],
                 "properties": {"source": SOURCE, "signs": IDS}},
        "causes": {"type": "object", "required": ["source", "conditions"], "additionalProperties": False,
                   "properties": {"source": SOURCE, "conditions": {"type": "object", "additionalProperties": {
                       "type": "array", "minItems": 1, "items": {**IDS, "minItems": 1}}}}},
    },
}

QUESTIONS = {
    "type": "object",
    "required": ["questions", "source"],
    "properties": {
        "version": {"type": "integer"},
        "source": SOURCE,
        "questions": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["text", "expect"],
                "additionalProperties": False,
                "properties": {
                    "text": {"type": "string", "minLength": 2},
                    # a finding id, an intent (intent:age, intent:duration, ...) or "none" (not a question we answer)
                    "expect": {"type": "string"},
                    "held_out": {"type": "boolean"},
                },
            },
        },
    },
}
