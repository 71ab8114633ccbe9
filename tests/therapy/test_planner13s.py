"""Session 13 (planner13s): names and label rules found by studying planner sets K and S (now dev). Every figure
is a label or BNF fact in assets/kb/therapy/interactions.yaml or assets/kb/knowledge/drugs/ (routes.yaml,
products.yaml, ingredients/)."""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix
from medcore.therapy import routes as kroutes
from medcore.therapy.names import resolve_drug


def _top(kb, a, b):
    fs = ix.check_names(kb, [a, b]).findings
    top = max(fs, key=lambda f: ix.SEVERITY_RANK[f.severity]) if fs else None
    return (top.severity, top.avoid) if top else (None, False)


@pytest.mark.parametrize("name, ingredients", [
    ("Journavx", {"suzetrigine"}), ("Apadaz", {"benzhydrocodone", "acetaminophen"}),
    ("Zituvimet XR", {"sitagliptin", "metformin"}), ("Tuxarin ER", {"codeine", "chlorpheniramine"}),
    ("Kalten", {"atenolol", "amiloride", "hydrochlorothiazide"}), ("Femulen", {"etynodiol"}),
    ("Kelnor 1/35", {"etynodiol", "ethinyl-estradiol"}), ("SSKI", {"potassium-iodide"}),
    ("Suscard 2 mg", {"nitroglycerin"}), ("risperidone M-tab", {"risperidone"}), ("MMI 10mg", {"methimazole"}),
    ("Golden Eye drops", {"propamidine"}), ("contraceptive patch", {"norelgestromin", "ethinyl-estradiol"}),
])
def test_names_resolve_to_their_ingredients(kb, name, ingredients):
    assert resolve_drug(kb, name).ok, name
    assert set(kdrugs.resolve(name, lex=kb.lexicon).ingredients) == ingredients


@pytest.mark.parametrize("a, b, severity", [
    ("fusidic acid tablets", "atorvastatin", "major"),
    ("desmopressin nasal spray", "furosemide", "contraindicated"),
    ("fentanyl patch", "diltiazem", "major"),  # session 14 (planner14s): the boxed warning names all CYP3A4 inhibitors
    ("betamethasone tablets", "rifampicin", "moderate"),
    ("azithromycin", "digoxin", "moderate"),
    ("ofloxacin tablets", "warfarin", "moderate"),
    ("miconazole oral gel", "simvastatin", "contraindicated"),
    ("miconazole oral gel", "gliclazide", "moderate"),
    ("apraclonidine eye drops", "phenelzine", "contraindicated"),
    ("selegiline patch", "pseudoephedrine", "contraindicated"),  # Emsam: MAO-A too
    ("selegiline", "pseudoephedrine", "major"),  # oral selegiline: MAO-B selective
    ("glyceryl trinitrate rectal ointment", "sildenafil", "contraindicated"),
    ("etonogestrel implant", "carbamazepine", "major"),
    ("contraceptive vaginal ring", "lamotrigine", "moderate"),
    ("estradiol patch", "carbamazepine", "moderate"),
    ("tobramycin nebuliser solution", "furosemide", "major"),
    ("rivastigmine patch", "bisoprolol", "moderate"),
    ("triamcinolone joint injection", "ritonavir", "major"),  # session 14: MHRA 2016 / DHHS, avoid (test_routes_s14)
])
def test_label_rules(kb, a, b, severity):
    assert _top(kb, a, b)[0] == severity


def test_skin_forms_stay_screened(kb):
    # the statin contraindication is for the absorbed oral gel; a skin cream is screened out
    assert _top(kb, "miconazole cream", "simvastatin")[0] is None
    assert _top(kb, "fusidic acid cream", "atorvastatin")[0] is None


def test_spray_is_a_skin_route_only_for_the_drugs_listed(kb):
    assert _top(kb, "terbinafine spray", "desipramine")[0] is None  # Lamisil spray: skin
    assert _top(kb, "terbinafine tablets", "desipramine")[0] == "moderate"
    data = kroutes.load()
    assert kroutes.route_in("terbinafine spray", data, ["terbinafine"]) == "topical"
    assert kroutes.route_in("sumatriptan spray", data, ["sumatriptan"]) is None
    assert kroutes.route_in("terbinafine tablets", data, ["terbinafine"]) == "oral"
