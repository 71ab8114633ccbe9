"""Session 15 (planner15): progestogen-only pills and emergency contraception as classes with the FSRH enzyme-inducer
rules, ulipristal with progestogens, and the LNG-IUS (which inducers do not affect) kept apart from them."""

import pytest

from medcore.knowledge import drugs as D
from medcore.therapy import interactions as ix


def _top(kb, a, b):
    fs = ix.check_names(kb, [a, b]).findings
    return max(fs, key=lambda f: ix.SEVERITY_RANK[f.severity]) if fs else None


@pytest.mark.parametrize("a, b, severity", [
    # progestogen-only pills, US and UK names
    ("Camila", "rifampin", "major"), ("Micronor", "phenytoin", "major"), ("norethindrone 0.35 mg", "carbamazepine", "major"),
    ("Slynd", "carbamazepine", "major"), ("Opill", "St John's wort", "major"), ("Norgeston", "efavirenz", "major"),
    ("Cerazette", "rifampicin", "major"), ("Noriday", "griseofulvin", "major"),
    # emergency contraception
    ("Plan B One-Step", "rifampicin", "major"), ("Levonelle", "efavirenz", "major"), ("ella", "carbamazepine", "major"),
    ("ellaOne", "St John's wort", "major"), ("ellaOne", "Levonelle", "major"),
    ("ella", "Cerazette", "moderate"), ("ella", "Microgynon", "moderate"), ("ella", "Depo-Provera", "moderate"),
    # a progestogen typed without its form may be a contraceptive
    ("levonorgestrel", "rifampin", "major"), ("norethisterone", "phenytoin", "major"),
    # FSRH: the LNG-IUS and the progestogen injection are not affected by enzyme inducers
    ("Mirena", "rifampin", None), ("Kyleena", "carbamazepine", None), ("Depo-Provera", "phenytoin", None),
    # topiramate: an enzyme inducer above 200 mg/day only (FSRH); the dose decides when it is typed
    ("Camila", "topiramate", "moderate"), ("Cerazette", "topiramate 400 mg daily", "major"),
    ("Nexplanon", "topiramate 100 mg daily", "minor"), ("Mirena", "topiramate", None),
    # no interaction: a non-inducer with the pill
    ("Camila", "amoxicillin", None), ("Plan B", "sertraline", None),
])
def test_contraceptive_rules_s15(kb, a, b, severity):
    top = _top(kb, a, b)
    assert (top.severity if top else None) == severity


def test_emergency_contraception_management_names_the_fsrh_options(kb):
    f = _top(kb, "Plan B One-Step", "carbamazepine")
    assert "copper IUD" in f.management and "3 mg" in f.management and "FSRH" in f.source
    f = _top(kb, "ella", "rifampin")
    assert f.avoid and "ella" in f.source and "Emergency Contraception" in f.source


@pytest.mark.parametrize("typed, form", [("Plan B One-Step", "levonorgestrel-ec"), ("Mirena", "levonorgestrel-ius"),
                                         ("Norgeston", "levonorgestrel-pop"), ("Camila", "norethindrone-pop"),
                                         ("Slynd", "drospirenone-pop"), ("Opill", "norgestrel-pop"),
                                         ("Aygestin", "norethindrone"), ("Primolut N", "norethindrone")])
def test_brands_name_their_form(typed, form):
    assert D.resolve(typed).ingredients == (form,)


def test_pop_and_ec_classes():
    assert "hormonal_contraceptive" in D.classes_of("norethindrone-pop")
    assert "progestogen_only_pill" in D.classes_of("desogestrel")
    assert "hormonal_contraceptive" not in D.classes_of("levonorgestrel-ius")
    assert "emergency_contraceptive" in D.classes_of("ulipristal")
    assert D.resolve_class("progestogen-only pills") == "progestogen_only_pill"
