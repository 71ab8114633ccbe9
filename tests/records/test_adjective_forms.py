"""Adjectives said of the patient ('she is very hypertensive'), the assertion-dependent smoking code and numbness
(issue 11, session 9, records11b). Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


@pytest.mark.parametrize("text,word,code,assertion", [
    ("At triage she was noted to be tachycardic and hypertensive.", "hypertensive", "I10", "present"),
    ("He is obviously very hypertensive this morning.", "hypertensive", "I10", "present"),
    ("She is not diabetic.", "diabetic", "E11.9", "negated"),
    ("A 70-year-old diabetic man came in with a cough.", "diabetic", "E11.9", "present"),
    ("Overnight he became hypoxemic, saturating 85%.", "hypoxemic", "R09.02", "present"),
    ("On the ward she remained labile and disorganized.", "labile", "R45.86", "present"),
    ("On the ward she remained labile and disorganized.", "disorganized", "R46.89", "present"),
    ("His thinking was tangential throughout the interview.", "tangential", "R41.89", "present"),
])
def test_predicate_adjective_is_a_problem(kb, text, word, code, assertion):
    assert (word, code, assertion) in _problems(kb, text)


@pytest.mark.parametrize("text,word", [
    ("Admitted with a hypertensive emergency.", "hypertensive"),
    ("We reviewed diabetic foot care today.", "diabetic"),
    ("The knee was aspirated for a possible septic joint.", "septic"),
    ("She is a diabetic educator at the clinic.", "diabetic"),
])
def test_adjective_before_another_noun_is_not_read_alone(kb, text, word):
    assert all(w != word for w, _, _ in _problems(kb, text))


@pytest.mark.parametrize("text,word,code,assertion", [
    ("Social history: she is a smoker and drinks wine.", "smoker", "F17.210", "present"),
    ("The patient smokes about half a pack a day.", "smokes", "F17.210", "present"),
    ("Social history: no smoking, no alcohol.", "smoking", "Z72.0", "negated"),
    ("He was previously a smoker.", "smoker", "Z87.891", "historical")  # session 18,
])
def test_smoking_code_follows_the_assertion(kb, text, word, code, assertion):
    assert (word, code, assertion) in _problems(kb, text)


def test_numbness_is_coded_as_numbness_not_neuropathy(kb):
    got = _problems(kb, "She reports numbness in the fingers of her left hand.")
    assert any(w.startswith("numbness") and c == "R20.0" for w, c, _ in got), got


@pytest.mark.parametrize("text,code", [
    # session 27: the side written with the limb gives the sided code (tabular R22.31 right upper limb)
    ("Marked swelling in the right hand and forearm since the fall.", "R22.31"),  # localized swelling, upper limb
    ("There is swelling of the left knee.", "M25.462"),  # joint swelling is an effusion; session 26b: its side too (M25.46-)
    ("There is no swelling.", "R60.9"),  # no site: oedema (R60.9 since R60 is subdivided; session 24b)
    ("He denies chest pain, cough, or swelling.", "R60.9"),  # a site of another symptom further along the list
    ("Bilateral ankle swelling for a month.", "R60.9"),  # a compound term stays oedema
])
def test_swelling_takes_its_site_code(kb, text, code):
    got = [c for w, c, _ in _problems(kb, text) if "swell" in w]
    assert got == [code], _problems(kb, text)


def test_smoke_from_a_fire_is_not_tobacco_use(kb):
    assert not any(c == "Z72.0" for _, c, _ in _problems(kb, "A fire alarm went off; he breathed in smoke from the fire."))
    assert ("smoke", "Z72.0", "negated") in _problems(kb, "She does not smoke.")


def test_a_relative_who_smokes_is_not_the_patients_tobacco_use(kb):
    assert not any(w.startswith("smok") for w, _, _ in _problems(kb, "Social history: lives with her mum; her dad smokes."))


@pytest.mark.parametrize("text,word", [
    ("She stopped the aspirin because she was tired of taking it.", "tired"),
    ("There is an area of faint erythema over the shoulder.", "faint"),
    ("One synchronized biphasic shock at 120 joules restored sinus rhythm.", "shock"),
    ("Lidocaine 1% was injected to raise a skin wheal.", "wheal"),
])
def test_words_in_another_sense_are_not_problems(kb, text, word):
    assert all(w != word for w, _, _ in _problems(kb, text)), _problems(kb, text)


def test_restlessness_is_a_problem(kb):
    assert ("restlessness", "R45.1", "present") in _problems(kb, "On the ward she showed marked restlessness.")


@pytest.mark.parametrize("text,code", [
    ("History: renal failure and a neurogenic bladder.", "N19"),  # index: Failure, renal N19
    ("Admitted with acute on chronic renal failure.", "N17.9"),
    ("A small aneurysm arises from the left middle cerebral artery.", "I67.1"),
    ("Known aneurysm of the abdominal aorta, 4 cm.", "I71.40"),
])
def test_kidney_failure_and_aneurysm_codes(kb, text, code):
    assert code in [c for _, c, _ in _problems(kb, text)], _problems(kb, text)


@pytest.mark.parametrize("text,code", [
    ("He admits he used cocaine at a party last night.", "F14.10"),
    ("Toxicology screen was positive for cocaine.", "F14.10"),
    ("He had been using nitrous oxide and alcohol at weekends.", "F18.10"),
])
def test_drugs_taken_by_the_patient_are_substance_use(kb, text, code):
    assert code in [c for _, c, _ in _problems(kb, text)], _problems(kb, text)


@pytest.mark.parametrize("text", [
    "Topical cocaine 4% on pledgets was placed in each nostril.",
    "General anesthesia was induced with nitrous oxide and sevoflurane by mask.",
])
def test_anaesthetic_cocaine_and_nitrous_oxide_are_not_substance_use(kb, text):
    assert not _problems(kb, text)
