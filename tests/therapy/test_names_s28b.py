"""Session 28b (issue 13): non-English brand names reach the interaction rules of their ingredients, and a brand
read two ways is asked, not checked as one drug. Own items."""

import pytest

from medcore.therapy import interactions as ix


def _lead(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown, rep.unknown
    return rep.findings[0] if rep.findings else None


@pytest.mark.parametrize("a, b, severity", [
    ("Airtal", "warfarin", "major"),        # aceclofenac (new entry, NSAID) with a vitamin K antagonist
    ("Marevan", "Ibupirac", "major"),       # Norwegian warfarin with Argentine ibuprofen
    ("Tavor", "Endone", "major"),           # lorazepam with oxycodone (benzodiazepine + opioid)
    ("Zerodol", "Voveran", "major"),        # two NSAIDs (Indian aceclofenac and diclofenac)
])
def test_foreign_brands_meet_their_ingredients_rules(kb, a, b, severity):
    f = _lead(kb, a, b)
    assert f is not None and f.severity == severity, (a, b, f and f.severity)


@pytest.mark.parametrize("a, b", [
    ("Tahor", "Pantozol"),                  # atorvastatin with pantoprazole: no rule
    ("Eutirox", "Amlor"),                   # levothyroxine with amlodipine
])
def test_no_flag_where_the_ingredients_have_none(kb, a, b):
    f = _lead(kb, a, b)
    assert f is None or f.severity not in ("major", "contraindicated"), (a, b, f and f.severity)


def test_a_brand_with_two_readings_is_asked():
    from medcore.knowledge import drugs as D
    r = D.resolve("Norflox")                # Indian norfloxacin brand, one slip from Norflex (orphenadrine)
    assert not r.ingredients and r.how in ("ambiguous", "unknown")
