"""Session 21 (issue 13): two CURRENT medicines that their rule says not to take together (contraindicated, or major
with the source's `avoid`) are a problem of the plan itself: listed in `Plan.current_conflicts` with the leading
rule's management, severity and source, first among the warnings, first in the explanation and the Markdown
export, and the plan never says "no interaction" beside them (it did: "No allergy, contraindication, interaction or
pharmacogenomic problem was found" under a contraindicated current pair)."""

from medcore.therapy.issues import SEVERITIES
from medcore.therapy.render import plan_markdown

PATIENT = {"age": 50, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}
CLEAN = "No allergy, contraindication, interaction or pharmacogenomic problem was found"


def _plan(plan_for, meds, condition="hypertension"):
    return plan_for({**PATIENT, "medications": meds}, condition)


def test_a_contraindicated_current_pair_is_a_problem_with_its_management_and_source(plan_for):
    plan = _plan(plan_for, ["simvastatin 40 mg daily", "clarithromycin 500 mg twice daily"])
    assert len(plan.current_conflicts) == 1
    c = plan.current_conflicts[0]
    assert c.severity == "contraindicated" and c.avoid and set(c.drugs) == {"simvastatin", "clarithromycin"}
    assert "stop or replace one of them" in c.text and "Management: Do not combine" in c.text
    assert "Zocor" in c.source
    first_sev, first = next(iter(plan.grouped_warnings().items()))
    assert first_sev == "contraindicated" and first[0] is c
    assert "clarithromycin + simvastatin" in plan.explanation[0] and "contraindicated" in plan.explanation[0]
    assert not any(CLEAN in line or "no interaction" in line.lower() for line in plan.explanation)


def test_an_maoi_with_an_ssri_quotes_the_contraindication_not_a_milder_rules_caution(plan_for):
    plan = _plan(plan_for, ["phenelzine", "sertraline"], "urinary tract infection")
    (c,) = plan.current_conflicts
    assert c.severity == "contraindicated" and "stop or replace one" in c.text
    assert "Use the combination with caution" not in c.text  # the serotonergic-pair rule's text, joined before
    assert plan.chosen  # the new plan is still made; the pair is the plan's problem, not the option's


def test_a_major_avoid_current_pair_asks_for_a_change_and_leads_the_major_warnings(plan_for):
    plan = _plan(plan_for, ["clopidogrel 75 mg daily", "omeprazole 20 mg daily", "ibuprofen 400 mg three times daily"])
    (c,) = plan.current_conflicts
    assert c.severity == "major" and "change one of them" in c.text and "pantoprazole" in c.text
    assert plan.grouped_warnings()["major"][0] is c


def test_a_moderate_current_pair_is_not_a_conflict_and_the_plan_never_says_no_interaction(plan_for):
    plan = _plan(plan_for, ["simvastatin 20 mg daily", "amlodipine 5 mg daily"], "urinary tract infection")
    assert plan.current_conflicts == []
    assert any(w.kind == "interaction" and "current medicines" in w.text for w in plan.warnings)
    assert not any(CLEAN in line for line in plan.explanation)


def test_the_markdown_export_shows_the_pair_before_the_plan(plan_for):
    d = _plan(plan_for, ["simvastatin 40 mg daily", "clarithromycin 500 mg twice daily"]).to_dict()
    assert d["current_conflicts"][0]["severity"] in SEVERITIES
    md = plan_markdown(d)
    head = md.index("**CURRENT MEDICINES TO CHANGE (contraindicated):**")
    assert head < md.index("## Plan") and "stop or replace one of them" in md[head:md.index("## Plan")]
    assert "FDA label (Zocor" in md[head:md.index("## Plan")]


def test_the_page_banner_reads_the_field(plan_for, monkeypatch):
    import ui.therapy_tools as tools

    shown = []
    monkeypatch.setattr(tools.st, "error", lambda text, **kw: shown.append(text))
    tools.current_conflict_banner(_plan(plan_for, ["phenelzine", "sertraline"]).to_dict())
    assert len(shown) == 1 and shown[0].startswith("Current medicines to change (contraindicated):")
    assert "FDA SSRI labels" in shown[0]
    tools.current_conflict_banner({})  # a plan saved before session 21 has no such field
    assert len(shown) == 1
