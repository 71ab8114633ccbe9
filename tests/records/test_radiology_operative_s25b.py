"""Issue 11, session 25b (rec25b): radiology-report and operative-note findings — vocabulary written from radiology
reporting language and the ICD-10-CM index, the side and the spinal level written with a finding, and operative steps
that name a problem word. Sentences written for these tests (none from a note set or from the session's lists)."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _codes(kb, text: str) -> list[str | None]:
    return [c for _, c, _ in _problems(kb, text)]


@pytest.mark.parametrize("text, code", [
    ("CT chest: subpleural honeycombing with pulmonary fibrosis at both bases.", "J84.10"),
    ("Known end-stage renal disease on dialysis three times weekly.", "N18.6"),
    ("History of morbid obesity, BMI 48.", "E66.01"),
    ("PMH: coronary artery disease.", "I25.10"),  # index: Disease, artery, coronary I25.10
    ("PMH: ischemic heart disease.", "I25.9"),  # Ischemic heart disease (chronic) NOS stays I25.9
    ("Ultrasound shows ascites in all four quadrants.", "R18.8"),
    ("MRCP confirmed choledocholithiasis.", "K80.50"),
    ("Anoscopy showed grade 3 internal hemorrhoids.", "K64.2"),
    ("CT showed pandiverticulosis without inflammation.", "K57.30"),
    ("Admitted with sigmoid diverticulitis.", "K57.32"),
    ("MRI brain: a metastasis with vasogenic edema in the right occipital lobe.", "G93.6"),
    ("Chiari type 1 malformation noted on MRI.", "G93.5"),
    ("Old right frontal encephalomalacia from a prior injury.", "G93.89"),
    ("Spine films show a mild dextroscoliosis.", "M41.9"),
    ("Renal atrophy is present on the left.", "N26.1"),
    ("CT: portal vein thrombus extending to the splenic confluence.", "I81"),
    ("Pneumobilia after sphincterotomy.", "K83.8"),
    ("Multiple lung nodules, the largest 5 mm.", "R91.8"),  # index: Nodule, lung, multiple R91.8
    ("Solitary pulmonary nodule in the lingula.", "R91.1"),
    ("Ruptured appendix found at laparoscopy.", "K35.32"),
    ("MRI: tear of the posterior horn of the medial meniscus.", "S83.249A"),
    ("Full-thickness supraspinatus tear on MRI.", "M75.100"),
    ("A 5 mm UVJ stone.", "N20.1"),
    ("Head CT shows chronic microvascular ischemic changes.", "R90.82"),
])
def test_radiology_and_operative_vocabulary(kb, text, code):
    assert code in _codes(kb, text)


def test_vasogenic_edema_is_not_body_edema(kb):
    assert not {"R60", "R60.9", "R60.0"} & set(_codes(kb, "Vasogenic edema around the lesion."))


@pytest.mark.parametrize("text, code", [
    ("Severe right carotid stenosis.", "I65.21"),
    ("Left carpal tunnel syndrome.", "G56.02"),
    ("Bilateral carpal tunnel syndrome.", "G56.03"),
    ("Carpal tunnel syndrome.", "G56.00"),  # no side written: the unspecified limb
    ("Right ovarian cyst measuring 3 cm.", "N83.201"),
    ("Left breast mass palpable at 2 o'clock.", "N63.20"),
    ("Left medial meniscus tear.", "S83.242A"),
    ("Right rotator cuff tear.", "M75.101"),
])
def test_the_side_written_with_a_finding(kb, text, code):
    assert code in _codes(kb, text)


@pytest.mark.parametrize("text, code", [
    ("Severe spinal stenosis at L4-5.", "M48.061"),
    ("Spinal stenosis at C5-6.", "M48.02"),
    ("Facet arthropathy at L5-S1.", "M47.817"),
    ("Facet arthropathy.", "M47.819"),  # no level: the site unspecified
    ("Schmorl's node at T10-T11.", "M51.44"),
])
def test_the_spinal_level_written_with_a_finding(kb, text, code):
    assert code in _codes(kb, text)


@pytest.mark.parametrize("text, word", [
    ("A sessile polyp was removed with a cold snare.", "cold"),
    ("Pneumoperitoneum was established to 15 mmHg.", "pneumoperitoneum"),
])
def test_operative_steps_name_no_problem(kb, text, word):
    got = [(t.lower(), a) for t, _, a in _problems(kb, text)]
    assert not [t for t, a in got if word in t and a in ("present", "historical")]


def test_pneumoperitoneum_found_is_still_a_problem(kb):
    assert "K66.8" in _codes(kb, "CT showed pneumoperitoneum from a perforated ulcer.")
