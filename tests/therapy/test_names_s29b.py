"""Session 29b (issue 13, brand29): brands typed outside the US reach the interaction rules of their ingredients, and
pairs whose ingredients have no rule stay quiet. Own items."""

import pytest

from medcore.therapy import interactions as ix


def _lead(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown, rep.unknown
    return rep.findings[0] if rep.findings else None


@pytest.mark.parametrize("a, b, severity", [
    ("Warfin", "Ibuprom", "major"),              # PL warfarin with PL ibuprofen
    ("Klion", "Marevan", "major"),               # HU metronidazole with warfarin
    ("Tramundin", "Stimuloton", "major"),        # DE tramadol with HU sertraline (serotonergic)
    ("Klabax", "Simvacard", "contraindicated"),  # clarithromycin with simvastatin
    ("Ciprinol", "tizanidine", "contraindicated"),  # ciprofloxacin (CYP1A2) with tizanidine
])
def test_foreign_brands_meet_their_ingredients_rules(kb, a, b, severity):
    f = _lead(kb, a, b)
    assert f is not None and f.severity == severity, (a, b, f and f.severity)


@pytest.mark.parametrize("a, b", [
    ("Atoris", "Omepral"),          # atorvastatin with omeprazole
    ("Pacimol", "Amlodac"),         # paracetamol with amlodipine
    ("Rispolept", "Metocard"),      # risperidone with metoprolol
])
def test_no_flag_where_the_ingredients_have_none(kb, a, b):
    f = _lead(kb, a, b)
    assert f is None or f.severity not in ("major", "contraindicated"), (a, b, f and f.severity)
