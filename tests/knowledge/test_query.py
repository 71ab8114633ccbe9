"""`kg ask`: each question form answers from the graph, every row with its source."""

from __future__ import annotations

import pytest

from medcore.knowledge import service


def _ask(settings, q):
    ans = service.ask(settings, q)
    for r in ans.rows + ans.excluded:
        assert r.source.strip(), r
    return ans


def test_what_interacts_with_a_brand_name(settings):
    ans = _ask(settings, "What interacts with Bactrim?")
    assert ans.ok and ans.understood["intent"] == "interactions"
    assert ans.understood["drugs"] == ["drug:trimethoprim-sulfamethoxazole"]
    by_target = {r.target: r for r in ans.rows}
    assert by_target["drug:warfarin"].detail["severity"] == "major"
    assert "Coumadin" in by_target["drug:warfarin"].source
    assert ans.rows[0].detail["severity"] in ("major", "contraindicated")  # most severe first


def test_does_a_interact_with_b_gives_only_the_pair(settings):
    ans = _ask(settings, "Does warfarin interact with fluconazole?")
    assert {frozenset((r.concept, r.target)) for r in ans.rows} == {frozenset(("drug:warfarin", "drug:fluconazole"))}
    assert "CYP2C9" in ans.text and "Diflucan" in ans.rows[0].source


def test_renal_dose_below_a_threshold(settings):
    ans = _ask(settings, "Which drugs need a dose change when CrCl is below 30?")
    assert ans.ok and ans.understood["threshold"] == 30
    drugs = {r.concept: r for r in ans.rows}
    assert drugs["drug:nitrofurantoin"].detail["action"] == "avoid"
    assert drugs["drug:lisinopril"].detail["below"] == 30  # the band that holds just below 30, not the <10 one
    assert all(r.relation == "renal_dose" and r.target == "test:crcl" for r in ans.rows)
    lower = [r for r in ans.rows if "applies_only_below" in r.detail]
    assert all(r.detail["applies_only_below"] < 30 for r in lower)


def test_red_flags_of_a_condition(settings):
    ans = _ask(settings, "What are the red flags of meningitis?")
    assert ans.ok and {r.target for r in ans.rows} >= {"finding:stiff_neck", "finding:non_blanching_rash"}
    assert all(r.relation == "red_flag" and "NICE NG240" in r.source for r in ans.rows)


def test_red_flags_of_a_symptom(settings):
    ans = _ask(settings, "what are the warning signs with chest pain")
    assert ans.ok and "finding:chest_pain_crushing" in {r.target for r in ans.rows}


def test_what_can_cause_a_symptom_ranked_by_likelihood(settings):
    ans = _ask(settings, "What can cause chest pain?")
    assert ans.ok and ans.understood["findings"] == ["finding:chest_pain"]
    liks = [r.detail["likelihood"] for r in ans.rows]
    assert liks == sorted(liks, reverse=True)
    conds = {r.concept: r for r in ans.rows}
    assert conds["condition:myocardial_infarction"].detail["triage"] == "emergency"
    assert "NICE CG95" in conds["condition:myocardial_infarction"].source


def test_first_line_treatment(settings):
    ans = _ask(settings, "First-line treatment of community-acquired pneumonia")
    assert ans.ok and ans.understood["conditions"] == ["condition:pneumonia"]
    assert {r.target for r in ans.rows} >= {"drug:amoxicillin", "drug:doxycycline"}
    assert all(r.detail["line"] == "first" and "ATS/IDSA" in r.source for r in ans.rows)


def test_first_line_treatment_in_penicillin_allergy(settings):
    ans = _ask(settings, "first-line treatment of pneumonia in penicillin allergy")
    assert ans.understood["filters"]["allergy"] == ["penicillin"]
    kept = {r.target for r in ans.rows}
    gone = {r.target: r for r in ans.excluded}
    assert "drug:amoxicillin" in gone and "drug:amoxicillin" not in kept and "drug:doxycycline" in kept
    assert "FDA label" in gone["drug:amoxicillin"].detail["excluded_because"][0]["source"]


def test_first_line_treatment_in_pregnancy(settings):
    ans = _ask(settings, "What is the first-line treatment of high blood pressure in pregnancy?")
    kept = {r.target for r in ans.rows}
    assert "drug:labetalol" in kept and "drug:lisinopril" not in kept
    assert "drug:lisinopril" in {r.target for r in ans.excluded}


def test_first_line_treatment_in_ckd(settings):
    ans = _ask(settings, "first line treatment for cystitis in CKD")
    assert ans.understood["filters"]["ckd"] == {"crcl_below": 30.0, "assumed": True}
    excl = {r.target: r for r in ans.excluded}
    assert "drug:nitrofurantoin" in excl and "CrCl" in excl["drug:nitrofurantoin"].detail["excluded_because"][0]["reason"]
    assert "drug:fosfomycin" in {r.target for r in ans.rows}


def test_cpic_recommendation_for_a_phenotype(settings):
    ans = _ask(settings, "What does CPIC recommend for clopidogrel in CYP2C19 poor metabolizers?")
    assert ans.ok and ans.understood["phenotype"] == "Poor Metabolizer"
    [r] = ans.rows
    assert (r.concept, r.relation, r.target) == ("gene:CYP2C19", "pgx_action", "drug:clopidogrel")
    assert r.detail["action"] == "use_alternative" and "prasugrel" in ans.text and "CPIC" in r.source


def test_which_tests_confirm(settings):
    ans = _ask(settings, "Which tests confirm pulmonary embolism?")
    assert ans.ok and ans.understood["conditions"] == ["condition:pulmonary_embolism"]
    assert ans.rows[0].target == "test:d_dimer"
    assert all(r.relation == "tested_by" and r.detail.get("result") for r in ans.rows)


@pytest.mark.parametrize("q", ["What is the weather tomorrow?", "What interacts with banana bread?"])
def test_an_unmappable_question_says_so_and_shows_what_it_understood(settings, q):
    ans = service.ask(settings, q)
    assert not ans.ok and not ans.rows
    assert "I understood" in ans.text and "question kind" in ans.text
    assert "intent" in ans.understood and "concepts" in ans.understood


def test_control_characters_in_the_question_are_dropped(settings):
    ans = service.ask(settings, "What interacts with\x00 warfarin\u202e?")
    assert ans.ok and "\x00" not in ans.question and "\u202e" not in ans.question


def test_a_combination_brand_resolves_to_its_ingredients(settings):
    ans = _ask(settings, "What interacts with Percocet?")
    assert set(ans.understood["drugs"]) == {"drug:oxycodone", "drug:acetaminophen"}
    assert "drug:naltrexone" in {r.target for r in ans.rows}
    # the acetaminophen side too; asked as a pair, since the list form keeps the 200 most severe rows and warfarin +
    # acetaminophen is minor (session-29 review: plan29's rules pushed it past row 200; the text still counts it)
    pair = _ask(settings, "Does Percocet interact with warfarin?")
    assert {r.target for r in pair.rows} == {"drug:acetaminophen"}


@pytest.mark.parametrize("q, intent, expect", [
    ("Is it safe to take ibuprofen with warfarin?", "interactions", {"drug:ibuprofen", "drug:warfarin"}),
    ("can I take tramadol with sertraline", "interactions", {"drug:tramadol", "drug:sertraline"}),
    ("differential diagnosis of abdominal pain", "causes", {"condition:appendicitis"}),
    ("warfarin VKORC1 AA", "pgx", {"drug:warfarin"}),
    ("how is a heart attack diagnosed", "tests", {"test:troponin"}),
    ("what could cause a cough with blood in it? dyspnea too", "causes", set()),
])
def test_other_phrasings_of_the_forms(settings, q, intent, expect):
    ans = _ask(settings, q)
    assert ans.understood["intent"] == intent
    ids = {r.concept for r in ans.rows} | {r.target for r in ans.rows}
    assert expect <= ids


def test_safe_to_take_one_drug_is_not_an_interaction_question(settings):
    ans = service.ask(settings, "Is it safe to take amoxicillin in pregnancy?")
    assert ans.understood["intent"] is None and not ans.ok


def test_what_interacts_with_names_the_three_drug_rule(settings):
    ans = _ask(settings, "what interacts with ibuprofen")
    [g] = [r for r in ans.rows if r.relation == "interacts_in_group"]
    assert g.concept == "drug:ibuprofen" and "Diuretics" in g.target_name and "Lapi" in g.source
    assert "3-drug interaction" in ans.text and "triple whammy" in ans.text
    assert ans.rows[0] is g  # shown before the pair rows (the CLI prints the first 40)


def test_three_drug_rule_with_two_or_three_of_its_drugs_asked(settings):
    two = _ask(settings, "does ibuprofen interact with lisinopril")
    assert {r.concept for r in two.rows if r.relation == "interacts_in_group"} == {"drug:ibuprofen", "drug:lisinopril"}
    assert "Together with Diuretics" in two.text
    three = _ask(settings, "can I take ibuprofen with lisinopril and furosemide")
    assert len([r for r in three.rows if r.relation == "interacts_in_group"]) == 3
    assert "together make a 3-drug interaction" in three.text
    none = _ask(settings, "does ibuprofen interact with acetaminophen")
    assert not [r for r in none.rows if r.relation == "interacts_in_group"]
