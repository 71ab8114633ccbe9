"""Holdout of own synthetic snippets (written by phi27 AFTER the session-27b fixes, scored once). Each note: text,
PHI as (substring, type), labs/vitals as (substring, value). build() turns substrings into offsets (first occurrence
after the previous one of the same substring) and writes holdout.json. All text invented for this file."""
import json
from pathlib import Path

NOTES = [
 ("Seen today at Bramblewood Family Practice. Mrs. Odalys Fennimore, 93 years old, reports dizziness. BP 104/62, pulse 58, "
  "temp 97.9. Sodium 131, potassium 5.4.",
  [("Bramblewood Family Practice", "FACILITY"), ("Odalys Fennimore", "NAME"), ("93", "AGE")],
  [("BP 104/62", "104/62"), ("pulse 58", "58"), ("temp 97.9", "97.9"), ("Sodium 131", "131"), ("potassium 5.4", "5.4")]),
 ("Transferred from Greywater Memorial on 14 February 2021 for a GI bleed. Hgb was 6.9 g/dL on arrival, INR 1.4, "
  "platelets 88,000.",
  [("Greywater Memorial", "FACILITY"), ("14 February 2021", "DATE")],
  [("Hgb was 6.9 g/dL", "6.9"), ("INR 1.4", "1.4"), ("platelets 88,000", "88,000")]),
 ("Dictated by Dr. Ignatius Brathwaite. The patient has Parkinson disease and takes Sinemet. Weight 61 kg. "
  "Follow-up with Dr. Brathwaite in March 2024.",
  [("Ignatius Brathwaite", "NAME"), ("Brathwaite", "NAME"), ("March 2024", "DATE")],
  [("Weight 61 kg", "61")]),
 ("She lives at Holloway Pines Nursing Home. Vitals: T 100.9, HR 112, RR 24, BP 92/50, SpO2 89% on RA. "
  "WBC of 17.8, lactate 3.6.",
  [("Holloway Pines Nursing Home", "FACILITY")],
  [("T 100.9", "100.9"), ("HR 112", "112"), ("RR 24", "24"), ("BP 92/50", "92/50"), ("SpO2 89%", "89"),
   ("WBC of 17.8", "17.8"), ("lactate 3.6", "3.6")]),
 ("Crohn's disease since 2009, followed at St. Aurelian's by Dr. Petra Vukovic. CRP 48, albumin 2.9, ferritin 11.",
  [("2009", "DATE"), ("St. Aurelian's", "FACILITY"), ("Petra Vukovic", "NAME")],
  [("CRP 48", "48"), ("albumin 2.9", "2.9"), ("ferritin 11", "11")]),
 ("Call the daughter, Marisol Quintanilla, at 617-555-0142. Patient is ninety-four. Creatinine rose to 2.1 from 1.3.",
  [("Marisol Quintanilla", "NAME"), ("617-555-0142", "PHONE"), ("ninety-four", "AGE")],
  [("Creatinine rose to 2.1", "2.1")]),
 ("Admitted 03/22/2023 to Kestrel Valley Medical Center. Troponin less than 0.01 x2, BNP 96, LDL 171.",
  [("03/22/2023", "DATE"), ("Kestrel Valley Medical Center", "FACILITY")],
  [("Troponin less than 0.01", "0.01"), ("BNP 96", "96"), ("LDL 171", "171")]),
 ("Hodgkin lymphoma in remission. Lisinopril-hydrochlorothiazide 20/25 daily. Blood pressure 138/84, heart rate 70.",
  [],
  [("Blood pressure 138/84", "138/84"), ("heart rate 70", "70")]),
 ("Electronically signed: Thaddeus Oyelaran, MD, Linwood Internal Medicine Associates, 12 Copperfield Lane.",
  [("Thaddeus Oyelaran", "NAME"), ("Linwood Internal Medicine Associates", "FACILITY"), ("12 Copperfield Lane", "ADDRESS")],
  []),
 ("MRN 55102398. Her hemoglobin A1c was 9.4% and fasting glucose 188. Bell's palsy last summer resolved.",
  [("55102398", "ID")],
  [("hemoglobin A1c was 9.4%", "9.4"), ("fasting glucose 188", "188")]),
 ("Seen in the emergency department of Harrowgate General Hospital. Temp 38.9 C, pulse 124, respirations 30, sats 91%.",
  [("Harrowgate General Hospital", "FACILITY")],
  [("Temp 38.9 C", "38.9"), ("pulse 124", "124"), ("respirations 30", "30"), ("sats 91%", "91")]),
 ("Mr. Everett Lindqvist was discharged to Sunny Meadow Rehabilitation on the 9th of June. TSH 7.8, free T4 0.6.",
  [("Everett Lindqvist", "NAME"), ("Sunny Meadow Rehabilitation", "FACILITY"), ("9th of June", "DATE")],
  [("TSH 7.8", "7.8"), ("free T4 0.6", "0.6")]),
 ("Down syndrome with hypothyroidism. Height 152 cm, weight 58 kg, BMI 25.1. Seen by Dr. Amadou Diallo.",
  [("Amadou Diallo", "NAME")],
  [("Height 152 cm", "152"), ("weight 58 kg", "58"), ("BMI 25.1", "25.1")]),
 ("Labs 5/2: Na 142, K 3.1, Cl 99, HCO3 30, BUN 22, Cr 0.8, Mg 1.5. Potassium chloride 40 mEq given.",
  [("5/2", "DATE")],
  [("Na 142", "142"), ("K 3.1", "3.1"), ("Cl 99", "99"), ("HCO3 30", "30"), ("BUN 22", "22"), ("Cr 0.8", "0.8"),
   ("Mg 1.5", "1.5")]),
 ("Referred by Oakhurst Pediatrics. The infant weighs 4.2 kg, heart rate 150, temperature 37.1. Born 01/05/2024.",
  [("Oakhurst Pediatrics", "FACILITY"), ("01/05/2024", "DATE")],
  [("weighs 4.2 kg", "4.2"), ("heart rate 150", "150"), ("temperature 37.1", "37.1")]),
 ("Patient of Dr. Rosalind Achterberg at Millbrook Cardiology. Ejection fraction 35%. Potassium 4.6, digoxin level 1.1.",
  [("Rosalind Achterberg", "NAME"), ("Millbrook Cardiology", "FACILITY")],
  [("Ejection fraction 35%", "35"), ("Potassium 4.6", "4.6"), ("digoxin level 1.1", "1.1")]),
 ("She moved from Tallahassee in August 2019. Vitamin B12 level 142, folate 2.1, MCV 109.",
  [("Tallahassee", "PLACE"), ("August 2019", "DATE")],
  [("Vitamin B12 level 142", "142"), ("folate 2.1", "2.1"), ("MCV 109", "109")]),
 ("Blood gas: pH 7.21, pCO2 68, pO2 55. Seen at Cedarbrook Hospital ICU by Dr. Yusuf Karaca on 11/30/2022.",
  [("Cedarbrook Hospital", "FACILITY"), ("Yusuf Karaca", "NAME"), ("11/30/2022", "DATE")],
  [("pH 7.21", "7.21"), ("pCO2 68", "68"), ("pO2 55", "55")]),
 ("A 101-year-old resident of Whitfield Manor. Guillain-Barre syndrome ruled out. Glucose 64, so given juice.",
  [("101", "AGE"), ("Whitfield Manor", "FACILITY")],
  [("Glucose 64", "64")]),
 ("cc: Dr. Hollis Marchetti, Fairhaven Women's Clinic. AFI 4.1 cm, fetal heart rate 135, EBL 300 mL.",
  [("Hollis Marchetti", "NAME"), ("Fairhaven Women's Clinic", "FACILITY")],
  [("AFI 4.1 cm", "4.1"), ("fetal heart rate 135", "135")]),
]


def build() -> list[dict]:
    out = []
    for i, (text, phi, labs) in enumerate(NOTES, 1):
        def offs(items):
            rows = []
            for sub, label in items:  # the first occurrence not inside an earlier gold span of this list
                start = text.index(sub)
                while any(r["start"] < start + len(sub) and start < r["end"] for r in rows):
                    start = text.index(sub, start + 1)
                rows.append({"start": start, "end": start + len(sub), "label": label})
            return rows
        out.append({"id": f"phi27-h{i:02d}", "text": text, "phi": offs(phi), "labs": offs(labs)})
    return out


if __name__ == "__main__":
    Path(__file__).with_name("holdout.json").write_text(json.dumps(build(), indent=1))
