"""Session 25b: chart symbol + salt words, class names never guessed as a drug, unique ward short forms without a
strength. Own items."""

from medcore.knowledge import drugs as kdrugs


def _r(text):
    return kdrugs.resolve(text)


def test_symbol_with_salt_word_reads_the_elements_salt():
    assert _r("Zn sulfate").ingredients == ("zinc-sulfate",)
    assert _r("K chloride 20 mEq").ingredients == ("potassium-chloride",)
    assert _r("Ca acetate 667 mg").ingredients == ("calcium-acetate",)
    assert _r("Li carbonate").ingredients == ("lithium",)
    # 'Fe' alone is ferrous sulfate, but the salt typed after it must not be cut away
    assert _r("Fe gluconate").ingredients == ("ferrous-gluconate",)


def test_symbol_alone_is_not_read_by_the_symbol_rule():
    for text in ("Mg", "Li", "K"):
        assert not _r(text).ok


def test_class_name_is_never_a_spelling_guess():
    for text in ("NSAID", "ACE inhibitor"):
        r = _r(text)
        assert not r.ok and r.how == "unknown"
        assert kdrugs.resolve_class(text)


def test_long_unique_ward_short_form_is_offered_not_read():
    r = _r("amiodar")  # most of the word typed, no other name starts this way: still only offered (ISMP)
    assert r.how == "unknown" and not r.ok and r.suggestions == ("amiodarone",)


def test_short_start_of_a_long_word_is_only_offered():
    r = _r("tobra")  # half of tobramycin: offered, never read
    assert r.how == "unknown" and not r.ok and r.suggestions == ("tobramycin",)


def test_start_that_is_a_whole_word_or_a_class_start_is_not_read():
    for text in ("peanut", "house", "water", "cephal", "sulfon"):
        assert _r(text).how != "shortened", text


def test_short_forms_with_several_drugs_or_four_letters_stay_unread():
    assert not _r("predni").ok  # prednisone or prednisolone
    assert not _r("glyco").ok  # four-letter starts and several drugs (glycopyrrolate, glycerin...) stay unread


def test_lasa_partner_typo_is_never_read_silently():
    r = _r("tramadone")  # between tramadol and trazodone
    assert not r.ok


def test_coating_written_first():
    assert _r("enteric coated aspirin").ingredients == ("aspirin",)


def test_short_form_that_is_also_a_slip_of_another_name_is_asked():
    r = _r("levetir")  # the start of levetiracetam, one letter from Levemir (insulin detemir)
    assert r.how == "ambiguous" and not r.ok


def test_sound_alike_spelling_with_one_more_slip_is_read():
    # own two-change typos: ph for f and a final e added; a doubled consonant and one vowel dropped
    assert _r("metphormine").ingredients == ("metformin",)
    assert _r("ammoxcillin").ingredients == ("amoxicillin",)
    r = _r("dyltizem")  # y for i and a vowel lost: unread before; now a closest-spelling reading to check
    assert r.ingredients == ("diltiazem",) and r.how == "fuzzy"


def test_sound_near_needs_a_clear_winner_and_six_letters():
    assert not _r("tramadone").ok  # tramadol and trazodone both within reach: asked or left, never read
    assert _r("hydrolazine").how == "ambiguous"  # ISMP pair hydralazine / hydroxyzine: asked


def test_ward_short_forms_charted_for_anaesthesia_and_anticoagulation():
    assert _r("roc 50 mg").ingredients == ("rocuronium",)
    assert _r("enox 80").ingredients == ("enoxaparin",)
    assert _r("CaCl 1 g").ingredients == ("calcium-chloride",)


def test_ward_short_forms_are_not_taken_alone_from_note_text():
    from medcore.knowledge.drug_lexicon import load
    assert {"roc", "vec", "fent"} <= load().ambiguous  # "ROC curve" in a note is no rocuronium
