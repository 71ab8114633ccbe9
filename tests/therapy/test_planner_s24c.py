"""Session 24c (issue 13): direction-aware severity. The SSRI, SNRI and other antidepressant labels contraindicate
STARTING the antidepressant in a patient being treated with linezolid or IV methylene blue, while a patient already on
the antidepressant may be given linezolid or methylene blue urgently (stop the antidepressant, monitor). One class
rule (linezolid_mb_antidepressant_s24c) carries both readings; a check that does not know which drug is new reports
the severer one and says why. Also: sildenafil for PAH with a strong CYP3A4 inducer reads as Revatio's wording
(monitor efficacy), not as avoid."""

import pytest

from medcore.knowledge.interaction_rules import expand_interactions
from medcore.therapy import interactions as ix
from medcore.therapy.patient_checks import build_context, drug_issues
from medcore.therapy.profile import parse_patient

ANTIDEPRESSANTS = ["sertraline", "citalopram", "escitalopram", "fluoxetine", "paroxetine", "fluvoxamine",
                   "venlafaxine", "desvenlafaxine", "duloxetine", "levomilnacipran", "milnacipran", "vilazodone",
                   "vortioxetine", "trazodone", "mirtazapine", "bupropion", "clomipramine", "nortriptyline"]


@pytest.mark.parametrize("mao", ["linezolid", "methylene-blue"])
@pytest.mark.parametrize("ad", ANTIDEPRESSANTS)
def test_every_antidepressant_reads_the_same_through_one_rule(kb, mao, ad):
    plain = ix.pair(kb, mao, ad)
    assert plain.severity == "contraindicated" and plain.rules[0] == "linezolid_mb_antidepressant_s24c"
    assert "not known" in plain.management  # says why it is the severer reading
    started_on_mao = ix.pair(kb, ad, mao, added=ad)  # argument order does not matter, only which drug is new
    assert started_on_mao.severity == "contraindicated" and "Do not start" in started_on_mao.advice()
    mao_added = ix.pair(kb, mao, ad, added=mao)
    assert mao_added.severity == "major" and mao_added.avoid
    assert mao_added.advice().startswith(f"{mao.replace('-', ' ')} started") and "stop the antidepressant" in mao_added.advice()


def test_no_explicit_linezolid_pair_shadows_the_class_rule(kb):
    for ad in ANTIDEPRESSANTS:
        assert "pair" not in ix.pair(kb, "linezolid", ad).rules, ad


def test_typed_names_in_a_plain_check_give_the_severer_reading(kb):
    f = next(f for f in ix.check_names(kb, ["Zyvox 600 mg", "Lexapro 10 mg"]).findings)
    assert f.severity == "contraindicated" and "which drug is the new one is not known" in f.advice().lower()


def test_an_unrelated_added_drug_keeps_the_plain_reading(kb):
    assert ix.pair(kb, "linezolid", "duloxetine", added="warfarin").severity == "contraindicated"


def test_other_maois_are_not_directional(kb):
    # phenelzine with an SSRI is contraindicated whichever is started (Nardil and the SSRI labels: 14-day washout)
    for added in (None, "phenelzine", "sertraline"):
        assert ix.pair(kb, "phenelzine", "sertraline", added=added).severity == "contraindicated"


def _patient(meds):
    p, _ = parse_patient({"age": 58, "sex": "female", "weight_kg": 66, "scr_mg_dl": 0.8, "medications": meds})
    return p


def test_the_planner_excludes_an_ssri_started_during_linezolid(kb, plan_for):
    plan = plan_for({"age": 58, "sex": "female", "weight_kg": 66, "scr_mg_dl": 0.8,
                     "medications": ["linezolid 600 mg twice daily"]}, "depression")
    ssri = next(o for o in plan.options if o.drugs == ["sertraline"])
    assert ssri.excluded and any(i.kind == "interaction" and i.severity == "contraindicated" for i in ssri.exclusions)


def test_linezolid_proposed_for_a_patient_on_an_ssri_is_a_caution_to_avoid(kb):
    ctx = build_context(kb, _patient(["citalopram 20 mg daily"]))[0]
    excl, caut, _, _ = drug_issues(ctx, kb.drugs["linezolid"])
    assert not [i for i in excl if i.kind == "interaction"]
    issue = next(i for i, _ in caut if i.kind == "interaction" and "citalopram" in i.drugs)
    assert issue.severity == "major" and issue.avoid and "stop the antidepressant promptly" in issue.text


def test_a_direction_must_not_be_severer_than_the_rule(kb):
    data = {"pairs": [{"drugs": ["linezolid", "sertraline"], "severity": "major", "mechanism": "m", "effect": "e",
                       "management": "x", "source": "s", "direction": [
                           {"drug": "sertraline", "severity": "contraindicated", "management": "x", "source": "s"},
                           {"drug": "linezolid", "severity": "major", "management": "y", "source": "s"}]}],
            "class_rules": []}
    drugs = {d: {"id": d, "classes": []} for d in ("linezolid", "sertraline")}
    with pytest.raises(ValueError, match="most severe direction"):
        expand_interactions(data, drugs, {})


@pytest.mark.parametrize("inducer", ["rifampin", "carbamazepine", "phenytoin"])
def test_revatio_with_a_strong_inducer_is_monitor_efficacy(kb, inducer):
    f = ix.pair(kb, inducer, "sildenafil-pah")
    assert f.severity == "moderate" and not f.avoid and "Revatio" in f.source
    # Adcirca's label does say avoid (session 24), and the ED form keeps its own rules
    assert ix.pair(kb, inducer, "tadalafil-pah").avoid
