"""Session 13 (planner13): mouth routes (sublingual, buccal, troche/pastille/lozenge), budesonide by product
(inhaled, nasal, oral), and label rules for drugs the lexicon had carried by class only. Every figure here is a label
fact in assets/kb/therapy/interactions.yaml or assets/kb/knowledge/drugs/routes.yaml."""

import pytest

from medcore.therapy import interactions as ix
from medcore.therapy import routes as kroutes
from medcore.therapy.names import resolve_drug


def _top(kb, a, b):
    fs = ix.check_names(kb, [a, b]).findings
    top = max(fs, key=lambda f: ix.SEVERITY_RANK[f.severity]) if fs else None
    return (top.severity, top.avoid) if top else (None, False)


@pytest.mark.parametrize("text, route", [
    ("GTN sublingual", "sublingual"), ("NTG 0.4 mg SL", "sublingual"), ("buprenorphine sublingual tablets", "sublingual"),
    ("buccal midazolam", "buccal"), ("Buccolam", "buccal"), ("Sativex oromucosal spray", "buccal"),
    ("clotrimazole 10 mg troche", "mouth"), ("nystatin pastilles", "mouth"), ("nicotine lozenge", "mouth"),
])
def test_mouth_route_words(text, route):
    assert kroutes.route_in(text) == route


def test_mouth_routes_are_absorbed_routes():
    data = kroutes.load()
    assert not any(kroutes.is_local(r, data) for r in ("sublingual", "buccal", "mouth"))


def test_sublingual_gtn_resolves_and_keeps_the_pde5_contraindication(kb):
    assert resolve_drug(kb, "GTN sublingual").ids  # was unknown: "sublingual" after the name was not cut
    assert _top(kb, "GTN sublingual", "sildenafil")[0] == "contraindicated"
    assert _top(kb, "NTG SL", "tadalafil")[0] == "contraindicated"


def test_buccal_midazolam_is_graded_like_parenteral_midazolam(kb):
    # the azole and protease-inhibitor contraindication is for oral midazolam
    assert _top(kb, "midazolam", "clarithromycin")[0] == "contraindicated"
    assert _top(kb, "buccal midazolam", "clarithromycin") == ("major", False)
    assert _top(kb, "Buccolam", "ritonavir") == ("major", False)
    notes = ix.check_names(kb, ["buccal midazolam", "itraconazole"]).route_notes
    assert any("oral midazolam" in n for n in notes)


def test_troches_and_lozenges_keep_their_rules(kb):
    assert _top(kb, "clotrimazole troche", "tacrolimus")[0] == "major"  # Prograf: clotrimazole troches
    assert _top(kb, "fentanyl lozenge", "clarithromycin")[0] is not None  # Actiq is made to be absorbed
    assert _top(kb, "nystatin pastilles", "warfarin")[0] is None  # nystatin is not absorbed: no rule exists


def test_budesonide_split_by_product(kb):
    lex = kb.lexicon
    assert lex.index["pulmicort"][1] == "budesonide-inhaled"
    assert lex.index["rhinocort"][1] == "budesonide-nasal"
    assert lex.index["entocort"][1] == "budesonide-oral"
    # oral capsules: systemic, cleared by CYP3A4 (Entocort EC: avoid strong inhibitors)
    assert _top(kb, "Entocort EC", "clarithromycin") == ("major", False)
    # nasal spray: caution (Rhinocort Aqua); with a booster: avoid
    assert _top(kb, "Rhinocort", "ketoconazole") == ("moderate", False)
    assert _top(kb, "Rhinocort Aqua", "ritonavir") == ("major", True)
    assert _top(kb, "Pulmicort", "cobicistat") == ("major", True)
    assert _top(kb, "budesonide", "itraconazole")[0] == "major"


@pytest.mark.parametrize("a, b, want", [
    ("Veozah", "fluvoxamine", "contraindicated"), ("fezolinetant", "ciprofloxacin", "contraindicated"),
    ("fezolinetant", "cimetidine", "contraindicated"), ("Vyleesi", "naltrexone", "major"),
    ("Jesduvroq", "gemfibrozil", "contraindicated"), ("Leqselvi", "fluconazole", "contraindicated"),
    ("Promacta", "calcium carbonate", "moderate"), ("Alunbrig", "clarithromycin", "major"),
    ("Cotellic", "rifampin", "major"), ("Trikafta", "itraconazole", "major"), ("Trikafta", "rifampicin", "major"),
    ("Exxua", "clarithromycin", "contraindicated"), ("Voranigo", "ciprofloxacin", "major"),
    ("Rezdiffra", "gemfibrozil", "major"), ("Filspari", "losartan", "contraindicated"),
    ("Filspari", "bosentan", "contraindicated"), ("Filspari", "aliskiren", "contraindicated"),
    ("Skyclarys", "rifampin", "major"),
])
def test_label_rules_of_class_only_and_new_drugs(kb, a, b, want):
    assert _top(kb, a, b)[0] == want


@pytest.mark.parametrize("a, b", [
    ("Veozah", "sertraline"), ("Veozah", "amoxicillin"), ("Jaypirca", "amoxicillin"), ("Zykadia", "metformin"),
    ("Vyleesi", "lisinopril"), ("Promacta", "amlodipine"), ("Entocort", "amoxicillin"), ("Rhinocort", "sertraline"),
    ("GTN sublingual", "amlodipine"), ("buccal midazolam", "paracetamol"),
    ("Exxua", "amoxicillin"), ("Filspari", "amlodipine"), ("Brenzavvy", "metformin"), ("Beyfortus", "amoxicillin"),
])
def test_no_false_alarms_on_non_interacting_pairs(kb, a, b):
    assert _top(kb, a, b)[0] is None


def test_other_beta_blocker_eye_drops_keep_their_rules_like_timolol(kb):
    # Betagan and Ocupress labels: absorbed into the blood, additive with oral beta-blockers and calcium antagonists
    assert _top(kb, "levobunolol eye drops", "verapamil")[0] == "moderate"
    assert _top(kb, "carteolol eye drops", "verapamil")[0] == "moderate"
    # an eye drop without such a label fact stays screened
    assert _top(kb, "latanoprost eye drops", "verapamil")[0] is None



def test_a_typed_mouth_route_is_not_read_as_the_planners_patch(kb):
    # the planner doses fentanyl and nicotine as patches; a lozenge or buccal tablet typed is the base drug
    assert resolve_drug(kb, "fentanyl lozenge").ids == ["fentanyl"]
    assert resolve_drug(kb, "fentanyl buccal").ids == ["fentanyl"]
    assert resolve_drug(kb, "nicotine lozenge").ids == ["nicotine"]
    # untouched: the bare name (the dosed patch) and oral forms told apart by the word
    assert resolve_drug(kb, "fentanyl").ids == ["fentanyl-transdermal"]
    assert resolve_drug(kb, "vancomycin oral").ids == ["vancomycin-oral"]
