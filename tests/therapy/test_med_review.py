"""Current medicines reviewed like a drug chart: genotype, kidneys, conditions, Beers (issue 13)."""


def _review(plan, drug):
    return [i for i in plan.warnings if i.text.startswith(f"Current medicine {drug}")]


def test_cyp2d6_ultrarapid_on_tramadol_is_told_to_stop_with_the_cpic_source(plan_for):
    plan = plan_for({"age": 50, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0, "medications": ["tramadol 50 mg QID"],
                     "genotypes": {"CYP2D6": "Ultrarapid Metabolizer"}}, "hypertension")
    [w] = [i for i in _review(plan, "tramadol") if i.kind == "pgx"]
    assert w.severity == "major" and "Action: stop and switch" in w.text and "CPIC" in w.source


def test_combination_products_are_reviewed_per_ingredient(plan_for):
    plan = plan_for({"age": 45, "sex": "female", "weight_kg": 65, "scr_mg_dl": 0.8, "medications": ["Tylenol with codeine"],
                     "genotypes": {"CYP2D6": "Ultrarapid Metabolizer"}}, "hypertension")
    assert any(i.kind == "pgx" and i.severity == "major" for i in _review(plan, "codeine"))


def test_normal_metabolizer_gets_no_pgx_action(plan_for):
    plan = plan_for({"age": 50, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0, "medications": ["tramadol"],
                     "genotypes": {"CYP2D6": "Normal Metabolizer"}}, "hypertension")
    assert not [i for i in _review(plan, "tramadol") if i.kind == "pgx"]


def test_kidney_function_stop_and_reduce(plan_for):
    plan = plan_for({"age": 80, "sex": "male", "weight_kg": 60, "scr_mg_dl": 2.3,
                     "medications": ["metformin 1000 mg BID", "pregabalin"]}, "hypertension")
    [met] = [i for i in _review(plan, "metformin") if i.kind == "renal"]
    assert met.severity == "major" and "Action: stop or switch" in met.text and "eGFR" in met.text
    [pre] = [i for i in _review(plan, "pregabalin") if i.kind == "renal"]
    assert pre.severity == "moderate" and "at most 150 mg/day" in pre.text and "Lyrica" in pre.source


def test_conditions_and_beers_including_class_level_criteria(plan_for):
    plan = plan_for({"age": 78, "sex": "male", "weight_kg": 75, "scr_mg_dl": 1.0, "conditions": ["heart failure"],
                     "medications": ["pioglitazone", "glyburide", "zolpidem"]}, "hypertension")
    assert any(i.kind == "contraindication" and i.severity == "major" for i in _review(plan, "pioglitazone"))
    # zolpidem has its own criterion; glyburide is known only from the lexicon, so its class criterion applies
    for drug in ("glyburide", "zolpidem"):
        [b] = [i for i in _review(plan, drug) if i.kind == "beers"]
        assert "Beers Criteria" in b.source and "Action: deprescribe" in b.text
    assert "(sulfonylureas)" in [i for i in _review(plan, "glyburide") if i.kind == "beers"][0].source


def test_young_patient_on_ordinary_medicines_gets_no_review_warning(plan_for):
    plan = plan_for({"age": 40, "sex": "female", "weight_kg": 65, "scr_mg_dl": 0.8,
                     "medications": ["lisinopril", "atorvastatin", "metformin"]}, "hypertension")
    assert not [i for i in plan.warnings if i.text.startswith("Current medicine")]


def test_low_dose_doxepin_is_outside_the_beers_tricyclic_criterion(kb):
    from medcore.therapy.patient_checks import beers_for

    assert beers_for(kb, "doxepin-low-dose") is None
    assert beers_for(kb, "amitriptyline") is not None


def test_a_guideline_table_shared_by_lexicon_drugs_reviews_them_too(plan_for, kb):
    # CPIC's PPI table covers lansoprazole as it does pantoprazole (pgx.yaml `also`), though the planner does not
    # dose lansoprazole; an ultrarapid metaboliser is told to increase, not reduce
    plan = plan_for({"age": 50, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0, "medications": ["Prevacid"],
                     "genotypes": {"CYP2C19": "Ultrarapid Metabolizer"}}, "hypertension")
    [w] = [i for i in _review(plan, "lansoprazole") if i.kind == "pgx"]
    assert "increase the dose to about 200%" in w.text and "Proton Pump Inhibitor" in w.source
    assert kb.pgx_rules[("fosphenytoin", "HLA-B*15:02")]["source"] == kb.pgx_rules[("phenytoin", "HLA-B*15:02")]["source"]


def test_a_do_not_start_band_reads_differently_for_a_patient_already_taking_the_drug(plan_for):
    # eGFR 41: the label says do not start metformin, but someone already taking it has the dose reviewed
    plan = plan_for({"age": 82, "sex": "female", "weight_kg": 58, "scr_mg_dl": 1.3, "medications": ["metformin"]},
                    "hypertension")
    [w] = [i for i in _review(plan, "metformin") if i.kind == "renal"]
    assert w.severity == "moderate" and "at most 1000 mg/day" in w.text and "stop" not in w.text
    assert "KDIGO" in w.source


def test_current_medicines_are_checked_against_child_pugh(kb):
    """Session 6: the label's Child-Pugh entry applies to a medicine the patient already takes, as to a new one."""
    from medcore.therapy import med_review
    from medcore.therapy.patient_checks import build_context
    from medcore.therapy.profile import parse_patient

    def hepatic(child_pugh, meds):
        p, _ = parse_patient({"age": 60, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0, "child_pugh": child_pugh,
                              "medications": meds})
        return [i for i in med_review.review_current(build_context(kb, p)[0]) if i.kind == "hepatic"]

    [i] = hepatic("C", ["Xarelto 20 mg daily"])
    assert i.severity == "major" and "stop or switch" in i.text and "Child-Pugh C" in i.text
    [i] = hepatic("B", ["zolpidem 10 mg"])
    assert i.severity == "moderate" and "at most 5 mg" in i.text
    [i] = hepatic("B", ["apixaban"])  # the label's caution for class B
    assert i.severity == "moderate" and "monitor" in i.text
    assert hepatic("A", ["Xarelto"]) == [] and hepatic(None, ["Xarelto", "duloxetine"]) == []
