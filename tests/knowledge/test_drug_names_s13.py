"""Session 13 (planner13): long-tail names found missing by a dev sweep of US and UK names by therapeutic area
(docs/evals/planner-names-s13/), route words after a name, and budesonide by product. Test names are written here
and checked against the lexicon's label-sourced entries."""

import pytest

from medcore.knowledge import drugs as D


def _base(text: str) -> set[str]:
    lex = D.load()
    r = D.resolve(text, lex=lex)
    assert r.how not in ("fuzzy", "unknown", "ambiguous"), (text, r)
    return {lex.ingredients[i].get("form_of") or i for i in r.ingredients}


@pytest.mark.parametrize("text, want", [
    # oncology, immunology and rare-disease products
    ("Alunbrig", {"brigatinib"}), ("Lumakras 120 mg", {"sotorasib"}), ("Opdualag", {"nivolumab", "relatlimab"}),
    ("Darzalex Faspro", {"daratumumab", "hyaluronidase"}), ("Inqovi", {"decitabine", "cedazuridine"}),
    ("Trikafta", {"elexacaftor", "tezacaftor", "ivacaftor"}), ("Kaftrio", {"elexacaftor", "tezacaftor", "ivacaftor"}),
    ("Eylea", {"aflibercept"}), ("Zaltrap", {"ziv-aflibercept"}), ("Soliris", {"eculizumab"}),
    ("Revolade", {"eltrombopag"}), ("Bimzelx", {"bimekizumab"}), ("Leqembi", {"lecanemab"}),
    # UK brands and UK combinations
    ("Zanipress", {"lercanidipine", "enalapril"}), ("Diconal", {"dipipanone", "cyclizine"}),
    ("MigraMax", {"aspirin", "metoclopramide"}), ("Calcium Resonium", {"calcium-polystyrene-sulfonate"}),
    ("Ovestin cream", {"estriol"}), ("Ilaxten 20mg", {"bilastine"}), ("Celectol", {"celiprolol"}),
    ("Comtess", {"entacapone"}), ("Epistatus", {"midazolam"}), ("Mezolar", {"fentanyl"}),
    # US brands and combinations
    ("Beyaz", {"ethinyl-estradiol", "drospirenone", "levomefolate"}), ("Entadfi", {"finasteride", "tadalafil"}),
    ("Prilosec OTC", {"omeprazole"}), ("Qudexy XR", {"topiramate"}), ("Bydureon BCise", {"exenatide"}),
    ("dextroamphetamine-amphetamine", {"amphetamine"}),
    # pack words and mouth routes after a name
    ("Rhinocort Aqua", {"budesonide"}), ("Beconase Aqueous", {"beclomethasone"}), ("EpiPen Jr", {"epinephrine"}),
    ("GTN sublingual", {"nitroglycerin"}), ("midazolam buccal", {"midazolam"}), ("buccal midazolam", {"midazolam"}),
    ("Glucagon Emergency Kit", {"glucagon"}),
    # round 2 and 3: UK OTC and US pack words, contraceptives, vaccines, supplements
    ("Calpol sugar free", {"acetaminophen"}), ("Laxido Orange", {"polyethylene-glycol"}),
    ("Hailey Fe", {"ethinyl-estradiol", "norethindrone"}), ("Blisovi 24 Fe", {"ethinyl-estradiol", "norethindrone"}),
    ("Cryselle", {"ethinyl-estradiol", "norgestrel"}), ("Deltacortril Enteric", {"prednisolone"}),
    ("Imitrex nasal", {"sumatriptan"}), ("Cleocin vaginal", {"clindamycin"}), ("Nicotinell TTS", {"nicotine"}),
    ("Nurofen Cold and Flu", {"ibuprofen", "pseudoephedrine"}), ("Semprex-D", {"acrivastine", "pseudoephedrine"}),
    ("Twinrix", {"hepatitis-a-vaccine", "hepatitis-b-vaccine"}), ("Arexvy", {"rsv-vaccine"}),
    ("Filspari", {"sparsentan"}), ("curcumin", {"turmeric"}), ("asprin", {"aspirin"}), ("xanex", {"alprazolam"}),
    ("Clopixol Depot", {"zuclopenthixol"}), ("Septrin Paediatric", {"sulfamethoxazole", "trimethoprim"}),
    ("Mirena coil", {"levonorgestrel"}), ("Betagan", {"levobunolol"}), ("Haelan", {"fludroxycortide"}),
    ("Isotrexin", {"isotretinoin", "erythromycin"}),
])
def test_long_tail_names(text, want):
    assert _base(text) == want


def test_canesten_oral_is_fluconazole_while_canesten_stays_clotrimazole():
    # "oral" is a form word: before, "Canesten Oral" was cut to "Canesten" and read as clotrimazole
    assert _base("Canesten Oral") == {"fluconazole"}
    assert _base("Canesten") == {"clotrimazole"}


def test_pack_words_do_not_swallow_a_name():
    assert _base("Slow Fe") == {"ferrous-sulfate"}  # the full text is read before any word is cut
    for word in ("orange", "ring", "insert", "nasal", "vaginal", "modified"):
        assert not D.resolve(word).ok, word


def test_zantac_360_is_famotidine_while_zantac_stays_ranitidine():
    assert _base("Zantac 360") == {"famotidine"}
    assert _base("Zantac") == {"ranitidine"}


def test_interferon_beta_1b_is_not_read_as_1a():
    assert _base("Betaseron") == {"interferon-beta-1b"}
    assert _base("interferon beta-1b") == {"interferon-beta-1b"}
    assert _base("Avonex") == {"interferon-beta-1a"}


def test_budesonide_products_are_form_entries():
    lex = D.load()
    for brand, form in (("Pulmicort", "budesonide-inhaled"), ("Rhinocort", "budesonide-nasal"),
                        ("Entocort EC", "budesonide-oral"), ("Uceris", "budesonide-oral")):
        assert D.resolve(brand, lex=lex).ingredients == (form,)
        assert lex.ingredients[form]["form_of"] == "budesonide"
    assert D.resolve("budesonide", lex=lex).ingredients == ("budesonide",)
    # the inhaler combination still holds the base ingredient
    assert set(D.resolve("Symbicort", lex=lex).ingredients) == {"budesonide", "formoterol"}


def test_new_brands_that_are_words_or_given_names_stay_out_of_free_text():
    forms = D.text_forms()
    for word in ("kirsty", "rajani", "muse", "atg", "dnase", "estriol"):
        assert word not in forms
    assert D.resolve("Kirsty").ingredients == ("insulin-aspart",)


def test_each_session_13_ingredient_is_read_by_its_name_and_its_brands():
    """No brand of the new file is claimed by (or resolves to) another entry, and the name resolves exactly."""
    import yaml
    lex = D.load()
    entries = yaml.safe_load((lex.root / "ingredients" / "specialty_s13.yaml").read_text())["ingredients"]
    assert len(entries) > 100
    for e in entries:
        assert D.resolve(e["name"], lex=lex).ingredients == (e["id"],), e["id"]
        for b in e.get("brands", []):
            assert D.resolve(b, lex=lex).ingredients == (e["id"],), (b, e["id"])
