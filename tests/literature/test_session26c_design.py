"""Session 26c (issue 15): an abstract that names no design says how its people were studied by its methods
verbs; people prospectively studied, retrospectively analysed or followed up are a cohort (STROBE items 5-6),
while "was followed by" (one step after another) says nothing of follow-up. Own sentences."""

from __future__ import annotations

import pytest


def _abstract(methods: str) -> str:
    return ("Sleep after hip fracture in older adults\n"
            "OBJECTIVE: To describe sleep after hip fracture in older adults.\n"
            f"METHODS: {methods}\n"
            "RESULTS: Sleep was poor in most of them.\n"
            "CONCLUSIONS: Sleep deserves attention on orthopaedic wards.")


@pytest.mark.parametrize("methods", [
    "We prospectively studied 140 adults admitted with a hip fracture to two orthopaedic wards.",
    "The charts of 140 adults with a hip fracture were retrospectively analysed for sleep complaints.",
    "Adults admitted with a hip fracture were followed up after discharge by telephone.",
    "Follow-up data on sleep were available for 120 of the 140 adults admitted with a hip fracture.",
])
def test_methods_verbs_of_following_or_looking_back_read_a_cohort(read, methods):
    assert read(_abstract(methods))[0].design.kind == "cohort"


def test_followed_by_one_step_after_another_reads_no_cohort(read):
    methods = "Each interview was followed by a short sleep diary kept on the ward."
    assert read(_abstract(methods))[0].design.kind != "cohort"
