"""Session-10 breadth: label Contraindications / Drug Interactions sections gone through by drug class
(docs/evals/planner-breadth-s10/), and brands clinicians type."""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix
from medcore.therapy.blind_eval import score_pair


@pytest.mark.parametrize("a, b, severity", [
    ("simvastatin", "erythromycin", "contraindicated"),  # Zocor contraindications name erythromycin
    ("darunavir", "rivaroxaban", "major"),  # darunavir is always boosted: a strong CYP3A4 inhibitor as taken
    ("ketoconazole", "tacrolimus", "major"),
    ("rifampin", "cyclosporine", "major"),
    ("st-johns-wort", "tacrolimus", "major"),
    ("itraconazole", "felodipine", "contraindicated"),
    ("posaconazole", "quinidine", "contraindicated"),
    ("rifampin", "doravirine", "contraindicated"),
    ("carbamazepine", "cabotegravir", "contraindicated"),
    ("riociguat", "isosorbide-mononitrate", "contraindicated"),
    ("dronedarone", "sotalol", "contraindicated"),
    ("phenelzine", "oxycodone", "major"),
    ("phenelzine", "atomoxetine", "contraindicated"),
    ("amiloride", "potassium-chloride", "contraindicated"),
    ("aliskiren", "lisinopril", "major"),
    ("tizanidine", "verapamil", "major"),
    ("viloxazine", "theophylline", "contraindicated"),
    ("paroxetine", "pimozide", "contraindicated"),
    ("naltrexone", "hydromorphone", "contraindicated"),
    ("ketorolac", "aspirin", "contraindicated"),
    ("sodium-oxybate", "alprazolam", "contraindicated"),
    ("apomorphine", "ondansetron", "contraindicated"),
    ("isotretinoin", "doxycycline", "major"),
    ("acitretin", "methotrexate", "contraindicated"),
    ("ertapenem", "valproate", "major"),
    ("voriconazole", "warfarin", "major"),
    ("warfarin", "st-johns-wort", "major"),
    ("gemfibrozil", "selexipag", "contraindicated"),
    ("glyburide", "bosentan", "contraindicated"),
    ("quinidine", "digoxin", "major"),
    ("lithium", "valsartan", "major"),
    ("ritonavir", "atorvastatin", "major"),
    ("bupropion", "thioridazine", "contraindicated"),
    ("fingolimod", "amiodarone", "contraindicated"),
    ("isavuconazonium", "rifampin", "contraindicated"),
    ("atazanavir", "irinotecan", "contraindicated"),
    ("paroxetine", "tetrabenazine", "major"),
])
def test_label_rules(kb, a, b, severity):
    f = ix.pair(kb, a, b)
    assert f is not None and f.severity == severity
    assert "label" in f.source or "SmPC" in f.source


def test_avoid_rules_say_so(kb):
    for a, b in [("ketoconazole", "alprazolam"), ("clarithromycin", "eletriptan"), ("rifampin", "tolvaptan"),
                 ("omeprazole", "velpatasvir"), ("metoclopramide", "haloperidol")]:
        f = ix.pair(kb, a, b)
        assert f.severity in ("major", "contraindicated") and (f.avoid or f.severity == "contraindicated"), (a, b)


def test_combination_products_carry_their_ingredients(kb):
    # Harvoni's ledipasvir with rosuvastatin; Rifinah's rifampicin with a DOAC
    assert score_pair(kb, {"drugs": ["Harvoni", "rosuvastatin"], "expect": "major"})["ok"]
    assert score_pair(kb, {"drugs": ["Rifinah", "apixaban"], "expect": "major"})["ok"]


def test_no_new_alarm_between_unrelated_drugs(kb):
    # oral vancomycin is not absorbed: no aminoglycoside nephrotoxicity pair
    assert ix.pair(kb, "vancomycin-oral", "gentamicin") is None
    # a topical calcineurin inhibitor is not in the strong-inhibitor rule
    f = ix.pair(kb, "ketoconazole", "tacrolimus-topical")
    assert f is None or f.severity not in ("major", "contraindicated")
    assert ix.pair(kb, "darunavir", "amlodipine") is None or ix.pair(kb, "darunavir", "amlodipine").severity != "contraindicated"
    assert ix.pair(kb, "metoclopramide", "amoxicillin") is None
    # Savaysa: no dose change with P-gp inhibitors in atrial fibrillation, so no pair is raised
    assert ix.pair(kb, "clarithromycin", "edoxaban") is None
    # only erythromycin-like combined P-gp + moderate CYP3A4 inhibitors touch rivaroxaban, not ciprofloxacin
    assert ix.pair(kb, "ciprofloxacin", "apixaban") is None


@pytest.mark.parametrize("brand, ingredients", [
    ("Klaricid", {"clarithromycin"}), ("Epanutin", {"phenytoin"}), ("Xyrem", {"sodium-oxybate"}),
    ("Symfi", {"efavirenz", "lamivudine", "tenofovir"}), ("Zepatier", {"elbasvir", "grazoprevir"}),
    ("Trelegy", {"fluticasone", "umeclidinium", "vilanterol"}), ("Sando-K", {"potassium-chloride", "potassium-bicarbonate"}),  # BNF/SmPC: KCl 600 mg + KHCO3 400 mg (s24b)
    ("Apokyn", {"apomorphine"}), ("Leponex", {"clozapine"}),
])
def test_uk_and_us_brands(kb, brand, ingredients):
    r = kdrugs.resolve(brand, lex=kb.lexicon)
    assert r.ok and set(r.ingredients) == ingredients


def test_bare_ingredient_name_is_not_read_as_its_topical_form(kb):
    from medcore.therapy.names import resolve_drug

    for typed in ("diclofenac", "Voltarol", "diclofenac potassium"):
        assert resolve_drug(kb, typed).ids == ["diclofenac"], typed
    assert resolve_drug(kb, "diclofenac gel").ids == ["diclofenac-topical"]
    assert score_pair(kb, {"drugs": ["lithium", "diclofenac"], "expect": "major"})["ok"]
    assert score_pair(kb, {"drugs": ["warfarin", "Voltarol"], "expect": "major"})["ok"]


def test_brand_of_the_ingredient_is_not_read_as_the_planners_dosed_form(kb):
    from medcore.therapy.names import resolve_drug

    # a brand or synonym of the base ingredient names that product, not the planner's one dosed form of it
    assert resolve_drug(kb, "IV vancomycin").ids == ["vancomycin"]
    assert resolve_drug(kb, "Sublimaze").ids == ["fentanyl"]
    assert resolve_drug(kb, "Sinequan").ids == ["doxepin"]
    # the bare name and the form's own brands keep the dosed form
    assert resolve_drug(kb, "fentanyl").ids == ["fentanyl-transdermal"]
    assert resolve_drug(kb, "Duragesic").ids == ["fentanyl-transdermal"]
    assert resolve_drug(kb, "Silenor").ids == ["doxepin-low-dose"]
    assert score_pair(kb, {"drugs": ["IV vancomycin", "gentamicin"], "expect": "major"})["ok"]
