"""Session 14 (planner14): issue 13's route decisions. Ritonavir or cobicistat as ongoing boosting with a CYP3A-cleared
corticosteroid (triamcinolone injected or nasal, mometasone, ciclesonide) is major + avoid (MHRA 2016, DHHS);
Paxlovid keeps the moderate CYP3A4 grade; beclometasone is the alternative (a minor note). Miconazole: the oral gel
carries its label's contraindications and the MHRA warfarin warning; the pessary does not inherit the gel's
contraindications (Gyno-Daktarin SmPC) but keeps the warfarin warning; a skin powder is screened like a cream."""

import pytest

from medcore.knowledge.interaction_rules import matches
from medcore.therapy import interactions as ix


def _top(kb, a, b):
    fs = ix.check_names(kb, [a, b]).findings
    top = max(fs, key=lambda f: ix.SEVERITY_RANK[f.severity]) if fs else None
    return (top.severity, top.avoid) if top else (None, False)


@pytest.mark.parametrize("a, b, severity, avoid", [
    ("ritonavir", "triamcinolone knee injection", "major", True),
    ("Norvir", "Kenalog-40", "major", True),
    ("triamcinolone nasal spray", "ritonavir", "major", True),
    ("Genvoya", "triamcinolone injection", "major", True),  # cobicistat
    ("mometasone nasal spray", "ritonavir", "major", True),
    ("Paxlovid", "triamcinolone injection", "moderate", False),  # a 5-day course: the Paxlovid label's grade
    ("clarithromycin", "triamcinolone injection", "moderate", False),  # a strong inhibitor that is not a booster
    ("beclometasone inhaler", "ritonavir", "minor", False),
    ("beclometasone inhaler", "clarithromycin", None, False),  # no longer in the inhaled-steroid CYP3A4 rule
    ("miconazole oral gel", "warfarin", "major", True),
    ("miconazole oral gel", "pimozide", "contraindicated", False),
    ("miconazole oral gel", "lovastatin", "contraindicated", False),  # contraindicated needs no avoid flag
    ("miconazole pessary", "simvastatin", "minor", False),
    ("miconazole pessary", "pimozide", "minor", False),
    ("miconazole pessary", "warfarin", "moderate", False),
    ("miconazole powder", "lovastatin", None, False),
    ("Buccolam", "miconazole oral gel", "major", False),  # buccal midazolam: graded as parenteral, not the oral CI
])
def test_route_decisions(kb, a, b, severity, avoid):
    assert _top(kb, a, b) == (severity, avoid)


def test_the_booster_rule_cites_the_mhra_and_dhhs(kb):
    f = max(ix.check_names(kb, ["ritonavir", "Kenalog-40"]).findings, key=lambda f: ix.SEVERITY_RANK[f.severity])
    assert "MHRA" in f.source and "DHHS" in f.source


def test_not_drugs_leaves_a_drug_out_of_a_class_side():
    side = {"class": "inhaled_corticosteroid", "not_drugs": ["beclomethasone"]}
    assert matches({"id": "mometasone", "classes": ["inhaled_corticosteroid"]}, side)
    assert not matches({"id": "beclomethasone", "classes": ["inhaled_corticosteroid"]}, side)
