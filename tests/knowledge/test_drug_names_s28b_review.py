"""Session 28b review (issue 13): the merged lexicon loads with plan28's aceclofenac and norfloxacin entries; a
trailing article or preposition that ends the typed text is a combination suffix letter, not a trailing phrase; an
Indian brand family with suffix letters is asked about. Own items, with the opposite cases."""

import pytest

from medcore.knowledge import drugs as D


def test_the_merged_lexicon_loads_and_the_names_join_plan28s_entries():
    assert D.resolve("Hifenac 100").ingredients == ("aceclofenac",)   # names entry on breadth_s28.yaml's entry
    assert D.resolve("Noroxine").ingredients == ("norfloxacin",)


@pytest.mark.parametrize("typed", [
    "Amlopres AT",      # amlodipine + atenolol (India): never amlodipine alone
    "Amlopres-AT 5",
    "Amlokind-AT",
    "Amlong A",         # amlodipine + atenolol
])
def test_a_suffix_letter_that_is_also_a_preposition_is_not_cut(typed):
    assert D.resolve(typed).ingredients != ("amlodipine",), typed


@pytest.mark.parametrize("typed, want", [
    ("amlodipine at night", ("amlodipine",)),
    ("Amlopres at bedtime", ("amlodipine",)),
    ("naproxen with food", ("naproxen",)),
    ("prednisolone for 5 days", ("prednisolone",)),  # the opener is followed by a dose and a word
    ("Lasix 40 mg a day", ("furosemide",)),
    ("sertraline in the morning", ("sertraline",)),
])
def test_a_real_trailing_phrase_is_still_cut(typed, want):
    assert D.resolve(typed).ingredients == want, typed


# session 30: "Deplatt A" (Torrent: clopidogrel + aspirin) now names the clopidogrel/aspirin product and reads both
# (tests/therapy/test_planner_s30.py); never clopidogrel alone
@pytest.mark.parametrize("typed", ["Deplatt CV 75"])
def test_a_suffixed_family_name_is_asked(typed):
    r = D.resolve(typed)
    assert not r.ingredients and r.how == "ambiguous", (typed, r)


def test_the_bare_family_brand_is_still_read():
    assert D.resolve("Deplatt 75").ingredients == ("clopidogrel",)


@pytest.mark.parametrize("typed, never", [
    ("xiovan", "zopiclone"),        # a Diovan slip, once read through the German Ximovan
    ("pasil", "metoclopramide"),    # a Paxil slip, once read through the Italian Plasil
    ("curace", "isotretinoin"),     # a Carace slip, once read through the French Curacne
    ("aocor", "atorvastatin"),      # a Zocor slip, once read through the Indian Atocor
])
def test_a_slip_of_a_main_market_name_is_never_read_as_another_drug(typed, never):
    assert never not in D.resolve(typed).ingredients, typed


@pytest.mark.parametrize("typed", ["umulin", "Huminsulin", "Humulin"])
def test_an_insulin_family_name_is_not_read_as_one_insulin(typed):
    assert not D.resolve(typed).ingredients, typed


def test_the_other_brands_of_those_drugs_still_read():
    assert D.resolve("Paspertin").ingredients == ("metoclopramide",)
    assert D.resolve("Contracne").ingredients == ("isotretinoin",)
    assert D.resolve("Storvas 10").ingredients == ("atorvastatin",)
    assert D.resolve("Humulin N").ingredients == ("insulin-nph",)
