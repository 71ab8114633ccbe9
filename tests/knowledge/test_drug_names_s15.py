"""Session 15 (planner15): names of US and UK practice the lexicon lacked, found by typing 1,301 names from memory
(docs/evals/planner-s15/typed_names_dev.txt, dev): newer and specialty ingredients with their label classes,
UK brands, pack and form words, and common misspellings."""

import pytest

from medcore.knowledge import drugs as D


@pytest.mark.parametrize("typed, ingredients", [
    ("Bezalip Mono", ("bezafibrate",)), ("ciprofibrate", ("ciprofibrate",)), ("Olbetam", ("acipimox",)),
    ("Imcivree", ("setmelanotide",)), ("Reblozyl", ("luspatercept",)), ("Oxbryta", ("voxelotor",)),
    ("Pyrukynd", ("mitapivat",)), ("Fabhalta", ("iptacopan",)), ("Zilbrysq", ("zilucoplan",)),
    ("Enjaymo", ("sutimlimab",)), ("Spevigo", ("spesolimab",)), ("Crysvita", ("burosumab",)),
    ("Aklief", ("trifarotene",)), ("Seysara", ("sarecycline",)), ("demeclocycline", ("demeclocycline",)),
    ("Vanrafia", ("atrasentan",)), ("Evrenzo", ("roxadustat",)), ("Vaprisol", ("conivaptan",)),
    ("Isturisa", ("osilodrostat",)), ("Metopirone", ("metyrapone",)), ("Recorlev", ("levoketoconazole",)),
    ("promazine", ("promazine",)), ("pericyazine", ("periciazine",)), ("Pro-Banthine", ("propantheline",)),
    ("Amlostin", ("amlodipine",)), ("Simvador", ("simvastatin",)), ("Inhixa", ("enoxaparin",)),
    ("Rinvoq LQ", ("upadacitinib",)), ("Avomine", ("promethazine",)), ("Xonvea", ("doxylamine", "pyridoxine")),
    ("Day Nurse", ("acetaminophen", "pseudoephedrine", "pholcodine")), ("Twyneo", ("tretinoin", "benzoyl-peroxide")),
    # pack and form words
    ("azithromycin z-pak", ("azithromycin",)), ("phenytoin sodium extended 100", ("phenytoin",)),
    ("nicotine gum", ("nicotine",)), ("Nicorette inhalator", ("nicotine",)),
    # common misspellings (exact variants)
    ("codine", ("codeine",)), ("meclazine", ("meclizine",)), ("tamsolusin", ("tamsulosin",)),
    ("sulcrafate", ("sucralfate",)), ("spirolactone", ("spironolactone",)), ("metforim", ("metformin",)),
])
def test_names_s15(typed, ingredients):
    r = D.resolve(typed)
    assert set(r.ingredients) == set(ingredients) and r.how not in ("fuzzy", "spelling"), r


def test_a_new_strong_cyp3a4_inhibitor_comes_with_its_rules():
    # a drug known with no rule would read as "no interaction": conivaptan's label contraindicates CYP3A4 substrates
    assert "strong_cyp3a4_inhibitor" in D.classes_of("conivaptan")
    assert "strong_cyp3a4_inhibitor" in D.classes_of("levoketoconazole")


def test_everyday_words_and_pack_words_alone_are_not_drugs():
    for word in ("gum", "inhalator", "extended", "new day", "my choice"):
        assert word not in D.text_forms()
    assert not D.resolve("gum").ok and not D.resolve("extended").ok
