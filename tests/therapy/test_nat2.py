"""NAT2 and hydralazine (CPIC level A, 2025; session 8): phenotypes and the common diplotypes are read; the pair is
known but its dosing table is not encoded, so every path names the implication and says the table is missing - it
never reads as 'no action' and never invents a dose."""

import re

import pytest

from medcore.therapy import pgx
from medcore.therapy.med_review import review_current
from medcore.therapy.patient_checks import build_context
from medcore.therapy.profile import parse_patient


@pytest.mark.parametrize("text,phenotype", [
    ("slow acetylator", "Poor Metabolizer"), ("Poor Metabolizer", "Poor Metabolizer"),
    ("Intermediate Acetylator", "Intermediate Metabolizer"), ("fast acetylator", "Rapid Metabolizer"),
    ("*4/*4", "Rapid Metabolizer"), ("*1/*4", "Rapid Metabolizer"), ("*4/*5", "Intermediate Metabolizer"),
    ("*1/*6", "Intermediate Metabolizer"), ("*5/*6", "Poor Metabolizer"), ("*7/*14", "Poor Metabolizer"),
])
def test_nat2_phenotypes_and_common_diplotypes(kb, text, phenotype):
    assert pgx.normalise_phenotype(kb, "NAT2", text)[0] == phenotype


@pytest.mark.parametrize("text", ["*5B/*6A", "*12/*4", "*13/*6"])
def test_a_sub_allele_or_an_allele_cpic_does_not_name_is_refused_not_guessed(kb, text):
    # *12 and *13 were rapid alleles of the old nomenclature; CPIC's table does not name them
    with pytest.raises(pgx.PgxError, match="not in CPIC's allele table"):
        pgx.normalise_phenotype(kb, "NAT2", text)


# Rows of CPIC's NAT2 diplotype-phenotype table (PharmCAT cpic/NAT2.json, commit 7767b0af), read there: the KB's
# function rule must give each of them.
CPIC_ROWS = {"*1/*1": "Rapid Metabolizer", "*1/*4": "Rapid Metabolizer", "*1/*5": "Intermediate Metabolizer",
             "*1/*10": "Indeterminate", "*1/*14": "Intermediate Metabolizer", "*1/*21": "Indeterminate",
             "*1/*55": "Indeterminate", "*1/*64": "Intermediate Metabolizer", "*4/*65": "Indeterminate",
             "*4/*66": "Intermediate Metabolizer", "*4/*69": "Intermediate Metabolizer", "*5/*5": "Poor Metabolizer",
             "*5/*7": "Poor Metabolizer", "*5/*10": "Indeterminate", "*5/*27": "Indeterminate",
             "*5/*46": "Poor Metabolizer", "*5/*51": "Indeterminate", "*5/*57": "Indeterminate",
             "*5/*69": "Poor Metabolizer", "*6/*6": "Poor Metabolizer"}


@pytest.mark.parametrize("diplotype,phenotype", CPIC_ROWS.items())
def test_cpic_nat2_diplotype_rows(kb, diplotype, phenotype):
    assert pgx.normalise_phenotype(kb, "NAT2", diplotype)[0] == phenotype
    assert pgx.normalise_phenotype(kb, "NAT2", "/".join(reversed(diplotype.split("/"))))[0] == phenotype


def test_hydralazine_lookup_names_the_implication_and_the_missing_table(kb):
    with pytest.raises(pgx.PgxError) as exc:
        pgx.lookup(kb, "hydralazine", "NAT2", "slow acetylator")
    text = str(exc.value)
    assert "NAT2 Poor Metabolizer" in text and "lupus" in text and "does not encode" in text
    assert "Eadon" in text and "2025" in text
    assert not re.search(r"\d\s*mg", text)  # no dose is given for this pair
    assert ("hydralazine", "NAT2") not in kb.pgx_rules  # not counted as a covered pair


def test_the_planner_and_the_medication_review_show_it(kb):
    assert any("does not encode" in m for m in pgx.patient_results(kb, "hydralazine", {"NAT2": "*5/*6"})[1])
    assert pgx.patient_results(kb, "hydralazine", {"CYP2D6": "Normal Metabolizer"}) == ([], [])
    p, _ = parse_patient({"age": 60, "sex": "female", "weight_kg": 70, "scr_mg_dl": 1.0,
                          "medications": ["hydralazine 25 mg three times daily"], "genotypes": {"NAT2": "*5/*6"}})
    ctx = build_context(kb, p)[0]
    [issue] = [i for i in review_current(ctx) if i.kind == "pgx"]
    assert issue.severity == "moderate" and "Poor Metabolizer" in issue.text and "guideline's table" in issue.text
