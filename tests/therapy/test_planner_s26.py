"""Session 26 (issue 13): a wrong reading is worse than none. Words that name no medicine (excipients, foods, body
parts, toiletries and supplies: knowledge/drugs/non_drug_words.yaml) are never read as a drug by a spelling, sound or
salt guess; a guess never overrules a drug the typed words name exactly; chart short forms; bare human-insulin brands
are asked; label rules. Own items throughout."""

import shutil
from pathlib import Path

import pytest

from medcore.knowledge import drug_lexicon as D
from medcore.knowledge import drugs as kdrugs
from medcore.knowledge.drug_lexicon import DrugKBError, drugs_root
from medcore.therapy import interactions as ix
from medcore.therapy import names as tnames


def _r(text, lex=None):
    return kdrugs.resolve(text, lex=lex)


@pytest.mark.parametrize("word", [
    "lanolin", "Lanolin ointment", "lactose", "lactose monohydrate", "erythrosine", "ethylcellulose", "cellulose",
    "sorbic acid", "calcium stearate", "wool alcohols", "testis", "pancreas", "xanthan gum", "shampoo",
])
def test_a_non_drug_word_is_never_read_as_a_drug(word):
    r = _r(word)
    assert not r.ok and r.how == "unknown", (word, r)
    assert not r.suggestions  # nothing offered either: the word is known to name no medicine


@pytest.mark.parametrize("typed, want", [
    ("lanoxn", {"digoxin"}), ("Lanoxin", {"digoxin"}), ("lactase", {"lactase"}), ("methylcellulose", {"methylcellulose"}),
    ("erythromycn", {"erythromycin"}), ("testosteron", {"testosterone"}),
])
def test_the_drug_names_next_to_them_still_read(typed, want):
    r = _r(typed)
    assert set(r.ingredients) == want, (typed, r)


def test_non_drug_words_are_loaded_and_hold_no_drug_name():
    lex = D.load()
    assert {"lanolin", "lactose", "gelatin", "banana", "kidney", "toothpaste"} <= lex.non_drug
    assert not {w for w in lex.non_drug if w in lex.index}
    # words that are also medicines are read exactly, as before
    assert set(_r("mannitol").ingredients) == {"mannitol"}
    assert set(_r("white soft paraffin").ingredients) == {"paraffin"}


def test_a_non_drug_word_that_is_also_a_drug_name_fails_at_load(tmp_path: Path):
    kb = tmp_path / "kb"
    shutil.copytree(drugs_root(), kb / "knowledge" / "drugs")
    p = kb / "knowledge" / "drugs" / "non_drug_words.yaml"
    p.write_text('source: "test source"\ngroups:\n  - {kind: test, what: "test", source: "test source", '
                 'words: [shea butter, Digoxin]}\n')
    with pytest.raises(DrugKBError, match="also drug names"):
        D.load(kb)


def test_a_lexicon_copy_without_the_file_guards_nothing(tmp_path: Path):
    kb = tmp_path / "kb"
    shutil.copytree(drugs_root(), kb / "knowledge" / "drugs")
    (kb / "knowledge" / "drugs" / "non_drug_words.yaml").unlink()
    assert D.load(kb).non_drug == frozenset()


def test_lanolin_allergy_is_a_non_drug_allergy(kb):
    assert tnames.resolve_non_drug_allergen(kb, "wool fat") == "lanolin"
    assert tnames.resolve_non_drug_allergen(kb, "lanolin allergy") == "lanolin"
    drug, cls, _ = tnames.resolve_allergen(kb, "lanolin")
    assert drug is None and cls is None  # never digoxin's allergy


def test_a_guess_never_overrules_a_drug_named_exactly(tmp_path: Path):
    """A made-up eye-drop brand of atropine: typed with homatropine, the closest spelling is the atropine brand,
    but the typed words name homatropine exactly; asked, not read as atropine."""
    kb = tmp_path / "kb"
    shutil.copytree(drugs_root(), kb / "knowledge" / "drugs")
    p = kb / "knowledge" / "drugs" / "ingredients" / "zz_test.yaml"
    p.write_text('ingredients:\n  - {id: zz-atropine-drops, name: zz atropine drops, brands: ["Qorvex Atropine"], '
                 'classes: [], source: "test source"}\n')
    lex = D.load(kb)
    r = _r("Qorvex Homatropine", lex=lex)
    assert not r.ok and r.how == "ambiguous"
    assert "homatropine" in r.suggestions
    assert set(_r("Qorvex Atropin", lex=lex).ingredients) == {"zz-atropine-drops"}  # no exact word: read as before


@pytest.mark.parametrize("typed, want", [
    ("NE 0.05 mcg/kg/min", {"norepinephrine"}), ("SMX", {"sulfamethoxazole"}), ("LT4 100 mcg", {"levothyroxine"}),
    ("GCSF", {"filgrastim"}), ("HiDAC", {"cytarabine"}), ("SNP infusion", {"nitroprusside"}),
    ("SPS 15 g", {"sodium-polystyrene-sulfonate"}), ("nab-paclitaxel", {"paclitaxel"}),
])
def test_chart_short_forms(typed, want):
    assert set(_r(typed).ingredients) == want


def test_pcn_is_a_penicillin_allergy_but_no_drug_name(kb):
    assert tnames.resolve_allergen(kb, "PCN")[1] == "penicillin"  # the allergy field reads it (allergy classes)
    assert not _r("PCN").ok  # as a drug name it stays unread: a PCN in a note is also a nephrostomy tube


def test_chart_short_forms_are_not_taken_alone_from_note_text():
    lex = D.load()
    assert {"ne", "smx", "lt4", "gcsf", "hidac", "snp", "sps"} <= lex.ambiguous


@pytest.mark.parametrize("typed", ["Novolin", "Humulin", "Insuman", "humulin 20 units"])
def test_a_bare_human_insulin_brand_is_asked(typed):
    r = _r(typed)
    assert r.how == "ambiguous" and not r.ok
    assert any("NPH" in s for s in r.suggestions) and any("regular" in s for s in r.suggestions)


@pytest.mark.parametrize("typed, want", [
    ("Novolin N", {"insulin-nph"}), ("Humulin R", {"insulin-regular"}), ("Insuman Rapid", {"insulin-regular"}),
])
def test_a_named_human_insulin_is_read(typed, want):
    assert set(_r(typed).ingredients) == want


def _lead(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown, rep.unknown
    return rep.findings[0] if rep.findings else None


@pytest.mark.parametrize("a, b, severity, avoid", [
    ("ziprasidone", "dolasetron", "contraindicated", None),          # Geodon contraindications
    ("lefamulin", "quinidine", "contraindicated", None),             # Xenleta: CYP3A substrates prolonging QT
    ("phenytoin", "lefamulin", "major", True),                       # Xenleta: avoid strong CYP3A inducers
    ("potassium chloride ER", "trihexyphenidyl", "contraindicated", None),  # solid KCl with an antimuscarinic
    ("ozanimod", "gemfibrozil", "major", True),                      # Zeposia: strong CYP2C8 inhibitors
    ("ozanimod", "rifampin", "major", True),
    ("valbenazine", "bupropion", "moderate", None),                  # Ingrezza: strong CYP2D6 inhibitor
    ("valbenazine", "clarithromycin", "moderate", None),             # strong CYP3A4 inhibitor
    ("valbenazine", "phenytoin", "major", True),
    ("bempedoic acid", "pravastatin", "moderate", None),             # Nexletol: pravastatin above 40 mg
    ("mifepristone", "sirolimus", "contraindicated", None),          # Korlym contraindications
    ("mifepristone", "lovastatin", "contraindicated", None),
    ("artemether/lumefantrine", "phenytoin", "contraindicated", None),  # Coartem contraindications
    ("baricitinib", "cyclosporine", "major", True),                  # Olumiant: potent immunosuppressants
    ("upadacitinib", "azathioprine", "major", True),
    ("galantamine", "solifenacin", "moderate", None),                # opposing effects
])
def test_label_rules(kb, a, b, severity, avoid):
    f = _lead(kb, a, b)
    assert f is not None, (a, b)
    assert f.severity == severity, (a, b, f.severity)
    if avoid is not None:
        assert f.avoid == avoid


@pytest.mark.parametrize("a, b", [
    ("donepezil", "tropicamide"),        # eye drops for a fundus exam: no systemic antimuscarinic effect named
    ("neostigmine", "glycopyrrolate"),   # given together on purpose (reversal of neuromuscular block)
    ("mifepristone", "amlodipine"),      # no narrow-range CYP3A substrate
    ("potassium chloride ER", "cyclopentolate"),
])
def test_no_new_flag_where_the_labels_name_none(kb, a, b):
    f = _lead(kb, a, b)
    assert f is None or f.severity not in ("major", "contraindicated"), (a, b, f and f.severity)


# The offer follows the closest names in the lexicon: since session 26b "stone" is nearest Solone (an Australian
# prednisolone brand), where it was Prednisone's short forms before; the point is that it is offered, never read.
@pytest.mark.parametrize("word, offered", [("forum", "ceftazidime"), ("northern", "droxidopa"), ("stone", "prednisolone")])
def test_an_english_word_is_offered_never_read_by_a_guess(word, offered):
    r = _r(word)
    assert not r.ok and r.how == "unknown"
    assert offered in r.suggestions  # "did you mean ...?", never checked as that drug


@pytest.mark.parametrize("typed, want", [
    ("zocar", {"simvastatin"}), ("Topomax", {"topiramate"}), ("lisnopril", {"lisinopril"}), ("ventilin", {"albuterol"}),
])
def test_misspellings_that_are_no_english_word_are_still_read(typed, want):
    assert set(_r(typed).ingredients) == want


def test_english_words_come_from_the_cmu_dictionary():
    from medcore.knowledge.english_words import is_english_word
    assert is_english_word("Stone") and is_english_word("lanolin")
    assert not is_english_word("metformin") and not is_english_word("zocar")


@pytest.mark.parametrize("typed, want", [("stent", None), ("pacemaker", None), ("Dettol", {"chloroxylenol"})])
def test_device_words_and_an_antiseptic_brand_next_to_drug_brands(typed, want):
    r = _r(typed)  # "stent" was Sutent (sunitinib) and "Dettol" Detrol (tolterodine) by one slip
    assert (set(r.ingredients) if r.ok else None) == want



def test_a_misspelling_that_is_an_english_word_is_offered_not_read():
    r = _r("Singular 10 mg")  # Singulair typed as the English word: "did you mean montelukast?", not read
    assert not r.ok and "montelukast" in r.suggestions
    assert _r("Singulare").how == "fuzzy"  # not a dictionary word: the session-14 closest-spelling check, as before

def test_iv_potassium_chloride_is_not_the_solid_tablet(kb):
    f = _lead(kb, "potassium chloride 20 mmol IV", "glycopyrrolate")
    assert f is None or f.severity != "contraindicated"
    assert _lead(kb, "Klor-Con", "darifenacin").severity == "contraindicated"


def test_a_prenatal_is_the_vitamin_in_a_medicine_field_only():
    assert set(_r("prenatal daily").ingredients) == {"prenatal-multivitamin"}
    assert "prenatal" in D.load().ambiguous  # "prenatal care" in a note is no medicine
