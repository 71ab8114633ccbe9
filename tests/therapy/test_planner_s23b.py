"""Session 23b (issue 13): typed names left unknown on the session-23b dev list (docs/evals/planner-s23b/names.txt)
are read at their source in the drug lexicon, with the class the label gives them, and a brand that is two
medicines (Lotrimin AF) is asked about, never read one way."""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix


@pytest.fixture(scope="module")
def lex():
    return kdrugs.load()


@pytest.mark.parametrize("typed, want", [
    ("Vazkepa", {"icosapent-ethyl"}),                    # UK brand of a known ingredient
    ("GlucaGen HypoKit", {"glucagon"}),
    ("Aplenzin 348 mg", {"bupropion"}),
    ("Spritam 1000", {"levetiracetam"}),
    ("Yusimry", {"adalimumab"}),                         # biosimilar brands
    ("Wezlana", {"ustekinumab"}),
    ("Tagamet HB", {"cimetidine"}),                      # OTC pack names
    ("Imodium A-D", {"loperamide"}),
    ("Fergon", {"ferrous-gluconate"}),
    ("Capvaxive", {"pneumococcal-vaccine"}),
    ("Zyprexa Zydis 10", {"olanzapine"}),                # pack words
    ("Dexedrine Spansule 10", {"amphetamine"}),
    ("Cabtreo gel", {"clindamycin", "adapalene", "benzoyl-peroxide"}),   # triple combination
    ("Ngenla", {"somatrogon"}),                          # medicines that were missing entirely
    ("Sogroya", {"somapacitan"}),
    ("Kuvan", {"sapropterin"}),
    ("Revestive", {"teduglutide"}),
    ("Xermelo", {"telotristat"}),
    ("Feraccru", {"ferric-maltol"}),
    ("Ferriprox", {"deferiprone"}),
    ("Adakveo", {"crizanlizumab"}),
    ("Orladeyo", {"berotralstat"}),
    ("Takhzyro", {"lanadelumab"}),
    ("Firazyr", {"icatibant"}),
    ("Tinactin", {"tolnaftate"}),
    ("Stamaril", {"yellow-fever-vaccine"}),
    ("Rotarix", {"rotavirus-vaccine"}),
    ("Jynneos", {"mpox-vaccine"}),
    ("Koselugo", {"selumetinib"}),
    ("Vitrakvi", {"larotrectinib"}),
    ("Rozlytrek", {"entrectinib"}),
    ("Erivedge", {"vismodegib"}),
    ("Odomzo", {"sonidegib"}),
])
def test_typed_names_read(lex, typed, want):
    r = kdrugs.resolve(typed, lex=lex)
    assert r.ok and r.how != "fuzzy"
    assert set(r.ingredients) == want


def test_lotrimin_af_is_asked_about_with_both_medicines(lex):
    r = kdrugs.resolve("Lotrimin AF", lex=lex)
    assert not r.ok and r.how == "ambiguous"
    assert kdrugs.resolve("Lotrimin", lex=lex).ingredients == ("clotrimazole",)   # the bare brand is unchanged


def test_smallpox_vaccine_is_not_read_as_jynneos(lex):
    # ACAM2000 is a different (replicating) smallpox vaccine: only the label's own name is a synonym
    assert kdrugs.resolve("smallpox and mpox vaccine", lex=lex).ingredients == ("mpox-vaccine",)
    assert kdrugs.resolve("smallpox vaccine", lex=lex).ingredients != ("mpox-vaccine",)


@pytest.mark.parametrize("drug", ["selumetinib", "avapritinib", "larotrectinib", "entrectinib", "sonidegib"])
def test_cyp3a4_cleared_cancer_drugs_carry_the_label_class(drug):
    # their labels adjust the dose or say to avoid strong CYP3A4 inhibitors or inducers
    assert {"cyp3a4_substrate", "antineoplastic"} <= kdrugs.classes_of(drug)


def test_oral_ferric_maltol_meets_the_polyvalent_cation_rules(kb):
    # an oral iron binds quinolones in the gut: the class rule for iron reaches the new brand
    assert ix.check_names(kb, ["Feraccru", "ciprofloxacin"]).findings


NEW = {"somatrogon", "somapacitan", "sapropterin", "teduglutide", "telotristat", "ferric-maltol", "deferiprone",
       "crizanlizumab", "berotralstat", "lanadelumab", "icatibant", "tolnaftate", "yellow-fever-vaccine",
       "rotavirus-vaccine", "mpox-vaccine", "olutasidenib", "selumetinib", "avapritinib", "ripretinib", "pexidartinib",
       "erdafitinib", "futibatinib", "tazemetostat", "larotrectinib", "entrectinib", "vismodegib", "sonidegib"}


@pytest.mark.parametrize("word", ["rotary", "stamina", "tinea", "revisit", "cuban", "kuwait", "balsa", "turtle",
                                  "spans", "fire", "odor", "jinx"])
def test_ordinary_words_are_not_read_as_a_new_medicine(lex, word):
    r = kdrugs.resolve(word, lex=lex)
    assert not (r.ok and r.how != "fuzzy" and set(r.ingredients) & NEW)
