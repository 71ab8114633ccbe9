"""Issue 13 interaction rules: MAOIs, triptans, ergots, the Paxlovid table (distinct from ongoing ritonavir),
CYP1A2 and dofetilide, the named moderate rules, and severity that depends on kidney function."""

import pytest

from medcore.knowledge.interaction_rules import InteractionRule, RenalContext
from medcore.therapy import interactions as ix
from medcore.therapy.names import resolve_drug


def _find(kb, a, b, crcl=None):
    ids = resolve_drug(kb, a).ids + resolve_drug(kb, b).ids
    found = ix.check_ids(kb, ids, crcl)
    assert len(found) <= 1, found
    return found[0] if found else None


@pytest.mark.parametrize("a,b", [
    ("phenelzine", "pseudoephedrine"), ("Nardil", "dextromethorphan"), ("selegiline", "meperidine"),
    ("tranylcypromine", "sertraline"), ("phenelzine", "bupropion"), ("rasagiline", "tramadol"),
    ("sumatriptan", "phenelzine"), ("sumatriptan", "ergotamine"), ("ergotamine", "clarithromycin"),
    ("Paxlovid", "amiodarone"), ("Paxlovid", "triazolam"), ("Paxlovid", "ergotamine"), ("tizanidine", "fluvoxamine"),
    ("ramelteon", "fluvoxamine"), ("dofetilide", "hydrochlorothiazide"), ("dofetilide", "Bactrim"),
])
def test_label_contraindications_are_contraindicated(kb, a, b):
    f = _find(kb, a, b)
    assert f is not None and f.severity == "contraindicated", (a, b, f)
    assert f.source and f.management and f.mechanism


@pytest.mark.parametrize("a,b,sev", [
    ("prednisone", "ibuprofen", "moderate"), ("prednisone", "warfarin", "moderate"),
    ("metoprolol", "insulin glargine", "moderate"), ("azathioprine", "warfarin", "moderate"),
    ("doxycycline", "warfarin", "moderate"), ("linezolid", "pseudoephedrine", "major"),
    ("Paxlovid", "tacrolimus", "major"), ("theophylline", "ciprofloxacin", "major"),
])
def test_named_rules(kb, a, b, sev):
    f = _find(kb, a, b)
    assert f is not None and f.severity == sev, (a, b, f)


@pytest.mark.parametrize("a,b", [
    ("fluticasone nasal", "ibuprofen"),  # an intranasal steroid is not a systemic corticosteroid
    ("Paxlovid", "acetaminophen"), ("phenelzine", "acetaminophen"), ("sumatriptan", "ibuprofen"),
    ("dabigatran", "pantoprazole"),
])
def test_no_alarm_where_the_labels_give_none(kb, a, b):
    f = _find(kb, a, b)
    assert f is None or f.severity in ("minor",), (a, b, f)


def test_naratriptan_is_not_an_mao_a_substrate(kb):
    # the MAO-A contraindication covers sumatriptan, rizatriptan and zolmitriptan only (their labels);
    # naratriptan keeps the general serotonergic caution
    assert _find(kb, "naratriptan", "phenelzine").severity != "contraindicated"


def test_epinephrine_with_an_maoi_is_never_contraindicated(kb):
    # never withhold epinephrine in anaphylaxis: a direct catecholamine is a moderate (monitor) finding
    f = _find(kb, "phenelzine", "epinephrine")
    assert f is not None and f.severity == "moderate" and "anaphylaxis" in f.management


def test_paxlovid_advice_is_for_a_5_day_course_and_ritonavir_for_ongoing_therapy(kb):
    pax = _find(kb, "Paxlovid", "flecainide")
    rtv = _find(kb, "ritonavir", "flecainide")
    assert pax.severity == rtv.severity == "contraindicated"
    assert "5-day course" in pax.management and "5-day" not in rtv.management
    assert "Norvir" in rtv.source and "Paxlovid" in pax.source


def test_dabigatran_with_a_pgp_inhibitor_depends_on_kidney_function(kb):
    normal = _find(kb, "dabigatran", "amiodarone", crcl=70)
    low = _find(kb, "dabigatran", "amiodarone", crcl=25)
    unknown = _find(kb, "dabigatran", "amiodarone")
    assert normal.severity == "moderate" and not normal.avoid
    assert low.severity == "major" and low.avoid and "Avoid" in low.management and "CrCl 25" in low.management
    assert unknown.severity == "moderate" and "Kidney function unknown" in unknown.management
    # dronedarone: reduce at CrCl 30-50, avoid below 30 (the lowest threshold above the patient's value wins)
    assert "75 mg" in _find(kb, "dabigatran", "dronedarone", crcl=40).management
    assert _find(kb, "dabigatran", "dronedarone", crcl=20).avoid
    # a P-gp inhibitor without its own pair goes through the class rule
    f = _find(kb, "dabigatran", "clarithromycin", crcl=20)
    assert f.severity == "major" and f.avoid


def test_renal_context_picks_the_lowest_threshold_above_the_value():
    r = InteractionRule(("a", "b"), "moderate", "m", "e", "base", "s", "pair", renal=(
        RenalContext(50, "major", "reduce"), RenalContext(30, "contraindicated", "stop")))
    assert r.in_context(60) is r
    assert r.in_context(45).severity == "major"
    assert r.in_context(29.9).severity == "contraindicated"


def test_planner_uses_kidney_function_for_current_medicines(plan_for):
    patient = {"age": 80, "sex": "male", "weight_kg": 60, "scr_mg_dl": 2.3, "medications": ["dabigatran", "amiodarone"]}
    plan = plan_for(patient, "hypertension")
    f = next(i for i in plan.warnings if i.kind == "interaction" and "dabigatran" in i.text.lower())
    assert f.severity == "major" and "Avoid" in f.text


def test_mao_b_inhibitors_for_parkinson_are_not_under_the_psychiatric_maoi_contraindications(kb):
    # the SSRI, SNRI, TCA, bupropion and mirtazapine labels contraindicate MAOIs for psychiatric disorders,
    # linezolid and IV methylene blue; rasagiline's own label asks for caution with antidepressants
    f = _find(kb, "rasagiline", "sertraline")
    assert f.severity == "major"
    assert _find(kb, "methylene blue", "sertraline").severity == "contraindicated"
    assert _find(kb, "phenelzine", "mirtazapine").severity == "contraindicated"
    # meperidine, tramadol, dextromethorphan: contraindicated with every MAOI, MAO-B included (Azilect label)
    assert _find(kb, "rasagiline", "tramadol").severity == "contraindicated"
