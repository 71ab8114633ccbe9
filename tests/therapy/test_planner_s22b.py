"""Session 22b (issue 13): typed names left unknown on the session-22b dev list
(docs/evals/planner-s22b/names_dev.yaml) are read at their source in the drug lexicon, and ambiguous
abbreviations stay asked about, never guessed."""

import pytest

from medcore.knowledge import drugs as kdrugs


@pytest.fixture(scope="module")
def lex():
    return kdrugs.load()


@pytest.mark.parametrize("typed, want", [
    ("adderal", {"amphetamine"}),                       # misspelling of Adderall, not its look-alike Inderal
    ("sodium bicarb 650", {"sodium-bicarbonate"}),      # chart shortening with a strength
    ("Tessalon Perles", {"benzonatate"}),               # the label's capsule name
    ("nystatin swish and swallow", {"nystatin"}),       # how it is taken, not another ingredient
    ("Crenessity 50", {"crinecerfont"}),                # medicines that were missing entirely
    ("Tzield", {"teplizumab"}),
    ("Xdemvy eye drops", {"lotilaner"}),
    ("omidenepag isopropyl", {"omidenepag"}),
    ("Ycanth", {"cantharidin"}),
    ("Traxam gel", {"felbinac"}),                       # UK topical NSAID, missing entirely
    ("Triapin 5/5", {"ramipril", "felodipine"}),        # a UK combination expands to its ingredients
    ("Blissel", {"estriol"}),
    ("Climaval 2", {"estradiol"}),
])
def test_typed_names_read(lex, typed, want):
    r = kdrugs.resolve(typed, lex=lex)
    assert r.ok and r.how != "fuzzy"
    assert set(r.ingredients) == want


def test_inderal_still_propranolol(lex):
    assert kdrugs.resolve("Inderal", lex=lex).ingredients == ("propranolol",)


@pytest.mark.parametrize("typed", ["MSO4", "AZA", "Sominex", "Sominex 20"])
def test_ambiguous_names_not_guessed(lex, typed):
    # Sominex is promethazine in the UK and diphenhydramine in the US: a brand family, asked about
    r = kdrugs.resolve(typed, lex=lex)
    assert not r.ok and r.how == "ambiguous"


def test_sominex_readings_name_both_medicines(lex):
    readings = " ".join(kdrugs.resolve("Sominex", lex=lex).suggestions)
    assert "promethazine" in readings and "diphenhydramine" in readings
