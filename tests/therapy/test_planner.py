"""The planner: ranking, exclusions, doses with arithmetic, explanations, and the safety property
that no contraindicated or allergic option is ever proposed."""

import itertools

from medcore.therapy import interactions as ix
from medcore.therapy.issues import SEVERITIES
from medcore.therapy.names import resolve_allergen, resolve_state

RISKY_PROFILES = [
    {"age": 30, "sex": "female", "weight_kg": 60, "pregnant": True, "allergies": [{"substance": "penicillin", "reaction": "anaphylaxis"}]},
    {"age": 82, "sex": "male", "weight_kg": 55, "scr_mg_dl": 3.2, "child_pugh": "C",
     "medications": ["clarithromycin", "warfarin", "sertraline", "oxycodone", "isosorbide mononitrate", "azathioprine"],
     "allergies": [{"substance": "sulfa", "reaction": "Stevens-Johnson"}, {"substance": "aspirin", "reaction": "bronchospasm"}]},
    {"age": 45, "sex": "male", "weight_kg": 90, "scr_mg_dl": 1.0, "conditions": ["long QT syndrome", "asthma", "myasthenia gravis", "angioedema"],
     "medications": ["methadone", "lithium", "linezolid"], "genotypes": {"CYP2C19": "*2/*2", "CYP2D6": "*1/*1xN", "HLA-B*15:02": "positive", "SLCO1B1": "*5/*5"}},
    {"age": 6, "sex": "female", "weight_kg": 20, "allergies": [{"substance": "cephalexin", "reaction": "hives"}]},
    {"age": 34, "sex": "female", "weight_kg": 70, "lactating": True, "conditions": ["seizure disorder", "mechanical heart valve", "G6PD deficiency"],
     "medications": ["rifampin", "carbamazepine"], "allergies": [{"substance": "codeine", "reaction": ""}]},
]


def _independent_violations(kb, plan, patient):
    """Re-check the proposed drugs without the planner's code paths."""
    out = []
    opt = plan.chosen_option()
    if not opt:
        return out
    states = {resolve_state(kb, c).id for c in patient.get("conditions", [])}
    if patient.get("pregnant"):
        states.add("pregnancy")
    meds = [m["id"] for m in plan.medications if m["id"]]
    for d in opt.drugs:
        drug = kb.drugs[d]
        for a in patient.get("allergies", []):
            adrug, aclass, _ = resolve_allergen(kb, a["substance"])
            if adrug == d or (aclass and aclass == drug.get("allergy_class")):
                out.append(f"{d}: allergy {a['substance']}")
        if states & set(drug.get("contraindicated_in", [])):
            out.append(f"{d}: contraindicated in {states & set(drug.get('contraindicated_in', []))}")
        if patient.get("pregnant") and drug.get("pregnancy") == "avoid":
            out.append(f"{d}: pregnancy")
        if patient.get("lactating") and drug.get("lactation") == "avoid":
            out.append(f"{d}: lactation")
        for m in meds:
            f = ix.pair(kb, d, m)
            if f and f.severity == "contraindicated":
                out.append(f"{d}+{m}: contraindicated interaction")
    return out


def test_never_proposes_contraindicated_or_allergic(kb, plan_for):
    checked = 0
    for patient, cond in itertools.product(RISKY_PROFILES, sorted(kb.conditions)):
        plan = plan_for(patient, cond)
        assert not _independent_violations(kb, plan, patient), (cond, patient)
        opt = plan.chosen_option()
        if opt:
            assert not opt.exclusions
        else:
            assert any(w.severity == "contraindicated" for w in plan.warnings)  # said, not silent
        checked += 1
    assert checked == len(RISKY_PROFILES) * len(kb.conditions)


def test_first_line_dose_and_arithmetic(plan_for):
    plan = plan_for({"age": 84, "sex": "female", "weight_kg": 58, "scr_mg_dl": 1.2}, "atrial fibrillation")
    opt = plan.chosen_option()
    assert opt.drugs == ["apixaban"]
    dose = opt.doses[0]
    assert (dose.dose, dose.frequency) == (2.5, "BID")
    assert any("age >= 80" in s for s in dose.steps) and any("Daily total" in s for s in dose.steps)


def test_renal_adjustment_shows_source(plan_for):
    plan = plan_for({"age": 75, "sex": "male", "weight_kg": 70, "scr_mg_dl": 1.8}, "shingles")
    d = plan.chosen_option().doses[0]
    assert (d.drug_id, d.dose, d.frequency) == ("valacyclovir", 1000, "q12h")
    assert any("Renal (CrCl" in s and "FDA label" in s for s in d.steps)


def test_paediatric_mg_per_kg(plan_for):
    plan = plan_for({"age": 3, "sex": "female", "weight_kg": 15}, "otitis media")
    d = plan.chosen_option().doses[0]
    assert (d.dose, d.frequency) == (680, "BID")
    assert "45 mg/kg × 15 kg = 675 mg" in d.steps[0]


def test_explains_why_higher_ranked_options_were_not_chosen(plan_for):
    plan = plan_for({"age": 40, "sex": "male", "weight_kg": 80,
                     "allergies": [{"substance": "penicillin", "reaction": "hives"}]}, "cap")
    assert plan.chosen_option().drugs == ["doxycycline"]
    text = " ".join(plan.explanation)
    assert "Not Amoxicillin" in text and "allergy" in text


def test_warnings_grouped_by_severity(plan_for):
    plan = plan_for({"age": 70, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0,
                     "medications": ["simvastatin", "clarithromycin", "citalopram", "ibuprofen"]}, "af_anticoagulation")
    groups = plan.grouped_warnings()
    order = [SEVERITIES.index(k) for k in groups]
    assert order == sorted(order)
    assert "contraindicated" in groups  # simvastatin + clarithromycin among current medicines
    assert all(w.source for ws in groups.values() for w in ws if w.kind == "interaction")


def test_pgx_excludes_and_adjusts(plan_for):
    plan = plan_for({"age": 60, "sex": "male", "weight_kg": 85, "genotypes": {"CYP2C19": "PM"}},
                    "chronic_coronary_disease")
    clop = next(o for o in plan.options if o.option_id == "clopidogrel")
    assert clop.status == "excluded" and clop.exclusions[0].kind == "pgx"
    dep = plan_for({"age": 40, "sex": "female", "weight_kg": 60, "genotypes": {"CYP2C19": "*2/*2"},
                    "conditions": ["seizure disorder"]}, "depression")
    sert = next(o for o in dep.options if o.option_id == "sertraline")
    assert sert.doses[0].dose == 25 and any("Pharmacogenomics" in s for s in sert.doses[0].steps)


def test_no_safe_option_is_said_plainly(plan_for):
    plan = plan_for({"age": 60, "sex": "male", "weight_kg": 85, "medications": ["isosorbide mononitrate"]},
                    "erectile dysfunction")
    assert plan.chosen is None
    assert plan.explanation[0].startswith("No option")


def test_empty_medication_list_is_fine(plan_for):
    plan = plan_for({"age": 50, "sex": "female", "weight_kg": 70, "medications": []}, "hypertension")
    assert plan.chosen and plan.interactions == []


def test_unknown_condition_suggests(kb):
    import pytest

    from medcore.therapy.planner import PlanError, make_plan
    from medcore.therapy.profile import parse_patient

    p, _ = parse_patient({"age": 50, "sex": "female"})
    with pytest.raises(PlanError, match="did you mean"):
        make_plan(kb, p, "hypertensoin crisis")


def test_plan_is_json_serialisable(plan_for):
    import json

    plan = plan_for({"age": 50, "sex": "female", "weight_kg": 70, "medications": ["warfarin"]}, "uti")
    d = plan.to_dict()
    json.dumps(d)
    assert d["options"][0]["doses"][0]["text"]


def test_anticholinergic_burden_total(plan_for):
    plan = plan_for({"age": 78, "sex": "female", "weight_kg": 60, "scr_mg_dl": 0.9,
                     "medications": ["oxybutynin", "diphenhydramine"]}, "gerd")
    acb = [w for w in plan.warnings if w.kind == "anticholinergic"]
    assert acb and "score 6" in acb[0].text and acb[0].severity == "moderate"


def test_avoid_interaction_with_current_medicine_demotes_across_lines(plan_for):
    """A DOAC with a strong CYP3A4/P-gp inducer: every DOAC label says avoid, the warfarin label
    only says monitor INR, so the guideline's 'first line unsuitable' option is proposed."""
    for inducer in ("carbamazepine", "phenytoin", "rifampin"):
        plan = plan_for({"age": 66, "sex": "female", "weight_kg": 65, "scr_mg_dl": 0.9,
                         "medications": [inducer]}, "af_anticoagulation")
        assert plan.chosen_option().drugs == ["warfarin"], inducer
        apix = next(o for o in plan.options if o.option_id == "apixaban")
        assert apix.status == "alternative" and not apix.excluded and apix.avoid_with
        text = " ".join(plan.explanation)
        assert "Not apixaban" in text and "advises avoiding" in text and "FDA label" in text


def test_avoid_interaction_also_applies_within_first_line(plan_for):
    plan = plan_for({"age": 61, "sex": "male", "weight_kg": 84, "scr_mg_dl": 1.0, "medications": ["carbamazepine"]},
                    "acs_p2y12")
    assert plan.chosen_option().drugs == ["prasugrel"]
    assert any("Brilinta" in i.source for i in next(o for o in plan.options if o.option_id == "ticagrelor").avoid_with)


def test_avoid_interaction_kept_when_no_alternative_is_free_of_it(plan_for):
    # warfarin ruled out by an allergy record: every remaining option is a DOAC the inducer's label says to avoid
    plan = plan_for({"age": 66, "sex": "female", "weight_kg": 65, "scr_mg_dl": 0.9, "medications": ["carbamazepine"],
                     "allergies": [{"substance": "warfarin", "reaction": "skin necrosis"}]}, "af_anticoagulation")
    assert plan.chosen_option().drugs == ["apixaban"]
    assert any(line.startswith("Every option that could be proposed") for line in plan.explanation)


def test_monitor_only_major_interaction_does_not_use_the_avoid_rule(plan_for):
    """Only interactions whose source says 'avoid' are ranked as such: a DOAC is still first-line
    for a patient on aspirin (major, bleeding) because every anticoagulant shares that problem."""
    plan = plan_for({"age": 70, "sex": "male", "weight_kg": 90, "scr_mg_dl": 1.0, "medications": ["aspirin"]},
                    "af_anticoagulation")
    assert plan.chosen_option().drugs == ["apixaban"]
    assert not any(o.avoid_with for o in plan.options)


def test_beers_duration_criterion_does_not_demote_a_course_within_it(plan_for):
    """AGS Beers 2023 is about scheduled PPI use beyond 8 weeks; the ACG 8-week PPI trial is within it."""
    plan = plan_for({"age": 70, "sex": "male", "weight_kg": 82, "scr_mg_dl": 1.0,
                     "medications": ["aspirin 81 mg daily", "sertraline 100 mg daily"]}, "gerd")
    opt = plan.chosen_option()
    assert opt.drugs == ["omeprazole"]
    beers = [i for i in opt.cautions if i.kind == "beers"]
    assert beers and beers[0].severity == "minor" and "8-week course" in beers[0].text and "Beers" in beers[0].source


def test_beers_duration_criterion_still_applies_beyond_the_limit(kb):
    from medcore.therapy.issues import Issue
    from medcore.therapy.patient_checks import PENALTY
    from medcore.therapy.dose_checks import beers_for_course, course_weeks

    assert course_weeks("8 weeks, before breakfast") == 8 and course_weeks("14 days") == 2
    assert course_weeks("up to 6 weeks") == 6 and course_weeks("long-term") is None
    drug = kb.drugs["omeprazole"]
    issue = Issue("moderate", "beers", "omeprazole (age 70): ...", "AGS Beers", ["omeprazole"])
    for duration in ("long-term", "12 weeks", "6 months"):
        assert beers_for_course(drug, duration, issue, PENALTY["beers"]) == (issue, PENALTY["beers"])
    # a Beers entry without a duration limit is never relaxed
    assert beers_for_course(kb.drugs["zolpidem"], "2 weeks", issue, 1.0) == (issue, 1.0)


def test_combination_product_in_current_medicines_is_checked_as_each_ingredient(plan_for):
    plan = plan_for({"age": 50, "sex": "female", "weight_kg": 70, "medications": ["Percocet 5/325", "Xanax"]},
                    "hypertension")
    med = plan.medications[0]
    assert med["ids"] == ["oxycodone", "acetaminophen"]
    pairs = {frozenset(f.drug_ids) for f in plan.interactions}
    assert frozenset(("oxycodone", "alprazolam")) in pairs  # opioid + benzodiazepine, through the combination


def test_lexicon_drug_without_dosing_data_is_checked_and_said_so(plan_for):
    plan = plan_for({"age": 50, "sex": "female", "weight_kg": 70, "medications": ["phenelzine", "sertraline"]},
                    "hypertension")
    assert any(f.severity in ("major", "contraindicated") for f in plan.interactions)
    assert any("phenelzine" in w.text and "by class only" in w.text for w in plan.warnings)


def test_unresolved_medicine_means_the_plan_never_says_no_interaction(plan_for):
    plan = plan_for({"age": 50, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0, "medications": ["zzqxunknown"]},
                    "hypertension")
    assert plan.unchecked == ["zzqxunknown"]
    assert not any("No allergy, contraindication, interaction" in e for e in plan.explanation)
    assert any(i.kind == "unchecked" and i.severity == "major" for i in plan.warnings)
    from medcore.therapy import render

    assert "**NOT CHECKED:** zzqxunknown" in render.plan_markdown(plan.to_dict())
