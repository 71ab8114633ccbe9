"""`eval triage --vignettes GLOBS --allow-missing`: vignettes written before their conditions are scored as misses."""

from __future__ import annotations

import pytest
import yaml

from medcore.triage.evaluate import load_vignettes, metrics, run_case
from medcore.triage.kb import KBError


def _write(d, name, vs):
    (d / name).write_text(yaml.safe_dump({"vignettes": vs}))


def _v(vid, diagnosis, present):
    return {"id": vid, "text": "I have a bad headache since this morning", "age": 30, "sex": "female",
            "diagnosis": diagnosis, "icd10": "G43.9", "triage": "routine", "present": present}


def test_files_pick_and_missing_diagnoses_are_misses(tmp_path, kb, lexical_engine):
    d = tmp_path / "triage"
    d.mkdir()
    _write(d, "vignettes.yaml", [_v("a1", "migraine", ["headache"])])
    _write(d, "vignettes_new.yaml", [_v("b1", "not_yet_in_kb", ["headache", "no_such_finding"])])
    with pytest.raises(KBError, match="unknown diagnosis"):
        load_vignettes(d, kb)
    vs = load_vignettes(d, kb, files="vignettes_new.yaml", allow_missing=True)
    assert [v["id"] for v in vs] == ["b1"] and vs[0]["present"] == ["headache"]
    with pytest.raises(KBError, match="no vignette file matches"):
        load_vignettes(d, kb, files="vignettes_other*.yaml")
    case = run_case(lexical_engine, vs[0], "one_shot")
    assert case.rank == len(kb.conditions) + 1 and metrics([case])["top10"] == 0.0
