"""Session 12b names, by cause of the misses studied on planner set J (dev since session 12): an insulin's
concentration typed after the brand, the crystal form of nitrofurantoin read as a second ingredient, UK-only
ingredients and brands, INN/US pairs, and chart abbreviations of amphotericin B's forms. The examples are
written here, not copied from the set."""

from __future__ import annotations

import pytest

from medcore.knowledge import drugs as D


def _ingredients(text: str) -> set[str]:
    r = D.resolve(text)
    assert r.how not in ("fuzzy", "unknown", "ambiguous", "spelling"), (text, r)
    return set(r.ingredients)


@pytest.mark.parametrize("text, ingredient", [
    ("Toujeo U-300", "insulin-glargine"),
    ("Tresiba U200 FlexTouch", "insulin-degludec"),
    ("Humulin R U-500 KwikPen", "insulin-regular"),
    ("Lyumjev U 200", "insulin-lispro"),
])
def test_an_insulin_concentration_is_a_strength_not_part_of_the_brand(text, ingredient):
    assert _ingredients(text) == {ingredient}


def test_the_concentration_cut_needs_a_number_after_u():
    # a 'U' word without digits stays part of what was typed (nothing is cut, so nothing is read)
    assert D.resolve("Humalog Ux").how in ("unknown", "fuzzy", "spelling")


@pytest.mark.parametrize("text", ["nitrofurantoin macrocrystals", "nitrofurantoin monohydrate / macrocrystals 100 mg",
                                  "nitrofurantoin macrocrystalline caps"])
def test_nitrofurantoin_crystal_form_is_a_form_word(text):
    assert _ingredients(text) == {"nitrofurantoin"}


@pytest.mark.parametrize("text, ingredients", [
    ("Arpicolin syrup", {"procyclidine"}),
    ("procyclidine HCl", {"procyclidine"}),
    ("chlormethiazole", {"clomethiazole"}),
    ("Ipinnia XL", {"ropinirole"}),
    ("isoprenaline infusion", {"isoproterenol"}),
    ("Frumil", {"amiloride", "furosemide"}),
    ("Broflex", {"trihexyphenidyl"}),
    ("Disipal", {"orphenadrine"}),  # s24b: Biorphen is also US phenylephrine injection, now asked about
    ("lormetazepam", {"lormetazepam"}),
    ("cloral betaine", {"chloral-hydrate"}),
    ("Glypressin", {"terlipressin"}),
])
def test_uk_only_ingredients_brands_and_inn_names_are_listed(text, ingredients):
    assert _ingredients(text) == ingredients


def test_uk_combination_brands_carry_every_ingredient():
    assert _ingredients("Lasilactone 50/20") == {"furosemide", "spironolactone"}
    assert _ingredients("Syndol") == {"acetaminophen", "codeine", "doxylamine", "caffeine"}


def test_brand_variants_that_keep_the_same_ingredients():
    assert _ingredients("Questran Light sachets") == {"cholestyramine"}
    assert _ingredients("Sinemet Plus") == {"carbidopa", "levodopa"}


def test_names_that_were_misread_by_spelling_now_name_their_own_drug():
    # before, these were one slip or a close spelling from another medicine
    assert D.resolve("loprazolam").ingredients == ("loprazolam",)
    assert D.resolve("dimeticone").ingredients == ("dimeticone",)
    assert D.resolve("simeticone").ingredients == ("simethicone",)


@pytest.mark.parametrize("text", ["L-AmB", "ABLC", "AmB-d", "liposomal amphotericin"])
def test_amphotericin_form_abbreviations_name_amphotericin_b(text):
    assert _ingredients(text) == {"amphotericin-b"}


@pytest.mark.parametrize("text", ["tPA", "TPA"])
def test_tpa_stays_refused(text):
    # tissue plasminogen activator covers alteplase, tenecteplase and reteplase, dosed very differently
    assert D.resolve(text).how == "ambiguous"


def test_lamb_is_not_read_as_a_drug():
    assert D.resolve("lamb").how != "synonym" and not D.resolve("lamb").ingredients
