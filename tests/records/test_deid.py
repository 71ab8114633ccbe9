from datetime import date

import pytest

from medcore.deid import DeidResult, PhiSpan, deidentify, shift_date


def types(text):
    return {(s.type, s.text) for s in deidentify(text, shift_days=-10).spans}


def test_public_api_shape():
    r = deidentify("Seen by Dr. Anna Petrov on 03/02/2026.")
    assert isinstance(r, DeidResult) and all(isinstance(s, PhiSpan) for s in r.spans)
    for s in r.spans:
        assert "Seen by Dr. Anna Petrov on 03/02/2026."[s.start:s.end] == s.text
    assert "Petrov" not in r.text and "03/02/2026" not in r.text


@pytest.mark.parametrize("text,kind,value", [
    ("MRN: 00482913", "MRN", "00482913"),
    ("Medical record number: MRN-2290417", "MRN", "MRN-2290417"),
    ("Hospital number 4418820", "MRN", "4418820"),
    ("SSN: 123-45-6789", "SSN", "123-45-6789"),
    ("Call (617) 555-0142 today", "PHONE", "(617) 555-0142"),
    ("Fax 617-555-0111", "FAX", "617-555-0111"),
    ("email f.brennan@beaconcardio.example.org now", "EMAIL", "f.brennan@beaconcardio.example.org"),
    ("see www.gi-associates.example.com", "URL", "www.gi-associates.example.com"),
    ("lives at 17 Elm Court, Quincy, MA 02169", "ADDRESS", "17 Elm Court, Quincy"),
    ("lives at 17 Elm Court, Quincy, MA 02169", "ZIP", "02169"),
    ("Insurance ID WXH448201937", "ID", "WXH448201937"),
    ("Accession: ACC-55123098", "ID", "ACC-55123098"),
    ("Patient: Harold Jenkins", "NAME", "Harold Jenkins"),
    ("Contact daughter Susan Kessler at home", "NAME", "Susan Kessler"),
    ("Signed by Marcus Webb, MD", "NAME", "Marcus Webb"),
    ("Discharged 2026-09-02.", "DATE", "2026-09-02"),
    ("Seen on March 12, 2026.", "DATE", "March 12, 2026"),
])
def test_recognisers(text, kind, value):
    assert (kind, value) in types(text)


def test_age_over_89_only():
    r = deidentify("A 92-year-old woman and her 67-year-old son. Age: 94.", shift_days=0)
    ages = [s.text for s in r.spans if s.type == "AGE"]
    assert ages == ["92", "94"]
    assert "90+-year-old" in r.text and "67-year-old" in r.text


def test_blood_pressure_is_not_a_date():
    assert not [s for s in deidentify("BP 128/76, pain 7/10").spans if s.type == "DATE"]


def test_name_propagates_to_other_mentions():
    r = deidentify("Patient: Margaret Doyle\nI saw Mrs. Doyle today. Doyle reports palpitations.")
    assert r.text.count("[NAME]") == 3 and "Doyle" not in r.text


def test_date_shift_keeps_intervals_and_format():
    text = "Admitted 03/02/2026, procedure 2026-03-04, discharged March 7, 2026."
    r = deidentify(text)
    shifted = [s.replacement for s in r.spans if s.type == "DATE"]
    assert r.shift_days != 0
    m1, d1, y1 = map(int, shifted[0].split("/"))
    d2 = date.fromisoformat(shifted[1])
    assert (d2 - date(y1, m1, d1)).days == 2
    assert shifted[2].startswith("Ma") or shifted[2][0].isalpha()


def test_shift_is_consistent_within_a_note_and_differs_between_notes():
    a = deidentify("Seen 01/10/2026. Again 01/10/2026.")
    reps = {s.replacement for s in a.spans}
    assert len(reps) == 1
    b = deidentify("Another note entirely, seen 01/10/2026.")
    assert a.shift_days != b.shift_days or a.spans[0].replacement != "01/10/2026"


@pytest.mark.parametrize("src,days,expected", [
    ("2026-03-01", -1, "2026-02-28"),
    ("03/01/2026", -1, "02/28/2026"),
    ("3/1/2026", 31, "4/1/2026"),
    ("Jan 31, 2026", 1, "Feb 1, 2026"),
    ("12 March 2026", -12, "28 February 2026"),
])
def test_shift_date_formats(src, days, expected):
    assert shift_date(src, days) == expected


def test_gold_recall_on_shipped_notes(settings):
    from medcore.records.corpus import annotated_notes
    from medcore.deid import find_phi
    from medcore.records.evaluate import phi_scores

    rows = [(n.text, [(g.start, g.end, g.type) for g in n.phi], find_phi(n.text)) for n in annotated_notes(settings)]
    scores = phi_scores(rows)
    assert scores["overall"]["recall"] >= 0.95
    assert scores["overall"]["precision"] >= 0.9


def test_empty_and_plain_text():
    assert deidentify("").spans == []
    r = deidentify("No identifiers here, just chest pain for 2 days.")
    assert r.spans == [] and r.text.startswith("No identifiers")


@pytest.mark.parametrize("text,kind,value", [
    ("Seen on the 3rd of March 2026.", "DATE", "3rd of March 2026"),
    ("Admitted 05.03.2026.", "DATE", "05.03.2026"),
    ("Last seen in April 2026.", "DATE", "April 2026"),
    ("A ninety-two-year-old woman.", "AGE", "ninety-two"),
    ("Call +44 20 7946 0958.", "PHONE", "+44 20 7946 0958"),
    ("Call 617-555-0101 x234.", "PHONE", "617-555-0101 x234"),
    ("Portal login from 192.168.10.4.", "IP", "192.168.10.4"),
    ("Serial number SN-99812345.", "ID", "SN-99812345"),
])
def test_more_formats(text, kind, value):
    assert (kind, value) in types(text)


def test_day_month_year_shift():
    assert shift_date("05.03.2026", -10) == "23.02.2026"
    assert shift_date("3rd of March 2026", -10) == "21 February 2026"


def test_numbers_that_are_not_phi():
    assert deidentify("Hb 13.5 g/dL, WBC 11.2, platelets 250, BP 120/80, EF 30%, 2.5 mg.").spans == []


def test_many_candidate_names_do_not_blow_up():
    import time

    t = time.perf_counter()
    r = deidentify("Mr. " + "Abc " * 20000)
    assert r.spans and time.perf_counter() - t < 15  # guards against quadratic span bookkeeping


# Name forms that leaked before the 2026-11-23 fix (new sentences, not taken from the notes).
def _leaks(text, *secrets):
    out = deidentify(text, shift_days=-10).text
    return [s for s in secrets if s in out]


@pytest.mark.parametrize("text,secrets", [
    # initials between a title and the surname
    ("Plan agreed with Dr P. Halvorsen-Quist on the phone.", ["Halvorsen"]),
    ("Discussed with Dr T Vasilakis, who agreed.", ["Vasilakis"]),
    ("Reviewed by Prof. M. J. Thackeray this afternoon.", ["Thackeray"]),
    ("Seen by: Dr R.L. Ogunbanjo", ["Ogunbanjo"]),
    ("Mrs E. Pennywhistle declined the offer of a bed.", ["Pennywhistle"]),
    # elided, camel-case, accented, upper-case and particle surnames after a title
    ("Dr O'Rourke-Flynn was informed.", ["Rourke", "Flynn"]),
    ("Mr. D'Almeida declined the procedure.", ["Almeida"]),
    ("Handed over to Dr McQuarrie overnight.", ["Quarrie"]),
    ("Dr MacFadyen will review.", ["Fadyen"]),
    ("Ms DiStefano phoned the ward.", ["Stefano"]),
    ("Dr Zoë Brandstätter called back.", ["Zoë", "Brandstätter"]),
    ("Dr van der Merwe is the consultant.", ["Merwe"]),
    ("Mr TREVELYAN was reassured.", ["TREVELYAN"]),
    # an unlabelled patient name on a header line with an identifier (given name not in the list)
    ("Ward round\nOsric Pembleton  MRN 5512093  Bed 7\nFeels better.", ["Osric", "Pembleton"]),
    ("Osric Pembleton (DOB 02/03/1948)", ["Osric", "Pembleton"]),
    ("Osric T. Pembleton | 77M | Hosp no. 5512093", ["Osric", "Pembleton", "5512093"]),
    ("PEMBLETON, Osric   MRN 5512093", ["Osric", "PEMBLETON"]),
    ("Pembleton, Osric, 77 y/o", ["Osric", "Pembleton"]),
    ("MRN 5512093   Osric Pembleton\nStable overnight.", ["Osric", "Pembleton"]),
    # the patient under a 'Child:' label, and a header name followed by 'Age 4' (found on the n32-n41 held-out set)
    ("Child: Osric Pembleton-Hale\nFever for 2 days.", ["Osric", "Pembleton", "Hale"]),
    ("Osric Pembleton-Hale   Age 4   Hosp no P2209871", ["Osric", "Pembleton", "Hale"]),
])
def test_name_forms_do_not_leak(text, secrets):
    assert _leaks(text, *secrets) == []


def test_header_name_propagates_to_later_mentions():
    out = deidentify("Osric Pembleton  MRN 5512093\nMr Pembleton walked with a frame.").text
    assert "Pembleton" not in out and "Osric" not in out


@pytest.mark.parametrize("text", [
    "Known Parkinson's disease on levodopa; Crohn's disease on azathioprine; Addison's disease on hydrocortisone.",
    "Graves disease, Hashimoto thyroiditis, Cushing syndrome and Bell's palsy. McBurney's point tender.",
    "Murphy's sign negative. Babinski absent. Glasgow Coma Scale 15.",
    "Metformin 500 mg twice daily. Lisinopril 10 mg daily. Apixaban 5 mg BID.",
    "NaCl 0.9% 1 L IV. HbA1c 7.2%. PaCO2 45. IgG normal.",
    "Chest Pain  2 yrs duration.",
    "Discharge Summary   MRN 5512093",
    "Right Upper Quadrant Ultrasound  MRN 5512093",
    "Yours sincerely,\nConsultant Cardiologist",
    "Transported by van to the unit. Dr on call informed. Mr and Mrs both present.",
    "The child: fever noted. Infant Formula given. Child Protection team informed. Age 4 years, rash on trunk.",
])
def test_no_names_in_clinical_text(text):
    assert [s.text for s in deidentify(text, shift_days=-10).spans if s.type == "NAME"] == []


@pytest.mark.parametrize("text,kind,value", [
    ("14 Church Lane, Harrogate HG1 2QT", "ADDRESS", "14 Church Lane, Harrogate"),
    ("14 Church Lane, Harrogate HG1 2QT", "ZIP", "HG1 2QT"),
    ("Flat 2, 9 Kings Crescent, London SW1A 1AA", "ZIP", "SW1A 1AA"),
    ("9 Kings Crescent, London SW1A 1AA", "ADDRESS", "9 Kings Crescent, London"),
    ("Tel: 01423 555 781", "PHONE", "01423 555 781"),
    ("Mobile 07700 900461", "PHONE", "07700 900461"),
    ("Ring (0113) 243 3144 for results", "PHONE", "(0113) 243 3144"),
    ("Ring +44 7700 900461", "PHONE", "+44 7700 900461"),
    ("Practice ID BFH-0031874", "MRN", "BFH-0031874"),
    ("NHS number: 4857773456", "MRN", "4857773456"),
])
def test_uk_formats(text, kind, value):
    assert (kind, value) in types(text)


@pytest.mark.parametrize("text", [
    "Stage T2 N1 M0 tumour. HbA1c 58 mmol/mol. FEV1 1.9 L (65%). B12 2 weeks ago.",
    "Insulin at 0800 and 2200. Creatinine 0.95 mg/dL, Hb 132 g/L, CRP 45 mg/L.",
    "L4 5 disc bulge. Dose 0.5 mg.",
])
def test_uk_recognisers_leave_clinical_numbers_alone(text):
    assert types(text) == set()


def test_gp_role_is_not_a_name():
    assert not [v for k, v in types("Dr A. Patel\nGP Partner\nBeech Farm Surgery") if v in ("Partner", "GP Partner")]


# ---- third round (2026-11-23): the blind n42-n50 PHI misses, fixed with general rules ----------------------
def _phi(text):
    from medcore.deid import find_phi

    return [(k, text[s:e]) for s, e, k in find_phi(text)]


def test_street_without_a_number_before_town_and_postcode():
    assert ("ADDRESS", "Moor Lane, Halifax") in _phi("Pennine View Hospital, Moor Lane, Halifax HX3 0PW")
    assert ("ADDRESS", "Linden Avenue, Dayton") in _phi("Address: Linden Avenue, Dayton, OH 45409")
    # guard: a street-type word with no town and postcode after it is left alone
    assert not any(k == "ADDRESS" for k, _ in _phi("Seen in the Park Lane clinic today."))


def test_month_day_after_a_preposition_of_time_is_a_date():
    assert ("DATE", "11/18") in _phi("Metformin - resume on 11/18 if creatinine stable.")
    assert ("DATE", "11/18") in _phi("Discussed by phone 11/18 at 16:10.")
    # guards: scores, ratios and UK week/month counts stay
    for text in ("Pain improved from 7/10 to 3/10.", "Seen 3/52 ago, review in 6/12.", "Murmur 2/6 at the apex.",
                 "BP 128/76.", "Co-codamol 30/500 prn."):
        assert not any(k == "DATE" for k, _ in _phi(text)), text


def test_initial_after_a_slash_and_instruction_verbs_are_not_names():
    assert _phi("Strict I/O. Notify MD if temp >38.5.") == []
    assert ("NAME", "T. Osei") in _phi("Seen by T. Osei, RN.")  # guard
