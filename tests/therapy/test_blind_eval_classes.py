"""The blind-set scorer knows every severity class a set may expect (set R wrote `minor` as `none` because the
scorer raised KeyError on it) and refuses an unknown class with a message."""

import pytest

from medcore.therapy.blind_eval import score_pair


def test_an_expected_minor_pair_is_scored(kb):
    # regular acetaminophen with warfarin: a minor rule for occasional use (interactions.yaml)
    out = score_pair(kb, {"drugs": ["warfarin", "acetaminophen"], "expect": "minor"})
    assert out["found"] in ("minor", "moderate") and out["ok"]


def test_an_unknown_expected_class_is_refused(kb):
    with pytest.raises(ValueError, match="expect 'severe'"):
        score_pair(kb, {"drugs": ["warfarin", "aspirin"], "expect": "severe"})


def test_a_dose_pair_with_only_an_upper_bound_is_scored(kb):
    # set C writes the "within the label" cases with `at_most` alone; the class check must not need `expect`
    from medcore.therapy.blind_eval import score_dose_pair

    out = score_dose_pair(kb, {"drugs": ["simvastatin", "amlodipine"], "doses": {"simvastatin": 20},
                               "at_most": "moderate"})
    assert out["found"] is not None and "ok" in out
