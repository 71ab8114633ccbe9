"""PHI classes probe, session 17 (issue 11): our own sentences, one or more per class of identifier that real notes
carry (names after roles, labels and instructions, surname-first names, credentials with stops, towns as areas and
trips, streets, facilities, firms, congregations, dates by holiday, ages over 89, numbers), plus sentences whose
words must stay (clinical areas, continents). Prints each sentence where a listed identifier is not fully removed or
where a sentence with nothing listed loses a span, then the count of identifiers fully removed.

    PYTHONPATH=. .venv/bin/python docs/evals/phi-s17/phi_classes_probe.py
"""

from medcore.deid import find_phi

P = [
 ("Family meeting with brother-in-law Radovan Kršić and pastor Gideon Ashworth.", ["Radovan Kršić","Gideon Ashworth"]),
 ("Midwife: Grainne Mac Giolla Phádraig", ["Grainne Mac Giolla Phádraig"]),
 ("Moving next week to Evergreen Hospice House in Kalispell.", ["Evergreen Hospice House","Kalispell"]),
 ("Back strain after lifting at the depot on Canal Street.", ["Canal Street"]),
 ("Employer contact: Hartley Logistics Group, hr@x.example.com", ["Hartley Logistics Group"]),
 ("She was seen by Dr. Wexford at Pinecrest Medical Center in March 2019.", ["Wexford","Pinecrest Medical Center","March 2019"]),
 ("He had a CABG in 2004 at Mercy General.", ["2004","Mercy General"]),
 ("The patient is a 92-year-old man.", ["92"]),
 ("Call 555-123-4567 or email jo@ex.com.", ["555-123-4567","jo@ex.com"]),
 ("Account number 4481-22-9 was billed.", ["4481-22-9"]),
 ("She lives at 14 Birchwood Lane, Dunmore, PA 18512.", ["14 Birchwood Lane","Dunmore","18512"]),
 ("Seen today with her daughter, Marisol.", ["Marisol"]),
 ("Thaddeus Quillfeather, RN, assisted.", ["Thaddeus Quillfeather"]),
 ("Dictated by: Orla Brennan-Whitby, PA-C", ["Orla Brennan-Whitby"]),
 ("Discussed with Dr Okonkwo-Baptiste of nephrology.", ["Okonkwo-Baptiste"]),
 ("cc: Ingrid Solberg, MD; Tobias Vanterpool, DO", ["Ingrid Solberg","Tobias Vanterpool"]),
 ("Attending: ZIMMERMANN, HELGA", ["ZIMMERMANN, HELGA"]),
 ("Patient: mcallister, dorothy", ["mcallister, dorothy"]),
 ("Admitted 3/14/21, discharged 3/19/21.", ["3/14/21","3/19/21"]),
 ("Last colonoscopy was in 2015.", ["2015"]),
 ("Mammogram done in Jan 2020 was normal.", ["Jan 2020"]),
 ("Surgery on the 4th of July 2018.", ["4th of July 2018"]),
 ("Seen on 12-Mar-2022 in clinic.", ["12-Mar-2022"]),
 ("Since 2019-06 she has been on insulin.", ["2019-06"]),
 ("She works as a teacher at Lincoln Elementary School.", ["Lincoln Elementary School"]),
 ("He is employed by Boeing as an engineer.", ["Boeing"]),
 ("Transferred from St. Agnes Hospital in Fresno.", ["St. Agnes Hospital","Fresno"]),
 ("He was in a car accident on I-95 near Baltimore.", ["Baltimore"]),
 ("Her husband, Mr. Delacroix, is at the bedside.", ["Delacroix"]),
 ("Per Nurse Abernathy the patient slept well.", ["Abernathy"]),
 ("Reviewed with Ximena Castellanos (social work).", ["Ximena Castellanos"]),
 ("The patient, a 101 year old female, fell.", ["101"]),
 ("Follow up with Dr. Patel in two weeks at the Smithfield Clinic.", ["Patel","Smithfield Clinic"]),
 ("Referred to Riverbend Orthopaedics.", ["Riverbend Orthopaedics"]),
 ("He is a veteran who served in Vietnam and lives in Tulsa, Oklahoma.", ["Tulsa","Oklahoma"]),
 ("Fax: (212) 555-0148", ["(212) 555-0148"]),
 ("SSN 123-45-6789", ["123-45-6789"]),
 ("Medicare ID 1EG4-TE5-MK73", ["1EG4-TE5-MK73"]),
 ("Policy #: HX99812345", ["HX99812345"]),
 ("Visit date: Tuesday, October 3, 2023", ["October 3, 2023"]),
 ("Born in 1931, she is now 93.", ["1931","93"]),
 ("Electronically signed by Beatrix Oyelaran-Holt on 05/06/2024 14:02", ["Beatrix Oyelaran-Holt","05/06/2024"]),
 ("Spoke with pt's son kwame on the phone.", ["kwame"]),
 ("Mrs. o'brien-lacey reports pain.", ["o'brien-lacey"]),
 ("He attends Oakridge High School.", ["Oakridge High School"]),
 ("She is a member of the Greenfield Baptist Church.", ["Greenfield Baptist Church"]),
 ("Dr. Liu and Dr. Nakamura-Hayes agree.", ["Liu","Nakamura-Hayes"]),
 ("Recently moved from Guadalajara, Mexico.", ["Guadalajara","Mexico"]),
 ("Lives at Sunrise Assisted Living.", ["Sunrise Assisted Living"]),
 ("Resides at Maple Grove Nursing Home.", ["Maple Grove Nursing Home"]),
 ("Her PCP is Bartholomew Finch.", ["Bartholomew Finch"]),
 ("PCP: Dr. Ruiz", ["Ruiz"]),
 ("Seen in the Hollister Cancer Institute.", ["Hollister Cancer Institute"]),
 ("Christmas 2019 she developed symptoms.", ["2019"]),
 ("Symptoms started in the summer of 2017.", ["2017"]),
 ("DOB 2/2/1950", ["2/2/1950"]),
 ("Records from Kaiser Permanente were reviewed.", ["Kaiser Permanente"]),
 ("Her neurologist, Dr. Frangipane, recommended MRI.", ["Frangipane"]),
 ("Case discussed with Ines Szymanska, pharmacist.", ["Ines Szymanska"]),
 ("Lab accession S22-14573.", ["S22-14573"]),
 ("Returned from a trip to Lagos, Nigeria last week.", ["Lagos","Nigeria"]),
 ("She works at the Walmart in town.", ["Walmart"]),
 ("Ambulance from Henderson County EMS.", ["Henderson County"]),
 ("He is a Ford Motor Company retiree.", ["Ford Motor Company"]),
 ("Gen. Surg. consulted (Dr. Abara).", ["Abara"]),
 ("MRN 00451239", ["00451239"]),
 ("Evaluated by Jorge A. Mendez-Ruiz, M.D.", ["Jorge A. Mendez-Ruiz"]),
 ("HISTORY: Mr. Bloggs is a 45-year-old.", ["Bloggs"]),
 ("Ms. Yarrow presents with cough.", ["Yarrow"]),
 ("Yarrow denies fever.", []),
 ("Patient Hiroshi Tanaka-Webb presents.", ["Hiroshi Tanaka-Webb"]),
 ("accompanied by girlfriend Shaniqua", ["Shaniqua"]),
 ("Her roommate Priya found her.", ["Priya"]),
 ("Friend (Desmond) drove her in.", ["Desmond"]),
 ("She is a nurse at Baptist Health.", ["Baptist Health"]),
 ("He came from the Riverside Correctional Facility.", ["Riverside Correctional Facility"]),
]
P += [("FATHER:,  Orrin Talbergh is 70, well.",["Orrin Talbergh"]),
("Stays with mother Carys Pellow and her parents Bud and Sue Pellow in Dunmore, Kansas.  Father of the baby, Desmond Lyle age 31, works nights.",["Carys Pellow","Bud","Sue Pellow","Dunmore","Desmond Lyle"]),
("the paperwork came from \"Edna\" at reception.",["Edna"]),
("she prefers a clinic in the Harwick area, nearer home.",["Harwick"]),
("Back from a trip to Tahomish in Nevada, he fell ill.",["Tahomish"]),
("He lives outside of Tampoville with his son.",["Tampoville"]),
("Her dentist in Marlowby before Easter gave her antibiotics.",["Marlowby"]),
("paid for by Brightwell Review Panel, Inc.  The survey",["Brightwell Review Panel, Inc"]),
("Pain in the Epigastric area was noted.",[]),
("He will go to the Emergency area.",[]),
("Her sponsor is helping her.",[]),
("Tenderness in the Right Lower Quadrant region.",[]),
("Case manager Friday reviewed.",[]),
]


miss = tot = extra = 0
for text, gold in P:
    spans = find_phi(text)
    cov = bytearray(len(text))
    for s, e, _ in spans:
        cov[s:e] = b"\1" * (e - s)
    bad = []
    for g in gold:
        i = text.find(g)
        tot += 1
        if any(text[j].isalnum() and not cov[j] for j in range(i, i + len(g))):
            bad.append(g)
            miss += 1
    extra += not gold and bool(spans)
    if bad or not gold and spans:
        print("MISS" if bad else "EXTRA", bad, "| got", [(text[s:e], k) for s, e, k in spans], "|", text)
print(f"identifiers removed {tot - miss}/{tot}; sentences with nothing to remove that lost a span: {extra}")
