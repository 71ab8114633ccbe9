"""Session 29 (issue 13): combination brands read as all their ingredients (Indian packs, a diuretic word after an
ACE inhibitor / ARB / beta blocker brand), German strength words, grapefruit as its own interactant with label
severities, and label rules for pairs that were missing or too low. Own items, each with an opposite case."""
import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix


def _r(text):
    return kdrugs.resolve(text)


@pytest.mark.parametrize("typed, want", [
    ("Nimulid MR 100", {"nimesulide", "tizanidine"}),      # MR = muscle relaxant in this Indian brand
    ("Clopilet A 75", {"clopidogrel", "aspirin"}),
    ("Pantocid DSR", {"pantoprazole", "domperidone"}),
    ("Glycomet GP 1", {"glimepiride", "metformin"}),
    ("Montair LC", {"montelukast", "levocetirizine"}),
    ("Olpress Plus 20/12.5", {"olmesartan", "hydrochlorothiazide"}),  # was guessed as Blopress Plus (candesartan)
    ("Delix plus", {"ramipril", "hydrochlorothiazide"}),
    ("Concor comp", {"bisoprolol", "hydrochlorothiazide"}),
    ("Lorzaar plus", {"losartan", "hydrochlorothiazide"}),
    ("Coversyl Plus", {"perindopril", "indapamide"}),       # perindopril's partner is indapamide
])
def test_combination_brands_read_every_ingredient(typed, want):
    r = _r(typed)
    assert r.ok and set(r.ingredients) == want, (typed, r)


@pytest.mark.parametrize("typed, want", [
    ("Nimulid", {"nimesulide"}), ("Clopilet", {"clopidogrel"}), ("Glycomet 500", {"metformin"}),
    ("Olpress", {"olmesartan"}), ("Delix 5", {"ramipril"}), ("Concor 5", {"bisoprolol"}),
    ("Sirdalud MR", {"tizanidine"}),  # here MR is modified release: the bare brand's own drug
    ("Beloc-Zok mite", {"metoprolol"}),  # German lower strength: same drug
    ("Voltaren forte", {"diclofenac-topical"}),
])
def test_the_mono_brand_and_strength_words_stay_one_drug(typed, want):
    r = _r(typed)
    assert r.ok and set(r.ingredients) == want, (typed, r)


@pytest.mark.parametrize("typed", ["Norvasc plus", "Voltaren plus", "Lasix comp", "Zyrtec H"])
def test_a_diuretic_word_after_another_class_is_not_read_as_a_combination(typed):
    r = _r(typed)
    assert not (r.ok and "hydrochlorothiazide" in r.ingredients), (typed, r)


@pytest.mark.parametrize("typed", ["Triatec comp 5", "Delix plus"])
def test_combination_word_never_reads_the_mono_drug_alone(typed):
    r = _r(typed)
    assert not (r.ok and set(r.ingredients) == {"ramipril"}), (typed, r)


@pytest.mark.parametrize("word", ["dust mite", "mite", "rinse", "womens", "plus", "comp"])
def test_new_pack_words_alone_are_no_drug(word):
    r = _r(word)
    assert not r.ok, (word, r)


def _lead(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown, rep.unknown
    return rep.findings[0] if rep.findings else None


@pytest.mark.parametrize("drug, severity", [
    ("nimodipine", "major"),      # Nymalize: avoid grapefruit (was contraindicated through the strong-inhibitor class)
    ("simvastatin", "major"),
    ("felodipine", "major"),
    ("tacrolimus", "major"),
    ("atorvastatin", "moderate"),  # Lipitor: only large amounts
    ("buspirone", "moderate"),
])
def test_grapefruit_follows_each_label(kb, drug, severity):
    f = _lead(kb, "grapefruit juice", drug)
    assert f is not None and f.severity == severity, (drug, f and f.severity)


@pytest.mark.parametrize("drug", ["voriconazole", "metformin", "sertraline", "naloxegol"])
def test_grapefruit_is_no_strong_cyp3a4_inhibitor(kb, drug):
    f = _lead(kb, "grapefruit", drug)
    assert f is None or f.severity != "contraindicated", (drug, f and f.severity)


@pytest.mark.parametrize("a, b", [("nimodipine", "clarithromycin"), ("simvastatin", "itraconazole")])
def test_real_strong_inhibitors_keep_their_contraindication(kb, a, b):
    f = _lead(kb, a, b)
    assert f is not None and f.severity == "contraindicated", (a, b, f and f.severity)


@pytest.mark.parametrize("a, b, severity", [
    ("oxycodone", "carisoprodol", "major"),       # opioid + muscle relaxant (FDA boxed warning)
    ("elagolix", "gemfibrozil", "contraindicated"),  # Orilissa: strong OATP1B1 inhibitor
    ("levothyroxine", "sucralfate", "moderate"),  # Synthroid 7.1
    ("glipizide", "sulfamethoxazole/trimethoprim", "moderate"),
    ("dabigatran", "dronedarone", "major"),
])
def test_label_rules_s29(kb, a, b, severity):
    f = _lead(kb, a, b)
    assert f is not None and f.severity == severity, (a, b, f and f.severity)


@pytest.mark.parametrize("a, b", [
    ("elagolix", "atorvastatin"), ("levothyroxine", "famotidine"), ("glipizide", "amoxicillin"),
    ("acetaminophen", "carisoprodol"),
])
def test_no_flag_next_to_the_s29_rules(kb, a, b):
    f = _lead(kb, a, b)
    assert f is None or "s29" not in (f.source or "") and f.severity not in ("major", "contraindicated"), (a, b)
