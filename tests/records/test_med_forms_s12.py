"""Medication forms, session 12 (issue 11): combination strengths without a unit, "q6hrs", "at bed time",
"sliding scale" before the name, "for now" is no single dose, the first of two drugs joined by a slash. Sentences
in our own words."""

from medcore.records.pipeline import analyze


def meds(kb, text):
    return [(m.name, m.dose, m.unit, m.frequency) for m in analyze(text, kb).extraction.medications]


def test_combination_strengths_before_a_count_of_puffs(kb):
    assert meds(kb, "Symbicort 160/4.5 two puffs b.i.d.") == [("budesonide/formoterol", "160/4.5", "", "twice daily")]


def test_hours_written_as_hrs(kb):
    assert meds(kb, "Ondansetron 4mg IV q8hrs.")[0][3] == "three times daily"


def test_bed_time_in_two_words(kb):
    assert meds(kb, "Latanoprost one drop each eye at bed time.")[0][3] == "at bedtime"


def test_sliding_scale_before_the_name_and_for_now(kb):
    assert meds(kb, "We will cover him with sliding scale insulin for now.") == [("insulin", "", "", "sliding scale")]
    assert meds(kb, "Give ketorolac 15 mg IV now.")[0][3] == "once"


def test_the_first_of_two_drugs_joined_by_a_slash_in_a_list(kb):
    names = [n for n, *_ in meds(kb, "MEDICATIONS:\n1. Estradiol/Prometrium.\n2. Fluoxetine 20 mg daily.")]
    assert names == ["estradiol", "progesterone", "fluoxetine"]
