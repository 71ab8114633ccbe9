"""Session 13: ICD-10-CM titles that end in a bare type numeral are also match terms written with "type"
("Complex regional pain syndrome I" -> "complex regional pain syndrome type I"). Sentences written for the test."""

from __future__ import annotations

from medcore.knowledge.concepts import Concept
from medcore.knowledge.sources.icd10cm import match_terms


def _terms(title: str) -> list[str]:
    return match_terms(Concept("icd10cm:X", "icd10cm", title, {}, (), (), {}))


def test_a_trailing_type_numeral_also_reads_with_type():
    assert _terms("Complex regional pain syndrome I, unspecified") == [
        "Complex regional pain syndrome I", "Complex regional pain syndrome type I"]
    assert _terms("Mucolipidosis IV") == ["Mucolipidosis IV", "Mucolipidosis type IV"]


def test_numerals_that_already_say_what_they_are_are_left_alone():
    for title in ("Follicular lymphoma grade II", "Mucopolysaccharidosis, type I", "Hypoglycemia level 1",
                  "Retinopathy of prematurity, stage 3", "Complex regional pain syndrome II of left upper limb"):
        assert len(_terms(title)) == 1, title


def test_the_reader_codes_a_condition_written_with_type(term):
    found = term.match("Adults with complex regional pain syndrome type I after a wrist injury.",
                       types={"condition", "icd10cm"})
    # session 25: the knowledge layer's own CRPS concept (coded G90.50) now reads the term before the bare title does
    codes = {c for m in found for c in term.get(m.concept_id).codes.get("icd10cm", ())}
    assert any(c.startswith("G90.5") for c in codes), codes
