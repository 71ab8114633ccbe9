"""Session 16 (lit16): designs the authors do not name: cross-sectional by questionnaire or survey, longitudinal
cohorts, case-control by how its controls are drawn. Every sentence here is written for the test."""

from __future__ import annotations

import pytest


# ---- designs without the design's name -----------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Do teenagers who watch more films smoke more?\nMETHODS: A sample of 900 pupils from six schools were surveyed "
     "about smoking and the films they watch.\nRESULTS: Smoking was commoner with more films.", "cross_sectional"),
    ("Is tiredness linked to joint pain in lupus?\nMETHODS: Eighty adults who have lupus were assessed using a short "
     "questionnaire on tiredness and pain.\nRESULTS: Tiredness went with pain.", "cross_sectional"),
    ("Does weight predict hip pain?\nOBJECTIVE: To describe longitudinal patterns in weight over ten years and hip "
     "pain.\nMETHODS: We studied 400 women seen at years 1, 5 and 10. Hip pain at year 10 was assessed by "
     "questionnaire.\nRESULTS: Heavier women had more pain.", "cohort"),
    ("Is coffee linked to gout?\nMETHODS: Men with a first attack of gout were drawn from two clinics; two controls "
     "per case were drawn from the same practices. Coffee intake was asked.\nRESULTS: Coffee was less common in "
     "gout.", "case_control"),
    ("Is coffee linked to gout?\nMETHODS: Men with a first attack of gout were drawn from two clinics. Their "
     "controls were matched on age and practice.\nRESULTS: Coffee was less common in gout.", "case_control"),
])
def test_designs_without_their_name(read, text, want):
    assert read(text)[0].design.kind == want
