"""Session 25 (issue 13): MAOI washouts and a third round of name breadth.

Washouts: the labels time the switch between an MAOI and an antidepressant from the day the FIRST drug is stopped
(14 days after an irreversible MAOI before an SSRI, SNRI, tricyclic, bupropion, mirtazapine, trazodone, vilazodone or
vortioxetine; the other way 5 weeks after fluoxetine, 21 days after vortioxetine, 7 days after venlafaxine, 5 days
after duloxetine; 24 hours after moclobemide, NHS SPS). The class rules carry a `persists` entry for each side, with
`days_by` where a drug's label differs. Names: OTC packs, vitamins, vaccines, skin and contraceptive products, each
read to all of its ingredients; live vaccines kept apart from the inactivated vaccines of the same disease.
"""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.knowledge.interaction_rules import expand_interactions
from medcore.therapy import interactions as ix
from medcore.therapy.course import after_stop
from medcore.therapy.kb import KBError


def _patient(**extra):
    return {"age": 52, "sex": "male", "weight_kg": 82, **extra}


def _washout(kb, drug, stopped, days):
    return [i for i in after_stop(kb, drug, [(f"{stopped} stopped {days} days ago", stopped, float(days))])
            if i.kind == "interaction"]


@pytest.mark.parametrize("stopped,started,days,flagged", [
    ("tranylcypromine", "escitalopram", 9, True),      # irreversible MAOI, 14 days
    ("tranylcypromine", "escitalopram", 16, False),
    ("isocarboxazid", "mirtazapine", 13, True),
    ("phenelzine", "desvenlafaxine", 10, True),
    ("moclobemide", "citalopram", 2, False),           # reversible MAO-A inhibitor: 24 hours
    ("fluoxetine", "phenelzine", 30, True),            # norfluoxetine: 5 weeks
    ("fluoxetine", "phenelzine", 36, False),
    ("paroxetine", "phenelzine", 20, False),           # other SSRIs: 2 weeks
    ("vortioxetine", "tranylcypromine", 18, True),     # 21 days
    ("trazodone", "tranylcypromine", 18, False),       # 14 days
    ("venlafaxine", "isocarboxazid", 6, True),         # 7 days
    ("duloxetine", "isocarboxazid", 6, False),         # 5 days
    ("nortriptyline", "phenelzine", 11, True),
])
def test_washout_follows_the_label_of_the_drug_stopped(kb, stopped, started, days, flagged):
    issues = _washout(kb, started, stopped, days)
    assert bool(issues) == flagged
    if flagged:
        assert issues[0].severity == "contraindicated" and "washout" in issues[0].source
        assert f"stopped {days} days ago" in issues[0].text


def test_the_plan_excludes_an_ssri_inside_the_maoi_washout(plan_for):
    early = plan_for(_patient(stopped_medications=["tranylcypromine 10 mg bd stopped 4 days ago"]), "depression")
    assert {o.status for o in early.options} == {"excluded"}
    [why] = [i for i in next(o for o in early.options if o.option_id == "escitalopram").exclusions
             if "tranylcypromine" in i.drugs]
    assert why.severity == "contraindicated" and "about 10 more days" in why.text
    later = plan_for(_patient(stopped_medications=["tranylcypromine 10 mg bd stopped 17 days ago"]), "depression")
    assert any(o.status == "recommended" for o in later.options)


def test_a_current_maoi_started_inside_the_fluoxetine_washout_is_a_plan_warning(plan_for):
    plan = plan_for(_patient(medications=["isocarboxazid 20 mg daily"],
                             stopped_medications=["fluoxetine 40 mg stopped 3 weeks ago"]), "hypertension")
    hits = [w for w in plan.warnings if "fluoxetine" in w.text and "isocarboxazid" in w.text]
    assert hits and hits[0].severity == "contraindicated" and "5 weeks" in hits[0].text
    clean = plan_for(_patient(medications=["isocarboxazid 20 mg daily"],
                              stopped_medications=["citalopram 20 mg stopped 3 weeks ago"]), "hypertension")
    assert not [w for w in clean.warnings if "citalopram" in w.text]


def test_days_by_must_name_a_known_drug():
    drugs = {d: {"id": d, "classes": ["k"]} for d in ("aa", "bb")}
    data = {"pairs": [], "class_rules": [{"id": "r", "a": {"drug": "aa"}, "b": {"drug": "bb"}, "severity": "major",
                                          "mechanism": "m", "effect": "e", "management": "x", "source": "s",
                                          "persists": [{"side": "b", "days": 3, "days_by": {"cc": 9},
                                                        "management": "y"}]}]}
    with pytest.raises(KBError, match="days_by names unknown drugs"):
        expand_interactions(data, drugs, {"k": "k"}, error=KBError)
    data["class_rules"][0]["persists"][0]["days_by"] = {"bb": 9}
    pairs, _ = expand_interactions(data, drugs, {"k": "k"}, error=KBError)
    [rule] = pairs[frozenset(("aa", "bb"))]
    assert [(p.drug, p.days) for p in rule.persists] == [("bb", 9.0)]


@pytest.mark.parametrize("typed,want", [
    ("Zalain cream", {"sertaconazole"}),                  # was read as a co-codamol brand one letter away
    ("Pabrinex IVHP", {"thiamine", "riboflavin", "pyridoxine", "ascorbic-acid", "nicotinamide"}),
    ("K-Phos Neutral", {"potassium-phosphate", "sodium-phosphate"}),
    ("potassium phosphates injection", {"potassium-phosphate"}),
    ("Phexxi", {"lactic-acid", "citric-acid", "potassium-bitartrate"}),
    ("Salactol paint", {"salicylic-acid", "lactic-acid"}),
    ("NeilMed Sinus Rinse", {"sodium-chloride", "sodium-bicarbonate"}),
    ("Conceptrol gel", {"nonoxynol-9"}),
    ("Dermol 500", {"benzalkonium-chloride", "chlorhexidine"}),
    ("Vusion ointment", {"miconazole", "zinc-oxide"}),
    ("Psorcon", {"diflorasone"}),
    ("Infanrix hexa", {"tetanus-toxoid-vaccine", "hepatitis-b-vaccine", "poliovirus-vaccine", "hib-vaccine"}),
    ("Zostavax", {"zoster-vaccine-live"}),
    ("Shingrix", {"zoster-vaccine"}),
    ("FluMist", {"influenza-vaccine-live"}),
    ("flu jab", {"influenza-vaccine"}),
    ("Vivotif", {"typhoid-vaccine-live"}),
    ("Konakion MM Paediatric", {"vitamin-k"}),
    ("vit B co strong", {"vitamin-b-complex"}),
    ("dexmed", {"dexmedetomidine"}),
    ("DuoDote auto-injector", {"atropine", "pralidoxime"}),
    ("Germoloids cream", {"lidocaine", "zinc-oxide"}),
    ("Nithiodote", {"sodium-nitrite", "sodium-thiosulfate"}),
    ("Calcium Disodium Versenate", {"edetate-calcium-disodium"}),
    ("Sudafed Sinus Pressure & Pain", {"ibuprofen", "pseudoephedrine"}),
])
def test_names_read_to_all_their_ingredients(kb, typed, want):
    r = kdrugs.resolve(typed, lex=kb.lexicon)
    assert r.ok and r.how != "fuzzy" and set(r.ingredients) == want


@pytest.mark.parametrize("typed", ["VCF", "RID", "metro"])
def test_short_words_that_name_other_things_are_not_read(kb, typed):
    r = kdrugs.resolve(typed, lex=kb.lexicon)
    assert not r.ok or r.how == "fuzzy"


@pytest.mark.parametrize("vaccine,drug", [("Zostavax", "methotrexate 20 mg weekly"), ("FluMist", "tacrolimus"),
                                          ("Vivotif", "mycophenolate mofetil")])
def test_live_vaccines_meet_the_live_vaccine_rules(kb, vaccine, drug):
    [f] = ix.check_names(kb, [vaccine, drug]).findings
    assert f.severity == "major" and "live" in f.effect.lower() + f.management.lower()


@pytest.mark.parametrize("vaccine", ["Shingrix", "Typhim Vi", "Fluad", "Infanrix hexa"])
def test_inactivated_vaccines_raise_no_live_vaccine_alarm(kb, vaccine):
    assert not ix.check_names(kb, [vaccine, "methotrexate 20 mg weekly"]).findings


@pytest.mark.parametrize("other,severity", [("voriconazole", "major"), ("Mavyret", "major"), ("Vosevi", "major"),
                                            ("vinblastine", "major"), ("diltiazem 120 mg daily", "moderate"),
                                            ("dexamethasone 4 mg", "moderate"), ("diazepam", "moderate"),
                                            ("zolpidem", "moderate"), ("rosuvastatin", "moderate"),
                                            ("rifabutin", "moderate"), ("bupropion XL", "moderate")])
def test_paxlovid_table_rows_that_met_no_rule(kb, other, severity):
    findings = ix.check_names(kb, ["Paxlovid", other]).findings
    assert {f.severity for f in findings} == {severity}
    assert any("Paxlovid" in f.source for f in findings)


@pytest.mark.parametrize("other", ["prednisolone 30 mg", "Epclusa", "betamethasone cream", "acetaminophen"])
def test_paxlovid_rows_the_table_does_not_name_stay_clean(kb, other):
    assert not ix.check_names(kb, ["Paxlovid", other]).findings


@pytest.mark.parametrize("typed,want", [("sarilumab-abcd 200 mg", "sarilumab"), ("golimumab-wxyz", "golimumab"),
                                        ("abatacept-qrst", "abatacept"), ("insulin lispro-mnop", "insulin-lispro"),
                                        ("darbepoetin alfa-efgh", "darbepoetin-alfa")])
def test_any_fda_biologic_suffix_is_read_to_its_core_name(kb, typed, want):
    """FDA naming of biological products: core name, hyphen, four meaningless lower-case letters (2017 guidance)."""
    r = kdrugs.resolve(typed, lex=kb.lexicon)
    assert r.ok and r.ingredients == (want,)


@pytest.mark.parametrize("typed", ["heparin-free", "aspirin-free", "metformin-abcd"])
def test_a_suffix_after_a_non_biologic_name_is_not_read(kb, typed):
    r = kdrugs.resolve(typed, lex=kb.lexicon)
    assert not r.ok or r.how == "fuzzy"
