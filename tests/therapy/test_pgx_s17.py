"""Session 17 (planner17): CPIC phenotypes the KB refused. CYP2B6 rapid and ultrarapid metabolisers (*4: increased
function; CPIC 2019 efavirenz: standard dose); MT-RNR1 phenotypes written out in full as CPIC's tables and PharmCAT
write them; G6PD 'Variable' (heterozygous female) and 'Indeterminate', for which CPIC's advice is to measure the
enzyme activity first: said instead of 'no specific recommendation'. And every phenotype CPIC's recommendation table
gives for a level A or A/B pair is understood (dev data outside the repository; skipped when absent)."""

import csv

import pytest

from medcore.config import SHARED_DATA
from medcore.therapy import pgx

RECS = SHARED_DATA / "cpic" / "recommendations.csv"
PAIRS = SHARED_DATA / "cpic" / "pairs.csv"


@pytest.mark.parametrize("typed, phenotype", [
    ("*1/*4", "Rapid Metabolizer"), ("*4/*4", "Ultrarapid Metabolizer"), ("rapid", "Rapid Metabolizer"),
    ("Ultrarapid Metabolizer", "Ultrarapid Metabolizer"),
])
def test_cyp2b6_rapid_and_ultrarapid_get_standard_efavirenz(kb, typed, phenotype):
    r = pgx.lookup(kb, "efavirenz", "CYP2B6", typed)
    assert r.phenotype == phenotype and r.action == "standard" and "600 mg" in r.recommendation


@pytest.mark.parametrize("typed, action", [("*4/*6", "adjust_dose"), ("*1/*1", "standard"), ("*6/*6", "adjust_dose")])
def test_cyp2b6_other_diplotypes_unchanged_or_read(kb, typed, action):
    assert pgx.lookup(kb, "efavirenz", "CYP2B6", typed).action == action


@pytest.mark.parametrize("typed, action", [
    ("Increased risk of aminoglycoside-induced hearing loss", "avoid"),
    ("normal risk of aminoglycoside-induced hearing loss", "standard"),
])
def test_mt_rnr1_full_phenotype_names(kb, typed, action):
    assert pgx.lookup(kb, "gentamicin", "MT-RNR1", typed).action == action


@pytest.mark.parametrize("phenotype", ["Variable", "Indeterminate"])
def test_g6pd_variable_says_measure_the_activity(kb, phenotype):
    with pytest.raises(pgx.PgxError, match="measuring the activity"):
        pgx.lookup(kb, "dapsone", "G6PD", phenotype)
    assert pgx.lookup(kb, "dapsone", "G6PD", "Deficient").action == "avoid"


def test_every_cpic_phenotype_of_a_level_a_pair_is_understood(kb):
    if not (RECS.is_file() and PAIRS.is_file()):
        pytest.skip(f"{RECS} absent (CPIC tables are dev data outside the repository)")
    with PAIRS.open(encoding="utf-8", newline="") as fh:
        pairs = {(r["gene"], r["drug"]) for r in csv.DictReader(fh) if r["cpic_level"] in ("A", "A/B")}
    refused = []
    with RECS.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if (r["genes"], r["drug"]) not in pairs or ";" in r["phenotypes"] or ":" not in r["phenotypes"]:
                continue
            ph = r["phenotypes"].split(":", 1)[1].strip()
            try:
                pgx.lookup(kb, r["drug"], r["genes"], ph)
            except pgx.PgxError as exc:
                if "not recognised" in str(exc):
                    refused.append(f"{r['genes']}/{r['drug']}/{ph}")
    assert not refused, sorted(set(refused))
