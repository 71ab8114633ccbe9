"""Medication names read only in context, session 13 (issue 11): a brand or an everyday-word name after a verb of
giving or treating, "was on", a route word or a dose; the next name of a list after one already read; a name written
with a hyphen where the lexicon has a space. A broad class word in running text stays a course, not a medicine
(the real-note gold's convention), and a lab value is no medicine. Sentences in our own words."""

from medcore.records.pipeline import analyze


def names(kb, text):
    return [m.name for m in analyze(text, kb).extraction.medications]


def test_a_brand_after_a_verb_of_treating(kb):
    assert names(kb, "The long seizure was treated with Diastat overnight.") == ["diazepam"]


def test_a_brand_after_its_dose(kb):
    out = [(m.name, m.dose, m.unit) for m in analyze("He had 10 mg of Diastat at home.", kb).extraction.medications]
    assert out == [("diazepam", "10", "mg")]


def test_an_everyday_word_after_was_on_and_the_next_of_its_list(kb):
    assert names(kb, "Before this he was on iron and potassium, both by mouth.") == ["ferrous sulfate",
                                                                                     "potassium chloride"]


def test_a_hyphen_where_the_lexicon_has_a_space(kb):
    assert names(kb, "Run D5 half-normal saline at 80 an hour.") == ["dextrose/sodium chloride"]


def test_a_lab_value_is_not_a_medicine(kb):
    assert names(kb, "Glucose 112, sodium 139, potassium 4.1 and calcium 9.4 today.") == []
    assert names(kb, "Her potassium and sodium were normal.") == []


def test_a_class_word_in_running_text_stays_a_course(kb):
    assert names(kb, "In the emergency room she was given IV antibiotics.") == []


def test_as_needed_written_before_the_name(kb):
    out = [(m.name, m.frequency) for m in analyze("Overnight give p.r.n. hydralazine for a pressure over 180.",
                                                  kb).extraction.medications]
    assert out == [("hydralazine", "as needed")]


def test_a_bare_strength_before_the_count_dispensed(kb):
    out = [(m.name, m.dose) for m in analyze("DISCHARGE MEDICATIONS: Norco 10 #20, one every 6 hours if needed.",
                                             kb).extraction.medications]
    assert out == [("hydrocodone/acetaminophen", "10")]


def test_a_switch_from_one_drug_said_with_the_verbs_plain_form(kb):
    out = [(m.name, m.status) for m in analyze("She asks to switch from Yaz to a progestin-only pill.",
                                               kb).extraction.medications]
    assert out == [("ethinyl estradiol/drospirenone", "stopped")]
