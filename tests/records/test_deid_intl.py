"""Issue 14: names in other scripts, look-alike and full-width letters, and addresses written the way other
countries write them (medcore/deid/fold.py, intl_names.py, intl_addresses.py). Our own sentences, one per leak an
audit probe found, and clinical text of the same shapes that must stay as it is."""

from __future__ import annotations

import time

import pytest

from medcore.deid import deidentify, find_phi
from medcore.deid.fold import confusable_map, fold


def _out(text: str) -> str:
    return deidentify(text, shift_days=-40).text


def _kept(text: str) -> None:
    """Nothing of the text is taken, and the spans it has point at the note's own characters."""
    result = deidentify(text, shift_days=-40)
    assert result.text == text, result.spans


def _spans_are_the_notes_own(text: str) -> None:
    result = deidentify(text, shift_days=-40)
    for span in result.spans:
        assert text[span.start:span.end] == span.text


# --- the leaks of the audit probe ------------------------------------------------------------------------------


def test_cyrillic_name_opening_a_sentence():
    out = _out("Ирина Петрова came in with a productive cough and fever.")
    assert "Ирина" not in out and "Петрова" not in out
    assert out.startswith("[NAME] came in with a productive cough")


def test_cjk_name_without_a_title():
    out = _out("王小明 was brought by ambulance after a fall at home.")
    assert "王小明" not in out and out.startswith("[NAME] was brought")


def test_spanish_street_without_a_number_and_its_town():
    out = _out("Her daughter lives at Calle de Alcalá, Madrid and visits weekly.")
    assert "Alcalá" not in out and "Madrid" not in out
    assert "[ADDRESS], [CITY] and visits weekly" in out


def test_polish_street_with_ul_and_the_town():
    out = _out("Discharged home to ul. Marszałkowska 10, Warszawa, with district nursing.")
    assert "Marszałkowska" not in out and "Warszawa" not in out
    assert "home to [ADDRESS], [CITY], with district nursing" in out


def test_address_label_with_a_french_street():
    out = _out("Address: 5 Rue de la Paix, Paris\nGP: Dr Okafor")
    assert "Rue de la Paix" not in out and "Paris" not in out
    assert out.startswith("Address: [ADDRESS], [CITY]\n")


def test_full_width_letters_after_a_title():
    out = _out("Reviewed by Dr. Ａlvarez on the ward round.")
    assert "lvarez" not in out and "Dr. [NAME] on the ward" in out


def test_a_name_caught_in_look_alikes_is_caught_in_plain_letters_too():
    out = _out("Mr. Smіth reports less breathlessness. Smith will return in a week.")  # Cyrillic "і" first
    assert "Smith" not in out and "Smіth" not in out
    assert out.count("[NAME]") == 2


def test_a_known_name_in_lower_case_look_alikes():
    out = _out("Maria Gonzalez attended with her sister. Later mаria said the pain had eased.")  # Cyrillic "а"
    assert "Gonzalez" not in out and "mаria" not in out and "[NAME] said the pain" in out


def test_plain_lower_case_word_is_not_taken_for_a_known_name():
    # only a word written with look-alike letters is matched across case: "grace" stays an ordinary word
    out = _out("Mrs. Grace Abernathy was reviewed. She walks with grace and good balance.")
    assert "Abernathy" not in out and "with grace and" in out


# --- folding ---------------------------------------------------------------------------------------------------


def test_fold_keeps_length_and_offsets():
    for text in ("Ｍｒ． Ｓｍｉｔｈ", "Smіth and mаria", "Ирина Петрова", "10⁹/L, 5 µg, ½ tab, ﬁbrosis", "王小明", "𝐒𝐦𝐢𝐭𝐡"):
        assert len(fold(text)) == len(text)
    assert fold("Ｍｒ． Ｓｍｉｔｈ") == "Mr. Smith"
    assert fold("Smіth and mаria") == "Smith and maria"


def test_fold_leaves_real_cyrillic_and_units_alone():
    assert fold("Ирина Петрова") == "Ирина Петрова"
    assert fold("Боль в груди, Вера жалуется") == "Боль в груди, Вера жалуется"  # a Russian note stays Russian
    assert fold("10⁹/L, 5 µg, ½ tab") == "10⁹/L, 5 µg, ½ tab"


def test_confusables_come_from_the_unicode_table():
    table = confusable_map()
    assert table.get("а") == "a" and table.get("і") == "i" and table.get("Ѕ") == "S" and table.get("ο") == "o"
    assert all(v.isascii() and v.isalpha() and v.isupper() == k.isupper() for k, v in table.items())


def test_output_keeps_the_notes_own_characters():
    text = "Ｍｒ． Ｓｍｉｔｈ ｈａｓ ａ ｃｏｕｇｈ． Smіth's wife 李娜 called from Via Roma 12, Milano."
    result = deidentify(text, shift_days=-40)
    _spans_are_the_notes_own(text)
    assert "ｈａｓ ａ ｃｏｕｇｈ" in result.text  # unredacted text is written as it came
    assert "Smith" not in fold(result.text) and "李娜" not in result.text and "Roma" not in result.text


# --- names in other scripts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("Пациентка Петрова жалуется на одышку.", "Петрова"),
    ("Осмотрена: Петрова И. С., 54 года.", "Петрова"),
    ("Γιώργος Παπαδόπουλος attended the diabetes clinic.", "Παπαδόπουλος"),
    ("Patient: محمد علي, 45M", "محمد"),
    ("Her husband יוסי כהן brought the medication list.", "כהן"),
    ("患者陈丽华，女，62岁，主诉胸闷两天。", "陈丽华"),
    ("田中さんは今朝から発熱しています。", "田中"),
    ("Seen with an interpreter; her son 김민수 was present.", "김민수"),
])
def test_names_in_other_scripts(text, name):
    assert name not in _out(text)
    _spans_are_the_notes_own(text)


def test_a_name_in_another_script_is_found_where_it_recurs():
    out = _out("Mr. 王建国 was admitted. Overnight 王建国 became confused; his wife said 王建国 had not slept.")
    assert "王建国" not in out and out.count("[NAME]") == 3
    out = _out("Ирина Петрова was seen. Петрова reports fewer headaches.")
    assert "Петрова" not in out


@pytest.mark.parametrize("text", [
    "Жалобы на кашель и слабость. Диагноз: пневмония.",  # Russian clinical text with capitals at sentence starts
    "Общий Анализ крови без особенностей.",
    "Patient says 头痛 and 发热 since Monday.",  # the patient's own words for headache and fever
    "Dx: 高血压, 糖尿病.",  # hypertension and diabetes: 高 and 糖 are not names here
    "既往史：高血压十年，糖尿病五年。",
    "He reports «ألم شديد في الصدر» since the morning.",  # a quoted complaint
    "Patient reports ألم شديد at night.",  # "severe pain": clinical words
    "Wife translates: 'Болит голова'.",
    "Alpha-blocker α1 and β2 agonist; platelets 250 x 10⁹/L; 5 µg; ½ tab.",
    "Gram stain: Gram-positive cocci; ΔT 2 °C; κ light chains raised.",
    "혈압 정상, 기침 없음.",  # Korean: blood pressure normal, no cough
])
def test_clinical_text_in_other_scripts_is_kept(text):
    _kept(text)


# --- addresses -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, gone", [
    ("Lives alone at Hauptstraße 5, 10115 Berlin.", ["Hauptstraße", "10115", "Berlin"]),
    ("Moved to Berliner Straße 12 last spring.", ["Berliner"]),
    ("Staying with family at Via Roma 12, Milano.", ["Roma", "Milano"]),
    ("Home address: Rua Augusta 100, Lisboa", ["Augusta", "Lisboa"]),
    ("Her flat is at Carrer de Mallorca 401, Barcelona.", ["Mallorca", "Barcelona"]),
    ("He lives on 14 Boulevard Haussmann with his partner.", ["Haussmann"]),
    ("Addr: Piazza Navona 3, Roma", ["Navona"]),
    ("Адрес: ул. Тверская 7, Москва", ["Тверская", "Москва"]),
    ("Lives at Váci utca 5, Budapest.", ["Váci", "Budapest"]),
    ("Lives at 5 rue de la Paix, 75002 Paris.", ["Paix", "75002", "Paris"]),  # the number after a comma is a postcode
    ("Patient lives in Jalan Sudirman 5, Jakarta.", ["Sudirman", "Jakarta"]),
])
def test_international_addresses(text, gone):
    out = _out(text)
    assert all(g not in out for g in gone), out
    _spans_are_the_notes_own(text)


@pytest.mark.parametrize("text", [
    "Place Foley 16 Fr and record hourly output.",  # "Place" is an instruction, not a square
    "Route: oral. Give via NG tube if nil by mouth.",
    "Beta Blockade 2 weeks ago was stopped.",
    "Cervical os. Grade 2 changes on colposcopy.",
    "Smith et al. Nature 2019 found a smaller effect.",
    "The catheter went in via the left femoral artery through a 6 Fr sheath.",
    "Address: unknown (patient declined to give it).",
    "Address: no fixed abode.",
    "Please address the wound care plan with district nurses.",
    "Rue protocol repeated 3 times without effect.",
])
def test_clinical_text_that_looks_like_a_street_is_kept(text):
    _kept(text)


def test_us_addresses_keep_their_older_spans():
    text = "Home address: 12 Oak Street, Springfield, IL 62701"
    kinds = [k for _, _, k in find_phi(text)]
    assert kinds.count("ADDRESS") == 1 and "ZIP" in kinds


# --- cost ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["Ирина Петрова ", "王小明，", "王", "محمد علي ", "Calle de Ab, Ab ", "Abstraße 5, ",
                                  "Ab Ab Straße 5 ", "Address: 5 Ab, ", "Smіth ", "Ａｌｖａｒｅｚ ", "ul. Ab 1, Ab "])
def test_international_rules_stay_linear(unit):
    text = (unit * (40_000 // len(unit) + 1))[:40_000]
    t0 = time.perf_counter()
    deidentify(text)
    assert time.perf_counter() - t0 < 6.0


def test_many_distinct_names_in_other_scripts_stay_linear():
    letters = "абвгдежзиклмнопрстуфхцчшщэюя"
    names = [a + b + c for a in letters for b in letters for c in letters][:3000]
    text = " ".join(f"Ир{x} Пет{x} и 王{x[:1]}明." for x in names)
    t0 = time.perf_counter()
    deidentify(text)
    assert time.perf_counter() - t0 < 6.0


def test_a_word_list_of_the_wrong_shape_is_refused(tmp_path, monkeypatch):
    from medcore.deid import intl_lists

    bad = tmp_path / "international.yaml"
    bad.write_text("names:\n  cyrillic_not_names: пациент\n", encoding="utf-8")
    monkeypatch.setattr(intl_lists, "_FILE", bad)
    intl_lists.clear_cache()
    try:
        with pytest.raises(intl_lists.IntlListError, match="cyrillic_not_names must be a list of words"):
            intl_lists.words("names", "cyrillic_not_names")
    finally:
        intl_lists.clear_cache()
