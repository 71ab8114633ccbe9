"""Session 16 (planner16s): names set N and pair set V (dev since planner16s). A ward short form typed with a strength
that starts the names of two to four drugs is asked about with those drugs as its readings (before, the closest-
spelling suggestions could leave out the drug meant); the Golden Eye brand family (three different medicines, BNF
2026) is asked about rather than read as one; carmellose eye drops are a tear substitute."""

import pytest

from medcore.knowledge import drugs as D


@pytest.mark.parametrize("typed, readings", [
    ("clopi 75", {"clopidogrel", "zuclopenthixol"}),  # Clopixol is zuclopenthixol
    ("clari 500 bd", {"clarithromycin", "loratadine", "desloratadine"}),  # Claritin, Clarinex
])
def test_a_short_form_with_a_few_readings_is_asked_about_with_them(typed, readings):
    r = D.resolve(typed)
    assert r.how == "ambiguous" and not r.ingredients
    assert readings <= set(r.suggestions)


def test_a_short_form_with_many_readings_stays_unknown():
    # carbamazepine, carbidopa, carboplatin, carbimazole ...: too many to list ("para 1g qds", the first example,
    # is read since session 17: "para" is listed as UK ward shorthand for paracetamol, test_drug_names_s17.py)
    r = D.resolve("carb 200 bd")
    assert r.how == "unknown" and not r.ingredients


def test_one_drug_short_forms_are_still_read():
    assert D.resolve("furo 40").ingredients == ("furosemide",)


@pytest.mark.parametrize("typed", ["Golden Eye", "Golden Eye ointment"])
def test_the_golden_eye_family_is_asked_about(typed):
    r = D.resolve(typed)
    assert r.how == "ambiguous" and not r.ingredients
    assert any("chloramphenicol" in s for s in r.suggestions) and any("dibrompropamidine" in s for s in r.suggestions)


@pytest.mark.parametrize("typed, ingredient", [
    ("Golden Eye Antibiotic ointment", "chloramphenicol"), ("Golden Eye drops", "propamidine"),
    ("carmellose eye drops", "artificial-tears"), ("carmellose sodium eye drops", "artificial-tears"),
])
def test_named_products_are_read(typed, ingredient):
    assert D.resolve(typed).ingredients == (ingredient,)
