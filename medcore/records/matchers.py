"""The compiled vocabularies of the records extractor (built once per knowledge base): drug, allergen, lab and vital
names, medication cue words, ConText rules and the problem vocabulary. Kept apart from records/extract.py, which reads
sentences with them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.knowledge import assertions as ctx
from medcore.records import problem_vocab, value_first
from medcore.records.drug_lookup import NameLookup
from medcore.records.kb import Drug, KBError, Range, RecordsKB, phrase_regex
from medcore.records.measure import glued_pattern

# concept types the summarizer reads as problems / procedures (which of them: records/problem_vocab.py)
PROBLEM_TYPES = frozenset({"condition", "finding", "hpo", "icd10cm"})
PROCEDURE_TYPES = frozenset({"procedure"})


# ---- compiled vocabularies (built once per knowledge base) -------------------------------------
@dataclass
class Matchers:
    terminology: object  # medcore.knowledge Terminology
    concepts: frozenset[str]  # the concept ids read as problems and procedures
    drug: re.Pattern
    drug_lookup: dict[str, Drug]
    drug_in_lists: re.Pattern  # names taken only in a medication list or before a dose (meds.listed_drug)
    allergen: re.Pattern
    reaction: re.Pattern
    no_allergy: re.Pattern
    intolerance: re.Pattern
    route: list[tuple[str, re.Pattern]]
    frequency: list[tuple[str, re.Pattern]]
    status: list[tuple[str, re.Pattern]]
    lab: re.Pattern
    lab_lookup: dict[str, Range]
    vital: re.Pattern
    vital_lookup: dict[str, Range]
    follow: re.Pattern
    context: ctx.Rules
    unit_ranges: dict[str, list] = None  # measurement name (lower) -> its ranges in other units (kb.UnitRange)
    lab_glued: re.Pattern | None = None  # a lab's / a vital's abbreviation run into its number (measure.glued_pattern)
    vital_glued: re.Pattern | None = None
    dose_unit: re.Pattern | None = None  # a dose unit after a lab name's number: a medication, not a lab
    problems: problem_vocab.ProblemVocab | None = None  # which concepts are problems, and their ICD-10-CM codes
    rules: dict | None = None  # rules.yaml as loaded (medication cue data: not_meds.py, med_course.py)
    lexicon_dir: object = None  # where the knowledge drug lexicon lives (None: the shipped one)
    value_first: value_first.ValueFirst | None = None  # readings written value first ("trace protein")
    allergen_names: dict | None = None  # an allergy-only abbreviation (lower) -> the name it is recorded under


_matchers: dict[int, Matchers] = {}


def matchers(kb: RecordsKB) -> Matchers:
    key = id(kb)
    if key not in _matchers:
        _matchers[key] = _build(kb)
    return _matchers[key]


def _build(kb: RecordsKB) -> Matchers:
    if kb.terminology is None:
        raise KBError("the records knowledge base was loaded without the knowledge layer's terminology; "
                      "use medcore.records.kb.load(settings)")
    drug_lookup, in_lists = NameLookup(), []
    for d in sorted(kb.drugs, key=lambda d: d.in_lists_only):  # a name a plain entry claims stays with it
        for form in ((d.name,) if d.name_in_text else ()) + d.aliases:
            drug_lookup.setdefault(form.lower(), d)
            if d.in_lists_only:
                in_lists.append(form.lower())
    rules = kb.rules
    lab_lookup = {k.lower(): r for r in kb.labs for k in (r.name, *r.aliases)}
    vital_lookup = {k.lower(): r for r in kb.vitals for k in (r.name, *r.aliases)}
    lab_forms = {k for r in kb.labs for k in (r.name, *r.aliases)}
    lab_long = [k for k in lab_forms if len(k) > 2]
    lab_short = [k for k in lab_forms if len(k) <= 2]
    try:
        vocab = problem_vocab.build(kb.terminology, record_concepts(kb.terminology), problem_vocab.load_data(kb.root))
    except problem_vocab.ProblemVocabError as exc:
        raise KBError(str(exc)) from exc
    return Matchers(
        terminology=kb.terminology,
        concepts=vocab.only,
        problems=vocab,
        drug=phrase_regex([f for f, d in drug_lookup.items() if not d.in_lists_only], hyphens=True),
        drug_in_lists=phrase_regex(in_lists, hyphens=True),
        drug_lookup=drug_lookup,
        allergen=phrase_regex(list(drug_lookup) + list(rules.get("allergens", []))
                              + list(rules.get("non_drug_allergens", []))  # knowledge/non_drug_allergens.yaml
                              + list(rules.get("allergen_abbreviations") or {})),
        allergen_names={str(k).lower(): str(v) for k, v in (rules.get("allergen_abbreviations") or {}).items()},
        reaction=phrase_regex(rules.get("reactions", [])),
        no_allergy=phrase_regex(rules.get("no_allergy", [])),
        intolerance=phrase_regex(rules.get("intolerance", [])),
        route=[(k, phrase_regex(v)) for k, v in rules["routes"].items()],
        frequency=[(k, phrase_regex(v)) for k, v in rules["frequencies"].items()],
        status=[(k, phrase_regex(v)) for k, v in rules["status"].items()],
        lab=_case_mixed(lab_long, lab_short),
        lab_lookup=lab_lookup,
        vital=_case_mixed([k for k in vital_lookup if len(k) > 3], [k for k in vital_lookup if len(k) <= 3]),
        vital_lookup=vital_lookup,
        lab_glued=glued_pattern(lab_lookup),
        vital_glued=glued_pattern(vital_lookup),
        follow=phrase_regex(rules.get("follow_up_cues", [])),
        context=ctx.load_rules("clinical"),
        unit_ranges=_by_name(kb.unit_ranges),
        # one-letter units ('l' reads as a lab's low flag), '%' and activity units are lab units too
        rules=rules,
        value_first=value_first.build(rules),
        lexicon_dir=kb.root.parent if (kb.root.parent / "knowledge" / "drugs").is_dir() else None,
        dose_unit=phrase_regex([u for u in rules["dose_units"] if len(u) > 1 and u.lower() not in ("units", "unit", "iu")]),
    )


def _by_name(unit_ranges) -> dict[str, list]:
    out: dict[str, list] = {}
    for u in unit_ranges:
        out.setdefault(u.name.lower(), []).append(u)
    return out


def record_concepts(term) -> frozenset[str]:
    """Problems are the conditions a clinician writes (the problem list and the symptom chat's conditions)
    and procedures; the planner's treatment settings ('quit smoking', 'post PCI') are not problems."""
    conds = [c.id for c in term.concepts("condition") if c.attrs.get("problem_list") or c.attrs.get("triage")]
    return frozenset(conds + [c.id for c in term.concepts("procedure")])


def _case_mixed(longer: list[str], short: list[str]) -> re.Pattern:
    """Long names case-insensitive; short abbreviations ('K', 'Na', 'BP', 'T') as written in upper
    case or title case only, so 'bp' inside a word or the article 'a' never matches."""
    parts = []
    if longer:
        parts.append("(?i:" + phrase_regex(longer).pattern + ")")
    forms = set()
    for s in short:
        forms.update({s.upper(), s.capitalize()})
        if s != s.lower():
            forms.add(s)  # as the KB writes it, when it has capitals: 'pH'

    if forms:
        parts.append(phrase_regex(sorted(forms), 0).pattern)
    return re.compile("|".join(parts))
