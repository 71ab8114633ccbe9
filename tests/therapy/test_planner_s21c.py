"""Session 21c (issue 13): a finding merged from several rules names each effect and mechanism once, the leading
rule's first (`interactions.distinct`); NSAID + potassium-sparing diuretic is a class rule; NSAID + loop diuretic
says what to monitor."""

from medcore.therapy import interactions as ix
from medcore.therapy.render import handout_template

PATIENT = {"age": 60, "sex": "female", "weight_kg": 70, "scr_mg_dl": 1.0}


def test_distinct_drops_a_text_another_already_says_and_keeps_the_lead_first():
    assert ix.distinct(["Serotonin syndrome (fever, clonus)", "Serotonin syndrome", ""]) == \
        ["Serotonin syndrome (fever, clonus)"]
    # a milder rule's fuller wording replaces the lead's shorter one in the lead's place
    assert ix.distinct(["Bleeding", "QT prolongation", "bleeding (GI)"]) == ["bleeding (GI)", "QT prolongation"]
    assert ix.distinct(["Serotonin", "Serotonin syndrome"]) == ["Serotonin syndrome"]
    assert ix.distinct(["Hypotension", "Hyperkalaemia"]) == ["Hypotension", "Hyperkalaemia"]  # whole words only


def test_a_maoi_ssri_finding_names_serotonin_syndrome_once_everywhere(kb, plan_for):
    (f,) = ix.check_names(kb, ["phenelzine", "sertraline"]).findings
    assert f.effect.lower().count("serotonin syndrome") == 1 and f.effect.startswith("Serotonin syndrome (")
    assert f.mechanism.startswith("MAO inhibition with serotonin reuptake")  # the contraindication's rule leads
    assert len(f.mechanism.split(" | ")) == len(set(f.mechanism.split(" | ")))
    plan = plan_for({**PATIENT, "medications": ["phenelzine 15 mg three times daily", "sertraline 50 mg daily"]},
                    "hypertension")
    (conflict,) = plan.current_conflicts
    assert conflict.text.lower().count("serotonin syndrome") == 1
    assert handout_template(plan.to_dict()).lower().count("serotonin syndrome") <= 1


def test_nsaid_with_each_potassium_sparing_diuretic_is_flagged(kb):
    for k_sparing in ("spironolactone", "eplerenone", "amiloride", "triamterene"):
        (f,) = ix.check_names(kb, ["naproxen", k_sparing]).findings
        assert f.rules == ["nsaid_k_sparing"] and f.severity == "moderate" and not f.avoid
        assert "Hyperkalaemia" in f.effect and "kidney injury" in f.effect
        assert "potassium and creatinine" in f.advice() and "Aldactone" in f.source and "BNF" in f.source


def test_nsaid_with_a_loop_diuretic_says_what_to_monitor(kb):
    (f,) = ix.check_names(kb, ["ibuprofen", "furosemide"]).findings
    assert f.rules == ["nsaid_diuretic"] and f.severity == "moderate"
    for what in ("heart failure", "weight", "blood pressure", "diuretic response", "creatinine"):
        assert what in f.advice()
    assert "Lasix" in f.source and "BNF appendix 1" in f.source
