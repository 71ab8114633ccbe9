"""Lab and vital shapes, session 13 (issue 11): therapeutic drug levels, scores (Apgar, Glasgow, ECOG, apnea-hypopnea
index), the percentages of a white-cell differential, cultures and the cardiac enzymes as negative or positive, a
qualitative result ("undetectable"), and the words real notes put between a name and its value ("of between X and
Y", "had risen slightly to", "levels were"). Sentences in our own words."""

from medcore.records.pipeline import analyze


def readings(kb, text):
    ex = analyze(text, kb).extraction
    return sorted((x.name, x.value, x.unit) for x in [*ex.labs, *ex.vitals])


def test_a_range_of_two_readings_after_between(kb):
    assert readings(kb, "This week her creatinine has been between 1.8 and 2.0.") == [
        ("creatinine", "1.8", "mg/dL"), ("creatinine", "2.0", "mg/dL")]


def test_risen_slightly_to(kb):
    assert readings(kb, "By the morning his potassium had risen slightly to 5.4.") == [("potassium", "5.4", "mmol/L")]


def test_drug_levels(kb):
    assert readings(kb, "The valproic acid level drawn this morning was 72.") == [("valproic acid level", "72", "mcg/mL")]
    assert readings(kb, "Dilantin level 14.") == [("phenytoin level", "14", "mcg/mL")]


def test_scores(kb):
    assert readings(kb, "The baby had Apgars of 7 and 9.") == [("Apgar score", "7", ""), ("Apgar score", "9", "")]
    assert readings(kb, "On arrival his Glasgow coma scale was 13.") == [("Glasgow Coma Scale", "13", "")]
    assert readings(kb, "She remains active with an ECOG performance status of 1.") == [
        ("ECOG performance status", "1", "")]


def test_differential_percentages(kb):
    assert readings(kb, "Differential: segs 71, lymphs 20, monos 6.") == [
        ("lymphocytes %", "20", "%"), ("monocytes %", "6", "%"), ("neutrophils %", "71", "%")]


def test_qualitative_results(kb):
    assert readings(kb, "Blood cultures x2 were negative and the urine culture was negative.") == [
        ("blood culture", "negative", ""), ("urine culture", "negative", "")]
    assert readings(kb, "Cardiac enzymes are negative so far.") == [("cardiac enzymes", "negative", "")]


def test_a_few_words_between_the_name_and_its_verb(kb):
    assert readings(kb, "Her blood pressure lying flat was 150/70.") == [("blood pressure", "150/70", "mmHg")]
    assert readings(kb, "His INR in clinic was 4.2.") == [("INR", "4.2", "")]


def test_words_that_make_the_name_something_else_keep_it_apart(kb):
    assert readings(kb, "Her weight loss was 6 kg over the winter.") == []


def test_a_result_word_after_its_test_is_part_of_the_mention(kb):
    ex = analyze("Urine culture and sensitivity were negative.", kb).extraction
    assert [(x.name, x.value, x.text.endswith("negative")) for x in ex.labs] == [("urine culture", "negative", True)]


def test_a_reading_after_the_word_for_its_abnormal_state(kb):
    assert readings(kb, "On arrival he was tachycardic at 118.") == [("heart rate", "118", "beats/min")]
    assert readings(kb, "Known hypertension at 162/94 today.") == [("blood pressure", "162/94", "mmHg")]
    assert readings(kb, "She was febrile to 101.6 overnight.") == [("temperature", "101.6", "F")]
    assert readings(kb, "Tachypneic at 30 on the ward.") == [("respiratory rate", "30", "breaths/min")]


def test_an_abnormal_state_without_a_reading_has_none(kb):
    assert readings(kb, "He had a fever for 3 days and hypertension for 10 years.") == []
    assert readings(kb, "She was hypoxic to 88% on room air.") == [("oxygen saturation", "88", "%")]


def test_a_weight_in_grams_keeps_its_unit(kb):
    assert readings(kb, "Birth weight 2950 grams.") == [("weight", "2950", "g")]


def test_the_scorer_reads_grams_and_g_as_one_unit():
    from medcore.records.real_eval import units_agree
    assert units_agree("grams", "2950", "g")


def test_the_state_word_before_a_reading_stays_a_problem(kb):
    ex = analyze("She had a fever to 38.7 overnight.", kb).extraction
    assert [(x.name, x.text) for x in ex.vitals] == [("temperature", "38.7")]
    assert "fever" in [p.text.lower() for p in ex.problems]
