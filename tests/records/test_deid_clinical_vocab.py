"""The clinical vocabulary that shields words from de-identification (issue 11/14): a brand's pack and flavour
words, and brands that are also given names, shield nothing; real drug and problem words still do."""

from medcore.deid import deidentify
from medcore.deid.clinical_vocab import clinical_words


def test_pack_words_and_name_like_brands_are_not_clinical_words():
    words = clinical_words()
    assert "orange" not in words and "aqua" not in words  # "Ispagel Orange", "Rhinocort Aqua"
    assert "heather" not in words and "kirsty" not in words  # brands the drug rules keep out of free text
    assert {"imuran", "warfarin", "pneumonia", "knee"} <= words


def test_a_town_and_a_given_name_that_share_a_brand_word_are_removed():
    assert [s.text for s in deidentify("Home town: East Orange, NJ  07018").spans] == ["East Orange"]
    assert "Heather" not in deidentify("Seen today with her daughter Heather Jones.").text
    assert "Imuran" in deidentify("She was moved to Imuran last spring.").text
