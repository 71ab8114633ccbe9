"""Session 11 names: UK co- names, chart abbreviations, inhaler/insulin/contraceptive/eye/skin brands, device and
release words, and abbreviations with more than one reading (never resolved, never guessed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from medcore.knowledge import drugs as D
from medcore.knowledge.drug_lexicon import DrugKBError, drugs_root


def _ingredients(text: str) -> set[str]:
    r = D.resolve(text)
    assert r.how not in ("fuzzy", "unknown", "ambiguous"), (text, r)
    return set(r.ingredients)


@pytest.mark.parametrize("text, want", [
    ("co-codamol 30/500", {"codeine", "acetaminophen"}),
    ("cocodamol 8/500 two tablets qds", {"codeine", "acetaminophen"}),
    ("co-amilofruse 5/40", {"amiloride", "furosemide"}),
    ("co-tenidone 50/12.5", {"atenolol", "chlorthalidone"}),
    ("co-danthramer", {"dantron", "poloxamer-188"}),
    ("co-magaldrox", {"magnesium-hydroxide", "aluminium-hydroxide"}),
    ("co-fluampicil 250/250", {"flucloxacillin", "ampicillin"}),
    ("co-cyprindiol", {"cyproterone", "ethinyl-estradiol"}),
    ("co-proxamol", {"propoxyphene", "acetaminophen"}),
])
def test_uk_co_names_give_every_ingredient(text, want):
    assert _ingredients(text) == want


@pytest.mark.parametrize("text, want", [
    ("Fostair NEXThaler 100/6 two puffs bd", {"beclomethasone", "formoterol"}),
    ("Trimbow", {"beclomethasone", "formoterol", "glycopyrrolate"}),
    ("Seretide 250 Accuhaler", {"fluticasone", "salmeterol"}),
    ("Ultibro Breezhaler", {"indacaterol", "glycopyrrolate"}),
    ("Humulin M3", {"insulin-nph", "insulin-regular"}),
    ("Soliqua 100/33", {"insulin-glargine", "lixisenatide"}),
    ("Microgynon 30", {"levonorgestrel", "ethinyl-estradiol"}),
    ("Femodene", {"gestodene", "ethinyl-estradiol"}),
    ("Ganfort eye drops", {"bimatoprost", "timolol"}),
    ("Fucibet cream", {"fusidic-acid", "betamethasone"}),
    ("Nurofen Plus", {"ibuprofen", "codeine"}),
    ("Migraleve", {"acetaminophen", "codeine", "buclizine"}),
    ("Janumet 50/1000", {"sitagliptin", "metformin"}),
    ("Trijardy XR", {"empagliflozin", "linagliptin", "metformin"}),
    ("Rifater", {"rifampin", "isoniazid", "pyrazinamide"}),
])
def test_combination_brands_give_every_ingredient(text, want):
    assert _ingredients(text) == want


@pytest.mark.parametrize("text, want", [
    ("Humalog Mix 25 KwikPen", "insulin-lispro"), ("NovoRapid FlexPen", "insulin-aspart"),
    ("Lantus SoloStar", "insulin-glargine"), ("Cerazette", "desogestrel"), ("Ventolin Evohaler", "albuterol"),
    ("Tegretol Retard 200mg", "carbamazepine"), ("Epilim Chrono 500", "valproate"),
    ("levocetirizine dihydrochloride", "levocetirizine"), ("triamcinolone acetonide", "triamcinolone"),
    ("PCM 1g qds", "acetaminophen"), ("CBZ", "carbamazepine"), ("ISMN MR 60mg", "isosorbide-mononitrate"),
    ("TZP 4.5g tds", "piperacillin"), ("SL GTN", "nitroglycerin"), ("Minims chloramphenicol", "chloramphenicol"),
    ("Zirtek", "cetirizine"), ("Eltroxin 100 micrograms", "levothyroxine"), ("paracetemol", "acetaminophen"),
])
def test_brands_abbreviations_and_release_words(text, want):
    assert want in _ingredients(text)


@pytest.mark.parametrize("text, readings", [
    ("MS 10 mg", {"morphine sulfate", "magnesium sulfate"}),
    ("MSO4", {"morphine sulfate", "magnesium sulfate"}),
    ("AZT", {"zidovudine", "azathioprine", "aztreonam"}),
    ("T3", {"liothyronine"}),
    ("levo 500", {"levothyroxine", "levofloxacin"}),
    ("pred 40mg od", {"prednisone", "prednisolone"}),
])
def test_an_abbreviation_with_two_readings_is_never_resolved(text, readings):
    r = D.resolve(text)
    assert not r.ok and r.how == "ambiguous"
    assert readings <= set(r.suggestions)


def test_a_full_name_that_starts_like_a_refused_abbreviation_still_resolves():
    assert _ingredients("MS Contin 30 mg") == {"morphine"}
    assert _ingredients("MgSO4") == {"magnesium-sulfate"}  # the formula typed out is one substance
    assert _ingredients("MTX 15 mg weekly") == {"methotrexate"}


def test_a_refused_abbreviation_claimed_by_an_entry_fails_at_load(tmp_path: Path):
    kb = tmp_path / "kb"
    shutil.copytree(drugs_root(), kb / "knowledge" / "drugs")
    p = kb / "knowledge" / "drugs" / "ingredients" / "zz_test.yaml"
    p.write_text('ingredients:\n  - {id: newdrug, name: newdrug, synonyms: [MSO4], classes: [], source: "test source"}\n')
    with pytest.raises(DrugKBError, match="refused abbreviation"):
        D.load(kb)


def test_every_name_a_product_lists_reads_as_that_product():
    """A combination brand listed under one of its ingredients (Arthrotec under diclofenac once) would hide the
    other ingredients from every check; the product's own names must win."""
    lex = D.load()
    wrong = []
    for pid, e in lex.products.items():
        for n in (e["name"], *e.get("brands", []), *e.get("synonyms", [])):
            r = D.resolve(n, lex=lex)
            if r.product != pid and set(r.ingredients) != set(e["ingredients"]):
                wrong.append((n, pid, r.ingredients))
    assert not wrong, wrong


@pytest.mark.parametrize("text, want", [
    ("Arthrotec", {"diclofenac", "misoprostol"}), ("Namzaric", {"memantine", "donepezil"}),
    ("Primaxin", {"imipenem", "cilastatin"}),
])
def test_brands_once_read_as_one_ingredient_now_give_all(text, want):
    assert _ingredients(text) == want


def test_brands_that_are_given_names_or_words_stay_out_of_free_text():
    forms = D.text_forms()
    for word in ("heather", "hana", "camila", "epi", "dig", "mom", "nph", "pht", "ltg", "csa", "night nurse", "plan b"):
        assert word not in forms, word
    assert _ingredients("Heather") == {"norethindrone-pop"}  # in a medication field it is the pill (its own form since s15)


def test_a_misspelling_not_listed_is_still_only_a_guess():
    # two slips from its name: a closest-spelling guess (session 12: one slip reads as "spelling", see
    # tests/knowledge/test_drug_names_s12.py)
    r = D.resolve("paracitamal")  # session 14: "paracetamolll" now reads by the sound-alike rule (doubled letters)
    assert r.how in ("fuzzy", "unknown")
