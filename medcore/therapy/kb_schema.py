"""JSON schemas for the therapy knowledge base files; `kb.load_kb` validates every file at load."""

from __future__ import annotations

SOURCE = {"type": "string", "minLength": 6}
ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_\-]*$"}
FREQS = ["once", "daily", "qhs", "BID", "TID", "QID", "5x_daily", "q4h", "q6h", "q8h", "q12h", "q18h", "q24h",
         "q48h", "q72h", "weekly", "q6months", "yearly", "PRN", "every_other_day", "titrate"]
ACTIONS = ["avoid", "adjust", "caution"]
NUM = {"type": "number", "exclusiveMinimum": 0}

RENAL_BAND = {
    "type": "object",
    "required": ["below", "action"],
    "additionalProperties": False,
    "properties": {
        "below": NUM,  # applies when CrCl (or eGFR, see `by`) is below this value, mL/min
        "by": {"enum": ["crcl", "egfr"]},
        "action": {"enum": ACTIONS},
        "dose": NUM,
        "dose_factor": NUM,
        "frequency": {"enum": FREQS},
        "max_daily": NUM,
        # true: `dose`/`frequency` are only the label's starting dose in this band (the label titrates above it);
        # the band's kidney maximum is then its `max_daily` alone (see dosing.renal_max_daily)
        "start": {"type": "boolean"},
        "note": {"type": "string"},
        "source": SOURCE,
        # a band about *starting* the drug ("do not start") reads differently for a patient already taking it:
        # what the current-medicine review says instead
        "if_taking": {"type": "object", "required": ["action", "note"], "additionalProperties": False,
                      "properties": {"action": {"enum": ["adjust", "caution"]}, "note": {"type": "string"},
                                     "max_daily": NUM, "source": SOURCE}},
    },
}

# Names, brands, classes and QT/serotonergic/CNS-depressant risk come from the knowledge drug lexicon.
DRUG = {
    "type": "object",
    "required": ["id", "unit", "source"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "name": {"type": "string"},
        "unit": {"enum": ["mg", "mcg", "g", "units", "mEq", "mL"]},
        "strengths": {"type": "array", "items": NUM},
        "max_daily": NUM,
        "max_dose": NUM,
        "max_mg_per_kg_day": NUM,
        "renal": {"type": "array", "items": RENAL_BAND},
        "hepatic": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "B": {"enum": ACTIONS},
                "C": {"enum": ACTIONS},
                "note": {"type": "string"},
                "dose": NUM,
                "max_daily": NUM,
                "source": SOURCE,
            },
        },
        "contraindicated_in": {"type": "array", "items": ID},
        "caution_in": {"type": "array", "items": ID},
        "min_age": {"type": "number", "minimum": 0},
        "age_note": {"type": "string"},
        "pregnancy": {"enum": ["compatible", "caution", "avoid"]},
        "pregnancy_note": {"type": "string"},
        "lactation": {"enum": ["compatible", "caution", "avoid"]},
        "allergy_class": ID,
        "side_chain": ID,
        "acb": {"type": "integer", "minimum": 0, "maximum": 3},
        "beers": {"type": "string"},
        # the Beers criterion is about use beyond this many weeks (e.g. PPIs: scheduled use >8 weeks);
        # a planned course no longer than that is shown as a reminder, not penalised
        "beers_beyond_weeks": {"type": "number", "exclusiveMinimum": 0},
        "note": {"type": "string"},
        "source": SOURCE,
    },
}

DRUGS_FILE = {
    "type": "object",
    "required": ["drugs"],
    "additionalProperties": False,
    "properties": {"drugs": {"type": "array", "items": DRUG}},
}

CROSS_RULE = {
    "type": "object",
    "required": ["allergy", "drug_class", "severe", "mild", "note", "source"],
    "additionalProperties": False,
    "properties": {
        "allergy": ID,
        "drug_class": ID,
        "same_side_chain_only": {"type": "boolean"},
        "severe": {"enum": ["avoid", "caution", "info"]},
        "mild": {"enum": ["avoid", "caution", "info"]},
        "note": {"type": "string"},
        "source": SOURCE,
    },
}

STATE = {
    "type": "object",
    "required": ["id", "name"],
    "additionalProperties": False,
    "properties": {"id": ID, "name": {"type": "string"}, "synonyms": {"type": "array", "items": {"type": "string"}}},
}

ALLERGY_CLASS = {
    "type": "object",
    "required": ["id", "name"],
    "additionalProperties": False,
    "properties": {"id": ID, "name": {"type": "string"}, "synonyms": {"type": "array", "items": {"type": "string"}}},
}

# KDIGO GFR categories: a stated CKD stage with no measured kidney function applies the caps at its `upper` eGFR
CKD_STAGES = {
    "type": "object",
    "required": ["source", "categories"],
    "additionalProperties": False,
    "properties": {"source": SOURCE, "categories": {"type": "array", "items": {
        "type": "object", "required": ["stage", "range"], "additionalProperties": False,
        "properties": {"stage": {"type": "string", "pattern": "^G[1-5][ab]?$"}, "range": {"type": "string"},
                       "upper": {"type": "number", "minimum": 1}}}}},
}

SHARED_FILE = {
    "type": "object",
    "required": ["states", "allergy_classes", "cross_reactivity", "severe_reaction_terms", "flag_sources",
                 "duplicate_classes"],
    "additionalProperties": False,
    "properties": {
        "states": {"type": "array", "items": STATE},
        "allergy_classes": {"type": "array", "items": ALLERGY_CLASS},
        "cross_reactivity": {"type": "array", "items": CROSS_RULE},
        "severe_reaction_terms": {"type": "array", "items": {"type": "string"}},
        "flag_sources": {"type": "object", "additionalProperties": SOURCE},
        "beers_classes": {"type": "array", "items": {
            "type": "object", "required": ["class", "text", "source"], "additionalProperties": False,
            "properties": {"class": ID, "text": {"type": "string"}, "source": SOURCE,
                           "except": {"type": "array", "items": ID}}}},
        "ckd_stages": CKD_STAGES,
        "duplicate_classes": {
            "type": "object",
            "required": ["classes", "source"],
            "additionalProperties": False,
            "properties": {"classes": {"type": "array", "items": ID}, "source": SOURCE},
        },
    },
}

DOSE_RULE = {
    "type": "object",
    "required": ["when", "note"],
    "additionalProperties": False,
    "properties": {
        # e.g. ["age >= 80", "weight <= 60", "scr >= 1.5"]; `min_count` of them must hold (default all)
        "when": {"type": "array", "items": {"type": "string", "pattern": r"^[a-z_]+ *(<=|>=|<|>|==) *[0-9.]+$"},
                 "minItems": 1},
        "min_count": {"type": "integer", "minimum": 1},
        "dose": NUM,
        "frequency": {"enum": FREQS},
        "avoid": {"type": "boolean"},
        "note": {"type": "string"},
    },
}

COMPONENT = {
    "type": "object",
    "required": ["drug", "dose", "frequency"],
    "additionalProperties": False,
    "properties": {
        "drug": ID,
        "dose": NUM,  # in the drug's unit; per kg when per_kg is true
        "per_kg": {"type": "boolean"},
        "max_dose": NUM,  # cap for one weight-based dose
        "round_to": NUM,  # rounding step for weight-based doses (e.g. a suspension's measurable volume)
        "dose_label": {"type": "string"},  # combination products, e.g. "875/125 mg"
        "frequency": {"enum": FREQS},
        "max_per_day": {"type": "integer", "minimum": 1},  # for PRN doses
        "route": {"type": "string"},
        "duration": {"type": "string"},
        "peds": {  # children (age < 18): weight-based dose
            "type": "object",
            "required": ["per_kg", "frequency"],
            "additionalProperties": False,
            "properties": {"per_kg": NUM, "frequency": {"enum": FREQS}, "max_dose": NUM, "round_to": NUM},
        },
        "dose_rules": {"type": "array", "items": DOSE_RULE},
        "note": {"type": "string"},
    },
}

OPTION = {
    "type": "object",
    "required": ["id", "line", "components", "source"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "label": {"type": "string"},
        "line": {"enum": ["first", "alternative", "if_first_line_contraindicated"]},
        "components": {"type": "array", "items": COMPONENT, "minItems": 1},
        "preferred_if": {"type": "array", "items": ID},
        "not_if": {"type": "array", "items": ID},
        "adult_only": {"type": "boolean"},
        "pediatric_only": {"type": "boolean"},
        "note": {"type": "string"},
        "source": SOURCE,
    },
}

CONDITION = {
    "type": "object",
    "required": ["id", "name", "guideline", "options", "non_drug", "monitoring", "follow_up", "source"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "name": {"type": "string"},
        "icd10": {"type": "string"},
        "snomed": {"type": "string"},
        "synonyms": {"type": "array", "items": {"type": "string"}},
        "guideline": {"type": "string"},
        "options": {"type": "array", "items": OPTION, "minItems": 2},
        "non_drug": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "monitoring": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "follow_up": {"type": "string"},
        "source": SOURCE,
    },
}

CONDITIONS_FILE = {
    "type": "object",
    "required": ["conditions"],
    "additionalProperties": False,
    "properties": {"conditions": {"type": "array", "items": CONDITION}},
}

PGX_ACTIONS = ["standard", "adjust_dose", "use_alternative", "avoid"]
PGX_REC = {
    "type": "object",
    "required": ["action", "recommendation", "strength"],
    "additionalProperties": False,
    "properties": {
        "action": {"enum": PGX_ACTIONS},
        "recommendation": {"type": "string"},
        "strength": {"enum": ["strong", "moderate", "optional", "no recommendation"]},
        "dose_factor": NUM,
        "alternatives": {"type": "array", "items": ID},
    },
}
PGX_RULE = {
    "type": "object",
    "required": ["drug", "gene", "level", "recommendations", "source"],
    "additionalProperties": False,
    "properties": {
        "drug": ID,
        # other drugs the guideline gives the very same table for (lansoprazole with pantoprazole): lexicon
        # drugs without planner dosing data are allowed here, so a current medicine is still reviewed
        "also": {"type": "array", "items": ID},
        "gene": {"type": "string"},
        "level": {"enum": ["A", "A/B"]},
        "recommendations": {"type": "object", "minProperties": 2, "additionalProperties": PGX_REC},
        # where the guideline splits a phenotype by activity score (CYP2C9 intermediate: 1.0 vs 1.5), the row for
        # one score; used when the score is known (from a genotype or a stated score), else the phenotype's row
        "score_recommendations": {"type": "object", "propertyNames": {"pattern": "^[0-9]+(\\.[0-9]+)?$"},
                                  "additionalProperties": PGX_REC},
        "note": {"type": "string"},
        "source": SOURCE,
    },
}
GENE = {
    "type": "object",
    "required": ["gene", "phenotypes", "source"],
    "additionalProperties": False,
    "properties": {
        "gene": {"type": "string"},
        "kind": {"enum": ["activity_score", "diplotype_table", "allele_presence", "function"]},
        "phenotypes": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "allele_values": {"type": "object", "additionalProperties": {"type": "number"}},
        "score_bands": {"type": "array", "items": {
            "type": "object", "required": ["min", "max", "phenotype"], "additionalProperties": False,
            "properties": {"min": {"type": "number"}, "max": {"type": "number"}, "phenotype": {"type": "string"}}}},
        "diplotypes": {"type": "object", "additionalProperties": {"type": "string"}},
        # an allele -> function table and the phenotype of each pair of functions ("decreased/increased", sorted);
        # any other pair (an allele of uncertain or unknown function) reads Indeterminate, as CPIC's tables do
        "allele_functions": {"type": "object", "additionalProperties": {"enum": ["increased", "normal", "decreased",
                                                                                 "no", "uncertain", "unknown"]}},
        "function_pairs": {"type": "object", "additionalProperties": {"type": "string"}},
        # what the guideline says to do when the result gives no phenotype row (G6PD Variable or Indeterminate:
        # measure the enzyme activity first); said instead of "no specific recommendation"
        "no_call_advice": {"type": "string"},
        "source": SOURCE,
    },
}
# a CPIC pair whose recommendation table the KB does not encode yet (the facts could not be checked): what the
# guideline says each phenotype implies, and what is missing; the planner names it and never reads it as "no action"
PGX_PENDING = {
    "type": "object",
    "required": ["drug", "gene", "level", "implications", "missing", "source"],
    "additionalProperties": False,
    "properties": {
        "drug": ID, "gene": {"type": "string"}, "level": {"enum": ["A", "A/B"]},
        "implications": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string"}},
        "missing": {"type": "string"},
        "source": SOURCE,
    },
}
PGX_FILE = {
    "type": "object",
    "required": ["genes", "rules"],
    "additionalProperties": False,
    "properties": {"genes": {"type": "array", "items": GENE}, "rules": {"type": "array", "items": PGX_RULE},
                   "pending": {"type": "array", "items": PGX_PENDING}},
}
