"""Session 15 (planner15s): names sets M (dev since planner15s) showed the lexicon missing: ward short forms typed with
a strength ("furo 40", "lanso 30"), read only when every name that starts that way is one drug; the "nebs" form word;
and two brand family members (Sorilux, Noristerat). Short forms with more than one reading stay unread."""

import pytest

from medcore.knowledge import drugs as D


@pytest.mark.parametrize("typed, ingredient", [
    ("furo 40", "furosemide"), ("omep 20 od", "omeprazole"), ("lanso 30", "lansoprazole"), ("amlo 5", "amlodipine"),
    ("quet 25 nocte", "quetiapine"),
])
def test_a_short_form_with_a_strength_is_read_when_one_drug_starts_that_way(typed, ingredient):
    r = D.resolve(typed)
    assert r.ingredients == (ingredient,) and r.how == "shortened"


@pytest.mark.parametrize("typed", [
    "furo",  # no strength: nothing marks the word as a medicine typed short
    "carb 200",  # carbamazepine, carbimazole, carbidopa ...
    "digo 125",  # digoxin or digoxin immune fab
    "prega 75",  # a name of another medicine starts the same way
    "sim 40",  # under 4 letters
])
def test_a_short_form_is_not_guessed_when_it_has_more_than_one_reading(typed):
    r = D.resolve(typed)
    assert r.how != "shortened"


def test_refused_abbreviations_stay_refused_with_a_strength():
    # ISMP: "metro" is metronidazole or metoprolol; "pred" prednisone or prednisolone
    for typed in ("metro 400 tds", "pred 5"):
        r = D.resolve(typed)
        assert not r.ok and r.how == "ambiguous"


@pytest.mark.parametrize("typed, ingredient", [
    ("ipratropium nebs 500mcg", "ipratropium"), ("salbutamol nebs 2.5mg", "albuterol"),
    ("Sorilux foam", "calcipotriene"), ("Calcitrene ointment", "calcipotriene"),
    ("Noristerat injection", "norethindrone"), ("norethisterone enantate", "norethindrone"),
])
def test_form_words_and_brand_family_members(typed, ingredient):
    assert D.resolve(typed).ingredients == (ingredient,)
