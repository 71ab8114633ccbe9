"""Session 29b (issue 13, helper brand29): brand names as typed outside the US, kept in
ingredients/breadth_s29b.yaml as `names` entries (names only, no new ingredient). A sample reads the right ingredients
(strength and form words, combinations, Chinese pinyin); names the generator left out stay as they were (a name
another drug claims, one near a top-market name of another drug, a combination whose product the lexicon lacks);
ordinary words and given names, including the pack words that now follow some brands, read nothing. Own items."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medcore.knowledge import drug_lexicon
from medcore.knowledge import drugs as D
from medcore.knowledge.names import normalise

FILE = Path(drug_lexicon.drugs_root()) / "ingredients" / "breadth_s29b.yaml"


@pytest.mark.parametrize("typed, want", [
    ("Beloc-Zok mite 47,5 mg", {"metoprolol"}),                    # DE low strength word
    ("Beloc-Zok comp", {"metoprolol", "hydrochlorothiazide"}),      # comp = with the thiazide, not metoprolol alone
    ("Lodoz 5 mg/6.25 mg", {"bisoprolol", "hydrochlorothiazide"}),  # FR
    ("Lorzaar plus", {"losartan", "hydrochlorothiazide"}),          # DE
    ("Telmikind-H", {"telmisartan", "hydrochlorothiazide"}),        # IN
    ("Seroquel Prolong 400 mg", {"quetiapine"}),                    # EU prolonged release
    ("Noliprel", {"perindopril", "indapamide"}),                    # PL
    ("Efferalgan codeine", {"acetaminophen", "codeine"}),           # FR
    ("Prontalgine", {"acetaminophen", "codeine", "caffeine"}),      # FR
    ("Tramcet 37.5/325", {"tramadol", "acetaminophen"}),            # JP
    ("Forecox", {"rifampin", "isoniazid", "pyrazinamide", "ethambutol"}),  # IN four-drug TB tablet
    ("Klamoks 1 g", {"amoxicillin", "clavulanate"}),                # TR
    ("Arveles 25", {"dexketoprofen"}),                              # TR
    ("Majezik 100", {"flurbiprofen"}),                              # TR
    ("Baixintong 30 mg", {"nifedipine"}),                           # CN pinyin of the brand
    ("Boliwei", {"clopidogrel"}),                                   # CN pinyin
    ("Metfogamma 850", {"metformin"}),                              # DE
    ("Glactiv 50", {"sitagliptin"}),                                # JP
    ("Stimuloton 50 mg", {"sertraline"}),                           # HU/PL
    ("Cardioaspirina 100", {"aspirin"}),                            # IT
    ("Urimax D", {"dutasteride", "tamsulosin"}),                    # IN combination
    # ramipril + HCTZ: read whole through plan29's "comp" suffix rule (merged with this file), never ramipril alone
    ("Delix comp", {"ramipril", "hydrochlorothiazide"}),
])
def test_new_names_read_their_ingredients(typed, want):
    r = D.resolve(typed)
    assert r.ok and set(r.ingredients) == want, (typed, r.how, r.ingredients)


@pytest.mark.parametrize("typed, not_want", [
    ("Galvus Met", {"vildagliptin"}),    # vildagliptin + metformin: left out ("met"), must not read vildagliptin alone
    ("Betacap", {"propranolol"}),        # the Indian propranolol brand: the lexicon's Betacap is betamethasone scalp
    ("Concor COR", {"simvastatin"}),     # left out: two slips from Zocor
])
def test_left_out_names_do_not_read_the_wrong_drug(typed, not_want):
    r = D.resolve(typed)
    assert not (set(r.ingredients) & not_want), (typed, r.how, r.ingredients)


@pytest.mark.parametrize("word", ["mite", "comp", "plus", "prolong", "control", "duo", "forte", "retard",
                                  "Benet", "Uprise", "cardio", "semi", "equal", "tonic", "panel",
                                  # given names a left-out brand (Doreta, Elicea, Velija, Vernies) had read
                                  "Doretha", "Doretta", "Elicia", "Velia", "Vernie"])
def test_pack_words_ordinary_words_and_names_read_nothing(word):
    r = D.resolve(word)
    assert not r.ok, (word, r.how, r.ingredients)


def test_the_file_adds_names_only_and_each_has_a_country_and_source():
    doc = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    assert doc["ingredients"] == []
    assert len(doc["names"]) > 300
    for e in doc["names"]:
        assert e["country"] and e["source"] and e["brands"], e


def _slips(a: str, b: str) -> int:
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if prev2 and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


# top-market names of other drugs, written here (own list): each new name keeps more than two slips from them
TOP = {"zocor": "simvastatin", "lasix": "furosemide", "norvasc": "amlodipine", "crestor": "rosuvastatin",
       "lipitor": "atorvastatin", "xanax": "alprazolam", "zyrtec": "cetirizine", "prozac": "fluoxetine",
       "coreg": "carvedilol", "lantus": "insulin-glargine", "celexa": "citalopram", "ativan": "lorazepam",
       "diovan": "valsartan", "zofran": "ondansetron", "ultram": "tramadol", "femara": "letrozole"}


def test_no_new_name_within_two_slips_of_a_listed_top_name_of_another_drug():
    lex = drug_lexicon.load()
    doc = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    near = []
    for e in doc["names"]:
        parts = set(lex.products[e["of"]]["ingredients"]) if e["of"] in lex.products else {e["of"]}
        for n in e["brands"]:
            k = normalise(n)
            for t, drug in TOP.items():
                if drug not in parts and abs(len(k) - len(t)) <= 2 and _slips(k, t) <= 2:
                    near.append((n, t))
    assert not near, near


@pytest.mark.parametrize("typo, want", [
    ("Zocr", {"simvastatin"}), ("Lasixx", {"furosemide"}), ("Norvsac", {"amlodipine"}), ("Crestr", {"rosuvastatin"}),
])
def test_typos_of_top_names_still_read_their_own_drug(typo, want):
    r = D.resolve(typo)
    assert not r.ingredients or set(r.ingredients) == want, (typo, r.how, r.ingredients)
