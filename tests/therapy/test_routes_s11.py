"""Route-specific forms typed by name: skin, eye and ear forms are not alarmed on with rules meant for the systemic
drug, rules a label states for the local form stay, and systemic routes (patches, inhalers) are unchanged.
Data: assets/kb/knowledge/drugs/routes.yaml."""

from medcore.therapy import interactions as ix
from medcore.therapy import routes
from medcore.therapy.blind_eval import score_pair
from medcore.therapy.names import resolve_drug

SEVERE = ("major", "contraindicated")


def _severities(kb, a, b):
    return [f.severity for f in ix.check_names(kb, [a, b]).findings]


def test_route_words_name_the_route():
    assert routes.route_in("hydrocortisone 1% cream") == "topical"
    assert routes.route_in("Timolol eye drops 0.5%") == "ophthalmic"
    assert routes.route_in("ciprofloxacin ear drops") == "otic"
    # the longest phrase wins: miconazole oral gel is swallowed and is not a skin form
    assert routes.route_in("miconazole oral gel") == "oral"
    assert routes.route_in("fentanyl 25 mcg patch") == "transdermal"
    assert routes.route_in("sertraline 50 mg") is None


def test_a_skin_steroid_is_not_alarmed_on_as_the_systemic_steroid(kb):
    # each pair alarms for the tablet (steroid + NSAID, steroid + warfarin), not for the cream
    assert _severities(kb, "hydrocortisone", "ibuprofen")
    assert _severities(kb, "hydrocortisone cream", "ibuprofen") == []
    assert _severities(kb, "betamethasone", "warfarin")
    assert _severities(kb, "betamethasone valerate cream", "warfarin") == []
    assert not set(_severities(kb, "hydrocortisone cream", "ketoconazole")) & set(SEVERE)
    # the cream is not a second systemic steroid
    assert not ix.check_names(kb, ["hydrocortisone cream", "prednisolone"]).duplicates


def test_the_reason_and_its_source_are_shown(kb):
    report = ix.check_names(kb, ["hydrocortisone ointment", "naproxen"])
    assert report.findings == []
    note = next(n for n in report.notes if "not raised" in n)
    assert "skin" in note and "BNF" in note


def test_timolol_eye_drops_keep_the_beta_blocker_rules_of_their_label(kb):
    r = ix.check_names(kb, ["timolol eye drops", "verapamil"])
    assert r.findings and r.findings[0].severity == "moderate"
    assert any("Timoptic" in n for n in r.notes)
    # with an oral beta-blocker: two beta-blockers
    assert ix.check_names(kb, ["timolol 0.5% eye drops", "bisoprolol"]).duplicates


def test_ophthalmic_nsaid_is_graded_by_its_own_label(kb):
    assert _severities(kb, "ketorolac", "warfarin")[0] in SEVERE
    assert _severities(kb, "ketorolac eye drops", "warfarin") == ["minor"]


def test_systemic_routes_are_unchanged(kb):
    assert resolve_drug(kb, "fentanyl patch").ids == ["fentanyl-transdermal"]
    assert _severities(kb, "fentanyl patch", "clarithromycin")[0] in SEVERE
    assert _severities(kb, "miconazole oral gel", "warfarin")[0] in SEVERE
    assert _severities(kb, "budesonide inhaler", "ritonavir")  # inhaled steroids: the label's CYP3A4 warning
    # bare diclofenac is the systemic drug (session 10); the cream is the topical form
    assert score_pair(kb, {"drugs": ["diclofenac", "warfarin"], "expect": "major"})["ok"]
    assert resolve_drug(kb, "diclofenac cream").ids == ["diclofenac-topical"]
    assert score_pair(kb, {"drugs": ["hydrocortisone cream", "ibuprofen"], "expect": "none"})["ok"]


def test_modafinil_is_not_contraindicated_with_maois(kb):
    # Provigil / Nuvigil labels: caution with MAOIs, not a contraindication; amphetamine stays contraindicated
    for drug in ("modafinil", "Nuvigil"):
        sev = _severities(kb, drug, "phenelzine")
        assert sev and sev[0] == "moderate", drug
    assert _severities(kb, "amphetamine", "phenelzine")[0] == "contraindicated"


def test_a_patients_cream_is_not_read_as_the_systemic_drug_in_a_plan(plan_for):
    def steroid_warfarin(meds):
        plan = plan_for({"age": 60, "sex": "female", "weight_kg": 70, "scr_mg_dl": 0.9, "medications": meds},
                        "hypertension")
        return [i for i in plan.warnings if i.kind in ("interaction", "duplicate")
                and any("betamethasone" in d for d in i.drugs)]

    assert steroid_warfarin(["betamethasone 1 mg daily", "warfarin 5 mg daily"])
    assert steroid_warfarin(["betamethasone cream", "warfarin 5 mg daily"]) == []


def test_a_fluticasone_nasal_spray_still_meets_strong_cyp3a4_inhibitors(kb):
    # nasal is a screened-in route: the Flonase label warns about ritonavir (not recommended: major, session 12)
    # and ketoconazole (use caution)
    assert _severities(kb, "Flonase", "ritonavir") == ["major"]
    assert _severities(kb, "fluticasone nasal spray", "ketoconazole") == ["moderate"]


def test_miconazole_on_the_skin_still_meets_warfarin(kb):
    # MHRA 2016: INR rises and bleeding with topical miconazole too; the cream is kept at moderate, the gel major
    assert _severities(kb, "miconazole cream", "warfarin") == ["moderate"]
    assert _severities(kb, "miconazole oral gel", "warfarin") == ["major"]
