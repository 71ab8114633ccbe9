"""Session 26b (issue 13): what the planner does with the new breadth names. A European coumarin meets the warfarin-
class rules, a European opioid the opioid rules, and a brand of two countries checks nothing until it is named."""

import pytest

from medcore.therapy import interactions as ix
from medcore.therapy.names import resolve_drug


@pytest.mark.parametrize("vka", ["Marcumar 3 mg", "Previscan 20 mg"])
def test_european_coumarins_meet_the_vka_rules(kb, vka):
    findings = ix.check_names(kb, [vka, "fluconazole 200 mg"]).findings
    assert findings and max(f.severity for f in findings) in ("major", "contraindicated")


def test_tilidine_meets_the_opioid_and_benzodiazepine_rule(kb):
    findings = ix.check_names(kb, ["Valoron N", "Lexomil"]).findings
    assert findings


def test_metamizole_with_an_unrelated_drug_stays_clean(kb):
    assert not ix.check_names(kb, ["Novalgin", "Somac 40 mg"]).findings


def test_a_brand_of_two_countries_is_a_question(kb):
    r = resolve_drug(kb, "Urex")
    assert r.id is None and r.how == "ambiguous"
    assert not ix.check_names(kb, ["Urex", "amikacin"]).findings


def test_labeller_prefixed_generic_is_checked_as_the_generic(kb):
    findings = ix.check_names(kb, ["Apo-Simvastatin 40 mg", "clarithromycin"]).findings
    assert findings and any(f.severity in ("contraindicated", "major") for f in findings)
