"""Session 24b (issue 13): a second breadth list of typed names (hospital injectables and fluids, anaesthesia, blood
products, vaccines, biologics, oncology, rare disease, UK/US OTC packs) and class rules for the areas the earlier pair
lists left thin (live vaccines in immunosuppression, neuromuscular-block potentiators, oral oncology and CYP3A4,
MAOIs and pressors). Names and pairs here are the test's own, not copied from the dev lists."""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix


@pytest.fixture(scope="module")
def lex():
    return kdrugs.load()


@pytest.mark.parametrize("typed, want", [
    ("morphine PCA", {"morphine"}),                       # a pump is a way of giving (trailing ward word)
    ("norepinephrine gtt", {"norepinephrine"}),
    ("Infants' Motrin", {"ibuprofen"}),                  # OTC age-band prefix
    ("Maximum Strength Tylenol", {"acetaminophen"}),
    ("Repatha SureClick", {"evolocumab"}),               # pen device word
    ("Metvixia", {"methyl-aminolevulinate"}),
    ("Levulan", {"aminolevulinic-acid"}),
    ("Tractocile", {"atosiban"}),
    ("Normosol", {"multiple-electrolytes-injection"}),
    ("Perikabiven", {"parenteral-nutrition"}),
    ("calcium chloride", {"calcium-chloride"}),           # was read as calcium carbonate (salt word dropped)
    ("Emend for injection", {"fosaprepitant"}),
    ("Cuprofen Plus", {"ibuprofen", "codeine"}),          # was read as ibuprofen alone
    ("Sando-K", {"potassium-chloride", "potassium-bicarbonate"}),
    ("Equanox", {"nitrous-oxide", "oxygen"}),
    ("MabThera subcutaneous", {"rituximab", "hyaluronidase"}),
    ("Priorix-Tetra", {"mmr-vaccine", "varicella-vaccine"}),
    ("Kovaltry", {"factor-viii"}),
    ("Voncento", {"factor-viii", "von-willebrand-factor"}),
    ("Azzalure", {"botulinum-toxin"}),
    ("crisantaspase", {"asparaginase"}),
    # session 25: the hexavalent vaccine is a product of its four vaccines (was read as its tetanus component alone)
    ("Infanrix hexa", {"tetanus-toxoid-vaccine", "hepatitis-b-vaccine", "poliovirus-vaccine", "hib-vaccine"}),
    ("Ravicti", {"phenylbutyrate"}),
    ("Focinvez", {"fosaprepitant"}),
])
def test_typed_names_read(lex, typed, want):
    r = kdrugs.resolve(typed, lex=lex)
    assert r.ok and r.how != "fuzzy", typed
    assert {lex.ingredients.get(i, {}).get("form_of") or i for i in r.ingredients} == want


def test_acam2000_is_the_live_smallpox_vaccine_not_acamprosate(lex):
    assert kdrugs.resolve("ACAM2000", lex=lex).ingredients == ("smallpox-vaccine-live",)
    # a bare "smallpox vaccine" may be ACAM2000 or Jynneos: it is not read as this one
    assert kdrugs.resolve("smallpox vaccine", lex=lex).ingredients != ("smallpox-vaccine-live",)


def test_biorphen_is_asked_about(lex):
    # US Biorphen is phenylephrine injection, UK Biorphen is orphenadrine oral solution
    r = kdrugs.resolve("Biorphen", lex=lex)
    assert not r.ok and r.how == "ambiguous"


@pytest.mark.parametrize("word", ["hcg", "IPV", "HES", "ala", "PPD", "cryo"])
def test_short_ward_words_are_not_read_as_the_new_medicines(lex, word):
    # a pregnancy test, intimate partner violence, "he's", a word, a skin test result or cryotherapy
    r = kdrugs.resolve(word, lex=lex)
    assert not (r.ok and r.how != "fuzzy")


def _lead(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown, rep.unknown
    return rep.findings[0] if rep.findings else None


@pytest.mark.parametrize("a, b, severity, avoid", [
    ("Humira", "Stamaril", "major", True),                # live vaccine in immunosuppression
    ("Prograf", "Varilrix", "major", True),
    ("Kesimpta", "Rotarix", "major", True),
    ("capecitabine", "YF-Vax", "major", True),            # antimetabolite chemotherapy
    ("bendamustine", "M-M-R II", "major", True),          # alkylating agent
    ("Zemuron", "Coly-Mycin M", "moderate", None),        # polymyxin with a neuromuscular blocker
    ("Nimbex", "magnesium sulfate", "moderate", None),
    ("Xeomin", "amikacin", "moderate", None),             # aminoglycoside potentiates botulinum toxin
    ("Aricept", "suxamethonium", "moderate", None),       # cholinesterase inhibitor prolongs the block
    ("Mestinon", "Anectine", "moderate", None),
    ("physostigmine", "Quelicin", "contraindicated", None),
    ("isocarboxazid", "metaraminol", "major", None),      # MAOI with an indirect pressor
    ("Elavil", "Levophed", "moderate", None),             # tricyclic with a direct pressor
    ("voriconazole", "Tibsovo", "major", True),           # strong CYP3A4 inhibitor, label says avoid
    ("phenytoin", "Velcade", "major", True),              # strong inducer, label says avoid
    ("Activase", "Fragmin", "major", None),
    ("calcium chloride", "Lanoxin", "moderate", None),
    ("Bridion", "Nexplanon", "moderate", None),
    ("Emend IV", "Orap", "contraindicated", None),
    ("cardizem", "Ryanodex", "major", True),
])
def test_label_rules(kb, a, b, severity, avoid):
    f = _lead(kb, a, b)
    assert f is not None and f.severity == severity, (a, b, f and f.severity)
    if avoid is not None:
        assert f.avoid == avoid


@pytest.mark.parametrize("a, b", [
    ("Humira", "Shingrix"),        # recombinant zoster vaccine: the lexicon's zoster entry is not in the live list
    ("tacrolimus", "Havrix"),      # inactivated hepatitis A vaccine
    ("rocuronium", "ceftriaxone"),
    ("Levophed", "meropenem"),
    ("sugammadex", "ondansetron"),
])
def test_no_false_alarm(kb, a, b):
    f = _lead(kb, a, b)
    assert f is None or f.severity in ("minor",), (a, b, f and f.severity)
