"""Session 14 (planner14s): names behind planner set L (dev since session 14): missing ingredients of newer US brands,
a UK NSAID brand, a co-packaged antibiotic, the BNF name of cosyntropin, boosted protease inhibitors typed with their
booster ('DRV/r'), the statins' ward short forms and rectal tubes as a dose form."""

import pytest

from medcore.knowledge import drugs as D


@pytest.mark.parametrize("typed, ingredients", [
    ("Pemazyre", ("pemigatinib",)), ("Ogsiveo", ("nirogacestat",)), ("Voydeya", ("danicopan",)),
    ("Tavneos", ("avacopan",)), ("Keral 25mg", ("dexketoprofen",)), ("Xacduro", ("sulbactam", "durlobactam")),
    ("tetracosactide", ("cosyntropin",)), ("Synacthen Depot", ("cosyntropin",)), ("tetracosactrin", ("cosyntropin",)),
])
def test_new_lexicon_entries_resolve_exactly(typed, ingredients):
    r = D.resolve(typed)
    assert r.ok and r.how != "fuzzy" and r.ingredients == ingredients


@pytest.mark.parametrize("typed, ingredients", [
    ("DRV/r", ("darunavir", "ritonavir")), ("ATV/r 300/100", ("atazanavir", "ritonavir")),
    ("darunavir/RTV", ("darunavir", "ritonavir")), ("DRV/COBI", ("darunavir", "cobicistat")),
])
def test_a_protease_inhibitor_typed_with_its_booster_is_both_medicines(typed, ingredients):
    r = D.resolve(typed)
    assert r.ok and r.how in ("combination", "synonym") and r.ingredients == ingredients


def test_the_booster_letter_is_read_only_after_a_protease_inhibitor():
    assert not D.resolve("FTC/r").ok  # emtricitabine is not boosted: 'r' means nothing there
    assert not D.resolve("r/DRV").ok  # the booster letter never comes first
    assert D.resolve("LPV/r").product == "lopinavir-ritonavir"  # a co-formulated product still wins


@pytest.mark.parametrize("typed, ingredient", [("simva 20", "simvastatin"), ("atorva 40mg", "atorvastatin"),
                                               ("rosuva", "rosuvastatin"), ("prava 40", "pravastatin")])
def test_statin_ward_short_forms(typed, ingredient):
    assert D.resolve(typed).ingredients == (ingredient,)


def test_rectal_tubes_are_a_dose_form_word():
    r = D.resolve("diazepam rectal tubes")
    assert r.ok and r.how == "exact" and r.ingredients == ("diazepam",)
