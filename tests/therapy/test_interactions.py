"""Interaction checks: symmetry, class expansion, names, duplicates."""

import itertools
import random

from medcore.therapy import interactions as ix
from medcore.therapy.names import resolve_drug


def test_symmetry_over_random_sets(kb):
    rng = random.Random(0)
    ids = sorted(kb.drugs)
    for _ in range(30):
        sample = rng.sample(ids, 8)
        a = {(f.drug_ids, f.severity) for f in ix.check_ids(kb, sample)}
        b = {(f.drug_ids, f.severity) for f in ix.check_ids(kb, list(reversed(sample)))}
        assert a == b
    for x, y in itertools.islice(itertools.combinations(ids, 2), 3000):
        assert (ix.pair(kb, x, y) is None) == (ix.pair(kb, y, x) is None)


def test_class_level_findings(kb):
    found = {f.drugs: f for f in ix.check_ids(kb, ["citalopram", "ondansetron", "oxycodone", "lorazepam"])}
    assert found[("citalopram", "ondansetron")].severity == "major"  # two QT drugs with known risk
    assert "serotonergic" in found[("citalopram", "ondansetron")].mechanism
    assert found[("lorazepam", "oxycodone")].severity == "major"  # opioid + benzodiazepine


def test_brand_names_and_misspellings(kb):
    rep = ix.check_names(kb, ["Zocor", "Biaxin"])
    assert [f.contract()["severity"] for f in rep.findings] == ["contraindicated"]
    assert resolve_drug(kb, "lisnopril").id == "lisinopril"
    r = resolve_drug(kb, "hydroxyzine")  # not in the KB: suggestions, never a silent guess
    assert r.id is None and r.suggestions
    assert "did you mean" in r.message(kb)


def test_duplicates_flagged(kb):
    rep = ix.check_names(kb, ["sertraline 50 mg", "Zoloft", "escitalopram"])
    kinds = {d.kind for d in rep.duplicates}
    assert kinds == {"same_drug", "same_class"}


def test_contract_keys(kb):
    f = ix.check_names(kb, ["warfarin", "Bactrim"]).findings[0].contract()
    assert set(f) == {"drugs", "severity", "mechanism", "management", "source"}
    assert f["drugs"] == ["trimethoprim/sulfamethoxazole", "warfarin"]
