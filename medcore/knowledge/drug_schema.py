"""JSON schemas for the drug lexicon files under `assets/kb/knowledge/drugs/`, checked at load."""

from __future__ import annotations

SOURCE = {"type": "string", "minLength": 6}
ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_\-]*$"}
NAMES = {"type": "array", "items": {"type": "string", "minLength": 2}}
ROUTES = ["oral", "iv", "im", "sc", "inhaled", "nasal", "topical", "transdermal", "rectal", "vaginal",
          "ophthalmic", "otic", "sublingual", "buccal", "intrathecal", "epidural", "local"]

INGREDIENT = {
    "type": "object",
    "required": ["id", "name", "classes", "source"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "name": {"type": "string", "minLength": 2},  # US generic (USAN) name
        "inn": NAMES,  # international / UK (BAN, rINN) names where they differ: paracetamol, salbutamol
        "salts": {"type": "array", "items": {"type": "string"}},  # "succinate" -> "metoprolol succinate"
        "brands": NAMES,  # US and UK brand names of single-ingredient products
        "synonyms": NAMES,  # abbreviations, lay names and common misspellings
        "classes": {"type": "array", "items": ID},  # direct membership; ancestors come from classes.yaml
        "atc": {"type": "array", "items": {"type": "string", "pattern": r"^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$"}},
        "routes": {"type": "array", "items": {"enum": ROUTES}},
        # a route or form dosed and checked separately (oral vancomycin, the fentanyl patch)
        "form_of": ID,
        "route": {"enum": ROUTES},
        "source": SOURCE,
    },
}

# More typed names for an entry defined elsewhere (an ingredient, or a product of products.yaml or of a breadth file),
# kept in the breadth file of the session that adds them so parallel sessions never edit the same entry line;
# `country` says where the name is on the pack (ISO codes or a region), `source` the label or formulary it comes from.
EXTRA_NAMES = {
    "type": "object",
    "required": ["of", "country", "source"],
    "additionalProperties": False,
    "properties": {"of": ID, "brands": NAMES, "synonyms": NAMES, "country": {"type": "string", "minLength": 2},
                   "source": SOURCE},
}

INGREDIENTS_FILE = {
    "type": "object", "required": ["ingredients"], "additionalProperties": False,
    "properties": {"ingredients": {"type": "array", "items": INGREDIENT},
                   "names": {"type": "array", "items": EXTRA_NAMES},
                   "products": {"type": "array", "items": {"$ref": "#/$defs/product"}}},
}

PRODUCT = {
    "type": "object",
    "required": ["id", "name", "ingredients", "source"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "name": {"type": "string", "minLength": 2},
        "ingredients": {"type": "array", "items": ID, "minItems": 2},
        "brands": NAMES,
        "synonyms": NAMES,
        # only where the product is checked as one unit with classes other than the union of its ingredients'
        "classes": {"type": "array", "items": ID},
        "source": SOURCE,
    },
}

INGREDIENTS_FILE["$defs"] = {"product": PRODUCT}

PRODUCTS_FILE = {
    "type": "object", "required": ["products"], "additionalProperties": False,
    "properties": {"products": {"type": "array", "items": PRODUCT}},
}

CLASS = {
    "type": "object",
    "required": ["id", "name", "source"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "name": {"type": "string", "minLength": 2},
        "parents": {"type": "array", "items": ID},
        "synonyms": NAMES,
        "atc": {"type": "string", "pattern": r"^[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?$"},
        # pharmacological | therapeutic | mechanism (enzyme/transporter role) | risk (QT, serotonergic, ...)
        "kind": {"enum": ["pharmacological", "therapeutic", "mechanism", "risk", "chemical"]},
        "source": SOURCE,
    },
}

CLASSES_FILE = {
    "type": "object", "required": ["classes"], "additionalProperties": False,
    "properties": {"classes": {"type": "array", "items": CLASS}},
}

RULES_FILE = {
    "type": "object",
    "required": ["source", "salt_words", "form_words", "dose_tail"],
    "additionalProperties": False,
    "properties": {
        "source": SOURCE,
        "salt_words": {"type": "array", "items": {"type": "string"}},
        "form_words": {"type": "array", "items": {"type": "string"}},
        "dose_tail": {"type": "string"},  # regex: where a dose, route or frequency tail starts
        "ambiguous_in_text": {"type": "array", "items": {"type": "string"}},
        # the ambiguous names a medication list, a dose or a verb of taking makes a medicine ("Calcium." in a list)
        "listed_in_text": {"type": "array", "items": {"type": "string"}},
        "trailing_words": {"type": "array", "items": {"type": "string"}},
        # trailing words that only open a phrase ("at night", "a day"): a tail that ends on one is no trailing phrase
        "trailing_openers": {"type": "array", "items": {"type": "string"}},
        # a diuretic-combination word after an ACE inhibitor / ARB / beta blocker brand (combo_suffix.py)
        "diuretic_suffix": {"type": "object", "required": ["words", "classes", "partner", "source"],
                            "additionalProperties": False,
                            "properties": {"words": {"type": "array", "items": {"type": "string"}},
                                           "classes": {"type": "array", "items": {"type": "string"}},
                                           "partner": {"type": "string"},
                                           "partner_of": {"type": "object", "additionalProperties": {"type": "string"}},
                                           "source": SOURCE}},
        "leading_words": {"type": "array", "items": {"type": "string"}},  # route/manner words cut before a name
        "labeller_words": {"type": "array", "items": {"type": "string"}},  # generic labellers cut after a name
        # INN spellings of other languages (inn_spelling.py): letter conventions, endings, Romance acid word order
        "inn_spelling": {"type": "object", "additionalProperties": False, "required": ["letters", "endings"],
                         "properties": {"letters": {"type": "array", "items": {"type": "array", "items": {"type": "string"},
                                                                                "minItems": 2, "maxItems": 2}},
                                        "endings": {"type": "array", "items": {"type": "string"}},
                                        "acid_words": {"type": "array", "items": {"type": "string"}},
                                        "acid_endings": {"type": "array", "items": {"type": "string"}},
                                        # German glued salt and acid words, Romance "salt de INN" order (plan27)
                                        "glued_salts": {"type": "object", "additionalProperties": {"type": "string"}},
                                        "acid_suffixes": {"type": "array", "items": {"type": "string"}},
                                        "salt_connectors": {"type": "array", "items": {"type": "string"}},
                                        # the salt-first word in English; the cations never read alone (plan27fix)
                                        "salt_english": {"type": "object", "additionalProperties": {"type": "string"}},
                                        "cations": {"type": "array", "items": {"type": "string"}}}},
        # FDA biological product suffixes: the core-name endings and starts the four-letter suffix is read after
        "biologic_suffix": {"type": "object", "additionalProperties": False, "required": ["ends", "starts", "source"],
                            "properties": {"ends": {"type": "array", "items": {"type": "string"}},
                                           "starts": {"type": "array", "items": {"type": "string"}},
                                           "source": SOURCE}},
        # abbreviations with more than one reading (MS, AZT): never resolved, never guessed; shown with their readings
        "refused_source": SOURCE,
        "element_symbols_source": SOURCE,
        "element_symbols": {"type": "object", "additionalProperties": {"type": "string", "minLength": 3},
                            "propertyNames": {"pattern": "^[A-Za-z]{1,2}$"}},
        "refused_abbreviations": {"type": "array", "items": {
            "type": "object", "required": ["name", "readings"], "additionalProperties": False,
            "properties": {"name": {"type": "string", "minLength": 2},
                           "readings": {"type": "array", "items": {"type": "string", "minLength": 2}, "minItems": 2}}}},
        # brand families (Benylin, Lemsip): one name over products that hold different medicines. Typed alone, or with
        # words that name no listed product, the planner asks which product and checks nothing for it. `read_alone`:
        # the bare name is one product's own name (Sudafed: pseudoephedrine); only an unknown longer name is asked about
        "brand_families": {"type": "array", "items": {
            "type": "object", "required": ["name", "readings", "source"], "additionalProperties": False,
            "properties": {"name": {"type": "string", "minLength": 2},
                           "readings": {"type": "array", "items": {"type": "string", "minLength": 2}, "minItems": 2},
                           "read_alone": {"type": "boolean"}, "source": SOURCE}}},
        # short forms read only as a part of a combination typed with '/' ('FF/UMEC/VI'): GOLD and GINA write inhaler
        # ingredients so; alone they are not drug names, and a part may name more than one ingredient ('FF': fluticasone
        # furoate or formoterol fumarate), the whole product deciding which
        "combination_parts": {"type": "array", "items": {
            "type": "object", "required": ["part", "ingredients", "source"], "additionalProperties": False,
            "properties": {"part": {"type": "string", "minLength": 2},
                           "ingredients": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                           "source": SOURCE}}},
        # look-alike pairs (ISMP confused names): a slip between the two is asked about, never read as either
        "confused_source": SOURCE,
        "confused_names": {"type": "array", "items": {
            "type": "array", "items": {"type": "string", "minLength": 2}, "minItems": 2, "maxItems": 2}},
    },
    "dependentRequired": {"refused_abbreviations": ["refused_source"], "confused_names": ["confused_source"],
                          "element_symbols": ["element_symbols_source"]},
}

# non_drug_words.yaml: words that name no medicine (excipients, foods, body parts, toiletries and supplies), never
# read as a drug by a spelling or sound guess (drugs.resolve); grouped by kind, each group with its source
NON_DRUG_WORDS_FILE = {
    "type": "object",
    "required": ["source", "groups"],
    "additionalProperties": False,
    "properties": {
        "source": SOURCE,
        "groups": {"type": "array", "items": {
            "type": "object", "required": ["kind", "what", "source", "words"], "additionalProperties": False,
            "properties": {"kind": {"type": "string"}, "what": {"type": "string"}, "source": SOURCE,
                           "words": {"type": "array", "items": {"type": "string", "minLength": 3}, "minItems": 1}}}},
    },
}

TOP_MARKET_FILE = {
    "type": "object",
    "required": ["source", "names"],
    "additionalProperties": False,
    "properties": {
        "source": SOURCE,
        "names": {"type": "array", "items": {"type": "string", "minLength": 3}, "minItems": 1},
        # names of other drugs within two slips of a top-market name, looked at and kept (tests/knowledge/
        # test_top_market_s29.py flags any other)
        "reviewed_near": {"type": "array", "items": {"type": "string"}},
    },
}
