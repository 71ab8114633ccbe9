"""Issue 11, session 25 (rec25): a function told with a lay word for difficulty, the organs a cancer has spread to,
a lesion an examination sees at a site, unsteadiness and excessive daytime sleepiness told alone. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from medcore.records import function_difficulty

from ._read import problems as _problems


def _found(kb, text: str) -> list[tuple[str | None, str]]:
    return [(c, a) for _, c, a in _problems(kb, text)]


@pytest.mark.parametrize("text, code", [
    ("Since the stroke he has had trouble with ambulation around the house.", "R26.2"),
    ("She reports difficulty walking more than a block.", "R26.2"),
    ("He has problems keeping his balance on stairs.", "R26.81"),
    ("She has had difficulty with swallowing solid food for a month.", "R13.10"),
    ("Her husband notes trouble with word retrieval when she is tired.", "R47.02"),
    ("He describes problems with concentration at work.", "R41.840"),
    ("Swallowing difficulties began after the radiotherapy.", "R13.10"),
    ("He has had difficulty urinating for several weeks.", "R39.19"),
])
def test_a_function_told_with_a_difficulty_word_is_its_problem(kb, text, code):
    assert (code, "present") in _found(kb, text)


@pytest.mark.parametrize("text, code", [
    ("She denies any difficulty with swallowing.", "R13.10"),
    ("No problems with his balance since the last visit.", "R26.81"),
    ("He reports no trouble walking.", "R26.2"),
])
def test_a_denied_difficulty_is_absent(kb, text, code):
    assert (code, "negated") in _found(kb, text)


@pytest.mark.parametrize("text", [
    "He had trouble with his insurance paperwork.",
    "There were no problems with the wound dressing.",
    "She walks without difficulty.",
])
def test_a_difficulty_with_no_bodily_function_is_no_problem(kb, text):
    assert not [c for c, _ in _found(kb, text) if c and c[0] == "R" and c[:3] in ("R26", "R13", "R47", "R41", "R39")]


def test_the_function_table_refuses_a_wording_listed_twice():
    with pytest.raises(function_difficulty.FunctionDifficultyError):
        function_difficulty.build({"source": "x", "functions": {"insomnia": ["sleeping"], "somnolence": ["sleeping"]}})


@pytest.mark.parametrize("text, codes", [
    ("Her ovarian cancer has metastasized to the liver, the pleura and both adrenal glands.", ["C78.7", "C78.2", "C79.70"]),
    ("Known renal cell carcinoma metastatic to the lungs and bones.", ["C78.00", "C79.51"]),
    ("Melanoma metastatic to the brain, spleen, as well as the skin, status post immunotherapy.",
     ["C79.31", "C78.89", "C79.2"]),
])
def test_each_organ_a_cancer_has_spread_to_is_a_secondary_neoplasm(kb, text, codes):
    found = [c for c, _ in _found(kb, text)]
    assert all(c in found for c in codes), found


def test_a_spread_list_ends_at_an_item_that_names_no_organ(kb):
    found = [c for c, _ in _found(kb, "Lung cancer metastatic to the liver and then treated with radiation, spleen "
                                        "normal.")]
    assert "C78.7" in found and "C78.89" not in found


def test_an_infection_that_spread_is_no_metastasis(kb):
    found = [c for c, _ in _found(kb, "The cellulitis spread to the thigh and groin over two days.")]
    assert not [c for c in found if c and c.startswith(("C77", "C78", "C79"))]


@pytest.mark.parametrize("text, code", [
    ("EARS: Canals clear without lesions.", "H61.90"),
    ("MOUTH: Tongue, gums and palate without lesion.", "K13.79"),
    ("SKIN: No scalp lesions were seen.", "L98.9"),
    ("EYES: Lids without lesions, conjunctivae pink.", "H02.9"),
])
def test_an_examined_site_without_lesions_is_that_sites_lesion_absent(kb, text, code):
    assert (code, "negated") in _found(kb, text)


def test_unsteadiness_and_daytime_sleepiness_told_alone(kb):
    found = _found(kb, "He reports increasing unsteadiness and excessive daytime sleepiness.")
    assert ("R26.81", "present") in found and ("G47.10", "present") in found


@pytest.mark.parametrize("text, code", [
    ("PREOPERATIVE DIAGNOSIS: Dense pelvic adhesions.", "N73.6"),
    ("POSTOPERATIVE DIAGNOSIS: Posterior capsular opacification, left eye.", "H26.40"),
    ("PREOPERATIVE DIAGNOSIS: Adenocarcinoma of the rectum.", "C20"),
    ("POSTOPERATIVE DIAGNOSIS: Failed back surgery syndrome.", "M96.1"),
    ("INDICATION: Painful hardware, right ankle.", "T84.84XA"),
])
def test_operative_diagnoses_as_surgeons_write_them(kb, text, code):
    assert code in [c for c, _ in _found(kb, text)]


@pytest.mark.parametrize("text, codes", [
    # an organ that leads its list item, with words after it (session 25 final read): own sentences
    ("The melanoma metastasized to the brain last year.", ["C79.31"]),
    ("Her lung cancer is metastatic to bone and liver since 2021.", ["C79.51", "C78.7"]),
])
def test_an_organ_with_words_after_it_is_still_a_spread_site(kb, text, codes):
    found = [c for c, _ in _found(kb, text)]
    assert all(c in found for c in codes), found
