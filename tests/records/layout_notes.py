"""Short notes written for the note-type and layout tests (invented; no real patient, no text from any corpus)."""

DISCHARGE = """DISCHARGE SUMMARY
Reason for admission: Shortness of breath and leg swelling.
Principal diagnosis: Acute decompensated heart failure.
Secondary diagnoses: Type 2 diabetes mellitus. Chronic kidney disease stage 3.
Hospital course: The patient was diuresed with intravenous furosemide and lost 4 kg. Renal function stayed stable.
Procedures: Transthoracic echocardiogram.
Discharge medications: Furosemide 40 mg PO daily (new). Metformin stopped because of kidney function. Lisinopril increased to 20 mg daily.
Pending results: Thyroid function tests are pending at discharge.
Follow-up: See cardiology clinic in 2 weeks.
"""

ED = """EMERGENCY DEPARTMENT NOTE
Chief complaint: Right ankle pain after a fall.
History of present illness: 34-year-old woman twisted her right ankle on a stair today and came to the ED by ambulance.
Physical examination: Swelling over the lateral malleolus. Distal pulses intact.
Imaging: Ankle x-ray shows no fracture.
ED course: Given ibuprofen 400 mg PO once with relief.
Impression: Right ankle sprain.
Disposition: Discharged home with crutches. Return to the ED if numbness develops.
"""

CONSULT = """CARDIOLOGY CONSULTATION
Reason for consultation: Asked to see the patient for new atrial fibrillation after hip surgery.
History of present illness: 78-year-old man, day 2 after a hip replacement, found in atrial fibrillation with rate 130.
Physical examination: Irregularly irregular rhythm. No murmur.
Assessment: New-onset atrial fibrillation, likely provoked by surgery.
Recommendations: Start metoprolol 25 mg PO twice daily. Discuss anticoagulation once the surgical team agrees.
"""

PROGRESS = """Subjective: Feels better today, less short of breath overnight.
Objective: Temperature 37.2 C, heart rate 88. Lungs with fewer crackles at the bases.
Assessment: Community-acquired pneumonia, improving.
Plan: Continue amoxicillin 500 mg PO three times daily. Switch to oral route tomorrow if afebrile.
"""

RADIOLOGY = """EXAM: CT chest with contrast.
INDICATION: Cough for six weeks.
TECHNIQUE: Axial images through the chest after intravenous contrast.
COMPARISON: None.
FINDINGS: A 2 cm nodule in the right upper lobe. No pleural effusion.
IMPRESSION: Right upper lobe nodule; tissue sampling suggested.
"""

# no heading or cue of any type: the generic layout
PLAIN = """68-year-old man with hypertension seen for chest pain. Denies fever. Furosemide 40 mg PO daily.
Follow up with cardiology in 1 week.
"""

# a consult that is also a follow-up visit: two types score the same, so the detector does not choose
AMBIGUOUS = """Impression: Stable knee osteoarthritis.
The patient returns for follow-up of knee pain as a consultation from her primary doctor.
"""

# reads as a discharge summary from its title, but none of the discharge headings is there
DISCHARGE_NO_HEADINGS = """Discharge summary. The patient was admitted with pneumonia and treated with antibiotics.
She improved and was discharged home on oral amoxicillin 500 mg three times daily.
"""
