"""Session 28 review of plan28 (issue 13): the wrong readings an outside probe found, fixed by cause, each with the
cases next to it. Own items throughout.

Causes: (1) skin and eye brands put on the systemic entry, typed alone, were checked as the tablet (routes.yaml
`brand_routes`; Volini moved to the topical diclofenac entry); (2) the levodopa + iron rule reached iron given into a
vein; (3) calcium salts that became their own entries lost the levothyroxine and alendronate label warnings they
had had as calcium carbonate; (4) the metformin and nimodipine label sections plan28 quoted also name zonisamide and
acetazolamide, and strong inducers; (5) two new brands are a given name and a town in notes."""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix
from medcore.therapy.names import resolve_drug

SEVERE = ("major", "contraindicated")


def _top(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown, rep.unknown
    return rep.findings[0].severity if rep.findings else None


@pytest.mark.parametrize("a, b", [
    ("Nizoral Dandruff", "simvastatin"),       # a shampoo, not ketoconazole tablets
    ("Daktarin Gold", "nimodipine"),           # a skin cream
    ("Xolegel", "lovastatin"),
    ("Volini", "warfarin"),                    # diclofenac gel for the skin
    ("Anthisan", "morphine"),                  # mepyramine cream
    ("Bactine", "amiodarone"),                 # a first-aid spray
    ("Maxidex", "rilpivirine"),                # dexamethasone eye drops
    ("Eythalm", "rilpivirine"),
])
def test_local_brands_typed_alone_are_not_checked_as_the_systemic_drug(kb, a, b):
    assert _top(kb, a, b) is None, (a, b, _top(kb, a, b))


@pytest.mark.parametrize("a, b", [
    ("ketoconazole", "simvastatin"),           # the tablets still alarm
    ("ketoconazole 200 mg tablets", "nimodipine"),
    ("Nizoral", "simvastatin"),                # sold as tablets as well as shampoo: stays the systemic drug
    ("diclofenac 50 mg", "warfarin"),
    ("dexamethasone 4 mg", "rilpivirine"),
])
def test_the_systemic_forms_next_to_them_still_alarm(kb, a, b):
    assert _top(kb, a, b) in SEVERE, (a, b, _top(kb, a, b))


def test_volini_reads_as_the_skin_gel(kb):
    assert resolve_drug(kb, "Volini").ids == ["diclofenac-topical"]


@pytest.mark.parametrize("iron", ["iron sucrose", "Venofer", "Ferinject", "ferumoxytol", "Monofer", "Diafer",
                                  "iron dextran", "ferrous sulfate IV"])
def test_levodopa_and_iron_given_into_a_vein_is_not_a_gut_interaction(kb, iron):
    rep = ix.check_names(kb, ["Sinemet", iron])
    assert not any(f.rules and "levodopa_iron_s28" in f.rules for f in rep.findings), (iron, rep.findings)


@pytest.mark.parametrize("iron", ["ferrous sulfate", "Fergon", "ferrous fumarate 210 mg", "ferric maltol"])
def test_levodopa_and_oral_iron_still_warns(kb, iron):
    assert _top(kb, "Madopar", iron) == "moderate", iron


@pytest.mark.parametrize("a, b", [
    ("calcium lactate 300 mg", "levothyroxine"),
    ("calcium phosphate", "levothyroxine"),
    ("calcium citrate", "levothyroxine"),
    ("ferrous fumarate", "levothyroxine"),
    ("Almax", "levothyroxine"),
    ("calcium lactate", "alendronate"),
    ("calcium citrate", "Fosamax"),
])
def test_calcium_and_iron_salts_bind_levothyroxine_and_alendronate(kb, a, b):
    assert _top(kb, a, b) == "moderate", (a, b)


@pytest.mark.parametrize("a, b", [
    ("calcium gluconate IV", "levothyroxine"),   # into a vein: nothing in the gut to bind
    ("iron sucrose", "alendronate"),
    ("calcium lactate", "amlodipine"),
    ("levothyroxine", "paracetamol"),
])
def test_no_gut_binding_warning_where_there_is_no_gut(kb, a, b):
    assert _top(kb, a, b) is None, (a, b)


@pytest.mark.parametrize("a, b, want", [
    ("metformin", "zonisamide", "moderate"),
    ("Glucophage", "Diamox", "moderate"),
    ("metformin", "dorzolamide", None),          # eye drops: a local carbonic anhydrase inhibitor
    ("metformin", "levetiracetam", None),
])
def test_metformin_and_carbonic_anhydrase_inhibitors(kb, a, b, want):
    assert _top(kb, a, b) == want, (a, b)


@pytest.mark.parametrize("a, b, want", [
    ("nimodipine", "rifampin", "major"),
    ("Nymalize", "carbamazepine", "major"),
    ("nimodipine", "levetiracetam", None),
])
def test_nimodipine_and_strong_inducers(kb, a, b, want):
    assert _top(kb, a, b) == want, (a, b)


@pytest.mark.parametrize("word", ["olena", "tenkasi"])
def test_a_given_name_and_a_town_stay_out_of_free_text(word):
    assert word not in kdrugs.text_forms()


@pytest.mark.parametrize("typed, want", [("Olena 20 mg", {"fluoxetine"}), ("Tenkasi", {"oritavancin"})])
def test_typed_in_the_planner_they_still_read(typed, want):
    r = kdrugs.resolve(typed)
    assert r.ok and set(r.ingredients) == want, (typed, r)


@pytest.mark.parametrize("a, b, want", [
    ("mycophenolate IV", "Maalox", None),        # the antacid binds the drug in the gut: an infusion is not bound
    ("CellCept", "Maalox", "moderate"),
    ("mycophenolate 500 mg tablets", "magnesium hydroxide", "moderate"),
])
def test_mycophenolate_antacid_is_a_gut_interaction(kb, a, b, want):
    assert _top(kb, a, b) == want, (a, b)
