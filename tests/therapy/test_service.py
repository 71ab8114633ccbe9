"""medcore.therapy.service: the one entry point the page and the CLI both call (issue 10)."""

from medcore.auth import SYSTEM
from pathlib import Path

import pytest

from medcore.therapy import service
from medcore.therapy.profile import ProfileError

PHARMCAT = Path(__file__).parent / "data" / "pharmcat.example.phenotype.trimmed.json"


def test_a_plan_is_made_and_audited(settings, store, kb):
    res = service.make(settings, {"age": 60, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}, "dvt_pe", kb=kb,
                       store=store, user=SYSTEM)
    assert res.plan.chosen and res.patient.age == 60
    rows = [e for e in store.audit_events(tool="therapy") if e["action"] == "plan"]
    assert rows and rows[0]["detail"]["condition"] == "dvt_pe" and rows[0]["detail"]["status"] == "ok"


def test_the_profile_is_refused_with_every_problem(settings, kb):
    with pytest.raises(ProfileError) as exc:
        service.make(settings, {"age": None, "sex": "x", "allergies": 5}, "dvt_pe", kb=kb, user=SYSTEM)
    assert len(exc.value.problems) >= 2


def test_a_pharmcat_report_is_merged_as_on_the_page(settings, kb):
    data = {"age": 60, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0, "genotypes": {"CYP2C19": "*2/*2"}}
    res = service.make(settings, data, "dvt_pe", kb=kb, pharmcat_report=PHARMCAT, user=SYSTEM)
    assert res.patient.genotypes["CYP2B6"] == "Normal Metabolizer"
    assert res.patient.genotypes["CYP2C19"] == "*2/*2"  # the patient's own call is kept, and the difference named
    assert any("CYP2C19" in n and "kept" in n for n in res.notes)
    same = service.make(settings, data, "dvt_pe", kb=kb, pharmcat_report=PHARMCAT.read_bytes(), user=SYSTEM)
    assert same.patient.genotypes == res.patient.genotypes
