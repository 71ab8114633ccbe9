"""Issue 13: every CPIC level A and A/B gene-drug pair of the CPIC pair list (../shared/data/cpic/pairs.csv, dev data
outside the repository) is known to the PGx KB: a recommendation table, or a `pending` entry that names the
implication and says the table must be read in the guideline. Read from the data when it is there; skipped with
the reason otherwise. Pair names are read at test time and never written into the repository."""

import csv

import pytest

from medcore.therapy.coverage import CPIC_PAIRS
from medcore.therapy.names import resolve_drug

# Pairs left out on purpose, with the reason. GBA/velaglucerase alfa is provisional (no CPIC guideline, so no
# phenotype table to encode): the label's "testing required" is the diagnosis of type 1 Gaucher disease (FDA label,
# VPRIV), an indication, not a genotype-guided dose.
OUT_OF_SCOPE = {("GBA", "velaglucerase alfa")}


def _rows():
    if not CPIC_PAIRS.is_file():
        pytest.skip(f"{CPIC_PAIRS} absent (the CPIC pair list is dev data outside the repository)")
    with CPIC_PAIRS.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["cpic_level"] in ("A", "A/B")]


def test_every_level_a_and_ab_pair_is_known(kb):
    rows = _rows()
    unknown = []
    for r in rows:
        gene, drug = r["gene"], r["drug"]
        if (gene, drug) in OUT_OF_SCOPE:
            continue
        res = resolve_drug(kb, drug)
        # the KB keys an HLA gene by the allele tested (HLA-B*57:01), CPIC's list by the gene
        kb_genes = [g for g in kb.genes if g == gene or g.startswith(gene + "*")]
        known = res.ok and any((i, g) in kb.pgx_rules or (i, g) in kb.pgx_pending for i in res.ids for g in kb_genes)
        if not known:
            unknown.append(f"{gene}/{drug}")
    assert len(rows) >= 100 and not unknown, unknown


def test_out_of_scope_pairs_are_still_in_the_list():
    # an exclusion that the list no longer holds (or that became level C) must be dropped here
    listed = {(r["gene"], r["drug"]) for r in _rows()}
    assert OUT_OF_SCOPE <= listed
