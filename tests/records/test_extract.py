import pytest

from medcore.records.pipeline import analyze
from tests.records.conftest import problem


def run(kb, text):
    return analyze(text, kb)


@pytest.mark.parametrize("sentence,target,assertion", [
    ("Patient denies chest pain.", "chest pain", "negated"),
    ("No fever, cough or dysuria.", "dysuria", "negated"),
    ("No evidence of pneumonia on chest x-ray.", "pneumonia", "negated"),
    ("Pulmonary embolism was ruled out.", "pulmonary embolism", "negated"),
    ("No acute infarct.", "acute infarct", "negated"),
    ("Possible pneumonia in the left base.", "pneumonia", "possible"),
    ("Findings concerning for appendicitis.", "appendicitis", "possible"),
    ("Rule out pulmonary embolism.", "pulmonary embolism", "possible"),
    ("History of breast cancer.", "breast cancer", "historical"),
    ("Status post myocardial infarction.", "myocardial infarction", "historical"),
    ("Mother had breast cancer at 62.", "breast cancer", "family"),
    ("Brother with bipolar disorder.", "bipolar disorder", "family"),
    ("He reports orthopnea.", "orthopnea", "present"),
    ("Denies fever but reports cough.", "cough", "present"),
    ("No change in his asthma.", "asthma", "present"),
])
def test_assertions(kb, sentence, target, assertion):
    assert problem(run(kb, sentence), target).assertion == assertion


def test_section_defaults(kb):
    a = run(kb, "PAST MEDICAL HISTORY:\nHypertension\nPneumonia\n\nFAMILY HISTORY:\nColon cancer in a relative.\n")
    assert problem(a, "hypertension").assertion == "present"  # chronic: still the patient's
    assert problem(a, "pneumonia").assertion == "historical"
    assert problem(a, "colon cancer").assertion == "family"


def test_background_conditions(kb):
    a = run(kb, "A 70-year-old man with hypertension and pneumonia presented with chest pain.")
    assert problem(a, "hypertension").assertion == "present"  # chronic background
    assert problem(a, "pneumonia").assertion == "historical"
    assert problem(a, "chest pain").assertion == "present"


def test_offsets_point_into_the_original_text(kb, settings):
    from medcore.records.corpus import annotated_notes

    for note in annotated_notes(settings)[:5]:
        a = run(kb, note.text)
        ex = a.extraction
        for m in ex.problems + ex.medications + ex.allergies + ex.labs + ex.vitals + ex.procedures + ex.follow_ups:
            assert note.text[m.start:m.end] == m.text
        for s in a.sentences:
            assert note.text[s.start:s.end] == s.text


@pytest.mark.parametrize("text,name,dose,unit,route,freq,status", [
    ("Start metoprolol tartrate 12.5 mg PO twice daily.", "metoprolol", "12.5", "mg", "oral", "twice daily",
     "started"),
    ("Furosemide 40 mg IV q12h (new)", "furosemide", "40", "mg", "intravenous", "twice daily", "started"),
    ("Stop amlodipine.", "amlodipine", "", "", "", "", "stopped"),
    ("Increase atorvastatin to 40 mg QHS.", "atorvastatin", "40", "mg", "", "at bedtime", "changed"),
    ("Continue Lasix 20 mg by mouth daily.", "furosemide", "20", "mg", "oral", "once daily", "continued"),
    ("Enoxaparin 40 mg subcutaneous daily for 28 days", "enoxaparin", "40", "mg", "subcutaneous", "once daily", ""),
    ("Albuterol inhaler 2 puffs inhaled every 4 hours as needed", "albuterol", "2", "puffs", "inhaled",
     "every 4 hours as needed", ""),
    ("Potassium chloride 20 mEq PO daily", "potassium chloride", "20", "mEq", "oral", "once daily", ""),
    ("Ibuprofen discontinued.", "ibuprofen", "", "", "", "", "stopped"),
])
def test_medication_parsing(kb, text, name, dose, unit, route, freq, status):
    meds = run(kb, text).extraction.medications
    assert len(meds) == 1
    m = meds[0]
    assert (m.name, m.dose, m.unit, m.route, m.frequency, m.status) == (name, dose, unit, route, freq, status)


def test_brand_names_normalise_to_generic(kb):
    meds = run(kb, "Takes Eliquis 5 mg twice daily and Lipitor 20 mg nightly.").extraction.medications
    assert [m.name for m in meds] == ["apixaban", "atorvastatin"]
    assert meds[0].mention == "Eliquis"


def test_labs_flags_against_reference_ranges(kb):
    a = run(kb, "Labs: Sodium 131 mmol/L, potassium 5.9, creatinine 1.0 mg/dL, glucose 7.2 mmol/L, BUN 7.0 mmol/L, "
                   "WBC 15.2 x10^9/L.")
    labs = {x.name: x for x in a.extraction.labs}
    assert labs["sodium"].flag == "low" and labs["sodium"].source
    assert labs["potassium"].flag == "high"
    assert labs["creatinine"].flag == "normal"
    # judged in the unit written (unit_ranges.csv); a unit with no shipped range: no flag rather than a wrong one
    assert (labs["glucose"].unit, labs["glucose"].flag, labs["glucose"].reference) == ("mmol/L", "high", "3.9-5.5 mmol/L")
    assert (labs["BUN"].unit, labs["BUN"].flag) == ("mmol/L", "")
    assert labs["WBC"].flag == "high"


def test_lab_trend_takes_the_latest_value(kb):
    labs = run(kb, "Creatinine rose from 1.1 to 1.4 mg/dL.").extraction.labs
    lab = labs[-1]  # the readings in time order: the earlier one is kept too (a trend)
    assert lab.value == "1.4" and lab.flag == "high"
    assert [x.value for x in labs] == ["1.1", "1.4"]


def test_vitals(kb):
    v = {x.name: x for x in run(kb, "Vitals: BP 168/98, HR 52, T 38.6 C, RR 18, SpO2 89% on room air.").extraction.vitals}
    assert v["blood pressure"].value == "168/98" and v["blood pressure"].flag == "high"
    assert v["heart rate"].flag == "low"
    assert v["temperature"].flag == "high"
    assert v["oxygen saturation"].flag == "low"
    assert v["respiratory rate"].flag == "normal"


def test_allergies_with_reactions(kb):
    a = run(kb, "ALLERGIES: Penicillin (hives), sulfa drugs (rash), latex.\n")
    got = {(x.substance, x.reaction) for x in a.extraction.allergies}
    assert ("penicillin", "hives") in got and ("latex", "") in got
    assert any(s == "sulfa" and r == "rash" for s, r in got)
    assert not a.extraction.medications  # an allergen is not a medication
    assert run(kb, "Allergies: NKDA\n").extraction.no_known_allergies


def test_inline_allergy(kb):
    a = run(kb, "Known peanut allergy with anaphylaxis as a child.")
    assert a.extraction.allergies[0].substance == "peanut"


def test_procedures_and_follow_ups(kb):
    a = run(kb, "PLAN:\nRenal ultrasound. Follow up with cardiology in 2 weeks. Repeat BMP tomorrow morning.\n")
    assert "renal ultrasound" in [p.name for p in a.extraction.procedures]
    whens = [f.when for f in a.extraction.follow_ups]
    assert "in 2 weeks" in whens and "tomorrow morning" in whens


def test_sections_found(kb):
    a = run(kb, "HPI: cough.\nPMH: asthma.\nMedications:\nAlbuterol\nA/P:\nBronchitis.\n")
    assert [s.category for s in a.sections] == ["history_of_present_illness", "past_medical_history", "medications",
                                                "assessment_and_plan"]


def test_structured_summary_items_link_to_sentences(kb, settings):
    from medcore.records.corpus import annotated_notes

    note = annotated_notes(settings)[0]
    a = run(kb, note.text)
    s = a.summary
    assert s.one_liner.startswith("68-year-old man")
    assert {"furosemide", "amlodipine"} <= {m.detail["name"] for m in s.medications}
    for item in s.items():
        if item.sentence >= 0:
            assert a.sentences[item.sentence].start == item.start
    assert any("potassium" in x.text for x in s.abnormal_results)
    assert any(m.detail["status"] == "stopped" for m in s.medications if m.detail["name"] == "amlodipine")


def test_shipped_set_meets_targets(settings, kb):
    from medcore.records.corpus import annotated_notes
    from medcore.records.evaluate import evaluate_notes

    rep = evaluate_notes(annotated_notes(settings, "dev"), kb, "dev")
    assert rep.entities["micro"]["f1"] >= 0.85
    assert rep.entities["assertion_accuracy"] >= 0.90
    assert rep.phi["overall"]["recall"] >= 0.95


def test_unknown_header_ends_the_previous_section(kb):
    a = run(kb, "Allergies: ketorolac - bronchospasm\n\nMeds on discharge:\nOxycodone 5 mg PO q6h prn pain\n")
    assert [s.category for s in a.sections] == ["allergies", "medications"]
    assert [m.name for m in a.extraction.medications] == ["oxycodone"]
    assert [x.substance for x in a.extraction.allergies] == ["ketorolac"]


def test_not_suspected_is_negated(kb):
    assert problem(run(kb, "Pulmonary embolism was not suspected."), "pulmonary embolism").assertion == "negated"
