"""Issue 11, session 22b (rec22b): vocabulary gaps of the problem list on unseen notes. Problem-list abbreviations
with one clinical sense (CLL, SNHL), imaging findings told as long phrases (a dilated bile or pancreatic duct,
caliectasis, fatty infiltration of the liver), examination findings told as predicates ("reflexes were hypoactive",
"increased tone"), and four generic wordings that took a narrower code. Sentences written for these tests."""

from __future__ import annotations

from ._read import problems as _problems


def _codes(kb, text: str) -> list[str | None]:
    return [c for _, c, _ in _problems(kb, text)]


def test_problem_list_abbreviations(kb):
    got = _problems(kb, "PAST MEDICAL HISTORY: 1) CLL since 2014. 2) SNHL, wears aids.")
    # both are standing problems, not past episodes, when a past history lists them
    assert got == [("cll", "C91.10", "present"), ("snhl", "H90.5", "present")]
    # written in lower case the letters are not read as the abbreviation
    assert "C91.10" not in _codes(kb, "the cll was spelled wrong in the fax")


def test_duct_dilatation_in_long_phrases(kb):
    assert _codes(kb, "Ultrasound showed dilatation of the common bile duct to 11 mm.") == ["K83.8"]
    assert _codes(kb, "IMPRESSION: Dilated common duct.") == ["K83.8"]
    assert _codes(kb, "There is dilation of the pancreatic duct in the head.") == ["K86.89"]
    assert _codes(kb, "No intrahepatic biliary ductal dilatation.") == ["K83.8"]
    assert [a for _, _, a in _problems(kb, "No intrahepatic biliary ductal dilatation.")] == ["negated"]


def test_kidney_and_liver_imaging_findings(kb):
    assert _codes(kb, "Mild caliectasis of the right kidney is seen.") == ["N28.89"]
    assert _codes(kb, "The scan suggests fatty infiltration of the liver.") == ["K76.0"]


def test_exam_findings_told_as_predicates(kb):
    got = _problems(kb, "NEURO: Her ankle reflexes were hypoactive on both sides.")
    assert [(c, a) for _, c, a in got] == [("R29.2", "present")]
    assert _codes(kb, "Motor: mildly increased tone in the left leg.") == ["M62.89"]
    # a sphincter's normal tone is no problem
    assert _codes(kb, "Rectal: sphincter tone normal.") == []


def test_generic_wordings_take_the_unspecified_code(kb):
    assert _codes(kb, "He has had a sleep disorder for years.") == ["G47.9"]
    assert _codes(kb, "Her son describes memory problems this winter.") == ["R41.3"]
    assert _codes(kb, "No sensory disorder was found.") == ["R20.9"]
    got = _problems(kb, "She denies any blood clotting problems.")
    assert [(t, c, a) for t, c, a in got] == [("blood clotting problems", "D68.9", "negated")]


def test_more_review_of_systems_and_exam_wordings(kb):
    assert _codes(kb, "He is quite hard of hearing on the right.") == ["H91.90"]
    got = _problems(kb, "NEURO: No gait problems or weakness reported.")
    assert ("gait problems", "R26.9", "negated") in got
    assert _codes(kb, "EYES: No eye problems.") == ["H57.9"]
    assert _codes(kb, "The flap edge shows hypergranulation tissue.") == ["L92.9"]
    assert _codes(kb, "Screening found a PSA elevation to 6.1.") == ["R97.20"]


def test_gvhd_with_its_course(kb):
    assert _codes(kb, "He has mild chronic GVHD of the mouth.") == ["D89.811"]
    assert _codes(kb, "Acute GVHD of the gut was treated.") == ["D89.810"]
    assert _codes(kb, "No sign of GVHD today.") == ["D89.813"]
