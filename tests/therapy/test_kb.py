"""The knowledge base: schema validation, sizes, sources, cross-references, class-rule expansion."""

import shutil

import pytest
import yaml

from medcore.therapy.kb import KBError, load_kb_dir

from .conftest import KB_DIR


def test_sizes_meet_the_brief(kb):
    c = kb.counts()
    assert c["conditions"] >= 50
    assert c["drugs"] >= 150
    assert c["interaction_pairs"] >= 250
    assert c["explicit_pairs"] >= 100
    assert c["pgx_pairs"] >= 25


def test_every_fact_has_a_source(kb):
    for d in kb.drugs.values():
        assert len(d["source"]) > 8, d["id"]
    for c in kb.conditions.values():
        assert c["source"] and c["guideline"]
        for o in c["options"]:
            assert o["source"], (c["id"], o["id"])
    for rules in kb.pairs.values():
        for r in rules:
            assert r.source and r.mechanism and r.management and r.effect
    for r in kb.pgx_rules.values():
        # a CPIC guideline, or for a pair CPIC rates but has no guideline for yet, the FDA label saying so
        assert r["source"].startswith("CPIC") or (
            r["source"].startswith("FDA label") and "provisional (no CPIC guideline yet)" in r["source"]), r["drug"]
        assert r["level"] in ("A", "A/B")


def test_real_guidelines_are_named(kb):
    guidelines = " ".join(c["guideline"] for c in kb.conditions.values())
    for name in ("2017 ACC/AHA", "ADA Standards of Care in Diabetes 2025", "ATS/IDSA 2019", "GINA", "GOLD 2025"):
        assert name in guidelines
    assert "CPIC Guideline for Clopidogrel and CYP2C19 2022" in kb.pgx_rules[("clopidogrel", "CYP2C19")]["source"]


def test_conditions_from_the_issue_are_present(kb):
    for cid in ("hypertension", "type2_diabetes", "cap", "uti_cystitis", "af_anticoagulation", "hfref", "asthma",
                "copd", "depression", "generalized_anxiety", "hyperlipidemia", "gerd", "h_pylori", "migraine_acute",
                "gout_flare", "hypothyroidism", "dvt_pe", "cellulitis", "strep_pharyngitis", "otitis_media",
                "osteoarthritis"):
        assert cid in kb.conditions


def test_class_rules_expand_to_members(kb):
    # strong CYP3A4 inhibitor x CYP3A4-sensitive statin (lovastatin has no explicit pair with itraconazole)
    rules = kb.pairs[frozenset(("itraconazole", "lovastatin"))]
    assert rules[0].rule == "strong3a4_sensitive_statin" and rules[0].severity == "contraindicated"
    # two QT drugs, two serotonergic drugs, two CNS depressants
    assert any(r.rule == "qt_known_known" for r in kb.pairs[frozenset(("haloperidol", "levofloxacin"))])
    assert any(r.rule == "serotonergic_pair" for r in kb.pairs[frozenset(("sumatriptan", "duloxetine"))])
    assert any(r.rule == "opioid_benzo" for r in kb.pairs[frozenset(("oxycodone", "diazepam"))])
    assert any(r.rule == "cns_depressant_pair" for r in kb.pairs[frozenset(("zolpidem", "mirtazapine"))])


def test_explicit_pair_wins_over_class_rules(kb):
    rules = kb.pairs[frozenset(("clarithromycin", "simvastatin"))]
    assert [r.rule for r in rules] == ["pair"]


def _copy_kb(tmp_path):
    dst = tmp_path / "therapy"
    shutil.copytree(KB_DIR, dst)
    return dst


def test_schema_violation_names_file_and_entry(tmp_path):
    dst = _copy_kb(tmp_path)
    path = dst / "drugs" / "cardiovascular.yaml"
    data = yaml.safe_load(path.read_text())
    del data["drugs"][0]["source"]
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(KBError, match="cardiovascular.yaml: drugs/0.*source"):
        load_kb_dir(dst)


def test_unknown_drug_reference_is_refused(tmp_path):
    dst = _copy_kb(tmp_path)
    path = dst / "interactions.yaml"
    data = yaml.safe_load(path.read_text())
    data["pairs"][0]["drugs"] = ["simvastatin", "notadrug"]
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(KBError, match="unknown drug 'notadrug'"):
        load_kb_dir(dst)


def test_unknown_state_in_contraindications_is_refused(tmp_path):
    dst = _copy_kb(tmp_path)
    path = dst / "drugs" / "other.yaml"
    data = yaml.safe_load(path.read_text())
    data["drugs"][0]["contraindicated_in"] = ["made_up_state"]
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(KBError, match="made_up_state"):
        load_kb_dir(dst)


def test_avoid_flag_only_on_major_rules_whose_management_says_avoid(kb):
    flagged = [h for hits in kb.pairs.values() for h in hits if h.avoid]
    assert flagged
    for h in flagged:
        assert h.severity == "major", h  # contraindicated pairs are excluded outright
        assert "avoid" in h.management.lower() and h.source, h
