"""Session 26b (issue 13): names breadth round 4. Australian, Canadian and continental European brands, European
medicines the lexicon lacked, 2019-2025 US approvals; a brand that names different medicines in two countries is asked
about; Canadian labeller prefixes. Own items (typed forms differ from the dev list where possible)."""

import pytest

from medcore.knowledge import drugs as kdrugs


def _r(text):
    return kdrugs.resolve(text)


@pytest.mark.parametrize("typed,want", [
    # brands one typing slip from another drug's brand were read as that drug before (Soma, Avinza, Osmolex, Zymar-
    # type neighbours); the country's own brand is now an exact name
    ("Somac 40 mg", {"pantoprazole"}),
    ("Avanza 15 mg nocte", {"mirtazapine"}),
    ("Osmolax sachet", {"polyethylene-glycol"}),
    ("Panamax 500 mg", {"acetaminophen"}),
    ("Ostelin 1000 IU", {"cholecalciferol"}),
    # European medicines with no entry before
    ("metamizol 500 mg", {"metamizole"}),
    ("Novalgin", {"metamizole"}),
    ("phenprocoumon 3 mg", {"phenprocoumon"}),
    ("Previscan", {"fluindione"}),
    ("Valoron N retard", {"tilidine", "naloxone"}),
    ("Lexomil", {"bromazepam"}),
    ("Tiorfan", {"racecadotril"}),
    ("Rulide 300", {"roxithromycin"}),
    ("Polaramine", {"dexchlorpheniramine"}),
    ("Maltofer", {"iron-polymaltose"}),
    ("Acthar Gel 80 units", {"corticotropin"}),
    # combinations, every ingredient
    ("Mersyndol Forte", {"acetaminophen", "codeine", "doxylamine"}),
    ("Kenacomb Otic", {"triamcinolone", "nystatin", "neomycin", "gramicidin"}),
    ("Orlynvah", {"sulopenem", "probenecid"}),
    ("Symbravo", {"meloxicam", "rizatriptan"}),
    ("Lamaline", {"acetaminophen", "opium", "caffeine"}),
    ("Karvezide 300/12.5", {"irbesartan", "hydrochlorothiazide"}),
    ("Panadeine Forte", {"codeine", "acetaminophen"}),
    # brands added to existing entries
    ("Endone 5 mg", {"oxycodone"}),
    ("Doliprane 1000", {"acetaminophen"}),
    ("Kardegic", {"aspirin"}),
    ("Pantozol 40", {"pantoprazole"}),
    ("Seguril", {"furosemide"}),
    ("Tachipirina", {"acetaminophen"}),
    ("Hydromorph Contin", {"hydromorphone"}),
    ("Osenvelt", {"denosumab"}),
    ("Danziten", {"nilotinib"}),
    ("levotiroxina", {"levothyroxine"}),
])
def test_breadth_names_read_to_their_ingredients(typed, want):
    r = _r(typed)
    assert r.ok and r.how != "fuzzy" and set(r.ingredients) == want


@pytest.mark.parametrize("typed,want", [
    ("Apo-Ramipril 10 mg", "ramipril"),
    ("TEVA-AMLODIPINE", "amlodipine"),
    ("pms-Baclofen", "baclofen"),
    ("Sandoz Citalopram", "citalopram"),
    ("Jamp-Furosemide 40 mg", "furosemide"),
    ("Mylan-Lisinopril", "lisinopril"),
])
def test_a_canadian_labeller_prefix_is_cut(typed, want):
    r = _r(typed)
    assert r.ok and r.ingredients == (want,)


def test_a_prefixed_name_that_is_a_brand_itself_stays_that_brand():
    assert _r("Apo-Go pen").ingredients == ("apomorphine",)


def test_a_labeller_prefix_alone_or_before_a_non_drug_is_not_read():
    for text in ("Apo", "Teva", "Sandoz", "pms water"):
        r = _r(text)
        assert not r.ok or r.how == "fuzzy"


@pytest.mark.parametrize("typed,readings", [("Cartia", ("aspirin", "diltiazem")),
                                            ("Urex", ("methenamine", "furosemide"))])
def test_a_brand_of_two_countries_is_asked_about(typed, readings):
    r = _r(typed)
    assert not r.ok and r.how == "ambiguous"
    text = " ".join(r.suggestions).lower()
    assert all(w in text for w in readings)


def test_the_longer_us_names_keep_their_reading():
    assert _r("Cartia XT 180 mg").ingredients == ("diltiazem",)
    assert _r("Hiprex 1 g").ingredients == ("methenamine",)


def test_a_typo_one_slip_from_two_brands_is_not_read_as_either():
    # 'Topral' is one slip from Toprol (metoprolol) and from Mopral (French omeprazole): the reader must not pick one
    r = _r("Topral")
    assert not r.ok
    assert {"metoprolol", "omeprazole"} <= {s.lower() for s in r.suggestions}


def test_european_vitamin_k_antagonists_are_in_the_class():
    lex = kdrugs.load()
    for drug in ("phenprocoumon", "fluindione"):
        assert "vitamin_k_antagonist" in lex.ingredients[drug]["classes"]
