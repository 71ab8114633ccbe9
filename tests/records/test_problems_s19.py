"""Issue 11, session 19 (records19): weakness coded as ICD-10-CM codes it (generalised R53.1, a limb or one side
R29.898), a review-of-systems list that shares its last word ('no vision or hearing change'), gestational ages in
weeks, degenerative changes coded by their site, and numbered lists under a current heading. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze

from ._read import problems as _problems


@pytest.mark.parametrize("text,word,code", [
    # index: Weakness (generalized) R53.1
    ("Over the past week she has felt generalized weakness.", "generalized weakness", "R53.1"),
    ("He came in because of weakness and poor appetite.", "weakness", "R53.1"),
    # no limb or side subterm under Weakness: a localised weakness is R29.898
    ("Since Tuesday he has had weakness of the left arm.", "weakness", "R29.898"),
    ("She first noticed weakness involving the right leg on the stairs.", "weakness", "R29.898"),
    ("He woke with right-sided weakness and slurred words.", "right-sided weakness", "R29.898"),
    ("Exam: left upper extremity weakness, 4/5.", "left upper extremity weakness", "R29.898"),
    # index subterms kept: facial R29.810, muscle M62.81
    ("There is mild left facial weakness.", "facial weakness", "R29.810"),
    ("Musculoskeletal: muscle weakness in the thighs.", "muscle weakness", "M62.81"),
])
def test_weakness_code_follows_the_index(kb, text, word, code):
    got = _problems(kb, text)
    assert [c for w, c, _ in got if w == word] == [code], got


@pytest.mark.parametrize("text,want", [
    # the head word written once after the list is every item's
    ("Eyes and ears: no vision or hearing change.", {("vision", "H53.9", "negated"), ("hearing change", "H91.90", "negated")}),
    ("He denies hearing or vision loss.", {("hearing", "H91.90", "negated"), ("vision loss", "H54.7", "negated")}),
    ("She has noticed vision and hearing changes lately.", {("vision", "H53.9", "present"),
                                                            ("hearing changes", "H91.90", "present")}),
])
def test_items_share_the_last_head_word(kb, text, want):
    got = set(_problems(kb, text))
    assert want <= got, got


@pytest.mark.parametrize("text,want", [
    # a negation distributes over its whole list, and stops at 'but' or a new verb
    ("ROS: he denies nausea, vomiting or diarrhea.", {("nausea", "negated"), ("vomiting", "negated"),
                                                      ("diarrhea", "negated")}),
    ("No fever, chills or night sweats were reported.", {("fever", "negated"), ("chills", "negated"),
                                                          ("night sweats", "negated")}),
    ("No fever but has a cough since Monday.", {("fever", "negated"), ("cough", "present")}),
    ("Denies chest pain or palpitations; reports dyspnea on exertion.", {
        ("chest pain", "negated"), ("palpitations", "negated"), ("dyspnea on exertion", "present")}),
])
def test_negation_covers_its_list_and_stops_at_its_end(kb, text, want):
    got = {(w, a) for w, _, a in _problems(kb, text)}
    assert want <= got, got


def test_a_bare_weakness_does_not_take_the_limb_weakness_named_earlier(kb):
    text = ("She woke on Friday with right-sided weakness. She kept working despite her weakness. "
            "The weakness did not improve over the weekend.")
    got = [c for w, c, _ in _problems(kb, text) if w == "weakness"]
    assert got == ["R53.1", "R53.1"], got


def _coded(kb, text):
    return [(p.text, p.icd10cm, p.extra_codes, p.assertion) for p in analyze(text, kb).extraction.problems]


@pytest.mark.parametrize("text,span,code,weeks", [
    # the gestational age is the pregnancy when the note names no other (Z33.1 with its Z3A.- weeks)
    ("HPI: a 27-year-old G3P2 at 28+3 weeks, here with a headache.", "28+3 weeks", "Z33.1", "Z3A.28"),
    ("She is a 33-year-old, currently 32 weeks pregnant, with ankle swelling.", "32 weeks", "Z33.1", "Z3A.32"),
])
def test_gestational_age_is_the_pregnancy_with_its_weeks(kb, text, span, code, weeks):
    got = _coded(kb, text)
    assert (span, code, (weeks,), "present") in got, got


def test_a_complication_of_pregnancy_carries_the_weeks(kb):
    got = _coded(kb, "A 22-year-old G1P0 at 36 weeks 2 days by LMP. She has preeclampsia with headache.")
    assert ("preeclampsia", "O14.90", ("Z3A.36",), "present") in got, got
    assert not any(c == "Z33.1" for _, c, _, _ in got), got  # Z3A goes beside the O- code, no extra Z33.1


def test_a_named_pregnancy_takes_the_sonographic_weeks(kb):
    got = _coded(kb, "IMPRESSION: single live intrauterine pregnancy, gestational age of 35 weeks and 2 days.")
    assert [(e, a) for t, c, e, a in got if c == "Z33.1"] == [(("Z3A.35",), "present")], got


@pytest.mark.parametrize("text,code,assertion", [
    ("Baby girl is a 30-2/7-week gestation infant on CPAP.", "P07.33", "present"),
    ("PAST MEDICAL HISTORY: born at 34 weeks' gestation; now 7 years old.", "P07.37", "historical"),
    ("Discharge diagnosis: growing ex-32-week preemie.", "P07.35", "present"),
])
def test_a_birth_gestational_age_is_its_prematurity(kb, text, code, assertion):
    got = _coded(kb, text)
    assert [(c, a) for _, c, _, a in got if c.startswith("P07")] == [(code, assertion)], got


@pytest.mark.parametrize("text", [
    "He has had a dry cough for 3 weeks and was seen 2 weeks ago.",
    "Take amoxicillin 500 mg three times daily for 2 weeks.",
    "Born at 39 weeks by vaginal delivery, now 4 years old.",  # term: no prematurity
])
def test_weeks_that_are_no_gestational_age_give_no_pregnancy(kb, text):
    got = _coded(kb, text)
    assert not any(c.startswith(("Z33", "Z3A", "P07")) for _, c, _, _ in got), got


def test_the_fhir_condition_carries_the_weeks_code(kb):
    from medcore.records.export import condition_code

    p = next(p for p in analyze("A 30-year-old G2P1 at 24 weeks gestation with back pain.", kb).extraction.problems
             if p.icd10cm == "Z33.1")
    assert [c["code"] for c in condition_code(p)["coding"]] == ["Z33.1", "Z3A.24"]


@pytest.mark.parametrize("text", [
    "ASSESSMENT:\n1. Community-acquired pneumonia.\n2. Hypertension, controlled.",
    "ASSESSMENT:,1.  Community-acquired pneumonia.,2.  Hypertension, controlled.",
    "IMPRESSION: 1. Community-acquired pneumonia. 2. Hypertension, controlled.",
])
def test_a_numbered_current_list_stays_present_and_unnumbered(kb, text):
    got = _problems(kb, text)
    assert ("community-acquired pneumonia", "J18.9", "present") in got, got
    assert ("hypertension", "I10", "present") in got, got
    assert not any(w[:1].isdigit() for w, _, _ in got), got


@pytest.mark.parametrize("text,word,code", [
    # index: Degeneration, joint disease - see Osteoarthritis (knee M17.-, hip M16.-); Osteoarthritis, spine - see
    # Spondylosis (lumbar M47.816, unspecified M47.9); Degeneration, intervertebral disc (cervical M50.3-, lumbar M51.36-)
    # (session 20: the side written is carried, index Osteoarthritis, hip M16.1-, knee M17.1-; was M16.9 / M17.9)
    ("Pelvis film: mild degenerative changes of the left hip.", "degenerative changes", "M16.12"),
    ("Assessment: DJD of the right knee, worse with stairs.", "djd", "M17.11"),
    ("CT: moderate degenerative changes are seen in the low lumbar spine.", "degenerative changes", "M47.816"),
    ("Old fracture; degenerative changes of the spine are noted.", "degenerative changes", "M47.9"),
    # session 21: the level written with it gives the region's level code (L5-S1 is the lumbosacral region, M51.37-;
    # C6-C7 has its own code, M50.323; tests/records/test_problems_s21.py)
    ("Preoperative diagnosis: degenerative disk disease at L5-S1.", "degenerative disk disease", "M51.379"),
    ("Neck MRI: degenerative disc disease at C6-C7 without cord compression.", "degenerative disc disease", "M50.323"),
    ("He has osteoarthritis of the lumbar spine and takes naproxen.", "osteoarthritis", "M47.816"),
    # no site: the unspecified codes
    ("She has degenerative disc disease and takes ibuprofen.", "degenerative disc disease", "M51.9"),
])
def test_degenerative_changes_coded_by_site(kb, text, word, code):
    got = _problems(kb, text)
    assert [c for w, c, _ in got if w == word] == [code], got
