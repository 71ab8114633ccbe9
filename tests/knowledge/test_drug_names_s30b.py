"""Session 30b (issue 13, helper brand30): brand and trade names of medicines the lexicon already holds, as typed outside
the US (CEE/Russian transliterations, India, Latin America, Japan, China pinyin, the Philippines, Indonesia, Africa),
salts and INN spellings as sold, UK branded generics, OTC packs and biosimilars, in ingredients/breadth_s30b.yaml
(names only). A sample reads the right ingredients; names the generator left out keep their old reading (another drug
claims the name); the struck R/N insulin pairs stay unread as one kind; ordinary words and given names read nothing.
Own items."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medcore.knowledge import drug_lexicon
from medcore.knowledge import drugs as D

FILE = Path(drug_lexicon.drugs_root()) / "ingredients" / "breadth_s30b.yaml"


@pytest.mark.parametrize("typed, want", [
    ("Kordipin 10 mg", {"nifedipine"}),                          # SI/RU Krka
    ("Verospiron 25", {"spironolactone"}),                        # HU spelling
    ("Egitromb 75", {"clopidogrel"}),                             # HU Egis
    ("Torvast 20", {"atorvastatin"}),                             # IT
    ("Diabefarm", {"gliclazide"}),                                # RU
    ("Glimicron", {"gliclazide"}),                                # JP
    ("Jienuowei", {"sitagliptin"}),                               # CN pinyin of the brand
    ("Atuofatating", {"atorvastatin"}),                           # CN pinyin of the INN
    ("Khairabezol 20", {"rabeprazole"}),                          # RU transliteration
    ("Ekoklav", {"amoxicillin", "clavulanate"}),                  # RU combination joins its product
    ("Biseptol 480", {"sulfamethoxazole", "trimethoprim"}),      # PL
    ("Lonart", {"artemether", "lumefantrine"}),                   # NG
    ("Tafirol 1 g", {"acetaminophen"}),                           # AR
    ("Zaldiar", {"tramadol", "acetaminophen"}),                   # ES/FR
    ("Akatinol Memantine", {"memantine"}),                        # RU
    ("Reditux", {"rituximab"}),                                   # IN biosimilar
    ("Abevmy", {"bevacizumab"}),                                  # EU biosimilar
    ("Calcichew D3", {"calcium-carbonate", "cholecalciferol"}),  # UK
    ("pantoprazol sódico", {"pantoprazole"}),                     # salt as sold, ES
    ("acide acétylsalicylique", {"aspirin"}),                     # INN as sold, FR
])
def test_new_names_read_their_ingredients(typed, want):
    r = D.resolve(typed)
    assert r.ok and set(r.ingredients) == want, (typed, r.how, r.ingredients)


@pytest.mark.parametrize("typed, want", [
    ("Actron", {"ketoprofen"}),     # the Argentine ibuprofen brand: the lexicon's Actron is the US ketoprofen
    ("Glynase", {"glyburide"}),     # written by mistake as glipizide: the lexicon keeps glyburide
    ("Tenox", {"temazepam"}),       # the Krka amlodipine brand: Tenox is temazepam in the lexicon
])
def test_names_another_drug_claims_keep_their_reading(typed, want):
    r = D.resolve(typed)
    assert set(r.ingredients) == want, (typed, r.how, r.ingredients)


@pytest.mark.parametrize("typed", ["Biosulin N", "Gensulin R", "Insugen-N"])
def test_struck_insulin_pairs_are_not_read_as_one_kind(typed):
    r = D.resolve(typed)
    assert not r.ok or len(set(r.ingredients) & {"insulin-nph", "insulin-regular"}) != 1 or r.how != "exact", \
        (typed, r.how, r.ingredients)


@pytest.mark.parametrize("word", ["Carmen", "Azalia", "Jeanine", "Chloe", "Bellina", "tulip", "coronal", "tide",
                                  "valent", "ravel", "long", "melt"])
def test_left_out_words_and_given_names_read_nothing(word):
    r = D.resolve(word)
    assert not r.ok, (word, r.how, r.ingredients)



# Struck at the merge: a clinical word typed one slip short read the brand (the English-word guard knows no clinical
# words). Opposite cases: the drugs themselves still read by their usual names.
@pytest.mark.parametrize("word", ["seizur", "convulsin", "abdomin"])
def test_clinical_words_typed_one_slip_short_read_no_drug(word):
    r = D.resolve(word)
    assert not r.ok, (word, r.how, r.ingredients)


@pytest.mark.parametrize("typed, want", [("Lamictal", {"lamotrigine"}), ("methyldopa", {"methyldopa"})])
def test_the_struck_brands_drugs_still_read(typed, want):
    r = D.resolve(typed)
    assert r.ok and set(r.ingredients) == want, (typed, r.how, r.ingredients)

def test_the_file_adds_names_only_and_each_has_a_country_and_source():
    doc = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    assert doc["ingredients"] == []
    assert sum(len(e["brands"]) for e in doc["names"]) > 500
    for e in doc["names"]:
        assert e["country"] and e["source"] and e["brands"], e
