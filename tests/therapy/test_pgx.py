"""Pharmacogenomic lookups and genotype-to-phenotype translation."""

import pytest

from medcore.therapy.pgx import PgxError, lookup, normalise_phenotype


@pytest.mark.parametrize("drug,gene,phenotype,action", [
    ("clopidogrel", "CYP2C19", "Poor Metabolizer", "use_alternative"),
    ("clopidogrel", "CYP2C19", "*1/*17", "standard"),
    ("Plavix", "cyp2c19", "IM", "use_alternative"),
    ("codeine", "CYP2D6", "*1/*1xN", "avoid"),
    ("codeine", "CYP2D6", "*1/*4", "standard"),
    ("citalopram", "CYP2C19", "*2/*2", "adjust_dose"),
    ("simvastatin", "SLCO1B1", "*5/*5", "use_alternative"),
    ("azathioprine", "TPMT", "*1/*3A", "adjust_dose"),
    ("capecitabine", "DPYD", "*2A/*2A", "avoid"),
    ("abacavir", "HLA-B*57:01", "positive", "avoid"),
    ("abacavir", "HLA-B", "*57:01 negative", "standard"),
    ("allopurinol", "HLA-B", "HLA-B*58:01 positive", "avoid"),
    ("tacrolimus", "CYP3A5", "*1/*1", "adjust_dose"),
    ("rasburicase", "G6PD", "deficient", "avoid"),
    ("warfarin", "VKORC1", "AA", "adjust_dose"),
])
def test_lookups(kb, drug, gene, phenotype, action):
    r = lookup(kb, drug, gene, phenotype)
    assert r.action == action
    assert r.source.startswith("CPIC") and r.recommendation and r.strength


def test_activity_scores(kb):
    assert normalise_phenotype(kb, "CYP2D6", "*4/*4")[0] == "Poor Metabolizer"
    assert normalise_phenotype(kb, "CYP2D6", "*1/*41")[0] == "Normal Metabolizer"  # 1.5
    assert normalise_phenotype(kb, "CYP2D6", "*4/*10")[0] == "Intermediate Metabolizer"  # 0.25
    assert normalise_phenotype(kb, "CYP2C9", "*1/*3")[0] == "Intermediate Metabolizer"


def test_errors_are_clear(kb):
    with pytest.raises(PgxError, match="unknown gene"):
        lookup(kb, "clopidogrel", "CYP9Z9", "PM")
    with pytest.raises(PgxError, match="not recognised"):
        lookup(kb, "clopidogrel", "CYP2C19", "sort of slow")
    with pytest.raises(PgxError, match="no CPIC level A recommendation"):
        lookup(kb, "lisinopril", "CYP2C19", "PM")


def test_group_tables_mt_rnr1_and_malignant_hyperthermia(kb):
    """Issue 13: CPIC states one table for all aminoglycosides (MT-RNR1) and one for the volatile anaesthetics
    and succinylcholine (RYR1, CACNA1S); every member gets it, including drugs the planner does not dose."""
    from medcore.therapy.pgx import lookup

    for drug in ("gentamicin", "tobramycin", "amikacin"):
        r = lookup(kb, drug, "MT-RNR1", "m.1555A>G")
        assert r.action == "avoid" and "MT-RNR1" in r.source
        assert lookup(kb, drug, "MT-RNR1", "normal risk").action == "standard"
    for gene in ("RYR1", "CACNA1S"):
        for drug in ("sevoflurane", "succinylcholine", "desflurane"):
            assert lookup(kb, drug, gene, "malignant hyperthermia susceptible").action == "avoid"


def test_statin_and_atazanavir_tables(kb):
    from medcore.therapy.pgx import lookup

    assert lookup(kb, "lovastatin", "SLCO1B1", "poor").action == "use_alternative"
    assert lookup(kb, "pravastatin", "SLCO1B1", "decreased").action == "standard"
    assert "1 mg" in lookup(kb, "pitavastatin", "SLCO1B1", "poor").recommendation
    r = lookup(kb, "Reyataz", "UGT1A1", "*28/*28")
    assert r.phenotype == "Poor Metabolizer" and r.action == "use_alternative"
    assert lookup(kb, "atazanavir", "UGT1A1", "*1/*28").action == "standard"


def test_abcg2_rosuvastatin(kb):
    from medcore.therapy.pgx import lookup

    r = lookup(kb, "Crestor", "ABCG2", "rs2231142 TT")
    assert r.phenotype == "Poor Function" and r.action == "adjust_dose" and "20 mg" in r.recommendation
    assert lookup(kb, "rosuvastatin", "ABCG2", "normal").action == "standard"


def test_indeterminate_likely_and_activity_score_text(kb):
    """As PharmCAT and lab reports state them (session 7): indeterminate has no CPIC recommendation (a clear
    message, not 'not recognised'); 'likely poor' reads as poor; an activity score maps through the gene's bands."""
    with pytest.raises(PgxError, match="no specific recommendation .* Indeterminate"):
        lookup(kb, "codeine", "CYP2D6", "indeterminate")
    r = lookup(kb, "clopidogrel", "CYP2C19", "Likely Poor Metabolizer")
    assert r.phenotype == "Poor Metabolizer" and "read as Poor Metabolizer" in r.derived_from
    assert normalise_phenotype(kb, "DPYD", "activity score 1.0")[0] == "Intermediate Metabolizer"
    assert normalise_phenotype(kb, "CYP2D6", "AS 1.5")[0] == "Normal Metabolizer"
    assert normalise_phenotype(kb, "CYP2D6", "AS=1")[0] == "Intermediate Metabolizer"
    with pytest.raises(PgxError, match="not recognised"):
        normalise_phenotype(kb, "TPMT", "activity score 1")  # TPMT has no activity score


def test_activity_score_rows_split_cyp2c9_intermediate(kb):
    """CPIC's NSAID and phenytoin tables treat CYP2C9 activity score 1.5 as usual dosing and 1.0 as reduced."""
    assert lookup(kb, "celecoxib", "CYP2C9", "*1/*2").action == "standard"
    assert lookup(kb, "celecoxib", "CYP2C9", "*1/*3").action == "adjust_dose"
    assert lookup(kb, "celecoxib", "CYP2C9", "intermediate metabolizer").action == "adjust_dose"  # score unknown
    assert lookup(kb, "phenytoin", "CYP2C9", "activity score 1.5").action == "standard"
    assert lookup(kb, "phenytoin", "CYP2C9", "*1/*3").dose_factor == 0.75


def test_two_genes_reducing_one_drug_are_stated_together(kb, plan_for):
    from medcore.therapy.pgx import patient_results

    results, _ = patient_results(kb, "azathioprine", {"TPMT": "*1/*3A", "NUDT15": "*1/*3"})
    both = [r for r in results if r.gene == "TPMT + NUDT15"]
    assert len(both) == 1 and both[0].action == "adjust_dose" and "further reduction" in both[0].recommendation
    singles = [r.dose_factor for r in results if r.gene in ("TPMT", "NUDT15") and r.dose_factor]
    assert both[0].dose_factor == (min(singles) if singles else None)
    one, _ = patient_results(kb, "azathioprine", {"TPMT": "*1/*3A"})
    assert [r.gene for r in one] == ["TPMT"]
