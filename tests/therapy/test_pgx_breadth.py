"""Issue 13: the CPIC level A and A/B pairs added in session 6 (CFTR, CYP4F2, IFNL3/IFNL4, POLG, G6PD drugs,
thioguanine, the oxicams, atomoxetine, tamoxifen, vortioxetine, and the provisional pairs sourced from labels)."""

import pytest

from medcore.therapy import med_review
from medcore.therapy.patient_checks import build_context
from medcore.therapy.pgx import PgxError, lookup, normalise_phenotype
from medcore.therapy.profile import parse_patient


@pytest.mark.parametrize("drug,gene,phenotype,action", [
    ("Kalydeco", "CFTR", "G551D", "standard"),
    ("ivacaftor", "CFTR", "F508del/F508del", "avoid"),
    ("warfarin", "CYP4F2", "*1/*3", "adjust_dose"),
    ("warfarin", "CYP4F2", "rs2108622 CC", "standard"),
    ("Pegasys", "IFNL3", "rs12979860 CC", "standard"),
    ("peginterferon alfa-2b", "IFNL4", "unfavourable", "standard"),
    ("Depakote", "POLG", "pathogenic variant", "avoid"),
    ("valproic acid", "POLG", "negative", "standard"),
    ("amitriptyline", "CYP2C19", "*2/*2", "use_alternative"),
    ("amitriptyline", "CYP2C19", "*17/*17", "use_alternative"),
    ("amitriptyline", "CYP2C19", "*1/*2", "standard"),
    ("fluvastatin", "CYP2C9", "*3/*3", "adjust_dose"),
    ("fluvastatin", "SLCO1B1", "*5/*5", "adjust_dose"),
    ("piroxicam", "CYP2C9", "*3/*3", "use_alternative"),
    ("tenoxicam", "CYP2C9", "*1/*1", "standard"),
    ("lornoxicam", "CYP2C9", "*3/*3", "adjust_dose"),  # the short half-life NSAID table (celecoxib)
    ("tamoxifen", "CYP2D6", "*4/*4", "use_alternative"),
    ("tamoxifen", "CYP2D6", "*1/*1", "standard"),
    ("atomoxetine", "CYP2D6", "PM", "adjust_dose"),
    ("vortioxetine", "CYP2D6", "PM", "adjust_dose"),
    ("tropisetron", "CYP2D6", "UM", "use_alternative"),
    ("thioguanine", "TPMT", "*3A/*3A", "adjust_dose"),
    ("thioguanine", "NUDT15", "*3/*3", "adjust_dose"),
    ("kanamycin", "MT-RNR1", "m.1555A>G", "avoid"),
    ("enflurane", "RYR1", "MHS", "avoid"),
    ("methoxyflurane", "CACNA1S", "MHS", "avoid"),
    ("dapsone", "G6PD", "deficient", "avoid"),
    ("Krystexxa", "G6PD", "deficient", "avoid"),
    ("tafenoquine", "G6PD", "deficient", "avoid"),
    ("methylene blue", "G6PD", "deficient", "avoid"),
    ("toluidine blue", "G6PD", "deficient", "avoid"),
    ("primaquine", "G6PD", "normal", "standard"),
    ("siponimod", "CYP2C9", "*3/*3", "avoid"),
    ("siponimod", "CYP2C9", "*1/*3", "adjust_dose"),
    ("pitolisant", "CYP2D6", "PM", "adjust_dose"),
    ("irinotecan", "UGT1A1", "*28/*28", "adjust_dose"),
    ("eliglustat", "CYP2D6", "UM", "avoid"),
    ("eliglustat", "CYP2D6", "PM", "adjust_dose"),
    ("tetrabenazine", "CYP2D6", "PM", "adjust_dose"),
    ("pimozide", "CYP2D6", "PM", "adjust_dose"),
    ("oliceridine", "CYP2D6", "PM", "adjust_dose"),
])
def test_new_pairs(kb, drug, gene, phenotype, action):
    r = lookup(kb, drug, gene, phenotype)
    assert r.action == action, (drug, gene, phenotype, r.recommendation)
    assert r.recommendation and r.strength
    assert r.source.startswith("CPIC") or "provisional (no CPIC guideline yet)" in r.source


def test_g6pd_deficiency_with_cnsha_is_told_apart_for_nitrofurantoin(kb):
    assert lookup(kb, "nitrofurantoin", "G6PD", "deficient").action == "standard"  # caution, close monitoring
    assert "caution" in lookup(kb, "nitrofurantoin", "G6PD", "deficient").recommendation
    assert lookup(kb, "nitrofurantoin", "G6PD", "deficient with CNSHA").action == "avoid"
    assert lookup(kb, "rasburicase", "G6PD", "CNSHA").action == "avoid"


def test_ifnl4_reads_the_ifnl3_table(kb):
    a = lookup(kb, "peginterferon alfa-2a", "IFNL3", "rs12979860 TT")
    b = lookup(kb, "peginterferon alfa-2a", "IFNL4", "rs12979860 TT")
    assert a.phenotype == b.phenotype == "Unfavorable Response Genotype"
    assert a.recommendation == b.recommendation


def test_cyp4f2_genotypes(kb):
    assert normalise_phenotype(kb, "CYP4F2", "*3/*3")[0] == "Decreased Function"
    assert normalise_phenotype(kb, "CYP4F2", "*3/*1")[0] == "Decreased Function"
    with pytest.raises(PgxError):
        lookup(kb, "warfarin", "CYP4F2", "sort of fast")


def test_current_valproate_with_a_polg_variant_is_told_to_stop(kb):
    p, _ = parse_patient({"age": 30, "sex": "female", "weight_kg": 60, "medications": ["Depakote"],
                          "genotypes": {"POLG": "pathogenic variant"}})
    ctx = build_context(kb, p)[0]
    [i] = [i for i in med_review.review_current(ctx) if i.kind == "pgx"]
    assert i.severity == "major" and "stop" in i.text and "POLG" in i.text and "Depakote" in i.source
