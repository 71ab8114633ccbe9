"""Session 14 (planner14s): label rules behind planner set T (dev since session 14): FSRH enzyme inducers with the
progestogen-only methods they make unreliable (not the LNG-IUS or DMPA), clonidine with AV-node drugs, epinephrine
with non-selective beta-blockers, pioglitazone with insulin, strong CYP2D6 inhibitors with metoprolol, fentanyl with
moderate CYP3A4 inhibitors (boxed warning: major), and a diazepam rectal tube graded as systemic."""

import pytest

from medcore.therapy import interactions as ix


def _top(kb, a, b):
    fs = ix.check_names(kb, [a, b]).findings
    top = max(fs, key=lambda f: ix.SEVERITY_RANK[f.severity]) if fs else None
    return top.severity if top else None


@pytest.mark.parametrize("a, b, severity", [
    ("Nexplanon implant", "efavirenz", "major"),
    ("desogestrel 75 microgram", "nevirapine", "major"),
    ("Mirena coil", "efavirenz", None),  # FSRH: the LNG-IUS is not affected by enzyme inducers
    ("Depo-Provera injection", "efavirenz", None),  # nor DMPA
    ("clonidine patch", "verapamil", "moderate"),
    ("clonidine", "digoxin", "moderate"),
    ("EpiPen", "propranolol", "moderate"),
    ("EpiPen", "bisoprolol", None),  # cardioselective: not in the label's warning
    ("insulin glargine injection", "pioglitazone", "moderate"),
    ("terbinafine tablets", "metoprolol", "moderate"),
    ("terbinafine cream", "metoprolol", None),  # a skin cream is not absorbed enough to inhibit CYP2D6
    ("fentanyl sublingual tablets", "fluconazole", "major"),
    ("fentanyl patch", "diltiazem", "major"),
    ("diazepam rectal tubes", "methadone", "major"),
    ("DRV/r", "simvastatin", "contraindicated"),  # a boosted PI typed with its booster is checked as both medicines
])
def test_rules_s14b(kb, a, b, severity):
    assert _top(kb, a, b) == severity


def test_the_new_rules_cite_their_sources(kb):
    f = max(ix.check_names(kb, ["Nexplanon", "efavirenz"]).findings, key=lambda f: ix.SEVERITY_RANK[f.severity])
    assert "FSRH" in f.source and "Sustiva" in f.source
    f = max(ix.check_names(kb, ["clonidine", "verapamil"]).findings, key=lambda f: ix.SEVERITY_RANK[f.severity])
    assert "Catapres" in f.source
