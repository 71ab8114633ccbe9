"""Session 16 (planner16s): label rules behind pair set V (dev since planner16s): rilpivirine with systemic
dexamethasone is contraindicated (Edurant: more than a single dose); octreotide and lanreotide lower oral ciclosporin
absorption (Sandostatin, Somatuline Depot); oral risedronate and ibandronate with calcium, iron, magnesium or
aluminium products (Actonel, Boniva). Route-limited: eye drops and IV forms do not carry them."""

import pytest

from medcore.therapy import blind_eval as be


def _found(kb, a, b):
    return be.score_pair(kb, {"drugs": [a, b], "expect": "moderate"})


@pytest.mark.parametrize("a, b", [("dexamethasone IV", "rilpivirine tablets"), ("dexamethasone", "Juluca")])
def test_rilpivirine_with_systemic_dexamethasone_is_contraindicated(kb, a, b):
    assert _found(kb, a, b)["found"] == "contraindicated"


@pytest.mark.parametrize("a, b", [
    ("octreotide injection", "ciclosporin capsules"), ("lanreotide", "Neoral"),
    ("risedronate tablets", "calcium carbonate tablets"), ("Boniva", "ferrous sulfate"), ("Actonel", "magnesium oxide"),
])
def test_label_absorption_rules(kb, a, b):
    assert _found(kb, a, b)["found"] == "moderate"


@pytest.mark.parametrize("a, b", [
    ("dexamethasone eye drops", "rilpivirine"), ("octreotide", "ciclosporin eye drops"),
    ("ibandronate IV", "calcium carbonate"), ("risedronate", "calcium gluconate IV"),
])
def test_forms_the_labels_do_not_mean_are_not_flagged(kb, a, b):
    assert _found(kb, a, b)["found"] is None
