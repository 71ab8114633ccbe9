"""JSON schema of assets/kb/therapy/interactions.yaml (pairs, class rules, group rules and their kidney, dose and
duration contexts); the other KB files' schemas are in kb_schema.py."""

from medcore.therapy.kb_schema import ID, SOURCE

MATCH = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "drug": ID,
        "drugs": {"type": "array", "items": ID, "minItems": 1},  # any of these drugs
        "class": ID,
        "not_class": ID,  # ... but not a drug of this class (MAO-B inhibitors for Parkinson's in an MAOI rule)
        "not_drugs": {"type": "array", "items": ID, "minItems": 1},  # ... but not these (beclometasone in a CYP3A4 rule)
        "qt": {"type": "array", "items": {"enum": ["known", "possible", "conditional"]}},
        "flag": {"enum": ["serotonergic", "cns_depressant", "anticholinergic"]},
        # the rule holds only when this side's drug was typed with one of these routes (routes.yaml route names);
        # `route_unstated: true` lets a drug typed without a route count too (see interaction_rules.RouteNeed)
        "routes": {"type": "array", "items": ID, "minItems": 1},
        "route_unstated": {"type": "boolean"},
        # ... and one of these (each a class, drug list or flag): one rule for several classes, one home
        "any": {"type": "array", "minItems": 2, "items": {
            "type": "object", "additionalProperties": False, "minProperties": 1,
            "properties": {"drugs": {"type": "array", "items": ID, "minItems": 1}, "class": ID, "not_class": ID,
                           "flag": {"enum": ["serotonergic", "cns_depressant", "anticholinergic"]}}}},
    },
    "dependentRequired": {"route_unstated": ["routes"]},
}
SEVERITIES = ["contraindicated", "major", "moderate", "minor"]  # the one scale every severity below reads
# `avoid: true`: the cited source says to avoid the combination (not only to monitor or adjust);
# the planner then ranks such an option below any guideline alternative without that problem.
AVOID = {"type": "boolean"}
# severity that depends on kidney function (the label says so): below `below` mL/min creatinine clearance
# the combination reads with this severity and management
RENAL_CONTEXT = {
    "type": "object", "required": ["below", "severity", "management"], "additionalProperties": False,
    "properties": {"below": {"type": "number", "exclusiveMinimum": 0}, "severity": {"enum": SEVERITIES},
                   "management": {"type": "string"}, "avoid": {"type": "boolean"}},
}
# severity that depends on liver function: for a patient of one of these Child-Pugh classes (the label's "hepatic
# impairment") the rule reads with this severity and management
HEPATIC_CONTEXT = {
    "type": "object", "required": ["child_pugh", "severity", "management"], "additionalProperties": False,
    "properties": {"child_pugh": {"type": "array", "items": {"enum": ["A", "B", "C"]}, "minItems": 1},
                   "severity": {"enum": SEVERITIES},
                   "management": {"type": "string"}, "avoid": {"type": "boolean"}},
}
# severity that depends on the daily dose of one of the two drugs (the label says so: "do not exceed simvastatin
# 20 mg/day with amlodipine"): `upto` (inclusive), `atleast` (inclusive) or `above` a daily amount of `drug`, in
# that drug's unit. The first context that matches the known dose applies; an unknown dose keeps the base severity
# and names the thresholds.
DOSE_CONTEXT = {
    "type": "object", "required": ["drug", "severity", "management"], "additionalProperties": False,
    "oneOf": [{"required": ["upto"]}, {"required": ["above"]}, {"required": ["atleast"]}],
    "properties": {"drug": ID, "upto": {"type": "number", "exclusiveMinimum": 0},
                   "atleast": {"type": "number", "exclusiveMinimum": 0},  # inclusive: "12 mg/day or more"
                   "above": {"type": "number", "exclusiveMinimum": 0},
                   "severity": {"enum": SEVERITIES},
                   "management": {"type": "string"}, "avoid": {"type": "boolean"},
                   "unit": {"enum": ["mg", "mcg", "g", "units"]}},
}
# severity or management that depends on how long one drug is taken (the source says so: regular paracetamol for
# several days raises the INR on warfarin, occasional doses do not): `upto_days` (inclusive) or `over_days` of a
# course of `drug` (pairs) or of the drug on `side` a or b (class rules); a long-term course counts as unbounded.
# An unknown course keeps the base severity and names the thresholds.
_WHICH = {"drug": ID, "side": {"enum": ["a", "b"]}}
DURATION_CONTEXT = {
    "type": "object", "required": ["severity", "management"], "additionalProperties": False,
    "allOf": [{"oneOf": [{"required": ["upto_days"]}, {"required": ["over_days"]}]},
              {"oneOf": [{"required": ["drug"]}, {"required": ["side"]}]}],
    "properties": {**_WHICH, "upto_days": {"type": "number", "exclusiveMinimum": 0},
                   "over_days": {"type": "number", "minimum": 0},
                   "severity": {"enum": SEVERITIES},
                   "management": {"type": "string"}, "avoid": {"type": "boolean"}},
}
# the effect goes on for about `days` after one drug is stopped (an inducer's effect wears off over weeks)
PERSISTS = {
    "type": "object", "required": ["days", "management"], "additionalProperties": False,
    "oneOf": [{"required": ["drug"]}, {"required": ["side"]}],
    "properties": {**_WHICH, "days": {"type": "number", "exclusiveMinimum": 0}, "management": {"type": "string"},
                   # the days for named drugs of the bound side where their label differs (fluoxetine: 35)
                   "days_by": {"type": "object", "additionalProperties": {"type": "number", "exclusiveMinimum": 0}}},
}
# severity that depends on which drug is started while the other is already taken (the labels say so: an SSRI is
# not to be started during linezolid, linezolid may be given urgently to a patient on an SSRI): `drug` (pairs) or the
# drug on `side` a or b (class rules) is the one started. A check that does not know which drug is new (a plain pair
# check, two current medicines) reads the base severity, which must be the most severe direction's.
DIRECTION_CONTEXT = {
    "type": "object", "required": ["severity", "management", "source"], "additionalProperties": False,
    "oneOf": [{"required": ["drug"]}, {"required": ["side"]}],
    "properties": {**_WHICH, "severity": {"enum": SEVERITIES},
                   "management": {"type": "string"}, "source": SOURCE, "avoid": {"type": "boolean"}},
}
# what every pair and class rule says, whatever names its drugs
_RULE_BODY = {
    "severity": {"enum": SEVERITIES},
    "mechanism": {"type": "string"},
    "effect": {"type": "string"},
    "management": {"type": "string"},
    "source": SOURCE,
    "avoid": AVOID,
    "renal": {"type": "array", "items": RENAL_CONTEXT, "minItems": 1},
    "hepatic": {"type": "array", "items": HEPATIC_CONTEXT, "minItems": 1},
    "dose": {"type": "array", "items": DOSE_CONTEXT, "minItems": 1},
    "duration": {"type": "array", "items": DURATION_CONTEXT, "minItems": 1},
    # one drug's persistence, or a list: a washout the labels time from either drug's stopping
    "persists": {"oneOf": [PERSISTS, {"type": "array", "items": PERSISTS, "minItems": 1, "maxItems": 2}]},
    "direction": {"type": "array", "items": DIRECTION_CONTEXT, "minItems": 2, "maxItems": 2},
}
_REQUIRED_BODY = ["severity", "mechanism", "effect", "management", "source"]
INTERACTION = {
    "type": "object",
    "required": ["drugs", *_REQUIRED_BODY],
    "additionalProperties": False,
    "properties": {"drugs": {"type": "array", "items": ID, "minItems": 2, "maxItems": 2}, **_RULE_BODY},
}
CLASS_RULE = {
    "type": "object",
    "required": ["id", "a", "b", *_REQUIRED_BODY],
    "additionalProperties": False,
    "properties": {"id": ID, "a": MATCH, "b": MATCH, **_RULE_BODY},
}
# an interaction of three or more drugs together (NSAID + ACE inhibitor or ARB + diuretic): one drug from each
# group (classes or drug ids); `duration` contexts name a group by its index
GROUP_RULE = {
    "type": "object",
    "required": ["id", "groups", "severity", "mechanism", "effect", "management", "source"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "groups": {"type": "array", "minItems": 3, "items": {"type": "object", "additionalProperties": False,
                   "minProperties": 1, "properties": {"classes": {"type": "array", "items": ID, "minItems": 1},
                                                      "drugs": {"type": "array", "items": ID, "minItems": 1}}}},
        "severity": {"enum": SEVERITIES}, "mechanism": {"type": "string"}, "effect": {"type": "string"},
        "management": {"type": "string"}, "source": SOURCE, "avoid": AVOID,
        "duration": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["group", "severity", "management"], "additionalProperties": False,
            "oneOf": [{"required": ["upto_days"]}, {"required": ["over_days"]}],
            "properties": {"group": {"type": "integer", "minimum": 0}, "upto_days": {"type": "number", "exclusiveMinimum": 0},
                           "over_days": {"type": "number", "minimum": 0}, "severity": {"enum": SEVERITIES},
                           "management": {"type": "string"}, "avoid": {"type": "boolean"}}}},
    },
}
INTERACTIONS_FILE = {
    "type": "object",
    "required": ["pairs", "class_rules"],
    "additionalProperties": False,
    "properties": {
        "pairs": {"type": "array", "items": INTERACTION},
        "class_rules": {"type": "array", "items": CLASS_RULE},
        "group_rules": {"type": "array", "items": GROUP_RULE},
    },
}
