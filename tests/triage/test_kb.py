"""Knowledge base: size, must-not-miss coverage, schema and source checks, bad files rejected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from medcore.triage.kb import KBError, kb_stats, load_kb

MUST_NOT_MISS = ["myocardial_infarction", "pulmonary_embolism", "stroke", "subarachnoid_haemorrhage", "meningitis",
                 "sepsis", "appendicitis", "ectopic_pregnancy", "dka", "aortic_dissection", "testicular_torsion",
                 "anaphylaxis"]


def test_size_and_coverage(kb):
    st = kb_stats(kb)
    assert st["conditions"] >= 120
    assert st["findings"] >= 250
    for cid in MUST_NOT_MISS:
        assert cid in kb.condition_index, cid
    for lvl, n in st["conditions_by_level"].items():
        assert n >= 20, lvl
    systems = {c.system for c in kb.conditions}
    for s in ("cardiovascular", "respiratory", "gastrointestinal", "neurological", "skin", "eye", "ent", "mental",
              "pregnancy", "injury", "poisoning", "urogenital", "musculoskeletal"):
        assert s in systems, s
    assert any(c.prior["child"] > c.prior["adult"] for c in kb.conditions)  # children's conditions
    assert any(c.prior["older"] > 2 * c.prior["adult"] for c in kb.conditions)  # older people's


def test_every_fact_has_a_source_and_sane_numbers(kb):
    for c in kb.conditions:
        assert len(c.source) > 10
        assert c.education["what"] and c.education["self_care"] and c.education["seek_help"]
        assert c.icd10[0].isalpha()
        for fid, (p, src) in c.likelihoods.items():
            assert 0 < p < 1 and src, (c.id, fid)
        assert c.sex["female"] + c.sex["male"] > 0
    for f in kb.findings:
        assert f.synonyms and 0 < f.leak < 1 and f.question.endswith("?")
    for r in kb.rules:
        assert r.source and r.reason
    assert kb.crisis["contacts"]


def test_sex_specific_priors(kb):
    p_f = kb.prior(30, "female")
    p_m = kb.prior(30, "male")
    assert p_m[kb.condition_index["ectopic_pregnancy"]] == 0
    assert p_f[kb.condition_index["testicular_torsion"]] == 0
    assert kb.prior(4, None)[kb.condition_index["croup"]] > kb.prior(40, None)[kb.condition_index["croup"]]


def _copy_kb(tmp_path: Path) -> Path:
    from medcore.config import Settings

    src = Settings.load(secrets={}).kb_dir / "triage"
    dst = tmp_path / "triage"
    shutil.copytree(src, dst)
    return dst


def test_schema_rejects_bad_probability(tmp_path):
    d = _copy_kb(tmp_path)
    p = d / "conditions_routine.yaml"
    doc = yaml.safe_load(p.read_text())
    doc["conditions"][0]["findings"]["painful_urination"] = 1.5
    p.write_text(yaml.safe_dump(doc))
    with pytest.raises(KBError):
        load_kb(d)


def test_rejects_unknown_finding_and_missing_source(tmp_path):
    d = _copy_kb(tmp_path)
    p = d / "conditions_self_care.yaml"
    doc = yaml.safe_load(p.read_text())
    doc["conditions"][0]["findings"]["made_up_symptom"] = 0.5
    p.write_text(yaml.safe_dump(doc))
    with pytest.raises(KBError, match="made_up_symptom"):
        load_kb(d)
    doc["conditions"][0]["findings"].pop("made_up_symptom")
    doc["conditions"][0].pop("source")
    p.write_text(yaml.safe_dump(doc))
    with pytest.raises(KBError, match="source"):
        load_kb(d)


def test_vignettes_balanced_and_valid(kb):
    from medcore.config import Settings
    from medcore.triage.evaluate import load_vignettes

    vs = load_vignettes(Settings.load(secrets={}).kb_dir, kb)
    assert len(vs) >= 80
    levels = {}
    for v in vs:
        levels.setdefault(v["triage"], []).append(v)
        assert kb.condition(v["diagnosis"]).icd10 == v["icd10"]
    # written balanced across the four levels; a later level change that follows a condition's cited guideline
    # relabels its vignettes (session 10 moved six conditions from urgent to emergency, docs/evals/triage-levels-s10),
    # so each level keeps a near-even share rather than counts within 2 of each other
    assert len(levels) == 4 and all(0.22 <= len(x) / len(vs) <= 0.28 for x in levels.values())
    held = [v for v in vs if v.get("held_out")]
    # the first 102 keep a held-out quarter; issue 12's family files keep a blind third, so the pool sits between
    # (session 14: the 40 open dev vignettes of vignettes_dev_s14.yaml bring the share just under 0.2)
    assert 0.15 <= len(held) / len(vs) <= 0.35
    assert {v["triage"] for v in held} == set(levels)
