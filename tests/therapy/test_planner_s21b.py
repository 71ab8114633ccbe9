"""Session 21b (issue 13): the patient handout names a conflict between two current medicines (in the plan's own
terms, from `issues.CONFLICT_WORDS`); an interaction's advice leads with its most severe rule's management and shows
the milder rules' text only as secondary detail (`Finding.advice`); NSAID + thiazide is a two-drug rule."""

from medcore.therapy import interactions as ix
from medcore.therapy.issues import CONFLICT_PATIENT_ADVICE, CONFLICT_WORDS
from medcore.therapy.render import handout_template

PATIENT = {"age": 50, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}
MILD = "Use the combination with caution"  # the serotonergic-pair rule's management (moderate)


def _plan(plan_for, meds, condition="hypertension"):
    return plan_for({**PATIENT, "medications": meds}, condition)


def test_the_handout_tells_the_patient_about_a_contraindicated_current_pair(plan_for):
    plan = _plan(plan_for, ["Zocor 40 mg daily", "clarithromycin 500 mg twice daily"])
    text = handout_template(plan.to_dict())
    head = text.index("Important about medicines you already take:")
    line = text[head:].splitlines()[1]
    assert "clarithromycin" in line and "simvastatin (Zocor 40 mg daily)" in line  # as the patient listed it
    assert CONFLICT_WORDS["contraindicated"][1] in line and CONFLICT_PATIENT_ADVICE in line
    # the same severity word table as the plan's warning: the handout asks for no more and no less
    assert CONFLICT_WORDS["contraindicated"][0] in plan.current_conflicts[0].text
    assert head < text.index("Things you can do:")


def test_the_handout_words_a_major_avoid_pair_as_a_change_and_says_nothing_without_one(plan_for):
    text = handout_template(_plan(plan_for, ["clopidogrel 75 mg daily", "omeprazole 20 mg daily"]).to_dict())
    assert CONFLICT_WORDS["major"][1] in text
    assert "on your own" in text and CONFLICT_WORDS["contraindicated"][1] not in text
    quiet = handout_template(_plan(plan_for, ["simvastatin 20 mg daily", "amlodipine 5 mg daily"]).to_dict())
    assert "Important about medicines you already take" not in quiet
    assert "Important about" not in handout_template({"condition_name": "Gout"})  # a plan saved before 21b


def test_check_names_leads_with_the_most_severe_rules_management(kb):
    (f,) = ix.check_names(kb, ["phenelzine", "sertraline"]).findings
    advice = f.contract()["management"]
    assert f.severity == "contraindicated" and advice.startswith("Do not combine")
    assert " | " not in advice  # was every rule's management joined as equals
    second = advice.index("Secondary, from other rules for this pair:")
    assert advice.index(MILD) > second and f"{MILD}" in advice and "(moderate rule)" in advice
    assert advice == f.advice()


def test_a_single_rule_pair_reads_as_before(kb):
    (f,) = ix.check_names(kb, ["warfarin", "ibuprofen"]).findings
    assert f.advice() == f.management == f.lead_management and "Secondary" not in f.advice()


def test_an_options_warning_leads_with_the_contraindication(plan_for):
    plan = _plan(plan_for, ["phenelzine 15 mg three times daily"], "depression")
    sert = next(o for o in plan.options if o.option_id == "sertraline")
    text = next(i.text for i in sert.exclusions if i.kind == "interaction")
    management = text[text.index("Management: "):]
    assert management.startswith("Management: Do not combine") and " | " not in management
    assert management.index("Secondary") < management.index(MILD)


def test_nsaid_with_a_thiazide_is_a_moderate_two_drug_rule(kb):
    for nsaid, thiazide in (("ibuprofen", "hydrochlorothiazide"), ("naproxen", "indapamide"),
                            ("celecoxib", "chlorthalidone")):
        f = ix.pair(kb, nsaid, thiazide)
        assert f is not None and f.severity == "moderate" and f.rules == ["nsaid_thiazide"], (nsaid, thiazide)
        assert f.mechanism and "creatinine" in f.management and "Microzide" in f.source and "BNF" in f.source
    assert ix.pair(kb, "ibuprofen", "furosemide").rules == ["nsaid_diuretic"]  # the loop-diuretic rule, unchanged
    assert ix.pair(kb, "acetaminophen", "hydrochlorothiazide") is None


def test_a_thiazide_proposed_beside_current_ibuprofen_carries_the_caution(plan_for):
    plan = _plan(plan_for, ["ibuprofen 400 mg three times daily"])
    thiazide = next(o for o in plan.options if o.option_id == "thiazide")
    assert any(c.kind == "interaction" and "ibuprofen" in c.text and c.severity == "moderate"
               for c in thiazide.cautions)
    assert plan.chosen == "ccb"  # the first-line option that ibuprofen does not interact with
