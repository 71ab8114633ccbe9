"""Session 18 (issue 12): ranking and triage level from sourced likelihoods and level rules, not single vignettes.
Sentences are our own words.

- routine needs a majority of the posterior mass at routine or more acute (the reason text says "most of the
  probability"), and self-care is withheld while emergency + urgent conditions hold 30% or more (engine.yaml);
- prevalence by age inside the adult band: atrial fibrillation is a condition of middle and later life, panic
  attacks of early adulthood (DSM-5), a heart attack under 30 is rare (typical_ages);
- palpitations alone: arrhythmias hold about as much of a 60-year-old's posterior as panic and anxiety (Weber and
  Kapoor 1996: arrhythmia 40%, psychiatric 31%);
- the pressing chest pain of aortic stenosis and of a hypertensive emergency is listed with their sources."""

from __future__ import annotations

import pytest

from medcore.triage.rules import TriageConfig, level_from_mass


def _mass(e, u, r, s):
    return {"emergency": e, "urgent": u, "routine": r, "self_care": s}


def test_configured_thresholds():
    from medcore.config import Settings
    from medcore.triage.config import load_configs

    _, tcfg = load_configs(Settings.load(secrets={}).kb_dir)
    assert tcfg.routine == 0.50 and tcfg.self_care_max_serious == 0.30


@pytest.mark.parametrize("mass, level", [
    (_mass(0.02, 0.04, 0.38, 0.56), "self_care"),   # 56% self-care: was routine at the old 0.40 threshold
    (_mass(0.00, 0.01, 0.48, 0.51), "self_care"),
    (_mass(0.00, 0.02, 0.50, 0.48), "routine"),     # a majority at routine or above
    (_mass(0.24, 0.14, 0.08, 0.54), "routine"),     # 38% emergency + urgent: never self-care
    (_mass(0.30, 0.10, 0.00, 0.60), "emergency"),   # the acute thresholds are unchanged
    (_mass(0.05, 0.40, 0.00, 0.55), "urgent"),
])
def test_level_from_mass_needs_a_majority_for_routine_and_guards_self_care(mass, level):
    cfg = TriageConfig(emergency=0.25, urgent=0.40, routine=0.50, self_care_max_serious=0.30)
    assert level_from_mass(mass, cfg) == level


def test_default_config_has_no_serious_guard():
    # the guard is the KB's choice (engine.yaml); the dataclass default leaves the levels as before
    assert level_from_mass(_mass(0.0, 0.35, 0.0, 0.65), TriageConfig(routine=0.5)) == "self_care"


def _p(kb, age, sex, cid):
    return float(kb.prior(age, sex)[kb.condition_index[cid]])


def test_age_shapes_priors_inside_the_adult_band(kb):
    assert _p(kb, 60, "male", "atrial_fibrillation") > 5 * _p(kb, 30, "male", "atrial_fibrillation")
    assert _p(kb, 25, "female", "panic_attack") > 2 * _p(kb, 58, "female", "panic_attack")
    assert _p(kb, 25, "female", "panic_hyperventilation") > 2 * _p(kb, 58, "female", "panic_hyperventilation")
    assert _p(kb, 45, "male", "myocardial_infarction") > 10 * _p(kb, 20, "male", "myocardial_infarction")
    for cid in ("atrial_fibrillation", "panic_attack", "panic_hyperventilation", "myocardial_infarction"):
        assert "triage18" in kb.condition(cid).source or "typical_ages" not in kb.condition(cid).source


def test_palpitations_alone_share_between_arrhythmia_and_anxiety(lexical_engine):
    kb = lexical_engine.kb
    post = lexical_engine.posterior(lexical_engine.closure({"palpitations": "yes"}), 60, "male", {"palpitations"})
    share = {name: sum(float(post[kb.condition_index[c]]) for c in ids) for name, ids in {
        "arrhythmia": ("atrial_fibrillation", "svt", "ectopic_beats"),
        "psychiatric": ("panic_attack", "panic_hyperventilation", "anxiety")}.items()}
    assert share["arrhythmia"] >= share["psychiatric"]


def _top3(engine, text, age, sex):
    res, _ = engine.one_shot(text, age=age, sex=sex)
    return [d.id for d in res.differential[:3]], res.triage


def test_racing_irregular_heart_in_a_man_of_sixty(lexical_engine):
    top, level = _top3(lexical_engine, "For about six hours my heart has been racing and it feels irregular, "
                                       "and I feel a little light headed", 62, "M")
    assert "atrial_fibrillation" in top
    assert level in ("urgent", "emergency")


def test_exertional_tightness_and_near_faint_in_old_age_lists_aortic_stenosis(lexical_engine):
    top, _ = _top3(lexical_engine, "Over the last few months I get a tight chest and puffed out going up hills, "
                                   "and on Sunday I almost blacked out digging the allotment", 79, "M")
    assert "aortic_stenosis" in top


def test_very_high_pressure_with_headache_and_tight_chest_lists_hypertensive_emergency(lexical_engine):
    top, level = _top3(lexical_engine, "I stopped my blood pressure pills a while ago and today my blood pressure "
                                       "is through the roof, with a pounding headache and chest tightness", 55, "F")
    assert "hypertensive_emergency" in top
    assert level == "emergency"


def test_a_teenager_fainting_in_the_heat_is_not_sent_to_the_emergency_department(lexical_engine):
    # sweating before a faint is the faint's own prodrome; a heart attack at 17 is too rare for its red flag to fire
    res, _ = lexical_engine.one_shot("My son is 17 and he fainted in assembly, the hall was very hot and he went "
                                     "clammy and sweaty just before he went down, he came round straight away",
                                     age=17, sex="M")
    assert res.triage != "emergency"
    assert all(rf["condition"] != "Heart attack (acute coronary syndrome)" for rf in res.red_flags)


def test_crushing_chest_pain_in_a_young_adult_is_still_an_emergency(lexical_engine):
    # the age factor lowers the heart attack's prior, never the chest-pain rule
    res, _ = lexical_engine.one_shot("Crushing pain in the middle of my chest going down my left arm for the last "
                                     "half hour and I'm sweating", age=24, sex="M")
    assert res.triage == "emergency"
