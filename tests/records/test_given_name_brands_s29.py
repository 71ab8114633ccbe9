"""Session 29 (issue 13): brands that are also given names or surnames (Tareg, Montek, Leeloo, Nise, Denan) are not
read as drugs from a sentence about a person; a medication list or a dose still reads them. Own sentences."""
import pytest

from medcore.records.pipeline import analyze


def _names(kb, text):
    return {m.name.lower() for m in analyze(text, kb).extraction.medications}


@pytest.mark.parametrize("text", [
    "Her son Tareg drove her to the clinic this morning.",
    "She was seen with her friend Nise, who translated.",
    "Dr. Denan reviewed the imaging with the family.",
    "Montek, her husband, reports that she slept poorly.",
    "Her daughter Leeloo stayed overnight.",
])
def test_a_person_named_like_a_brand_is_no_drug(kb, text):
    names = _names(kb, text)
    for drug in ("valsartan", "nimesulide", "montelukast", "tareg", "nise", "denan", "montek", "leeloo"):
        assert not any(drug in n for n in names), (text, names)


def test_the_same_brand_in_a_medication_list_still_reads(kb):
    names = _names(kb, "MEDICATIONS:\nTareg 80 mg once daily.\nMontek 10 mg at night.\n")
    assert names, names
