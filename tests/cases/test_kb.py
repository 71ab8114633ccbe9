"""The case KB: shipped files load, every entry has a source, and broken files are refused with a clear error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from medcore.cases.kb import load_case_kb
from medcore.triage.kb import KBError

REPO = Path(__file__).resolve().parents[2]


def test_shipped_kb_loads_with_sources_and_enough_tests(ckb):
    assert 12 <= len(ckb.tests) <= 25
    for t in ckb.tests:
        assert len(t.source) > 3 and t.normal
        for tr in t.abnormal:
            assert tr.source and tr.result and 0 < tr.p <= 1
    assert {"ecg", "troponin", "cxr", "fbc", "crp", "urinalysis", "d_dimer", "glucose", "pregnancy_test",
            "ct_head", "us_abdomen"} <= {t.id for t in ckb.tests}
    assert all(f.source for f in ckb.families)
    assert all(len(s) > 3 for s in ckb.sources.values())


@pytest.fixture
def kb_copy(tmp_path) -> Path:
    dst = tmp_path / "kb"
    for part in ("triage", "cases"):
        shutil.copytree(REPO / "assets" / "kb" / part, dst / part)
    return dst


def _edit(path: Path, fn) -> None:
    doc = yaml.safe_load(path.read_text())
    fn(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False))


def test_unknown_condition_in_a_test_is_an_error(kb_copy):
    _edit(kb_copy / "cases" / "tests.yaml",
          lambda d: d["tests"][0]["abnormal"].append({"condition": "dragon_pox", "p": 0.5, "result": "Scales."}))
    with pytest.raises(KBError, match="dragon_pox"):
        load_case_kb(kb_copy)


def test_unknown_finding_in_the_exam_is_an_error(kb_copy):
    _edit(kb_copy / "cases" / "patients.yaml", lambda d: d["exam"]["signs"].append("glowing_skin"))
    with pytest.raises(KBError, match="glowing_skin"):
        load_case_kb(kb_copy)


def test_unknown_condition_in_a_vitals_family_is_an_error(kb_copy):
    _edit(kb_copy / "cases" / "patients.yaml", lambda d: d["vitals"]["families"][0]["conditions"].append("nope"))
    with pytest.raises(KBError, match="nope"):
        load_case_kb(kb_copy)


def test_schema_errors_name_the_file_and_place(kb_copy):
    _edit(kb_copy / "cases" / "tests.yaml", lambda d: d["tests"][1].pop("source"))
    with pytest.raises(KBError, match="tests.yaml.*source"):
        load_case_kb(kb_copy)


def test_missing_file_and_duplicate_ids_are_errors(kb_copy, tmp_path):
    _edit(kb_copy / "cases" / "tests.yaml", lambda d: d["tests"].append(dict(d["tests"][0])))
    with pytest.raises(KBError, match="duplicate"):
        load_case_kb(kb_copy)
    (kb_copy / "cases" / "patients.yaml").unlink()
    with pytest.raises(KBError, match="missing"):
        load_case_kb(kb_copy)


def test_reversed_range_is_an_error(kb_copy):
    _edit(kb_copy / "cases" / "patients.yaml", lambda d: d["age_bands"].update({"child": [15, 1]}))
    with pytest.raises(KBError, match="low end"):
        load_case_kb(kb_copy)


def _set_teething_ages(doc: dict, rng: list) -> None:
    next(c for c in doc["conditions"] if c["id"] == "teething")["typical_ages"]["range"] = rng


def test_typical_age_has_one_home_in_the_triage_kb(kb_copy):
    """Session 14: the generator's age range for a condition is the triage KB's typical_ages (no second copy in
    patients.yaml); changing it there changes the case KB, and a reversed one is refused."""
    assert "age_ranges" not in yaml.safe_load((kb_copy / "cases" / "patients.yaml").read_text())
    path = next(p for p in (kb_copy / "triage").glob("conditions_*.yaml") if "id: teething\n" in p.read_text())
    _edit(path, lambda d: _set_teething_ages(d, [0.5, 2.0]))
    assert load_case_kb(kb_copy).age_ranges["teething"] == (0.5, 2.0)
    _edit(path, lambda d: _set_teething_ages(d, [3, 1]))
    with pytest.raises(KBError, match="must rise"):
        load_case_kb(kb_copy)
