"""Session 12 names, by cause of the misses studied on planner set I (dev since session 12): one-slip misspellings,
combinations typed as their parts ('amp/sulbactam'), device and release words, missing US/UK products (eye, ear,
skin, OTC combinations) and a brand family refused like an ambiguous abbreviation."""

from __future__ import annotations

import pytest

from medcore.knowledge import drugs as D
from medcore.knowledge.names import edit_distance, one_edit


def _ingredients(text: str) -> set[str]:
    r = D.resolve(text)
    assert r.how not in ("fuzzy", "unknown", "ambiguous"), (text, r)
    return set(r.ingredients)


# ---- misspellings: one slip from one name, nothing else close ----------------------------------------------------

def test_edit_distance_counts_the_four_typing_slips_as_one():
    assert edit_distance("lisinopril", "lisnopril") == 1  # a letter missing
    assert edit_distance("nifedipine", "nifedapine") == 1  # a letter changed
    assert edit_distance("metformin", "metfromin") == 1  # two neighbours swapped
    assert edit_distance("metformin", "metforminn") == 1  # a letter added
    assert edit_distance("metformin", "metfrmn") == 2
    assert edit_distance("abc", "xyzxyzxyz") == 3  # capped


def test_one_edit_needs_a_long_word_and_no_other_name_within_two_slips():
    keys = {"abcdefgh": "drug:a", "abcdefxy": "drug:b", "qrstuvwxyz": "drug:c"}
    assert one_edit("qrstuvwxy", keys, keys) == "drug:c"
    assert one_edit("abcdefgy", keys, keys) is None  # one slip from a, one from b
    # session 14: one slip from a and two from b reads as a when it is a typing slip (h and j are keyboard neighbours),
    # not when it is any other letter (x for h)
    assert one_edit("abcdefgj", keys, keys) == "drug:a"
    assert one_edit("abcdefgx", keys, keys) is None
    assert one_edit("qrstuvwx", keys, keys) is None  # two slips: not one
    assert one_edit("abch", {"abcg": "drug:d"}, {"abcg"}) is None  # too short to read by rule (session 14: < 5)
    # a name of the pool that is not in keys counts as another entry
    assert one_edit("qrstuvwxy", {"qrstuvwxyz": "drug:c"}, {"qrstuvwxyz", "qrstuvwxya"}) is None


def test_a_one_slip_misspelling_reads_as_its_drug_and_says_so():
    r = D.resolve("lisnopril")
    assert r.ingredients == ("lisinopril",) and r.how == "spelling"
    assert D.resolve("nifedapine 30 mg XL").ingredients == ("nifedipine",)
    # one slip from gentamicin's brand Garamycin and from kanamycin: not read by rule
    assert D.resolve("ganamycin").how != "spelling"


# ---- combinations typed as their parts ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, product", [
    ("amp/sulbactam", "ampicillin-sulbactam"),
    ("amp/sulbactam 3 g IV q6h", "ampicillin-sulbactam"),
    ("sulbactam/amp", "ampicillin-sulbactam"),
    ("ceftaz/avibactam", "ceftazidime-avibactam"),
    ("trimeth/sulfa", "trimethoprim-sulfamethoxazole"),
])
def test_a_combination_typed_as_its_parts_is_the_one_product_that_fits(text, product):
    r = D.resolve(text)
    assert r.product == product and r.how in ("combination", "synonym", "exact"), r


def test_a_combination_typed_as_parts_is_refused_when_two_products_fit_or_a_part_is_refused():
    assert not D.resolve("bup/nal").ok  # buprenorphine/naloxone and bupropion/naltrexone
    assert not D.resolve("amp").ok  # alone, 'amp' is not a drug
    assert D.resolve("MS/sulbactam").how != "combination"


# ---- device and release words --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("Zomig Rapimelt", {"zolmitriptan"}),
    ("Pulmicort Flexhaler", {"budesonide-inhaled"}),  # session 13: budesonide's inhaled form entry
    ("Asmanex Twisthaler", {"mometasone"}),
    ("Zyprexa Velotab", {"olanzapine"}),
    ("oxycodone IR 5 mg", {"oxycodone"}),
    ("oxy IR", {"oxycodone"}),  # OxyIR (Purdue): the brand, while 'oxy' alone stays refused
])
def test_device_and_release_words_are_cut(text, want):
    assert _ingredients(text) == want
    assert D.resolve("oxy").how == "ambiguous"


# ---- products missing before, and hidden ingredients ---------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("Acular LS", {"ketorolac"}),
    ("Acuvail", {"ketorolac"}),
    ("Exocin", {"ofloxacin"}),
    ("Otomize", {"dexamethasone", "neomycin", "acetic-acid"}),
    ("Sofradex", {"framycetin", "gramicidin", "dexamethasone"}),
    ("Optrex Infected Eyes", {"chloramphenicol"}),
    ("Optrex Allergy Eyes", {"cromolyn"}),
    ("Fybogel Mebeverine", {"psyllium", "mebeverine"}),
    ("Gaviscon", {"sodium-alginate", "sodium-bicarbonate", "calcium-carbonate"}),
    ("Pepcid Complete", {"famotidine", "calcium-carbonate", "magnesium-hydroxide"}),
    ("Naphcon-A", {"naphazoline", "pheniramine"}),
    ("Blephamide", {"sulfacetamide", "prednisolone"}),
    ("Epidiolex", {"cannabidiol"}),
    ("Micralax", {"sodium-citrate-micro-enema"}),  # was a one-slip reading of MiraLAX before it was listed
    # round 2 (hospital, MS, oncology, women's health)
    ("Azstarys", {"serdexmethylphenidate", "dexmethylphenidate"}),
    ("Phesgo", {"pertuzumab", "trastuzumab", "hyaluronidase"}),
    ("Myfembree", {"relugolix", "estradiol", "norethindrone"}),
    ("Zeposia", {"ozanimod"}),
    ("Fampyra", {"dalfampridine"}),
])
def test_products_of_us_and_uk_practice_read_with_all_their_ingredients(text, want):
    assert _ingredients(text) == want


def test_an_extra_strength_brand_with_an_added_ingredient_is_its_own_product():
    # 'extra' is a trailing word ('Tylenol Extra Strength'), so 'Panadol Extra' was read as plain Panadol and hid
    # its caffeine
    assert _ingredients("Panadol Extra") == {"acetaminophen", "caffeine"}
    assert _ingredients("Hedex Extra") == {"acetaminophen", "caffeine"}
    assert _ingredients("Panadol") == {"acetaminophen"}


def test_the_trigram_count_filter_keeps_every_name_within_two_slips():
    from medcore.knowledge.names import FuzzyKeys
    names = ["lisinopril", "lisinoprill", "lsinoprl", "losartan", "sulindac", "lisnopril", "lisinoril"]
    fk = FuzzyKeys({n: n for n in names})
    near = fk.near("lisnopril", 2)
    within = {n for n in names if edit_distance("lisnopril", n) <= 2}
    assert within <= near and "losartan" not in near and "sulindac" not in near
