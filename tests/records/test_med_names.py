"""Medication names real notes use (issue 11, session 8): US brands, supplements and vitamins, IV fluids and blood
components, contrast agents, vaccines, topical and local-anaesthetic combinations; names that are also lab analytes
or everyday words read as medicines only where the context says so; drugs the patient does not take left out.
Sentences written here, in our own words."""

import pytest

from medcore.records.pipeline import analyze


def meds(kb, text):
    return {m.name: m for m in analyze(text, kb).extraction.medications}


@pytest.mark.parametrize("text,names", [
    ("Home medicines include Micronase 5 mg daily, Levothroid 0.1 mg daily and Duricef.",
     {"glyburide", "levothyroxine", "cefadroxil"}),
    ("She takes a multivitamin, vitamin C 500 mg daily, fish oil and glucosamine with chondroitin.",
     {"multivitamin", "ascorbic acid", "omega-3 fatty acids (fish oil)", "glucosamine/chondroitin"}),
    ("He received 1 L of normal saline, then lactated Ringer's, and 2 units of packed red blood cells.",
     {"sodium chloride", "lactated Ringer's", "packed red blood cells"}),
    ("Continue IV fluids overnight and give the pneumococcal vaccination before discharge.",
     {"intravenous fluids (crystalloid not named)", "pneumococcal vaccine"}),
    ("Images were taken after 100 mL of Omnipaque 350 and a later run used Isovue-300.", {"iohexol", "iopamidol"}),
    # (session 15: a skin antiseptic outside a medication list prepares the skin, it is no medicine: the real-note gold)
    ("The throat was sprayed with Cetacaine and the skin was cleaned with Betadine.",
     {"benzocaine/butamben/tetracaine"}),
    ("Apply Neosporin to the wound; Penlac to the nails; Cosopt in the right eye.",
     {"neomycin/polymyxin B/bacitracin", "ciclopirox", "dorzolamide/timolol"}),
    ("Humulin 70/30 28 units before breakfast and Lupron every three months.",
     {"insulin NPH/regular 70/30", "leuprolide"}),
])
def test_brands_supplements_fluids_and_products_are_medications(kb, text, names):
    assert names <= set(meds(kb, text)), set(meds(kb, text))


@pytest.mark.parametrize("text", [
    "There is no abnormal contrast enhancement in the left lobe.",
    "Oxygen saturation was 95% on room air.",
    "Potassium 4.2, calcium 9.1 and glucose 110 this morning.",
    "Iron studies were normal.",
    "She has had a cough for two weeks.",
    "She was treated with IV antibiotics for three days.",
    "Small vessel ischemic changes in the centrum semiovale.",
    "The urine culture grew lactobacillus.",
    "The fragments were reduced to align the joint surface.",
])
def test_lab_analytes_and_everyday_words_are_not_medications(kb, text):
    assert meds(kb, text) == {}


def test_ambiguous_names_count_in_a_medication_list(kb):
    m = meds(kb, "MEDICATIONS:\nSoma, Calcium, iron and vitamins. Antibiotics as needed.\n")
    assert {"carisoprodol", "calcium carbonate", "ferrous sulfate", "multivitamin"} <= set(m)
    assert m["antibiotic"].prn


def test_an_ambiguous_name_alone_in_a_numbered_item_is_a_medication(kb):
    m = meds(kb, "Her list, read out: 1. Toprol XL. 2. Centrum. 3. Calcium.")
    assert {"metoprolol", "multivitamin", "calcium carbonate"} <= set(m)


def test_an_ambiguous_name_before_a_dose_is_a_medication_but_a_lab_value_is_not(kb):
    m = meds(kb, "Calcium 600 mg twice daily and potassium 20 mEq by mouth daily.")
    assert (m["calcium carbonate"].dose, m["calcium carbonate"].frequency) == ("600", "twice daily")
    assert (m["potassium chloride"].dose, m["potassium chloride"].unit) == ("20", "mEq")
    assert meds(kb, "Potassium 4.1 mEq/L and calcium 8.9 mg/dL.") == {}
    m = meds(kb, "MEDICATIONS:\nLisinopril 10 mg daily. Her potassium had risen to 5.5 on admission.\n")
    assert set(m) == {"lisinopril"}


@pytest.mark.parametrize("text,kept", [
    ("No aspirin or NSAIDs.", set()),
    ("She is not on any anticoagulant.", set()),
    ("He denies taking ibuprofen.", set()),
    ("Aspirin 81 mg daily; no warfarin.", {"aspirin"}),
    ("She is no longer on warfarin.", {"warfarin"}),  # a status of its own: stopped, and kept as such
])
def test_drugs_the_patient_does_not_take_are_left_out(kb, text, kept):
    assert set(meds(kb, text)) == kept


def test_no_longer_on_is_stopped_not_dropped(kb):
    assert meds(kb, "She is no longer on warfarin.")["warfarin"].status == "stopped"


@pytest.mark.parametrize("text,drug,status", [
    ("The urine grew E. coli resistant to ciprofloxacin, so we changed to ceftriaxone.", "ciprofloxacin", "stopped"),
    ("Her urgency has not improved on oxybutynin.", "oxybutynin", "stopped"),
])
def test_a_drug_that_failed_is_not_current(kb, text, drug, status):
    assert meds(kb, text)[drug].status == status


@pytest.mark.parametrize("text,drug,dose,unit,frequency", [
    ("Carbamazepine 200 mg morning and evening.", "carbamazepine", "200", "mg", "twice daily"),
    ("Atenolol 25 mg in the morning and 25 mg in the evening.", "atenolol", "25", "mg", "twice daily"),
    ("Continue tapered prednisone as before.", "prednisone", "", "", "taper"),
    ("She takes a daily aspirin.", "aspirin", "", "", "once daily"),
    ("Leuprolide 22.5 mg every three months.", "leuprolide", "22.5", "mg", "every 3 months"),
    ("Normal saline at 100 mL/hr.", "sodium chloride", "100", "ml/hr", "continuous"),
    ("Local anesthesia with 1% Xylocaine with epinephrine.", "lidocaine/epinephrine", "1", "%", ""),
    ("Metformin 500 mg 3 times daily with meals.", "metformin", "500", "mg", "three times daily"),
])
def test_schedules_and_doses_in_more_forms(kb, text, drug, dose, unit, frequency):
    m = meds(kb, text)[drug]
    assert (m.dose, m.unit.lower(), m.frequency) == (dose, unit, frequency)


def test_an_allergen_is_never_a_current_medication(kb):
    ex = analyze("ALLERGIES:\nBetadine (rash) and Soma.\n\nShe is allergic to iron.\n", kb).extraction
    assert {a.substance for a in ex.allergies} >= {"povidone-iodine", "carisoprodol"}
    assert ex.medications == []


@pytest.mark.parametrize("text,kinds", [
    ("She is allergic to Keflex and intolerant of Vicodin (itching).",
     {"cephalexin": "allergy", "hydrocodone/acetaminophen": "intolerance"}),
    ("Allergies: codeine (intolerance), penicillin (hives).", {"codeine": "intolerance", "penicillin": "allergy"}),
    ("She is intolerant of atorvastatin, simvastatin and niacin.",
     {"atorvastatin": "intolerance", "simvastatin": "intolerance", "niacin": "intolerance"}),
    ("She did not tolerate metformin and is allergic to sulfa.", {"metformin": "intolerance", "sulfa": "allergy"}),
])
def test_intolerances_are_kept_apart_item_by_item(kb, text, kinds):
    ex = analyze(text, kb).extraction
    assert {a.substance: a.kind for a in ex.allergies} == kinds
    assert ex.medications == []


def test_a_dose_cut_off_by_a_full_stop_after_the_name_is_kept(kb):
    m = meds(kb, "MEDICATION: Augmentin. 875 mg bid. Mucinex 600 mg bid.")
    a = m["amoxicillin/clavulanate"]
    assert (a.dose, a.unit, a.frequency) == ("875", "mg", "twice daily")
    assert meds(kb, "We discussed metformin. 500 patients were in the trial.")["metformin"].dose == ""


def test_a_problem_that_starts_with_an_ambiguous_name_stays_a_problem(kb):
    ex = analyze("MEDICATIONS:\nShe has iron deficiency anemia, and I have started ferrous sulfate.\n", kb).extraction
    assert [m.name for m in ex.medications] == ["ferrous sulfate"]
    assert any("iron deficiency" in p.text.lower() for p in ex.problems)


def test_a_generated_brand_name_is_read_in_a_list_or_before_a_dose_only(kb):
    # session 11: the drug lexicon's generated brand table (external_names.tsv) reaches the summarizer, but a
    # bulk-imported name is taken only where a medicine is plainly meant
    meds = analyze("MEDICATIONS:\n1. Coracten 10 mg daily.\n2. Curatil 200 mg twice daily.", kb).extraction.medications
    assert {m.name for m in meds} == {"nifedipine", "carbamazepine"}
    assert not analyze("She mentioned Coracten when we spoke.", kb).extraction.medications


@pytest.mark.parametrize("text,name", [
    ("She takes estradiol/Prometrium each evening.", "estradiol"),   # a lab-named drug joined to a drug by a slash
    ("For the stuffy nose, saline nasal spray as he likes.", "sodium chloride"),
    ("He would like a nasal saline spray for dryness.", "sodium chloride"),
])
def test_lab_named_drugs_read_beside_a_slash_partner_or_a_spray_s12(kb, text, name):
    assert name in [m.name for m in analyze(text, kb).extraction.medications]


def test_a_lab_value_is_still_not_a_drug_s12(kb):
    assert not analyze("Her estradiol level was 40 and falling.", kb).extraction.medications
