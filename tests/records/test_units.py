"""Issue 11 misreadings on real notes: units kept as written and judged on their own scale, dose lines
that are not labs, pulse grades that are not rates, frequency phrases, allergens kept out of the
medication list."""

import shutil

import pytest

from medcore.records import kb as kb_mod
from medcore.records.pipeline import analyze


def _one(items, name):
    hits = [x for x in items if x.name == name]
    assert len(hits) == 1, [(x.name, x.value) for x in items]
    return hits[0]


@pytest.mark.parametrize("text,value,unit,flag", [
    ("Vitals: T 98.6, P 88, BP 120/80.", "98.6", "F", "normal"),
    ("Temp 101.2 F today.", "101.2", "F", "high"),
    ("Temp 101.2 °F today.", "101.2", "°F", "high"),
    ("She had a temperature of 99.1.", "99.1", "F", "normal"),
    ("Temp 38.5 C.", "38.5", "C", "high"),
    ("T 37.2 in clinic.", "37.2", "C", "normal"),
])
def test_temperature_scale(kb, text, value, unit, flag):
    t = _one(analyze(text, kb).extraction.vitals, "temperature")
    assert (t.value, t.unit, t.flag) == (value, unit, flag)
    assert t.reference.endswith(" F" if unit.endswith("F") else " C")


def test_dose_after_lab_name_is_not_a_lab(kb):
    a = analyze("Calcium 600 mg tablet twice daily. Potassium 20 mmol orally.", kb)
    assert not [x for x in a.extraction.labs if x.name in ("calcium", "potassium")]
    c = _one(analyze("Calcium 9.1 mg/dL.", kb).extraction.labs, "calcium")
    assert (c.value, c.unit, c.flag) == ("9.1", "mg/dL", "normal")


def test_pulse_grade_is_not_a_heart_rate(kb):
    a = analyze("Pulses: P: 2+ bilaterally. Dorsalis pedis pulse 1+.", kb)
    assert not [v for v in a.extraction.vitals if v.name == "heart rate"]
    hr = _one(analyze("P 88, BP 120/80.", kb).extraction.vitals, "heart rate")
    assert hr.value == "88"


@pytest.mark.parametrize("text,unit,flag,ref", [
    ("Creatinine 142 µmol/L.", "µmol/L", "high", "62-115 µmol/L"),
    ("Creatinine 90 umol/L.", "umol/L", "normal", "62-115 µmol/L"),
    ("Creatinine 1.9 mg/dL.", "mg/dL", "high", "0.7-1.3 mg/dL"),
    ("Glucose 7.2 mmol/L.", "mmol/L", "high", "3.9-5.5 mmol/L"),
])
def test_lab_unit_kept_and_judged_in_that_unit(kb, text, unit, flag, ref):
    lab = analyze(text, kb).extraction.labs[0]
    assert (lab.unit, lab.flag, lab.reference) == (unit, flag, ref)


@pytest.mark.parametrize("phrase,freq", [
    ("3 times daily", "three times daily"), ("three times a day", "three times daily"),
    ("twice daily", "twice daily"), ("2 times a day", "twice daily"), ("q8h", "three times daily"),
    ("every 8 hours", "three times daily"), ("TID", "three times daily"), ("4 times a day", "four times daily"),
    ("daily", "once daily"),
])
def test_frequency_phrases(kb, phrase, freq):
    med = analyze(f"Metoprolol 25 mg {phrase}.", kb).extraction.medications[0]
    assert med.frequency == freq


@pytest.mark.parametrize("text", [
    "Drug allergy: penicillin (rash).",
    "On metoprolol; allergy: penicillin (rash).",
    "She is allergic to sulfa and penicillin.",
    "Allergies: penicillin (rash).",
])
def test_allergen_is_not_a_current_medication(kb, text):
    x = analyze(text, kb).extraction
    assert "penicillin" in [a.substance.lower() for a in x.allergies]
    assert "penicillin" not in [m.name.lower() for m in x.medications]


def test_allergy_list_stops_at_the_clause(kb):
    x = analyze("He is allergic to penicillin (rash), codeine; takes metoprolol 25 mg daily.", kb).extraction
    assert [m.name for m in x.medications] == ["metoprolol"]
    assert {a.substance.lower() for a in x.allergies} >= {"penicillin", "codeine"}


def test_unit_ranges_need_a_source(kb, tmp_path):
    assert kb.unit_ranges and all(u.source for u in kb.unit_ranges)
    root = tmp_path / "records"
    shutil.copytree(kb.root, root)
    (root / "unit_ranges.csv").write_text("name,unit,low,high,unitless_low,unitless_high,source\n"
                                          "creatinine,µmol/L,62,115,,,\n", encoding="utf-8")
    with pytest.raises(kb_mod.KBError, match="unit_ranges.csv row 2: source is empty"):
        kb_mod.load_from(root)


def test_unknown_lab_unit_is_kept_as_written(kb):
    lab = _one(analyze("His post-op PSA is 0.1 mg/ml.", kb).extraction.labs, "PSA")
    assert (lab.value, lab.unit, lab.flag) == ("0.1", "mg/ml", "")


def test_denied_allergy_is_neither_allergy_nor_medication(kb):
    x = analyze("The patient denied any allergy to iodine, lidocaine or codeine.", kb).extraction
    assert not x.allergies and not x.medications


def test_a_unit_ends_at_the_end_of_a_word(kb):
    # 'fL' once read as 'F' (Fahrenheit's letter): the unit is the whole word, here the KB's own fL
    m = _one(analyze("MCV 88 fL, MCH normal.", kb).extraction.labs, "MCV")
    assert (m.value, m.unit, m.flag) == ("88", "fL", "normal")


def test_a_degree_unit_belongs_to_temperature_only(kb):
    # 'A/P: 64F with ...' (assessment and plan: a 64-year-old woman) once gave a heart rate of 64 in F
    a = analyze("A/P: 64F with ischemic cardiomyopathy. Pulse 88, T 99.1 F.", kb)
    assert [(x.name, x.value) for x in a.extraction.vitals] == [("heart rate", "88"), ("temperature", "99.1")]
