"""Session 17 (planner17): label severities that depend on context. Colchicine with clarithromycin (and with any
strong CYP3A4 or P-gp inhibitor) is contraindicated in kidney or liver impairment and a dose reduction otherwise
(Biaxin and Colcrys labels): major with the reduced doses, contraindicated below CrCl 80 (Colcrys's mild renal
impairment band). Linezolid with a decongestant: the Zyvox label's wording (only with blood-pressure monitoring),
not the class text written for irreversible MAOIs. And OTC products checked through their ingredients."""

import pytest

from medcore.therapy import interactions as ix


def _finding(kb, names):
    fs = ix.check_names(kb, names).findings
    return max(fs, key=lambda f: ix.SEVERITY_RANK[f.severity]) if fs else None


@pytest.mark.parametrize("partner", ["clarithromycin", "ketoconazole", "itraconazole", "cyclosporine", "ranolazine"])
def test_colchicine_severity_follows_kidney_function(kb, partner):
    unknown = ix.pair(kb, "colchicine", partner)
    assert unknown.severity == "major"
    assert "CrCl < 80" in unknown.management or "kidney" in unknown.management.lower()
    assert ix.pair(kb, "colchicine", partner, crcl=95).severity == "major"
    assert ix.pair(kb, "colchicine", partner, crcl=60).severity == "contraindicated"
    assert ix.pair(kb, "colchicine", partner, crcl=25).severity == "contraindicated"


def test_colchicine_clarithromycin_names_the_reduced_doses_and_the_liver(kb):
    f = ix.pair(kb, "colchicine", "clarithromycin", crcl=100)
    assert "0.3 mg" in f.management and "liver" in f.management
    assert "Biaxin" in f.source and "Colcrys" in f.source


def test_paxlovid_colchicine_stays_contraindicated(kb):
    # the Paxlovid label contraindicates colchicine whatever the kidney function
    assert ix.pair(kb, "colchicine", "nirmatrelvir-ritonavir", crcl=100).severity == "contraindicated"


@pytest.mark.parametrize("decongestant", ["pseudoephedrine", "phenylephrine", "Sudafed", "Lemsip Max Cold and Flu",
                                          "Aleve-D", "Vicks Sinex"])
def test_linezolid_with_a_decongestant_reads_as_its_label(kb, decongestant):
    f = _finding(kb, ["linezolid 600 mg IV", decongestant])
    assert f.severity == "major" and f.avoid
    assert "Avoid unless blood pressure can be monitored" in f.management and "Zyvox" in f.source
    assert "Do not combine" not in f.management  # not the irreversible-MAOI text


def test_an_irreversible_maoi_with_a_decongestant_is_unchanged(kb):
    f = _finding(kb, ["phenelzine", "pseudoephedrine"])
    assert f.severity == "contraindicated"


@pytest.mark.parametrize("names, pair, severity", [
    (["warfarin", "Alka-Seltzer Original"], {"warfarin", "aspirin"}, "major"),
    (["phenelzine", "Coricidin HBP Cough & Cold"], {"phenelzine", "dextromethorphan"}, "contraindicated"),
    (["phenelzine", "Benylin 4 Flu"], {"phenelzine", "pseudoephedrine"}, "contraindicated"),
    (["methotrexate", "Aleve-D"], {"methotrexate", "naproxen"}, None),
])
def test_otc_products_are_checked_through_their_ingredients(kb, names, pair, severity):
    fs = ix.check_names(kb, names).findings
    hit = [f for f in fs if set(f.drug_ids) == pair]
    assert hit, fs
    if severity:
        assert hit[0].severity == severity


def test_a_family_name_is_not_checked_and_is_reported_unresolved(kb):
    rep = ix.check_names(kb, ["phenelzine", "Benylin"])
    assert not rep.findings
    assert [u.query for u in rep.unknown] == ["Benylin"]
    assert any("Benylin 4 Flu" in n for n in rep.notes), rep.notes


def test_vaporub_raises_nothing_with_linezolid(kb):
    assert not ix.check_names(kb, ["linezolid", "Vicks VapoRub"]).findings


@pytest.mark.parametrize("child_pugh, severity", [(None, "major"), ("A", "contraindicated"), ("C", "contraindicated")])
def test_colchicine_severity_follows_liver_function(kb, child_pugh, severity):
    # normal kidneys: only the Child-Pugh class decides (Biaxin, Colcrys: contraindicated in hepatic impairment)
    f = ix.pair(kb, "colchicine", "clarithromycin", crcl=100, child_pugh=child_pugh)
    assert f.severity == severity
    assert (f"Child-Pugh {child_pugh}" in f.management) == bool(child_pugh)
    assert ix.check_ids(kb, ["colchicine", "itraconazole"], 100, child_pugh=child_pugh)[0].severity == severity


def test_no_liver_context_names_it_in_the_management(kb):
    assert "Liver: if Child-Pugh A/B/C" in ix.pair(kb, "colchicine", "clarithromycin").management


@pytest.mark.parametrize("child_pugh, excluded", [(None, False), ("B", True)])
def test_a_gout_plan_on_clarithromycin_reads_the_liver(plan_for, child_pugh, excluded):
    patient = {"age": 60, "sex": "male", "weight_kg": 80, "scr_mg_dl": 0.8, "medications": ["clarithromycin 500 mg bd"]}
    if child_pugh:
        patient["child_pugh"] = child_pugh
    plan = plan_for(patient, "gout_flare")
    (colch,) = [o for o in plan.options if o.drugs == ["colchicine"]]
    interaction = [i for i in colch.exclusions + colch.cautions if i.kind == "interaction"]
    assert interaction and (interaction[0].severity == "contraindicated") == excluded
    assert any(i.severity == "contraindicated" for i in colch.exclusions) == excluded
